// RV32C decompressor: maps a 16-bit instruction onto its 32-bit equivalent. Reserved encodings
// (and RV64/D-only ones) set `illegal`; HINTs expand to their no-effect base instruction.
// c.flw/c.fsw/c.flwsp/c.fswsp expand to flw/fsw; the decoder rejects them while F is absent.
module wtm_rvc_expand (
  input  logic        enable,  // a compressed instruction is being executed (else: nop, legal)
  input  logic [15:0] c,
  output logic [31:0] instr,
  output logic        illegal
);
  logic [4:0] rd, rs1, rs2, rdp, rs1p, rs2p;
  logic [11:0] imm_ci, imm_lw, imm_sw, imm_addi4spn, imm_addi16sp, imm_lwsp, imm_swsp;
  // Assembled at their architectural widths: bit 0 of the jump/branch offsets is always 0 and
  // RV32 has no shamt[5] (the expansion checks it separately), so those bits are not used.
  /* verilator lint_off UNUSEDSIGNAL */
  logic [20:0] imm_j;
  logic [12:0] imm_b;
  logic [5:0] shamt;
  /* verilator lint_on UNUSEDSIGNAL */

  always_comb begin
    instr   = 32'h0000_0013;  // nop
    illegal = 1'b0;
    if (enable) begin
      rd   = c[11:7];
      rs1  = c[11:7];
      rs2  = c[6:2];
      rdp  = {2'b01, c[4:2]};
      rs1p = {2'b01, c[9:7]};
      rs2p = {2'b01, c[4:2]};
      shamt = {c[12], c[6:2]};
      imm_ci       = {{7{c[12]}}, c[6:2]};
      imm_lw       = {5'b0, c[5], c[12:10], c[6], 2'b00};
      imm_sw       = imm_lw;
      imm_addi4spn = {2'b0, c[10:7], c[12:11], c[5], c[6], 2'b00};
      imm_addi16sp = {{3{c[12]}}, c[4:3], c[5], c[2], c[6], 4'b0000};
      imm_lwsp     = {4'b0, c[3:2], c[12], c[6:4], 2'b00};
      imm_swsp     = {4'b0, c[8:7], c[12:9], 2'b00};
      imm_j        = {{10{c[12]}}, c[8], c[10:9], c[6], c[7], c[2], c[11], c[5:3], 1'b0};
      imm_b        = {{5{c[12]}}, c[6:5], c[2], c[11:10], c[4:3], 1'b0};

      unique case (c[1:0])
        2'b00: begin
          unique case (c[15:13])
            3'b000: begin  // c.addi4spn
              instr = {imm_addi4spn, 5'd2, 3'b000, rdp, 7'b0010011};
              illegal = (imm_addi4spn == 12'd0);
            end
            3'b010: instr = {imm_lw, rs1p, 3'b010, rdp, 7'b0000011};                          // c.lw
            3'b011: instr = {imm_lw, rs1p, 3'b010, rdp, 7'b0000111};                          // c.flw
            3'b110: instr = {imm_sw[11:5], rs2p, rs1p, 3'b010, imm_sw[4:0], 7'b0100011};      // c.sw
            3'b111: instr = {imm_sw[11:5], rs2p, rs1p, 3'b010, imm_sw[4:0], 7'b0100111};      // c.fsw
            default: illegal = 1'b1;  // c.fld, c.fsd (no D), reserved
          endcase
        end
        2'b01: begin
          unique case (c[15:13])
            3'b000: instr = {imm_ci, rd, 3'b000, rd, 7'b0010011};                             // c.addi / c.nop
            3'b001: instr = {imm_j[20], imm_j[10:1], imm_j[11], imm_j[19:12], 5'd1, 7'b1101111};  // c.jal
            3'b010: instr = {imm_ci, 5'd0, 3'b000, rd, 7'b0010011};                           // c.li
            3'b011: begin
              if (rd == 5'd2) begin  // c.addi16sp
                instr = {imm_addi16sp, 5'd2, 3'b000, 5'd2, 7'b0010011};
                illegal = (imm_addi16sp == 12'd0);
              end else begin  // c.lui
                instr = {{15{c[12]}}, c[6:2], rd, 7'b0110111};
                illegal = ({c[12], c[6:2]} == 6'd0);
              end
            end
            3'b100: begin
              unique case (c[11:10])
                2'b00: begin  // c.srli
                  instr = {7'b0000000, shamt[4:0], rs1p, 3'b101, rs1p, 7'b0010011};
                  illegal = c[12];
                end
                2'b01: begin  // c.srai
                  instr = {7'b0100000, shamt[4:0], rs1p, 3'b101, rs1p, 7'b0010011};
                  illegal = c[12];
                end
                2'b10: instr = {imm_ci, rs1p, 3'b111, rs1p, 7'b0010011};                      // c.andi
                default: begin
                  if (c[12]) illegal = 1'b1;  // c.subw / c.addw (RV64)
                  else begin
                    unique case (c[6:5])
                      2'b00: instr = {7'b0100000, rs2p, rs1p, 3'b000, rs1p, 7'b0110011};     // c.sub
                      2'b01: instr = {7'b0000000, rs2p, rs1p, 3'b100, rs1p, 7'b0110011};     // c.xor
                      2'b10: instr = {7'b0000000, rs2p, rs1p, 3'b110, rs1p, 7'b0110011};     // c.or
                      default: instr = {7'b0000000, rs2p, rs1p, 3'b111, rs1p, 7'b0110011};   // c.and
                    endcase
                  end
                end
              endcase
            end
            3'b101: instr = {imm_j[20], imm_j[10:1], imm_j[11], imm_j[19:12], 5'd0, 7'b1101111};  // c.j
            3'b110: instr = {imm_b[12], imm_b[10:5], 5'd0, rs1p, 3'b000, imm_b[4:1], imm_b[11], 7'b1100011};  // c.beqz
            default: instr = {imm_b[12], imm_b[10:5], 5'd0, rs1p, 3'b001, imm_b[4:1], imm_b[11], 7'b1100011}; // c.bnez
          endcase
        end
        2'b10: begin
          unique case (c[15:13])
            3'b000: begin  // c.slli
              instr = {7'b0000000, shamt[4:0], rd, 3'b001, rd, 7'b0010011};
              illegal = c[12];
            end
            3'b010: begin  // c.lwsp
              instr = {imm_lwsp, 5'd2, 3'b010, rd, 7'b0000011};
              illegal = (rd == 5'd0);
            end
            3'b011: instr = {imm_lwsp, 5'd2, 3'b010, rd, 7'b0000111};                         // c.flwsp
            3'b100: begin
              if (!c[12]) begin
                if (rs2 == 5'd0) begin  // c.jr
                  instr = {12'd0, rs1, 3'b000, 5'd0, 7'b1100111};
                  illegal = (rs1 == 5'd0);
                end else instr = {7'b0000000, rs2, 5'd0, 3'b000, rd, 7'b0110011};           // c.mv
              end else begin
                if (rs2 == 5'd0) begin
                  if (rs1 == 5'd0) instr = 32'h0010_0073;                                     // c.ebreak
                  else instr = {12'd0, rs1, 3'b000, 5'd1, 7'b1100111};                        // c.jalr
                end else instr = {7'b0000000, rs2, rd, 3'b000, rd, 7'b0110011};              // c.add
              end
            end
            3'b110: instr = {imm_swsp[11:5], rs2, 5'd2, 3'b010, imm_swsp[4:0], 7'b0100011};  // c.swsp
            3'b111: instr = {imm_swsp[11:5], rs2, 5'd2, 3'b010, imm_swsp[4:0], 7'b0100111};  // c.fswsp
            default: illegal = 1'b1;  // c.fldsp, c.fsdsp
          endcase
        end
        default: illegal = 1'b1;  // not a compressed instruction
      endcase
    end
  end
endmodule
