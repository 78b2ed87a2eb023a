#include "npu/mapper/LayerTrace.h"

#include "common/InputError.h"
#include "npu/mapper/TextFile.h"

namespace wtm::npu {

LayerTrace LayerTrace::load(const std::string& path, TraceKind kind, std::size_t expectedWidth) {
  return parse(readTextFile(path), path, kind, expectedWidth);
}

LayerTrace LayerTrace::parse(const std::string& text, const std::string& path, TraceKind kind,
                             std::size_t expectedWidth) {
  // Outputs are signed bytes; the LUT stores a byte, so accept its unsigned spelling too.
  const IntMatrix m =
      kind == TraceKind::Input ? parseIntMatrix(text, path, 0, 255) : parseIntMatrix(text, path, -128, 255);
  if (m.rows == 0) throw InputError(path, "no frames (empty file)");
  if (expectedWidth > 0 && m.cols != expectedWidth)
    throw InputError(path, "frames have " + std::to_string(m.cols) + " values, the round " +
                               (kind == TraceKind::Input ? "reads " : "writes ") + std::to_string(expectedWidth));
  LayerTrace t;
  t.source = path;
  t.frames = m.rows;
  t.width = m.cols;
  t.bytes.resize(m.values.size());
  for (std::size_t i = 0; i < m.values.size(); ++i) t.bytes[i] = static_cast<std::uint8_t>(m.values[i] & 0xFF);
  return t;
}

}  // namespace wtm::npu
