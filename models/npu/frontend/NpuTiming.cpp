#include "npu/frontend/NpuTiming.h"

#include <algorithm>
#include <cstdio>

namespace wtm::npu {

RoundLatency& RoundLatency::operator+=(const RoundLatency& o) {
  inputSeconds += o.inputSeconds;
  analogSeconds += o.analogSeconds;
  adcSeconds += o.adcSeconds;
  postSeconds += o.postSeconds;
  outputSeconds += o.outputSeconds;
  return *this;
}

std::string RoundLatency::describe() const {
  char buf[160];
  std::snprintf(buf, sizeof buf, "input %.1f us, analog %.1f us, adc %.1f us, post %.1f us, output %.1f us",
                inputSeconds * 1e6, analogSeconds * 1e6, adcSeconds * 1e6, postSeconds * 1e6, outputSeconds * 1e6);
  return buf;
}

RoundLatency roundLatency(const RoundConfig& round, double npuHz,
                          const std::function<std::uint16_t(std::uint32_t)>& reg, const NpuTimingConstants& k) {
  RoundLatency l;
  if (npuHz <= 0) return l;
  const double cycle = 1.0 / npuHz;
  // A record the model cannot run still occupies the engine for a minimal round.
  const int rows = round.isMatrixVector() ? std::max(1, round.rows()) : 1;
  const int cols = round.isMatrixVector() ? std::max(1, round.columns()) : 1;
  auto cyclesOf = [&](std::uint32_t offset, int kDefault) {
    const std::uint16_t v = reg(offset);
    return v ? static_cast<double>(v) : kDefault * npuHz / 6e6;
  };
  const int avg = std::max(1, static_cast<int>((reg(0x2E6) >> 4) & 3));
  const int loads = (rows + k.dacFifoRows - 1) / k.dacFifoRows;
  l.inputSeconds = ((rows + k.bytesPerCycle - 1) / k.bytesPerCycle) * cycle;
  l.analogSeconds = (loads * avg * cyclesOf(0x254, k.integrationK) + cyclesOf(0x0D2, k.setupK)) * cycle;
  l.adcSeconds = avg * std::min(cols, 1024 / k.adcGroups) * k.cyclesPerConversion * cycle;
  l.postSeconds = cols * cycle;
  l.outputSeconds = ((cols + k.bytesPerCycle - 1) / k.bytesPerCycle) * cycle;
  return l;
}

}  // namespace wtm::npu
