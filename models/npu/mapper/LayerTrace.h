// layer_debug/net<n>/<k>_<layer>/round<r>/{input0,output0}.txt: one frame per line, the exact
// bytes a round reads (inputs, 0..255) or stores after its LUT (outputs, printed as signed
// bytes -128..127) (reference/mapper-formats.md §2.5).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace wtm::npu {

enum class TraceKind { Input, Output };

struct LayerTrace {
  std::string source;
  std::size_t frames = 0;
  std::size_t width = 0;
  std::vector<std::uint8_t> bytes;  // frames x width, outputs stored as their byte pattern

  const std::uint8_t* frame(std::size_t f) const { return &bytes[f * width]; }
  // Output values as the signed bytes the trace prints.
  std::int8_t signedAt(std::size_t f, std::size_t c) const { return static_cast<std::int8_t>(bytes[f * width + c]); }

  // Throws InputError(path, ...) for unreadable files, non-integers, ragged lines, values out of
  // range for the kind, a width different from expectedWidth (when > 0) or no frames at all.
  static LayerTrace load(const std::string& path, TraceKind kind, std::size_t expectedWidth = 0);
  static LayerTrace parse(const std::string& text, const std::string& path, TraceKind kind,
                          std::size_t expectedWidth = 0);
};

}  // namespace wtm::npu
