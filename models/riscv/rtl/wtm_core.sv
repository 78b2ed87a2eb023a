// WTM2101 CPU core model: RV32IMAC, machine mode, in the spirit of the Nuclei N307's short
// in-order pipeline. Two stages: IF (synchronous instruction SRAM: the address leaves in one
// cycle, the word is latched at the next edge) and EX (decode, execute, memory, write-back).
// One instruction is in EX at a time; multi-cycle classes hold the pipeline for the number of
// cycles in the cost table of wtm_core_pkg (docs/core-timing.md), so that mcycle follows the
// documented timing exactly. Memory ports are served by the SystemC wrapper between edges.
//
// Clock: every transition of `clk`, rising or falling, is one core cycle (the state registers
// take both edges). This is a simulation-speed choice: the SystemC wrapper evaluates the model
// once per cycle instead of twice. A synthesised core would use one edge of a real clock.
//
// Fast-forward: while the core only waits (stall cycles, wfi) the wrapper may let one edge
// stand for 1 + `skip` cycles; every counter then advances by the same amount.
// The F extension's arithmetic runs in C++ (models/riscv/fpu/Float32.cpp, exact IEEE 754
// binary32 per the RISC-V spec); the RTL keeps the registers, fcsr, decode and timing.
// Returns {27'b0, fflags[4:0], result[31:0]}.
import "DPI-C" pure function longint wtm_fpu_op(input int op, input int a, input int b, input int c, input int rm);

module wtm_core
  import wtm_core_pkg::*;
#(
  parameter logic [31:0] RESET_PC = 32'h0000_0000
) (
  input  logic        clk,
  input  logic        rst_n,
  // Instruction fetch: 32 bits at a halfword-aligned address, returned before the next edge.
  output logic        ifu_req,
  output logic [31:0] ifu_addr,
  input  logic [31:0] ifu_rdata,
  input  logic        ifu_err,
  // Data port: one access per cycle, right-aligned data.
  output logic        lsu_req,
  output logic        lsu_we,
  output logic [1:0]  lsu_size,     // 0 byte, 1 halfword, 2 word
  output logic [31:0] lsu_addr,
  output logic [31:0] lsu_wdata,
  input  logic [31:0] lsu_rdata,
  input  logic        lsu_err,
  input  logic [31:0] bus_wait,     // extra cycles the bus charged for this cycle's accesses
  input  logic [31:0] skip,         // idle fast-forward (see above)
  // Interrupt request from the ECLIC: the highest pending enabled interrupt above its threshold.
  input  logic        irq_valid,
  input  logic [7:0]  irq_id,
  input  logic [7:0]  irq_level,
  input  logic        irq_shv,      // selective hardware vectoring (through mtvt)
  output logic        claim_valid,  // the interrupt below was taken at the last edge
  output logic [7:0]  claim_id,
  // Observation
  output logic [31:0] stall_left,
  // Cycles after this edge that an instruction executing now would only stall (cost - 1 of a
  // sequential instruction, which fetches its successor in the same edge): the wrapper may let
  // the edge stand for them too (`skip`), unless its data access faults.
  output logic [31:0] absorbable,
  output logic        sleeping,
  output logic        event_valid,  // an event happened at the last edge (kind below)
  output logic [2:0]  event_kind,   // EVENT_* of wtm_core_pkg
  output logic [31:0] event_pc,
  output logic [31:0] event_cause,
  output logic [31:0] event_tval,
  output logic [31:0] current_pc,
  output logic        retire_valid, // an instruction completed at the last edge (for tracing)
  output logic [31:0] retire_pc,
  output logic [31:0] retire_insn,
  output logic        irq_enabled,  // mstatus.MIE
  output logic [63:0] cycle_count,
  output logic [63:0] instret_count,
  output logic        trap_entry,   // an exception or interrupt was entered at the last edge
  // Debug (the board's GDB stub). The wrapper holds the core between instructions by not
  // clocking it; an edge with dbg_op != DBG_OP_NONE then reads or writes one register
  // (dbg_addr, see wtm_core_pkg) and is not a cycle: no counter moves, nothing executes.
  input  logic [1:0]  dbg_op,
  input  logic [12:0] dbg_addr,
  input  logic [31:0] dbg_wdata,
  output logic [31:0] dbg_rdata,
  output logic        dbg_ok,       // the register exists (read) / was written
  input  logic        dbg_irq_mask, // single-stepping: interrupts are not taken (they still wake wfi)
  input  logic [31:0] dbg_hold_traps, // bit n: an exception with cause n is held, not taken
  output logic        insn_next,    // the instruction at current_pc is in EX (it executes at the next
                                    // edge unless an interrupt is taken first)
  output logic        at_boundary,  // no vector-table read or AMO half in flight: a place to halt
  output logic        lsu_amo       // the load/store port's access is an AMO's read (its write follows)
);

  // ------------------------------------------------------------------ state
  logic [31:0] pc, ir, npc, stall;
  logic        ir_valid, ir_fault, fetch_redirect, sleep;
  logic [31:0] regs [32] = '{default: 32'd0};
  logic [31:0] fregs [32] = '{default: 32'd0};
  logic [1:0]  mstatus_fs;
  logic [4:0]  fflags;
  logic [2:0]  frm;
  logic        amo_phase;
  logic [31:0] amo_old;
  logic        resv_valid;
  logic [31:0] resv_addr;
  // CSRs
  logic        mstatus_mie, mstatus_mpie;
  logic [31:0] mtvec, mscratch, mepc, mtval, mie;
  // mcause in fields: the ECLIC layout adds MINHV, MPIL and mirrors MPP/MPIE of mstatus
  logic        mcause_irq, mcause_minhv;
  logic [7:0]  mcause_mpil;
  logic [11:0] mcause_code;
  // Nuclei machine state
  logic [7:0]  mil;                       // mintstatus.MIL: level of the interrupt being serviced
  logic [1:0]  msubm_typ, msubm_ptyp;     // 0 normal, 1 interrupt, 2 exception, 3 NMI
  logic [31:0] mtvt, mtvt2, mmisc_ctl;
  logic        wfe_bit, sleepvalue_bit, txevt_bit;
  logic        ucode_ov;                  // DSP saturation flag (ucode CSR bit 0)
  // Reading a vector-table entry (vectored interrupt entry, jalmnxti) before jumping through it
  logic        vec_pending;
  logic [31:0] vec_addr;
  logic [2:0]  mcountinhibit;
  logic [63:0] mcycle, minstret;

  // ------------------------------------------------------------------ pipeline state
  // What this cycle does, from state alone: execute the instruction in EX, fetch, or read a
  // vector-table entry (else the pipeline only waits). The logic below evaluates an instruction
  // only in a cycle that executes one, so that waiting and fetching cycles cost the simulation
  // little.
  logic        exec_active, fetch_active, vec_active;
  always_comb begin
    vec_active   = vec_pending && (stall == 32'd0) && !sleep;
    exec_active  = ir_valid && (stall == 32'd0) && !sleep && !vec_pending;
    fetch_active = !ir_valid && (stall == 32'd0) && !sleep && !vec_pending;
  end

  // ------------------------------------------------------------------ decode
  logic        is_c;
  logic [31:0] c_instr, instr;
  logic        c_illegal;
  logic [31:0] ilen;
  wtm_rvc_expand u_rvc (.enable(exec_active && ir[1:0] != 2'b11), .c(ir[15:0]), .instr(c_instr), .illegal(c_illegal));

  logic [6:0]  opcode, funct7;
  logic [4:0]  rd, rs1, rs2, rs3;
  logic [2:0]  funct3;
  logic [31:0] rs1_val, rs2_val, frs1_val, frs2_val, frs3_val;

  // The immediates of the 32-bit formats, computed only where an instruction uses one (as
  // signals they would be computed for every instruction). Each takes the whole word and uses
  // only its format's bits.
  /* verilator lint_off UNUSEDSIGNAL */
  function automatic logic [31:0] imm_i(input logic [31:0] i);
    return {{20{i[31]}}, i[31:20]};
  endfunction
  function automatic logic [31:0] imm_s(input logic [31:0] i);
    return {{20{i[31]}}, i[31:25], i[11:7]};
  endfunction
  function automatic logic [31:0] imm_b(input logic [31:0] i);
    return {{19{i[31]}}, i[31], i[7], i[30:25], i[11:8], 1'b0};
  endfunction
  function automatic logic [31:0] imm_u(input logic [31:0] i);
    return {i[31:12], 12'b0};
  endfunction
  function automatic logic [31:0] imm_j(input logic [31:0] i);
    return {{11{i[31]}}, i[31], i[19:12], i[20], i[30:21], 1'b0};
  endfunction
  /* verilator lint_on UNUSEDSIGNAL */

  always_comb begin
    is_c   = (ir[1:0] != 2'b11);
    instr  = is_c ? c_instr : ir;
    ilen   = is_c ? 32'd2 : 32'd4;
    opcode = instr[6:0];
    rd     = instr[11:7];
    funct3 = instr[14:12];
    rs1    = instr[19:15];
    rs2    = instr[24:20];
    rs3    = instr[31:27];
    funct7 = instr[31:25];
    rs1_val = (rs1 == 5'd0) ? 32'd0 : regs[rs1];
    rs2_val = (rs2 == 5'd0) ? 32'd0 : regs[rs2];
    frs1_val = fregs[rs1];
    frs2_val = fregs[rs2];
    frs3_val = fregs[rs3];
  end

  // ------------------------------------------------------------------ functional units
  logic [31:0] alu_b, alu_out, md_out;
  logic        alu_alt;
  wtm_alu u_alu (.funct3(funct3), .alt(alu_alt), .a(rs1_val), .b(alu_b), .result(alu_out));
  // Operands chosen from the opcode alone, outside the execute block, so the ALU sits on a
  // straight combinational path (no loop through the big execute process).
  always_comb begin
    alu_b   = (opcode == OP_OP_IMM) ? imm_i(instr) : rs2_val;
    alu_alt = (opcode == OP_OP) ? instr[30] : (funct3 == 3'b101 && instr[30]);
  end
  wtm_muldiv u_md (.enable(opcode == OP_OP && funct7 == 7'b0000001), .funct3(funct3), .a(rs1_val), .b(rs2_val),
                   .result(md_out));
  logic [31:0] dsp_out;
  logic        dsp_ov, dsp_legal, dsp_multiply;
  wtm_dsp u_dsp (.enable(opcode == OP_DSP), .funct7(funct7), .rs2_field(rs2), .a(rs1_val), .b(rs2_val), .result(dsp_out), .ov(dsp_ov),
                 .legal(dsp_legal), .multiply(dsp_multiply));

  // ------------------------------------------------------------------ CSR read
  logic [11:0] csr_addr;
  logic        csr_exists, csr_is_fp, eclic_mode, csr_is_push;
  logic [31:0] csr_rdata, mstatus_value, mcause_value;

  // The debug port reads a CSR through the instructions' own read logic: a select edge points
  // it at the CSR (the core is halted, no instruction uses it meanwhile), a read edge latches it.
  logic        dbg_csr_sel;
  logic [11:0] dbg_csr_addr;
  always_comb begin
    csr_addr = dbg_csr_sel ? dbg_csr_addr : instr[31:20];
    eclic_mode = (mtvec[1:0] == 2'b11);
  end
  // Where a trap goes, and a non-vectored interrupt: the common entry of mtvt2 when enabled,
  // else the trap base. Functions, so that they are computed only when one is taken.
  function automatic logic [31:0] trap_base();
    return (mtvec[1:0] == 2'b11) ? {mtvec[31:6], 6'b0} : {mtvec[31:2], 2'b0};
  endfunction
  function automatic logic [31:0] irq_base();
    return mtvt2[0] ? {mtvt2[31:2], 2'b0} : trap_base();
  endfunction
  // Only SYSTEM instructions and the debugger's CSR reads look at the read port: the others do
  // not pay for its decode.
  always_comb begin
    mstatus_value = 32'd0;
    mcause_value = 32'd0;
    csr_exists = 1'b1;
    csr_is_fp = 1'b0;
    csr_is_push = 1'b0;
    csr_rdata = 32'd0;
    if (opcode == OP_SYSTEM || dbg_csr_sel) begin
      mstatus_value = {(mstatus_fs == 2'b11), 16'b0, mstatus_fs, 2'b11, 3'b0, mstatus_mpie, 3'b0, mstatus_mie, 3'b0};
      mcause_value = eclic_mode ? {mcause_irq, mcause_minhv, 2'b11, mstatus_mpie, 3'b0, mcause_mpil, 4'b0, mcause_code}
                                : {mcause_irq, 19'b0, mcause_code};
      unique case (csr_addr)
        CSR_FFLAGS: begin
          csr_rdata = {27'b0, fflags};
          csr_is_fp = 1'b1;
        end
        CSR_FRM: begin
          csr_rdata = {29'b0, frm};
          csr_is_fp = 1'b1;
        end
        CSR_FCSR: begin
          csr_rdata = {24'b0, frm, fflags};
          csr_is_fp = 1'b1;
        end
        CSR_MSTATUS:       csr_rdata = mstatus_value;
        CSR_MISA:          csr_rdata = MISA_VALUE;
        CSR_MIE:           csr_rdata = mie;
        CSR_MTVEC:         csr_rdata = mtvec;
        CSR_MCOUNTINHIBIT: csr_rdata = {29'b0, mcountinhibit};
        CSR_MSCRATCH:      csr_rdata = mscratch;
        CSR_MEPC:          csr_rdata = mepc;
        CSR_MCAUSE:        csr_rdata = mcause_value;
        CSR_MTVAL:         csr_rdata = mtval;
        CSR_MIP:           csr_rdata = 32'd0;
        CSR_MCYCLE, CSR_CYCLE:       csr_rdata = mcycle[31:0];
        CSR_MCYCLEH, CSR_CYCLEH:     csr_rdata = mcycle[63:32];
        CSR_MINSTRET, CSR_INSTRET:   csr_rdata = minstret[31:0];
        CSR_MINSTRETH, CSR_INSTRETH: csr_rdata = minstret[63:32];
        CSR_MVENDORID:     csr_rdata = MVENDORID_VALUE;
        CSR_MARCHID:       csr_rdata = MARCHID_VALUE;
        CSR_MIMPID:        csr_rdata = MIMPID_VALUE;
        CSR_MHARTID:       csr_rdata = 32'd0;
        CSR_MTVT:          csr_rdata = mtvt;
        CSR_MNXTI:         csr_rdata = 32'd0;  // software vectoring through mnxti is not used by Nuclei glue
        CSR_MINTSTATUS:    csr_rdata = {mil, 24'b0};
        CSR_MNVEC:         csr_rdata = mmisc_ctl[9] ? trap_base() : RESET_PC;
        CSR_MSUBM:         csr_rdata = {22'b0, msubm_ptyp, msubm_typ, 6'b0};
        CSR_MMISC_CTL:     csr_rdata = mmisc_ctl;
        CSR_MTVT2:         csr_rdata = mtvt2;
        CSR_JALMNXTI:      csr_rdata = 32'd0;
        CSR_PUSHMSUBM, CSR_PUSHMCAUSE, CSR_PUSHMEPC: begin
          csr_rdata = 32'd0;
          csr_is_push = 1'b1;
        end
        CSR_WFE:           csr_rdata = {31'b0, wfe_bit};
        CSR_SLEEPVALUE:    csr_rdata = {31'b0, sleepvalue_bit};
        CSR_TXEVT:         csr_rdata = {31'b0, txevt_bit};
        CSR_UCODE:         csr_rdata = {31'b0, ucode_ov};
        default: begin
          csr_rdata = 32'd0;
          csr_exists = 1'b0;
        end
      endcase
    end
  end

  // ------------------------------------------------------------------ execute (combinational)
  logic        illegal, exc, ex_done, fast_path, redirect;
  logic [4:0]  exc_cause;
  logic [31:0] exc_tval, next_pc, cost, rd_value;
  logic        rd_we, is_load, is_sc, is_lr, is_mret, is_wfi, is_csr, csr_we, br_taken;
  logic [31:0] mem_addr, csr_src, csr_wdata, amo_result;
  logic [4:0]  amo_op;
  logic        sc_ok;
  // interrupts
  logic        take_irq, irq_possible, is_jalmnxti, ov_set;
  logic        lsu_req_c, fast_path_i;
  logic [31:0] push_value;
  // F extension
  logic        fp_insn, frd_we, fpu_valid, fpu_to_int, fpu_int_src, rm_bad;
  logic [31:0] frd_value, fpu_a;
  /* verilator lint_off UNUSEDSIGNAL */
  logic [63:0] fpu_out;  // the FPU's result: value in [31:0], fflags in [36:32], bits 63:37 unused
  /* verilator lint_on UNUSEDSIGNAL */
  logic [4:0]  fflags_set;
  logic [2:0]  rm;
  int          fpu_op;

  always_comb begin
    // An interrupt can be taken at an instruction boundary (not inside an AMO) in ECLIC mode
    // (mtvec.MODE = 3, as the WTM2101 runs) with MIE set; whether one is, depends on the
    // request inputs and is decided in the small block after this one, so that this large
    // block depends on state only (Verilator then evaluates it once per cycle, not per input).
    irq_possible = exec_active && eclic_mode && mstatus_mie && !amo_phase;
    is_jalmnxti = 1'b0;
    ov_set = 1'b0;
    push_value = 32'd0;

    illegal = 1'b0;
    exc = 1'b0;
    exc_cause = EXC_ILLEGAL;
    exc_tval = 32'd0;
    ex_done = 1'b1;
    next_pc = pc + ilen;
    cost = COST_ALU;
    rd_we = 1'b0;
    rd_value = 32'd0;
    is_load = 1'b0;
    is_sc = 1'b0;
    is_lr = 1'b0;
    is_mret = 1'b0;
    is_wfi = 1'b0;
    is_csr = 1'b0;
    csr_we = 1'b0;
    br_taken = 1'b0;
    mem_addr = rs1_val + imm_i(instr);
    lsu_req_c = 1'b0;
    lsu_we = 1'b0;
    lsu_size = funct3[1:0];
    lsu_wdata = rs2_val;
    csr_src = funct3[2] ? {27'b0, rs1} : rs1_val;
    csr_wdata = 32'd0;
    amo_op = instr[31:27];
    amo_result = 32'd0;
    sc_ok = resv_valid && (resv_addr == rs1_val);
    fp_insn = 1'b0;
    frd_we = 1'b0;
    frd_value = 32'd0;
    fpu_valid = 1'b0;
    fpu_to_int = 1'b0;
    fpu_int_src = 1'b0;
    fpu_op = 0;
    fpu_out = 64'd0;
    fflags_set = 5'd0;
    rm = (funct3 == 3'b111) ? frm : funct3;
    rm_bad = (rm == 3'b101) || (rm == 3'b110) || (rm == 3'b111);

    if (exec_active) begin
      unique case (opcode)
        OP_LUI: begin
          rd_we = 1'b1;
          rd_value = imm_u(instr);
        end
        OP_AUIPC: begin
          rd_we = 1'b1;
          rd_value = pc + imm_u(instr);
        end
        OP_JAL: begin
          rd_we = 1'b1;
          rd_value = pc + ilen;
          next_pc = pc + imm_j(instr);
          cost = COST_JAL;
        end
        OP_JALR: begin
          illegal = (funct3 != 3'b000);
          rd_we = 1'b1;
          rd_value = pc + ilen;
          next_pc = (rs1_val + imm_i(instr)) & ~32'd1;
          cost = COST_JALR;
        end
        OP_BRANCH: begin
          unique case (funct3)
            3'b000: br_taken = (rs1_val == rs2_val);
            3'b001: br_taken = (rs1_val != rs2_val);
            3'b100: br_taken = ($signed(rs1_val) < $signed(rs2_val));
            3'b101: br_taken = ($signed(rs1_val) >= $signed(rs2_val));
            3'b110: br_taken = (rs1_val < rs2_val);
            3'b111: br_taken = (rs1_val >= rs2_val);
            default: illegal = 1'b1;
          endcase
          if (br_taken) next_pc = pc + imm_b(instr);
          // Static prediction: backward taken, forward not taken (instr[31]: the offset's sign).
          if (instr[31]) cost = br_taken ? COST_BR_PRED_TAKEN : COST_BR_MISPREDICT;
          else cost = br_taken ? COST_BR_MISPREDICT : COST_BR_NOT_TAKEN;
        end
        OP_LOAD: begin
          is_load = 1'b1;
          rd_we = 1'b1;
          cost = COST_LOAD;
          illegal = (funct3 == 3'b011) || (funct3 == 3'b110) || (funct3 == 3'b111);
          if (!illegal) begin
            if ((funct3[1:0] == 2'b01 && mem_addr[0]) || (funct3[1:0] == 2'b10 && mem_addr[1:0] != 2'b00)) begin
              if (mmisc_ctl[6]) begin
                lsu_req_c = 1'b1;
                cost = COST_LOAD + COST_MISALIGNED_ACCESS;
              end else begin
                exc = 1'b1;
                exc_cause = EXC_LOAD_MISALIGNED;
                exc_tval = mem_addr;
              end
            end else lsu_req_c = 1'b1;
          end
        end
        OP_STORE: begin
          mem_addr = rs1_val + imm_s(instr);
          cost = COST_STORE;
          lsu_we = 1'b1;
          illegal = (funct3[2] || funct3[1:0] == 2'b11);
          if (!illegal) begin
            if ((funct3[1:0] == 2'b01 && mem_addr[0]) || (funct3[1:0] == 2'b10 && mem_addr[1:0] != 2'b00)) begin
              if (mmisc_ctl[6]) begin
                lsu_req_c = 1'b1;
                cost = COST_STORE + COST_MISALIGNED_ACCESS;
              end else begin
                exc = 1'b1;
                exc_cause = EXC_STORE_MISALIGNED;
                exc_tval = mem_addr;
              end
            end else lsu_req_c = 1'b1;
          end
        end
        OP_OP_IMM: begin
          rd_we = 1'b1;
          rd_value = alu_out;
          if (funct3 == 3'b001) illegal = (funct7 != 7'b0000000);
          if (funct3 == 3'b101) illegal = (funct7 != 7'b0000000) && (funct7 != 7'b0100000);
        end
        OP_OP: begin
          rd_we = 1'b1;
          if (funct7 == 7'b0000001) begin
            rd_value = md_out;
            cost = funct3[2] ? COST_DIV : COST_MUL;
          end else begin
            rd_value = alu_out;
            illegal = !((funct7 == 7'b0000000) ||
                        (funct7 == 7'b0100000 && (funct3 == 3'b000 || funct3 == 3'b101)));
          end
        end
        OP_MISC_MEM: begin
          // fence orders nothing here (one master, in order); fence.i drains the fetch buffer.
          if (funct3 == 3'b001) cost = COST_FENCE_I;
          else illegal = (funct3 != 3'b000);
        end
        OP_AMO: begin
          mem_addr = rs1_val;
          lsu_size = 2'b10;
          rd_we = 1'b1;
          if (funct3 != 3'b010) illegal = 1'b1;
          else begin
            unique case (amo_op)
              5'b00010: begin  // lr.w
                is_lr = 1'b1;
                illegal = (rs2 != 5'd0);
                cost = COST_LR;
              end
              5'b00011: begin  // sc.w
                is_sc = 1'b1;
                cost = COST_SC;
              end
              5'b00001, 5'b00000, 5'b00100, 5'b01100, 5'b01000, 5'b10000, 5'b10100, 5'b11000, 5'b11100: begin
                cost = COST_AMO - 1;  // the read phase is the extra cycle
              end
              default: illegal = 1'b1;
            endcase
          end
          if (!illegal) begin
            if (mem_addr[1:0] != 2'b00) begin
              exc = 1'b1;
              exc_cause = is_lr ? EXC_LOAD_MISALIGNED : EXC_STORE_MISALIGNED;
              exc_tval = mem_addr;
            end else if (is_lr) begin
              lsu_req_c = 1'b1;
            end else if (is_sc) begin
              lsu_req_c = sc_ok;
              lsu_we = 1'b1;
              rd_value = sc_ok ? 32'd0 : 32'd1;
            end else begin
              lsu_req_c = 1'b1;
              lsu_we = amo_phase;
              ex_done = amo_phase;
              unique case (amo_op)
                5'b00001: amo_result = rs2_val;
                5'b00000: amo_result = amo_old + rs2_val;
                5'b00100: amo_result = amo_old ^ rs2_val;
                5'b01100: amo_result = amo_old & rs2_val;
                5'b01000: amo_result = amo_old | rs2_val;
                5'b10000: amo_result = ($signed(amo_old) < $signed(rs2_val)) ? amo_old : rs2_val;
                5'b10100: amo_result = ($signed(amo_old) > $signed(rs2_val)) ? amo_old : rs2_val;
                5'b11000: amo_result = (amo_old < rs2_val) ? amo_old : rs2_val;
                default:  amo_result = (amo_old > rs2_val) ? amo_old : rs2_val;
              endcase
              lsu_wdata = amo_result;
              rd_value = amo_old;
            end
          end
        end
        OP_LOAD_FP: begin  // flw
          fp_insn = 1'b1;
          is_load = 1'b1;
          frd_we = 1'b1;
          cost = COST_LOAD;
          illegal = (funct3 != 3'b010);
          if (!illegal) begin
            if (mem_addr[1:0] != 2'b00 && !mmisc_ctl[6]) begin
              exc = 1'b1;
              exc_cause = EXC_LOAD_MISALIGNED;
              exc_tval = mem_addr;
            end else begin
              lsu_req_c = 1'b1;
              if (mem_addr[1:0] != 2'b00) cost = COST_LOAD + COST_MISALIGNED_ACCESS;
            end
          end
        end
        OP_STORE_FP: begin  // fsw
          fp_insn = 1'b1;
          mem_addr = rs1_val + imm_s(instr);
          cost = COST_STORE;
          lsu_we = 1'b1;
          lsu_wdata = frs2_val;
          illegal = (funct3 != 3'b010);
          if (!illegal) begin
            if (mem_addr[1:0] != 2'b00 && !mmisc_ctl[6]) begin
              exc = 1'b1;
              exc_cause = EXC_STORE_MISALIGNED;
              exc_tval = mem_addr;
            end else begin
              lsu_req_c = 1'b1;
              if (mem_addr[1:0] != 2'b00) cost = COST_STORE + COST_MISALIGNED_ACCESS;
            end
          end
        end
        OP_MADD, OP_MSUB, OP_NMSUB, OP_NMADD: begin
          fp_insn = 1'b1;
          illegal = (instr[26:25] != 2'b00) || rm_bad;
          frd_we = 1'b1;
          fpu_valid = 1'b1;
          fpu_op = (opcode == OP_MADD) ? FPU_MADD : (opcode == OP_MSUB) ? FPU_MSUB
                 : (opcode == OP_NMSUB) ? FPU_NMSUB : FPU_NMADD;
          cost = COST_FP_FMA;
        end
        OP_OP_FP: begin
          fp_insn = 1'b1;
          fpu_valid = 1'b1;
          frd_we = 1'b1;
          cost = COST_FP_ADD;
          unique case (funct7)
            7'b0000000: begin fpu_op = FPU_ADD; illegal = rm_bad; end
            7'b0000100: begin fpu_op = FPU_SUB; illegal = rm_bad; end
            7'b0001000: begin fpu_op = FPU_MUL; illegal = rm_bad; end
            7'b0001100: begin fpu_op = FPU_DIV; illegal = rm_bad; cost = COST_FP_DIV; end
            7'b0101100: begin fpu_op = FPU_SQRT; illegal = rm_bad || (rs2 != 5'd0); cost = COST_FP_SQRT; end
            7'b0010000: begin  // fsgnj / fsgnjn / fsgnjx: pure bit operations
              fpu_valid = 1'b0;
              cost = COST_FP_SIMPLE;
              unique case (funct3)
                3'b000: frd_value = {frs2_val[31], frs1_val[30:0]};
                3'b001: frd_value = {~frs2_val[31], frs1_val[30:0]};
                3'b010: frd_value = {frs1_val[31] ^ frs2_val[31], frs1_val[30:0]};
                default: illegal = 1'b1;
              endcase
            end
            7'b0010100: begin
              cost = COST_FP_SIMPLE;
              fpu_op = (funct3 == 3'b000) ? FPU_MIN : FPU_MAX;
              illegal = (funct3[2:1] != 2'b00);
            end
            7'b1100000: begin  // fcvt.w.s / fcvt.wu.s
              fpu_op = (rs2 == 5'd0) ? FPU_CVT_W_S : FPU_CVT_WU_S;
              fpu_to_int = 1'b1;
              illegal = rm_bad || (rs2[4:1] != 4'd0);
            end
            7'b1101000: begin  // fcvt.s.w / fcvt.s.wu
              fpu_op = (rs2 == 5'd0) ? FPU_CVT_S_W : FPU_CVT_S_WU;
              fpu_int_src = 1'b1;
              illegal = rm_bad || (rs2[4:1] != 4'd0);
            end
            7'b1010000: begin  // fle / flt / feq
              cost = COST_FP_SIMPLE;
              fpu_to_int = 1'b1;
              fpu_op = (funct3 == 3'b010) ? FPU_EQ : (funct3 == 3'b001) ? FPU_LT : FPU_LE;
              illegal = (funct3[2] || funct3 == 3'b011);
            end
            7'b1110000: begin  // fmv.x.w / fclass.s
              cost = COST_FP_SIMPLE;
              fpu_to_int = 1'b1;
              if (funct3 == 3'b000) begin
                fpu_valid = 1'b0;
                rd_value = frs1_val;
              end else fpu_op = FPU_CLASS;
              illegal = (rs2 != 5'd0) || (funct3[2:1] != 2'b00);
            end
            7'b1111000: begin  // fmv.w.x
              cost = COST_FP_SIMPLE;
              fpu_valid = 1'b0;
              frd_value = rs1_val;
              illegal = (rs2 != 5'd0) || (funct3 != 3'b000);
            end
            default: illegal = 1'b1;
          endcase
          if (fpu_to_int) begin
            frd_we = 1'b0;
            rd_we = 1'b1;
          end
        end
        OP_DSP: begin
          rd_we = 1'b1;
          rd_value = dsp_out;
          ov_set = dsp_ov;
          illegal = (funct3 != 3'b000) || !dsp_legal;
          cost = dsp_multiply ? COST_MUL : COST_ALU;
        end
        OP_SYSTEM: begin
          if (funct3 == 3'b000) begin
            unique case (instr)
              32'h0000_0073: begin
                exc = 1'b1;
                exc_cause = EXC_ECALL_M;
              end
              32'h0010_0073: begin
                exc = 1'b1;
                exc_cause = EXC_BREAKPOINT;
                exc_tval = pc;
              end
              32'h3020_0073: begin
                is_mret = 1'b1;
                next_pc = mepc;
                cost = COST_MRET;
              end
              32'h1050_0073: begin
                is_wfi = 1'b1;
                cost = 32'd2;  // the wake-up refetch
              end
              default: illegal = 1'b1;
            endcase
          end else if (funct3 == 3'b100) begin
            illegal = 1'b1;
          end else begin
            is_csr = 1'b1;
            cost = COST_CSR;
            rd_we = 1'b1;
            rd_value = csr_rdata;
            csr_we = (funct3[1:0] == 2'b01) || (rs1 != 5'd0);
            unique case (funct3[1:0])
              2'b01: csr_wdata = csr_src;
              2'b10: csr_wdata = csr_rdata | csr_src;
              default: csr_wdata = csr_rdata & ~csr_src;
            endcase
            illegal = !csr_exists || (csr_we && csr_addr[11:10] == 2'b11) || (csr_is_fp && mstatus_fs == 2'b00);
            if (csr_is_push && csr_we) begin
              // pushm*: store the CSR at sp + 4*value (csrrwi x0, pushmcause, 11 -> [sp+44])
              mem_addr = regs[2] + {csr_src[29:0], 2'b00};
              push_value = (csr_addr == CSR_PUSHMSUBM) ? {22'b0, msubm_ptyp, msubm_typ, 6'b0}
                         : (csr_addr == CSR_PUSHMCAUSE) ? mcause_value : mepc;
              lsu_we = 1'b1;
              lsu_size = 2'b10;
              lsu_wdata = push_value;
              cost = COST_STORE;
              if (mem_addr[1:0] != 2'b00) begin
                exc = 1'b1;
                exc_cause = EXC_STORE_MISALIGNED;
                exc_tval = mem_addr;
              end else lsu_req_c = 1'b1;
            end
            if (csr_addr == CSR_JALMNXTI) begin
              // Claim the next non-vectored interrupt that outranks the interrupted context,
              // enable interrupts and jump through its vector-table entry, linking to this
              // instruction so that the handler's return runs it again (tail chaining).
              is_jalmnxti = 1'b1;
              rd_value = pc;  // 0 instead when nothing is claimed (see the write-back)
              cost = COST_JALMNXTI;
            end
          end
        end
        default: illegal = 1'b1;
      endcase

      if (fp_insn && mstatus_fs == 2'b00) illegal = 1'b1;  // FPU off
      fpu_a = fpu_int_src ? rs1_val : frs1_val;
      if (fpu_valid && !illegal) begin
        fpu_out = wtm_fpu_op(fpu_op, fpu_a, frs2_val, frs3_val, {29'b0, rm});
        fflags_set = fpu_out[36:32];
        if (fpu_to_int) rd_value = fpu_out[31:0];
        else frd_value = fpu_out[31:0];
      end

      if (is_c && c_illegal) illegal = 1'b1;
      if (ir_fault) begin
        exc = 1'b1;
        exc_cause = EXC_INSTR_ACCESS;
        exc_tval = pc;
      end else if (illegal) begin
        exc = 1'b1;
        exc_cause = EXC_ILLEGAL;
        exc_tval = is_c ? {16'b0, ir[15:0]} : ir;
      end
      if (exc) begin
        lsu_req_c = 1'b0;
        rd_we = 1'b0;
        frd_we = 1'b0;
        fflags_set = 5'd0;
        ov_set = 1'b0;
        ex_done = 1'b1;
        next_pc = trap_base();
        cost = COST_TRAP;
      end
    end
    if (vec_active) begin
      // vector-table read: the handler address at mtvt + 4*id
      lsu_req_c = 1'b1;
      lsu_we = 1'b0;
      lsu_size = 2'b10;
      mem_addr = vec_addr;
    end
    lsu_addr = mem_addr;

    redirect = (next_pc != pc + ilen);
    // The next instruction is fetched in this cycle when a sequential instruction is in EX (a
    // multi-cycle one then holds it for its remaining cycles); after a redirect the pipeline goes
    // through its FETCH state.
    fast_path_i = exec_active && ex_done && !exc && !redirect && !is_wfi && !is_jalmnxti &&
                  !(opcode == OP_MISC_MEM && funct3 == 3'b001);  // fence.i fetches afresh after it
  end

  // Interrupt decisions: the only combinational logic that reads the request inputs (whatever
  // else reads an input is decided in the edge, so that it does not run at every evaluation).
  always_comb begin
    take_irq = irq_possible && irq_valid && (irq_level > mil) && !dbg_irq_mask;
    fast_path = fast_path_i && !take_irq;
    absorbable = fast_path ? cost - 32'd1 : 32'd0;
    lsu_req = lsu_req_c && !take_irq;
    ifu_req  = fetch_active || fast_path;
    ifu_addr = fetch_active ? npc : next_pc;
  end

  // ------------------------------------------------------------------ load data alignment
  function automatic logic [31:0] load_value(input logic [2:0] f3, input logic [31:0] data);
    unique case (f3)
      3'b000: return {{24{data[7]}}, data[7:0]};
      3'b001: return {{16{data[15]}}, data[15:0]};
      3'b100: return {24'b0, data[7:0]};
      3'b101: return {16'b0, data[15:0]};
      default: return data;
    endcase
  endfunction

  // ------------------------------------------------------------------ outputs
  assign stall_left    = stall;
  assign sleeping      = sleep;
  assign current_pc    = ir_valid ? pc : npc;
  assign irq_enabled   = mstatus_mie;
  assign cycle_count   = mcycle;
  assign instret_count = minstret;
  assign at_boundary   = !vec_pending && !amo_phase;
  assign insn_next     = exec_active;
  assign lsu_amo       = (opcode == OP_AMO) && !is_lr && !is_sc;

  // ------------------------------------------------------------------ sequential
  always_ff @(posedge clk or negedge clk or negedge rst_n) begin : sequential
    // The CSR write port of this edge, shared by CSR instructions and the debug port; decided
    // inside the edge so that no logic outside it runs every cycle for the debugger's sake.
    logic        csr_wr_en;
    logic [11:0] csr_wr_addr;
    logic [31:0] csr_wr_data;
    // The trap decision reads the data port's answer (lsu_err): decided here, at the edge, it
    // does not run at every evaluation of the inputs.
    logic        trap_now;
    logic [4:0]  trap_cause;
    logic [31:0] trap_tval;
    logic [63:0] elapsed;
    logic        dbg_csr, jalmnxti_claims;
    trap_now  = exec_active && !take_irq && (exc || (lsu_req && lsu_err));
    trap_cause = exc ? exc_cause
               : ((is_load || is_lr) ? EXC_LOAD_ACCESS : EXC_STORE_ACCESS);
    trap_tval  = exc ? exc_tval : lsu_addr;
    elapsed    = 64'd1 + {32'd0, skip};
    dbg_csr = (dbg_addr & DBG_ADDR_CSR) != 13'd0;  // the debug port addresses a CSR
    jalmnxti_claims = is_jalmnxti && exec_active && irq_valid && !irq_shv && (irq_level > mcause_mpil);
    csr_wr_en = 1'b0;
    csr_wr_addr = csr_addr;
    csr_wr_data = csr_wdata;
    if (!rst_n) begin
      pc <= RESET_PC;
      npc <= RESET_PC;
      ir <= 32'd0;
      ir_valid <= 1'b0;
      ir_fault <= 1'b0;
      stall <= 32'd0;
      fetch_redirect <= 1'b1;
      sleep <= 1'b0;
      amo_phase <= 1'b0;
      amo_old <= 32'd0;
      resv_valid <= 1'b0;
      resv_addr <= 32'd0;
      mstatus_mie <= 1'b0;
      mstatus_mpie <= 1'b0;
      mtvec <= 32'd0;
      mcause_irq <= 1'b0;
      mcause_minhv <= 1'b0;
      mcause_mpil <= 8'd0;
      mcause_code <= 12'd0;
      mil <= 8'd0;
      msubm_typ <= 2'd0;
      msubm_ptyp <= 2'd0;
      mtvt <= 32'd0;
      mtvt2 <= 32'd0;
      mmisc_ctl <= MMISC_CTL_RESET;
      wfe_bit <= 1'b0;
      sleepvalue_bit <= 1'b0;
      txevt_bit <= 1'b0;
      ucode_ov <= 1'b0;
      vec_pending <= 1'b0;
      vec_addr <= 32'd0;
      claim_valid <= 1'b0;
      claim_id <= 8'd0;
      retire_valid <= 1'b0;
      retire_pc <= 32'd0;
      retire_insn <= 32'd0;
      mscratch <= 32'd0;
      mepc <= 32'd0;
      mtval <= 32'd0;
      mie <= 32'd0;
      mcountinhibit <= 3'b000;
      mcycle <= 64'd0;
      minstret <= 64'd0;
      event_valid <= 1'b0;
      event_kind <= 3'd0;
      event_pc <= 32'd0;
      event_cause <= 32'd0;
      event_tval <= 32'd0;
      trap_entry <= 1'b0;
      dbg_rdata <= 32'd0;
      dbg_ok <= 1'b0;
      dbg_csr_sel <= 1'b0;
      dbg_csr_addr <= 12'd0;
      // The register files are not reset (as on the chip); they start at 0 in simulation.
      mstatus_fs <= 2'b00;
      fflags <= 5'd0;
      frm <= 3'd0;
    end else begin
      if (dbg_op != DBG_OP_NONE) begin
        // A debug edge: one register read or written (CSRs through the write port below).
        event_valid <= 1'b0;
        claim_valid <= 1'b0;
        retire_valid <= 1'b0;
        trap_entry <= 1'b0;
        if (dbg_op == DBG_OP_SELECT_CSR) begin
          dbg_csr_sel <= 1'b1;
          dbg_csr_addr <= dbg_addr[11:0];
        end else if (dbg_op == DBG_OP_READ) begin
          dbg_ok <= dbg_addr <= DBG_ADDR_RESV_ADDR;
          if (dbg_csr) begin
            dbg_ok <= csr_exists;
            dbg_rdata <= csr_rdata;
            dbg_csr_sel <= 1'b0;
          end
          else if (dbg_addr < DBG_ADDR_FPR) dbg_rdata <= (dbg_addr[4:0] == 5'd0) ? 32'd0 : regs[dbg_addr[4:0]];
          else if (dbg_addr < DBG_ADDR_PC) dbg_rdata <= fregs[dbg_addr[4:0]];
          else if (dbg_addr == DBG_ADDR_MIL) dbg_rdata <= {24'd0, mil};
          else if (dbg_addr == DBG_ADDR_RESV) dbg_rdata <= {31'd0, resv_valid};
          else if (dbg_addr == DBG_ADDR_RESV_ADDR) dbg_rdata <= resv_addr;
          else dbg_rdata <= current_pc;
        end else begin
          dbg_ok <= dbg_csr || dbg_addr <= DBG_ADDR_RESV_ADDR;
          if (dbg_csr) begin
            csr_wr_en = 1'b1;
            csr_wr_addr = dbg_addr[11:0];
            csr_wr_data = dbg_wdata;
          end else begin
            if (dbg_addr < DBG_ADDR_FPR) begin
              if (dbg_addr[4:0] != 5'd0) regs[dbg_addr[4:0]] <= dbg_wdata;
            end else if (dbg_addr < DBG_ADDR_PC) begin
              fregs[dbg_addr[4:0]] <= dbg_wdata;
            end else if (dbg_addr == DBG_ADDR_PC) begin
              // A new pc starts afresh there: the prefetched instruction, a wfi sleep, an AMO
              // half-done and the LR reservation are dropped, as a probe's resume at a new pc does.
              npc <= {dbg_wdata[31:1], 1'b0};
              ir_valid <= 1'b0;
              fetch_redirect <= 1'b1;
              sleep <= 1'b0;
              amo_phase <= 1'b0;
              resv_valid <= 1'b0;
            end else if (dbg_addr == DBG_ADDR_MIL) begin
              mil <= dbg_wdata[7:0];
            end else if (dbg_addr == DBG_ADDR_RESV) begin
              resv_valid <= dbg_wdata[0];
            end else if (dbg_addr == DBG_ADDR_RESV_ADDR) begin
              resv_addr <= dbg_wdata;
            end
          end
        end
      end else begin
        event_valid <= 1'b0;
        claim_valid <= 1'b0;
        retire_valid <= 1'b0;
        trap_entry <= 1'b0;
        if (!mcountinhibit[0]) mcycle <= mcycle + elapsed;

        if (sleep) begin
          if (irq_valid) sleep <= 1'b0;  // any pending enabled interrupt wakes wfi, even with MIE off
        end else if (stall != 32'd0) begin
          stall <= stall - elapsed[31:0];
        end else if (vec_pending) begin
          // The vector-table entry arrived: jump to the handler.
          vec_pending <= 1'b0;
          mcause_minhv <= 1'b0;
          if (lsu_err) begin
            trap_entry <= 1'b1;
            mepc <= vec_addr;
            mcause_irq <= 1'b0;
            mcause_code <= {7'd0, EXC_INSTR_ACCESS};
            mtval <= vec_addr;
            msubm_ptyp <= msubm_typ;
            msubm_typ <= 2'd2;
            npc <= trap_base();
            event_valid <= 1'b1;
            event_kind <= EVENT_EXCEPTION;
            event_pc <= vec_addr;
            event_cause <= {27'd0, EXC_INSTR_ACCESS};
            event_tval <= vec_addr;
          end else npc <= {lsu_rdata[31:1], 1'b0};
          stall <= bus_wait;
          fetch_redirect <= 1'b1;
        end else if (!ir_valid) begin
          // FETCH: the word addressed in this cycle enters EX.
          ir <= ifu_rdata;
          ir_fault <= ifu_err;
          pc <= npc;
          ir_valid <= 1'b1;
          stall <= bus_wait + ((fetch_redirect && npc[1] && ifu_rdata[1:0] == 2'b11)
                               ? COST_MISALIGNED_TARGET : 32'd0);
          fetch_redirect <= 1'b0;
        end else if (take_irq) begin
          // Interrupt entry (ECLIC mode): save the context, raise the level, go to the handler.
          trap_entry <= 1'b1;
          mepc <= pc;
          mcause_irq <= 1'b1;
          mcause_code <= {4'd0, irq_id};
          mcause_mpil <= mil;
          mil <= irq_level;
          mstatus_mpie <= mstatus_mie;
          mstatus_mie <= 1'b0;
          msubm_ptyp <= msubm_typ;
          msubm_typ <= 2'd1;
          // A vectored interrupt is claimed on entry; a non-vectored one stays pending until the
          // common entry's jalmnxti claims it (edge-triggered pending bits clear on claim).
          claim_valid <= irq_shv;
          claim_id <= irq_id;
          ir_valid <= 1'b0;
          fetch_redirect <= 1'b1;
          resv_valid <= 1'b0;
          if (irq_shv) begin
            vec_pending <= 1'b1;
            vec_addr <= mtvt + {22'd0, irq_id, 2'b00};
            mcause_minhv <= 1'b1;
            stall <= COST_IRQ_ENTRY - 2;
          end else begin
            npc <= irq_base();
            stall <= COST_IRQ_ENTRY - 2;
          end
        end else if (trap_now && dbg_hold_traps[trap_cause]) begin
          // An exception the debugger wants to see before the firmware's handler does: only the
          // event; the cycle counted above is taken back (the edge is not a cycle).
          if (!mcountinhibit[0]) mcycle <= mcycle;
          event_valid <= 1'b1;
          event_kind <= EVENT_TRAP_HELD;
          event_pc <= pc;
          event_cause <= {27'd0, trap_cause};
          event_tval <= trap_tval;
        end else if (trap_now) begin
          trap_entry <= 1'b1;
          mepc <= pc;
          mcause_irq <= 1'b0;
          mcause_code <= {7'd0, trap_cause};
          mcause_mpil <= mil;
          msubm_ptyp <= msubm_typ;
          msubm_typ <= 2'd2;
          mtval <= trap_tval;
          mstatus_mpie <= mstatus_mie;
          mstatus_mie <= 1'b0;
          npc <= trap_base();
          ir_valid <= 1'b0;
          stall <= COST_TRAP - 2 + bus_wait;
          fetch_redirect <= 1'b1;
          amo_phase <= 1'b0;
          resv_valid <= 1'b0;
          event_valid <= 1'b1;
          event_kind <= EVENT_EXCEPTION;
          event_pc <= pc;
          event_cause <= {27'd0, trap_cause};
          event_tval <= trap_tval;
        end else if (!ex_done) begin
          // First phase of an AMO: keep the old value, write it back in the next cycle.
          amo_old <= lsu_rdata;
          amo_phase <= 1'b1;
          stall <= bus_wait;
        end else begin
          // EX completes
          amo_phase <= 1'b0;
          retire_valid <= 1'b1;
          retire_pc <= pc;
          retire_insn <= is_c ? {16'b0, ir[15:0]} : ir;
          if (rd_we && rd != 5'd0)
            regs[rd] <= (is_load || is_lr) ? load_value(funct3, lsu_rdata) : (is_jalmnxti && !jalmnxti_claims) ? 32'd0 : rd_value;
          if (frd_we) fregs[rd] <= is_load ? lsu_rdata : frd_value;
          if (frd_we || fflags_set != 5'd0) mstatus_fs <= 2'b11;
          if (fflags_set != 5'd0) fflags <= fflags | fflags_set;
          if (ov_set) ucode_ov <= 1'b1;
          if (is_lr) begin
            resv_valid <= 1'b1;
            resv_addr <= mem_addr;
          end
          if (is_sc) resv_valid <= 1'b0;
          if (!mcountinhibit[2] && !(is_csr && csr_we && (csr_addr == CSR_MINSTRET || csr_addr == CSR_MINSTRETH)))
            minstret <= minstret + 64'd1;
          if (is_mret) begin
            mstatus_mie <= mstatus_mpie;
            mstatus_mpie <= 1'b1;
            if (eclic_mode) mil <= mcause_mpil;
            msubm_typ <= msubm_ptyp;
          end
          csr_wr_en = is_csr && csr_we;
          if (jalmnxti_claims) begin
            mstatus_mie <= 1'b1;
            mil <= irq_level;
            mcause_code <= {4'd0, irq_id};
            claim_valid <= 1'b1;
            claim_id <= irq_id;
            vec_pending <= 1'b1;
            vec_addr <= mtvt + {22'd0, irq_id, 2'b00};
          end
          if (!exc && next_pc == pc && (opcode == OP_JAL || opcode == OP_BRANCH)) begin  // a jump to itself
            event_valid <= 1'b1;
            event_kind <= EVENT_SELF_LOOP;
            event_pc <= pc;
          end
          if (is_wfi && !irq_valid) begin
            sleep <= 1'b1;
            npc <= next_pc;
            ir_valid <= 1'b0;
            stall <= bus_wait;
            event_valid <= 1'b1;
            event_kind <= EVENT_WFI;
            event_pc <= pc;
          end else if (fast_path) begin
            ir <= ifu_rdata;
            ir_fault <= ifu_err;
            pc <= next_pc;
            stall <= cost - elapsed[31:0] + bus_wait;  // what `skip` has not absorbed
          end else begin
            npc <= next_pc;
            ir_valid <= 1'b0;
            stall <= ((cost > 32'd1) ? cost - 32'd2 : 32'd0) + bus_wait;
            fetch_redirect <= redirect;
          end
        end
      end
      if (csr_wr_en) begin
        unique case (csr_wr_addr)
          CSR_MSTATUS: begin
            mstatus_mie <= csr_wr_data[3];
            mstatus_mpie <= csr_wr_data[7];
            mstatus_fs <= csr_wr_data[14:13];
          end
          CSR_FFLAGS: begin
            fflags <= csr_wr_data[4:0];
            mstatus_fs <= 2'b11;
          end
          CSR_FRM: begin
            frm <= csr_wr_data[2:0];
            mstatus_fs <= 2'b11;
          end
          CSR_FCSR: begin
            fflags <= csr_wr_data[4:0];
            frm <= csr_wr_data[7:5];
            mstatus_fs <= 2'b11;
          end
          CSR_MIE: mie <= csr_wr_data & 32'h0000_0888;
          CSR_MTVEC: mtvec <= (csr_wr_data[1:0] == 2'b10) ? {csr_wr_data[31:2], 2'b00} : csr_wr_data;
          CSR_MCOUNTINHIBIT: mcountinhibit <= {csr_wr_data[2], 1'b0, csr_wr_data[0]};
          CSR_MSCRATCH: mscratch <= csr_wr_data;
          CSR_MEPC: mepc <= {csr_wr_data[31:1], 1'b0};
          CSR_MCAUSE: begin
            mcause_irq <= csr_wr_data[31];
            mcause_code <= csr_wr_data[11:0];
            if (eclic_mode) begin
              mcause_minhv <= csr_wr_data[30];
              mstatus_mpie <= csr_wr_data[27];  // MPIE is one bit, seen in mcause and mstatus
              mcause_mpil <= csr_wr_data[23:16];
            end
          end
          CSR_MTVT: mtvt <= {csr_wr_data[31:6], 6'b0};
          CSR_MSUBM: begin
            msubm_typ <= csr_wr_data[7:6];
            msubm_ptyp <= csr_wr_data[9:8];
          end
          CSR_MMISC_CTL: mmisc_ctl <= csr_wr_data & 32'h0000_0248;  // BPU 3, MISALIGN 6, NMI_CAUSE_FFF 9
          CSR_MTVT2: mtvt2 <= {csr_wr_data[31:2], 1'b0, csr_wr_data[0]};
          CSR_WFE: wfe_bit <= csr_wr_data[0];
          CSR_SLEEPVALUE: sleepvalue_bit <= csr_wr_data[0];
          CSR_TXEVT: txevt_bit <= csr_wr_data[0];
          CSR_UCODE: ucode_ov <= csr_wr_data[0];
          CSR_MTVAL: mtval <= csr_wr_data;
          CSR_MCYCLE: mcycle[31:0] <= csr_wr_data;
          CSR_MCYCLEH: mcycle[63:32] <= csr_wr_data;
          CSR_MINSTRET: minstret[31:0] <= csr_wr_data;
          CSR_MINSTRETH: minstret[63:32] <= csr_wr_data;
          default: ;
        endcase
      end
    end
  end

endmodule
