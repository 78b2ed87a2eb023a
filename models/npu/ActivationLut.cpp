#include "npu/ActivationLut.h"

namespace wtm::npu {

ActivationLut identityLut() {
  ActivationLut lut{};
  for (int i = 0; i < 256; ++i) lut[i] = static_cast<std::uint8_t>(i);
  return lut;
}

ActivationLut reluLut() {
  ActivationLut lut{};
  for (int i = 0; i < 256; ++i) lut[i] = static_cast<std::uint8_t>(i < 128 ? i : 0);
  return lut;
}

}  // namespace wtm::npu
