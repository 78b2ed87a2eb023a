#include "npu/mapper/LayersTxt.h"

#include "common/InputError.h"
#include "npu/ArrayGeometry.h"
#include "npu/mapper/TextFile.h"

namespace wtm::npu {

LayersTxt LayersTxt::load(const std::string& path) { return parse(readTextFile(path), path); }

LayersTxt LayersTxt::parse(const std::string& text, const std::string& path) {
  const IntMatrix m = parseIntMatrix(text, path, -1000000, 1000000);
  if (m.rows == 0) throw InputError(path, "no layers listed");
  if (m.cols != 7) throw InputError(path, "lines have " + std::to_string(m.cols) + " values, expected 7");
  LayersTxt out;
  out.source = path;
  for (std::size_t i = 0; i < m.rows; ++i) {
    LayerPlacement p;
    p.line = i + 1;
    p.columnStart = m.at(i, 0);
    p.columnEnd = m.at(i, 1);
    p.rowStart = m.at(i, 2);
    p.rowEnd = m.at(i, 3);
    p.biasStart = m.at(i, 4);
    p.biasEnd = m.at(i, 5);
    p.gain = m.at(i, 6);
    auto check = [&](const char* what, int lo, int hi, int limit) {
      if (lo < 0 || hi >= limit || lo > hi)
        throw InputError(path, "line " + std::to_string(p.line) + ": " + what + " " + std::to_string(lo) + ".." +
                                   std::to_string(hi) + " not inside 0.." + std::to_string(limit - 1));
    };
    check("columns", p.columnStart, p.columnEnd, kColumns);
    check("rows", p.rowStart, p.rowEnd, kInputRows);
    check("bias rows", p.biasStart, p.biasEnd, kBiasRows);
    if (p.gain < 256 || p.gain > 32768 || (p.gain & (p.gain - 1)) != 0)
      throw InputError(path, "line " + std::to_string(p.line) + ": G " + std::to_string(p.gain) +
                                 " is not a power of two in 256..32768");
    out.layers.push_back(p);
  }
  return out;
}

}  // namespace wtm::npu
