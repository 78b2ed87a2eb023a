// Constants of the WTM2101 RISC-V core model: opcodes, CSR numbers, trap causes, and the
// cycle cost of each instruction class (docs/core-timing.md explains each figure).
package wtm_core_pkg;

  // Major opcodes (instr[6:0])
  localparam logic [6:0] OP_LOAD     = 7'b0000011;
  localparam logic [6:0] OP_LOAD_FP  = 7'b0000111;
  localparam logic [6:0] OP_MISC_MEM = 7'b0001111;
  localparam logic [6:0] OP_OP_IMM   = 7'b0010011;
  localparam logic [6:0] OP_AUIPC    = 7'b0010111;
  localparam logic [6:0] OP_STORE    = 7'b0100011;
  localparam logic [6:0] OP_STORE_FP = 7'b0100111;
  localparam logic [6:0] OP_AMO      = 7'b0101111;
  localparam logic [6:0] OP_OP       = 7'b0110011;
  localparam logic [6:0] OP_LUI      = 7'b0110111;
  localparam logic [6:0] OP_BRANCH   = 7'b1100011;
  localparam logic [6:0] OP_JALR     = 7'b1100111;
  localparam logic [6:0] OP_JAL      = 7'b1101111;
  localparam logic [6:0] OP_SYSTEM   = 7'b1110011;
  localparam logic [6:0] OP_MADD     = 7'b1000011;
  localparam logic [6:0] OP_MSUB     = 7'b1000111;
  localparam logic [6:0] OP_NMSUB    = 7'b1001011;
  localparam logic [6:0] OP_NMADD    = 7'b1001111;
  localparam logic [6:0] OP_OP_FP    = 7'b1010011;
  localparam logic [6:0] OP_DSP      = 7'b1111111;  // vendor encoding of the P-draft SIMD space

  // Operation codes of the FPU function reached by DPI (models/riscv/fpu/FpuDpi.cpp).
  localparam int FPU_ADD = 0, FPU_SUB = 1, FPU_MUL = 2, FPU_DIV = 3, FPU_SQRT = 4, FPU_MADD = 5,
                 FPU_MSUB = 6, FPU_NMSUB = 7, FPU_NMADD = 8, FPU_CVT_W_S = 9, FPU_CVT_WU_S = 10,
                 FPU_CVT_S_W = 11, FPU_CVT_S_WU = 12, FPU_EQ = 13, FPU_LT = 14, FPU_LE = 15,
                 FPU_MIN = 16, FPU_MAX = 17, FPU_CLASS = 18;

  // Floating-point CSRs
  localparam logic [11:0] CSR_FFLAGS        = 12'h001;
  localparam logic [11:0] CSR_FRM           = 12'h002;
  localparam logic [11:0] CSR_FCSR          = 12'h003;
  // Machine-mode CSRs
  localparam logic [11:0] CSR_MSTATUS       = 12'h300;
  localparam logic [11:0] CSR_MISA          = 12'h301;
  localparam logic [11:0] CSR_MIE           = 12'h304;
  localparam logic [11:0] CSR_MTVEC         = 12'h305;
  localparam logic [11:0] CSR_MCOUNTINHIBIT = 12'h320;
  localparam logic [11:0] CSR_MSCRATCH      = 12'h340;
  localparam logic [11:0] CSR_MEPC          = 12'h341;
  localparam logic [11:0] CSR_MCAUSE        = 12'h342;
  localparam logic [11:0] CSR_MTVAL         = 12'h343;
  localparam logic [11:0] CSR_MIP           = 12'h344;
  localparam logic [11:0] CSR_MCYCLE        = 12'hB00;
  localparam logic [11:0] CSR_MINSTRET      = 12'hB02;
  localparam logic [11:0] CSR_MCYCLEH       = 12'hB80;
  localparam logic [11:0] CSR_MINSTRETH     = 12'hB82;
  localparam logic [11:0] CSR_CYCLE         = 12'hC00;
  localparam logic [11:0] CSR_INSTRET       = 12'hC02;
  localparam logic [11:0] CSR_CYCLEH        = 12'hC80;
  localparam logic [11:0] CSR_INSTRETH      = 12'hC82;
  // Nuclei custom CSRs (reference/soc.md §1.3)
  localparam logic [11:0] CSR_MTVT          = 12'h307;
  localparam logic [11:0] CSR_MNXTI         = 12'h345;
  localparam logic [11:0] CSR_MINTSTATUS    = 12'h346;
  localparam logic [11:0] CSR_MNVEC         = 12'h7C3;
  localparam logic [11:0] CSR_MSUBM         = 12'h7C4;
  localparam logic [11:0] CSR_MMISC_CTL     = 12'h7D0;
  localparam logic [11:0] CSR_PUSHMSUBM     = 12'h7EB;
  localparam logic [11:0] CSR_MTVT2         = 12'h7EC;
  localparam logic [11:0] CSR_JALMNXTI      = 12'h7ED;
  localparam logic [11:0] CSR_PUSHMCAUSE    = 12'h7EE;
  localparam logic [11:0] CSR_PUSHMEPC      = 12'h7EF;
  localparam logic [11:0] CSR_WFE           = 12'h810;
  localparam logic [11:0] CSR_SLEEPVALUE    = 12'h811;
  localparam logic [11:0] CSR_TXEVT         = 12'h812;
  localparam logic [11:0] CSR_UCODE         = 12'h801;  // P-extension draft: OV (saturation) in bit 0
  localparam logic [11:0] CSR_MVENDORID     = 12'hF11;
  localparam logic [11:0] CSR_MARCHID       = 12'hF12;
  localparam logic [11:0] CSR_MIMPID        = 12'hF13;
  localparam logic [11:0] CSR_MHARTID       = 12'hF14;

  // What event_kind reports at an edge with event_valid; the C++ wrapper reads these too
  // (Verilator exports public parameters as constants).
  localparam logic [2:0] EVENT_EXCEPTION /*verilator public*/ = 3'd1;  // a trap was taken
  localparam logic [2:0] EVENT_SELF_LOOP /*verilator public*/ = 3'd2;  // a jump or branch to itself
  localparam logic [2:0] EVENT_WFI       /*verilator public*/ = 3'd3;  // wfi put the core to sleep
  // An exception in dbg_hold_traps was held instead of taken: the edge changed nothing and was
  // not a cycle (event_pc/cause/tval say what would have been taken).
  localparam logic [2:0] EVENT_TRAP_HELD /*verilator public*/ = 3'd4;

  // Debug port: an edge with dbg_op != DBG_OP_NONE reads or writes one register instead of
  // being a cycle. dbg_addr: x registers at 0, f registers at DBG_ADDR_FPR, the pc at
  // DBG_ADDR_PC, CSR n at DBG_ADDR_CSR + n. A CSR is read in two edges: DBG_OP_SELECT_CSR, then
  // DBG_OP_READ.
  localparam logic [1:0]  DBG_OP_NONE       /*verilator public*/ = 2'd0;
  localparam logic [1:0]  DBG_OP_READ       /*verilator public*/ = 2'd1;
  // The write is the debug op the RTL treats as "otherwise"; the wrapper sends it by this name.
  /* verilator lint_off UNUSEDPARAM */
  localparam logic [1:0]  DBG_OP_WRITE      /*verilator public*/ = 2'd2;
  /* verilator lint_on UNUSEDPARAM */
  localparam logic [1:0]  DBG_OP_SELECT_CSR /*verilator public*/ = 2'd3;
  localparam logic [12:0] DBG_ADDR_FPR /*verilator public*/ = 13'h0020;
  localparam logic [12:0] DBG_ADDR_PC  /*verilator public*/ = 13'h0040;
  // State no CSR writes, for handing a run over from the fast core: mintstatus.MIL and the LR
  // reservation (valid in bit 0, then its address).
  localparam logic [12:0] DBG_ADDR_MIL       /*verilator public*/ = 13'h0041;
  localparam logic [12:0] DBG_ADDR_RESV      /*verilator public*/ = 13'h0042;
  localparam logic [12:0] DBG_ADDR_RESV_ADDR /*verilator public*/ = 13'h0043;
  localparam logic [12:0] DBG_ADDR_CSR /*verilator public*/ = 13'h1000;

  // Exception causes (mcause, interrupt bit clear)
  // Never raised with the C extension (every target is halfword aligned); listed for the wrapper.
  /* verilator lint_off UNUSEDPARAM */
  localparam logic [4:0] EXC_INSTR_MISALIGNED /*verilator public*/ = 5'd0;
  /* verilator lint_on UNUSEDPARAM */
  localparam logic [4:0] EXC_INSTR_ACCESS /*verilator public*/     = 5'd1;
  localparam logic [4:0] EXC_ILLEGAL /*verilator public*/          = 5'd2;
  localparam logic [4:0] EXC_BREAKPOINT /*verilator public*/       = 5'd3;
  localparam logic [4:0] EXC_LOAD_MISALIGNED /*verilator public*/  = 5'd4;
  localparam logic [4:0] EXC_LOAD_ACCESS /*verilator public*/      = 5'd5;
  localparam logic [4:0] EXC_STORE_MISALIGNED /*verilator public*/ = 5'd6;
  localparam logic [4:0] EXC_STORE_ACCESS /*verilator public*/     = 5'd7;
  localparam logic [4:0] EXC_ECALL_M /*verilator public*/          = 5'd11;

  // misa: MXL=1 (RV32), extensions A, C, F, I, M
  localparam logic [31:0] MISA_VALUE = 32'h4000_1125;
  localparam logic [31:0] MVENDORID_VALUE = 32'h0000_0536;  // Nuclei's JEDEC id
  localparam logic [31:0] MARCHID_VALUE   = 32'h0000_0307;  // N307 class
  localparam logic [31:0] MIMPID_VALUE    = 32'h0001_0000;  // this model, version 1.0

  // Cycle cost of each instruction class (total cycles from issue to the next issue).
  localparam int unsigned COST_ALU          = 1;
  localparam int unsigned COST_LOAD         = 2;   // one-cycle SRAM + load-use slot
  localparam int unsigned COST_STORE        = 1;
  localparam int unsigned COST_JAL          = 2;   // target known in decode: one refetch bubble
  localparam int unsigned COST_JALR         = 3;   // target from the register file in EX
  localparam int unsigned COST_BR_NOT_TAKEN = 1;   // predicted not taken (forward), correct
  localparam int unsigned COST_BR_PRED_TAKEN = 2;  // backward branch taken: predicted, one bubble
  localparam int unsigned COST_BR_MISPREDICT = 3;  // forward taken or backward not taken
  localparam int unsigned COST_MUL          = 2;
  localparam int unsigned COST_DIV          = 34;  // radix-2 iterative divider: 32 steps + 2
  localparam int unsigned COST_AMO          = 3;   // read, write, writeback
  localparam int unsigned COST_LR           = 2;
  localparam int unsigned COST_SC           = 2;
  localparam int unsigned COST_CSR          = 1;
  localparam int unsigned COST_TRAP         = 3;   // flush and refetch from the trap vector
  localparam int unsigned COST_MRET         = 3;
  localparam int unsigned COST_IRQ_ENTRY    = 3;   // like a trap; vectored adds the table read + 1
  localparam int unsigned COST_JALMNXTI     = 2;   // then the table read and the refetch
  localparam int unsigned COST_FENCE_I      = 2;   // drains the (one-entry) fetch buffer
  localparam int unsigned COST_MISALIGNED_TARGET = 1;
  // A misaligned load/store (mmisc_ctl.MISALIGN = 1) is split into two bus beats.
  localparam int unsigned COST_MISALIGNED_ACCESS = 1;
  // mmisc_ctl at reset: MISALIGN (bit 6) set. Inferred: the vendor's closed NPU library loads
  // words from unaligned buffers and works on the chip, so misaligned access is on out of reset.
  localparam logic [31:0] MMISC_CTL_RESET = 32'h0000_0040;
  localparam int unsigned COST_FP_SIMPLE    = 1;   // sign injection, moves, compares, class, min/max
  localparam int unsigned COST_FP_ADD       = 2;   // add, sub, mul, conversions: two-stage FPU pipe
  localparam int unsigned COST_FP_FMA       = 3;   // fused multiply-add: multiply, align, add
  localparam int unsigned COST_FP_DIV       = 14;  // iterative divider: radix-4, 13 steps for 26 bits + 1
  localparam int unsigned COST_FP_SQRT      = 14;  // shares the divider's iteration  // a 32-bit instruction at pc[1]=1 after a redirect

endpackage
