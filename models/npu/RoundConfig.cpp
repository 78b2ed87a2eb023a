#include "npu/RoundConfig.h"

#include <sstream>

#include "npu/ArrayGeometry.h"

namespace wtm::npu {

const std::array<std::uint32_t, 10> kMatrixVectorDecodedMask = {
    0xF7001C08u,  // w0: opcode, command count, G code, system flag
    0xC0001FFFu,  // w1: LUT select, fetch address
    0xF0079EFFu,  // w2: opcode, bias start/end, column start high bits
    0xFFFFFFF8u,  // w3: column start low bits, column end, output address
    0xF0000000u,  // w4: opcode
    0x00000000u,  // w5
    0xFFFFFFFFu,  // w6: opcode, row start/end, input start high bits
    0xFFFFFC00u,  // w7: input start low bits, input end
    0xFFFFFFF0u,  // w8: opcode, mirrored row range
    0x00000000u,  // w9
};

std::uint32_t RoundConfig::undecodedBits(std::size_t i) const {
  if (i >= words.size()) return 0;
  if (kind != RoundKind::MatrixVector || i >= kMatrixVectorDecodedMask.size()) return words[i];
  return words[i] & ~kMatrixVectorDecodedMask[i];
}

std::vector<std::string> RoundConfig::problems() const {
  std::vector<std::string> out;
  if (kind != RoundKind::MatrixVector) {
    out.push_back("not a matrix-vector round");
    return out;
  }
  auto range = [&](const char* what, int lo, int hi, int limit) {
    if (lo < 0 || hi >= limit || lo > hi) {
      std::ostringstream os;
      os << what << " " << lo << ".." << hi << " not inside 0.." << limit - 1;
      out.push_back(os.str());
    }
  };
  range("rows", rowStart, rowEnd, kInputRows);
  range("columns", columnStart, columnEnd, kColumns);
  range("bias rows", biasStart, biasEnd, kBiasRows);
  range("input addresses", inputAddr, inputEndAddr, kRegfileBytes);
  if (rowEnd >= rowStart && inputEndAddr >= inputAddr && inputLength() != rows()) {
    std::ostringstream os;
    os << "input length " << inputLength() << " != row count " << rows();
    out.push_back(os.str());
  }
  if (columnEnd >= columnStart && (outputAddr < 0 || outputAddr + columns() > kRegfileBytes)) {
    std::ostringstream os;
    os << "output " << outputAddr << "+" << columns() << " exceeds the " << kRegfileBytes << "-byte regfile";
    out.push_back(os.str());
  }
  if (lut == LutSelect::Reserved) out.push_back("LUT select 3 is reserved");
  return out;
}

std::string RoundConfig::summary() const {
  std::ostringstream os;
  if (kind != RoundKind::MatrixVector) {
    os << "non-array round (" << words.size() << " words)";
    return os.str();
  }
  os << "rows " << rowStart << ".." << rowEnd << " cols " << columnStart << ".." << columnEnd << " bias " << biasStart
     << ".." << biasEnd << " G " << gain() << " lut " << static_cast<int>(lut) << " in " << inputAddr << " out "
     << outputAddr;
  return os.str();
}

}  // namespace wtm::npu
