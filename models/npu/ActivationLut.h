// The 256-entry activation tables the NPU applies after post-processing. The index is the
// pre-activation int8 seen as an unsigned byte; the entry is the byte stored to the regfile.
// ReLU and "linear" are just two such tables (reference/npu.md §1.2).
#pragma once
#include <array>
#include <cstdint>

namespace wtm::npu {

using ActivationLut = std::array<std::uint8_t, 256>;

ActivationLut identityLut();
// 0..127 map to themselves, negative inputs (bytes 128..255) to 0.
ActivationLut reluLut();

inline std::uint8_t applyLut(const ActivationLut& lut, int preActivation) {
  return lut[static_cast<std::uint8_t>(preActivation)];
}

}  // namespace wtm::npu
