// Packed-SIMD (DSP) instructions that the WTM2101 vendor libraries execute: major opcode 0x7F
// (the vendor toolchain's encoding of the RISC-V P-extension draft's OP-P space), funct3 = 000,
// funct7 (and for the unpack group the rs2 field) selecting the operation as in the P-extension
// draft and the Nuclei NMSIS core_feature_dsp.h descriptions. Saturating operations set OV
// (bit 0 of the ucode CSR). Anything not listed here is illegal. docs/dsp-instructions.md lists
// every encoding with its source.
module wtm_dsp (
  input  logic        enable,     // only opcode-0x7F instructions evaluate the lanes
  input  logic [6:0]  funct7,
  input  logic [4:0]  rs2_field,  // the register number, or the immediate / sub-opcode
  input  logic [31:0] a,
  input  logic [31:0] b,
  output logic [31:0] result,
  output logic        ov,         // a saturation happened
  output logic        legal,
  output logic        multiply    // uses the multiplier (timing)
);
  // Element helpers
  function automatic logic [7:0] sat8s(input logic signed [9:0] v, inout logic o);
    if (v > 127) begin o = 1'b1; return 8'h7F; end
    if (v < -128) begin o = 1'b1; return 8'h80; end
    return v[7:0];
  endfunction
  function automatic logic [7:0] sat8u(input logic signed [9:0] v, inout logic o);
    if (v > 255) begin o = 1'b1; return 8'hFF; end
    if (v < 0) begin o = 1'b1; return 8'h00; end
    return v[7:0];
  endfunction
  function automatic logic [15:0] sat16s(input logic signed [17:0] v, inout logic o);
    if (v > 32767) begin o = 1'b1; return 16'h7FFF; end
    if (v < -32768) begin o = 1'b1; return 16'h8000; end
    return v[15:0];
  endfunction
  function automatic logic [15:0] sat16u(input logic signed [17:0] v, inout logic o);
    if (v > 65535) begin o = 1'b1; return 16'hFFFF; end
    if (v < 0) begin o = 1'b1; return 16'h0000; end
    return v[15:0];
  endfunction

  logic [7:0]  ab [4], bb [4], rb [4];
  logic [15:0] ah [2], bh [2], rh [2];
  // Sums and products one bit wider than the lanes, for saturation and rounding: not every bit
  // of each reaches the result.
  /* verilator lint_off UNUSEDSIGNAL */
  logic signed [9:0]  s8;
  logic signed [17:0] s16;
  logic signed [31:0] prod;
  /* verilator lint_on UNUSEDSIGNAL */
  logic signed [32:0] lim;
  logic [4:0] imm;

  always_comb begin
    // The lanes are split only for a DSP instruction: the others do not pay for it.
    if (enable) begin
      for (int i = 0; i < 4; i++) begin
        ab[i] = a[8*i +: 8];
        bb[i] = b[8*i +: 8];
        rb[i] = 8'd0;
      end
      for (int i = 0; i < 2; i++) begin
        ah[i] = a[16*i +: 16];
        bh[i] = b[16*i +: 16];
        rh[i] = 16'd0;
      end
    end
    imm = rs2_field;
    ov = 1'b0;
    legal = 1'b1;
    multiply = 1'b0;
    result = 32'd0;
    s8 = 10'sd0;
    s16 = 18'sd0;
    prod = 32'sd0;
    lim = 33'sd0;
    if (!enable) legal = 1'b0;
    else unique case (funct7)
      // ---- 16-bit add/subtract: wrap, signed halving, signed saturating, unsigned halving/saturating
      7'h20, 7'h21, 7'h00, 7'h01, 7'h08, 7'h09, 7'h10, 7'h11, 7'h18, 7'h19: begin
        for (int i = 0; i < 2; i++) begin
          unique case (funct7)
            7'h20: rh[i] = ah[i] + bh[i];                                                  // ADD16
            7'h21: rh[i] = ah[i] - bh[i];                                                  // SUB16
            7'h00: begin s16 = $signed({{2{ah[i][15]}}, ah[i]}) + $signed({{2{bh[i][15]}}, bh[i]}); rh[i] = s16[16:1]; end  // RADD16
            7'h01: begin s16 = $signed({{2{ah[i][15]}}, ah[i]}) - $signed({{2{bh[i][15]}}, bh[i]}); rh[i] = s16[16:1]; end  // RSUB16
            7'h08: rh[i] = sat16s($signed({{2{ah[i][15]}}, ah[i]}) + $signed({{2{bh[i][15]}}, bh[i]}), ov);  // KADD16
            7'h09: rh[i] = sat16s($signed({{2{ah[i][15]}}, ah[i]}) - $signed({{2{bh[i][15]}}, bh[i]}), ov);  // KSUB16
            7'h10: begin s16 = $signed({2'b0, ah[i]}) + $signed({2'b0, bh[i]}); rh[i] = s16[16:1]; end       // URADD16
            7'h11: begin s16 = $signed({2'b0, ah[i]}) - $signed({2'b0, bh[i]}); rh[i] = s16[16:1]; end       // URSUB16
            7'h18: rh[i] = sat16u($signed({2'b0, ah[i]}) + $signed({2'b0, bh[i]}), ov);    // UKADD16
            default: rh[i] = sat16u($signed({2'b0, ah[i]}) - $signed({2'b0, bh[i]}), ov); // UKSUB16
          endcase
        end
        result = {rh[1], rh[0]};
      end
      // ---- 8-bit add/subtract, same five flavours
      7'h24, 7'h25, 7'h04, 7'h05, 7'h0C, 7'h0D, 7'h14, 7'h15, 7'h1C, 7'h1D: begin
        for (int i = 0; i < 4; i++) begin
          unique case (funct7)
            7'h24: rb[i] = ab[i] + bb[i];                                                  // ADD8
            7'h25: rb[i] = ab[i] - bb[i];                                                  // SUB8
            7'h04: begin s8 = $signed({{2{ab[i][7]}}, ab[i]}) + $signed({{2{bb[i][7]}}, bb[i]}); rb[i] = s8[8:1]; end  // RADD8
            7'h05: begin s8 = $signed({{2{ab[i][7]}}, ab[i]}) - $signed({{2{bb[i][7]}}, bb[i]}); rb[i] = s8[8:1]; end  // RSUB8
            7'h0C: rb[i] = sat8s($signed({{2{ab[i][7]}}, ab[i]}) + $signed({{2{bb[i][7]}}, bb[i]}), ov);  // KADD8
            7'h0D: rb[i] = sat8s($signed({{2{ab[i][7]}}, ab[i]}) - $signed({{2{bb[i][7]}}, bb[i]}), ov);  // KSUB8
            7'h14: begin s8 = $signed({2'b0, ab[i]}) + $signed({2'b0, bb[i]}); rb[i] = s8[8:1]; end       // URADD8
            7'h15: begin s8 = $signed({2'b0, ab[i]}) - $signed({2'b0, bb[i]}); rb[i] = s8[8:1]; end       // URSUB8
            7'h1C: rb[i] = sat8u($signed({2'b0, ab[i]}) + $signed({2'b0, bb[i]}), ov);    // UKADD8
            default: rb[i] = sat8u($signed({2'b0, ab[i]}) - $signed({2'b0, bb[i]}), ov); // UKSUB8
          endcase
        end
        result = {rb[3], rb[2], rb[1], rb[0]};
      end
      // ---- min / max
      7'h40, 7'h41, 7'h48, 7'h49: begin
        for (int i = 0; i < 2; i++) begin
          unique case (funct7)
            7'h40: rh[i] = ($signed(ah[i]) < $signed(bh[i])) ? ah[i] : bh[i];  // SMIN16
            7'h41: rh[i] = ($signed(ah[i]) > $signed(bh[i])) ? ah[i] : bh[i];  // SMAX16
            7'h48: rh[i] = (ah[i] < bh[i]) ? ah[i] : bh[i];                    // UMIN16
            default: rh[i] = (ah[i] > bh[i]) ? ah[i] : bh[i];                  // UMAX16
          endcase
        end
        result = {rh[1], rh[0]};
      end
      7'h44, 7'h45, 7'h4C, 7'h4D: begin
        for (int i = 0; i < 4; i++) begin
          unique case (funct7)
            7'h44: rb[i] = ($signed(ab[i]) < $signed(bb[i])) ? ab[i] : bb[i];  // SMIN8
            7'h45: rb[i] = ($signed(ab[i]) > $signed(bb[i])) ? ab[i] : bb[i];  // SMAX8
            7'h4C: rb[i] = (ab[i] < bb[i]) ? ab[i] : bb[i];                    // UMIN8
            default: rb[i] = (ab[i] > bb[i]) ? ab[i] : bb[i];                  // UMAX8
          endcase
        end
        result = {rb[3], rb[2], rb[1], rb[0]};
      end
      // ---- shifts by rs2[3:0] / rs2[2:0]
      7'h28, 7'h29, 7'h2A: begin
        for (int i = 0; i < 2; i++) begin
          unique case (funct7)
            7'h28: rh[i] = $unsigned($signed(ah[i]) >>> b[3:0]);  // SRA16
            7'h29: rh[i] = ah[i] >> b[3:0];                      // SRL16
            default: rh[i] = ah[i] << b[3:0];                    // SLL16
          endcase
        end
        result = {rh[1], rh[0]};
      end
      7'h2C, 7'h2D, 7'h2E: begin
        for (int i = 0; i < 4; i++) begin
          unique case (funct7)
            7'h2C: rb[i] = $unsigned($signed(ab[i]) >>> b[2:0]);  // SRA8
            7'h2D: rb[i] = ab[i] >> b[2:0];                      // SRL8
            default: rb[i] = ab[i] << b[2:0];                    // SLL8
          endcase
        end
        result = {rb[3], rb[2], rb[1], rb[0]};
      end
      // ---- Q15 / Q7 saturating multiply
      7'h43: begin  // KHM16
        multiply = 1'b1;
        for (int i = 0; i < 2; i++) begin
          if (ah[i] == 16'h8000 && bh[i] == 16'h8000) begin
            rh[i] = 16'h7FFF;
            ov = 1'b1;
          end else begin
            prod = $signed({{16{ah[i][15]}}, ah[i]}) * $signed({{16{bh[i][15]}}, bh[i]});
            rh[i] = prod[30:15];
          end
        end
        result = {rh[1], rh[0]};
      end
      7'h47: begin  // KHM8
        multiply = 1'b1;
        for (int i = 0; i < 4; i++) begin
          if (ab[i] == 8'h80 && bb[i] == 8'h80) begin
            rb[i] = 8'h7F;
            ov = 1'b1;
          end else begin
            prod = $signed({{24{ab[i][7]}}, ab[i]}) * $signed({{24{bb[i][7]}}, bb[i]});
            rb[i] = prod[14:7];
          end
        end
        result = {rb[3], rb[2], rb[1], rb[0]};
      end
      // ---- 32-bit clip to an immediate number of bits (imm5 in the rs2 field)
      7'h72: begin  // SCLIP32: [-2^imm, 2^imm - 1]
        lim = 33'sd1 <<< imm;
        if ($signed({a[31], a}) > lim - 33'sd1) begin result = lim[31:0] - 32'd1; ov = 1'b1; end
        else if ($signed({a[31], a}) < -lim) begin result = 32'd0 - lim[31:0]; ov = 1'b1; end
        else result = a;
      end
      7'h7A: begin  // UCLIP32: [0, 2^imm - 1]
        lim = 33'sd1 <<< imm;
        if ($signed({a[31], a}) > lim - 33'sd1) begin result = lim[31:0] - 32'd1; ov = 1'b1; end
        else if (a[31]) begin result = 32'd0; ov = 1'b1; end
        else result = a;
      end
      // ---- byte unpacking (sub-opcode in the rs2 field)
      7'h56: begin
        unique case (rs2_field)
          5'd8:  result = {{8{ab[1][7]}}, ab[1], {8{ab[0][7]}}, ab[0]};  // SUNPKD810
          5'd9:  result = {{8{ab[2][7]}}, ab[2], {8{ab[0][7]}}, ab[0]};  // SUNPKD820
          5'd10: result = {{8{ab[3][7]}}, ab[3], {8{ab[0][7]}}, ab[0]};  // SUNPKD830
          5'd11: result = {{8{ab[3][7]}}, ab[3], {8{ab[1][7]}}, ab[1]};  // SUNPKD831
          5'd19: result = {{8{ab[3][7]}}, ab[3], {8{ab[2][7]}}, ab[2]};  // SUNPKD832
          5'd12: result = {8'd0, ab[1], 8'd0, ab[0]};                    // ZUNPKD810
          5'd13: result = {8'd0, ab[2], 8'd0, ab[0]};                    // ZUNPKD820
          5'd14: result = {8'd0, ab[3], 8'd0, ab[0]};                    // ZUNPKD830
          5'd15: result = {8'd0, ab[3], 8'd0, ab[1]};                    // ZUNPKD831
          5'd23: result = {8'd0, ab[3], 8'd0, ab[2]};                    // ZUNPKD832
          default: legal = 1'b0;
        endcase
      end
      default: legal = 1'b0;
    endcase
  end
endmodule
