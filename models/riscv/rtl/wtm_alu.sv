// Integer ALU for OP and OP-IMM: add/sub, shifts, compares and logic.
module wtm_alu (
  input  logic [2:0]  funct3,
  input  logic        alt,      // instr[30]: sub / sra
  input  logic [31:0] a,
  input  logic [31:0] b,
  output logic [31:0] result
);
  always_comb begin
    unique case (funct3)
      3'b000: result = alt ? a - b : a + b;
      3'b001: result = a << b[4:0];
      3'b010: result = {31'b0, $signed(a) < $signed(b)};
      3'b011: result = {31'b0, a < b};
      3'b100: result = a ^ b;
      3'b101: result = alt ? $unsigned($signed(a) >>> b[4:0]) : a >> b[4:0];
      3'b110: result = a | b;
      default: result = a & b;
    endcase
  end
endmodule
