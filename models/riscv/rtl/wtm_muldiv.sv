// M-extension arithmetic (combinational; the pipeline charges the cycles of the iterative
// hardware through the cost table). Division by zero and signed overflow follow the ISA.
module wtm_muldiv (
  input  logic        enable,   // only M instructions evaluate the (costly) arithmetic
  input  logic [2:0]  funct3,
  input  logic [31:0] a,
  input  logic [31:0] b,
  output logic [31:0] result
);
  logic signed [63:0] prod_ss;
  // Only the high halves of the mixed-sign and unsigned products are results (mulhsu, mulhu).
  /* verilator lint_off UNUSEDSIGNAL */
  logic signed [63:0] prod_su;
  logic        [63:0] prod_uu;
  /* verilator lint_on UNUSEDSIGNAL */
  logic div_by_zero, overflow;

  always_comb begin
    prod_ss = 64'sd0;
    prod_su = 64'sd0;
    prod_uu = 64'd0;
    div_by_zero = 1'b0;
    overflow = 1'b0;
    result = 32'd0;
    if (enable) begin
    prod_ss = $signed({{32{a[31]}}, a}) * $signed({{32{b[31]}}, b});
    prod_su = $signed({{32{a[31]}}, a}) * $signed({32'b0, b});
    prod_uu = {32'b0, a} * {32'b0, b};
    div_by_zero = (b == 32'd0);
    overflow = (a == 32'h8000_0000) && (b == 32'hFFFF_FFFF);
    unique case (funct3)
      3'b000: result = prod_ss[31:0];   // mul
      3'b001: result = prod_ss[63:32];  // mulh
      3'b010: result = prod_su[63:32];  // mulhsu
      3'b011: result = prod_uu[63:32];  // mulhu
      3'b100: result = div_by_zero ? 32'hFFFF_FFFF : overflow ? a : $unsigned($signed(a) / $signed(b));  // div
      3'b101: result = div_by_zero ? 32'hFFFF_FFFF : a / b;                                            // divu
      3'b110: result = div_by_zero ? a : overflow ? 32'd0 : $unsigned($signed(a) % $signed(b));         // rem
      default: result = div_by_zero ? a : a % b;                                                       // remu
    endcase
    end
  end
endmodule
