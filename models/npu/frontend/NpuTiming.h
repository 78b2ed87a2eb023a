// Per-round latency of the NPU (documented in docs/npu-frontend.md §4; every constant below is
// an ASSUMPTION unless it says otherwise — the chip's round timing is not published).
//
//   input    regfile -> DAC FIFO, 4 bytes per NPU cycle: ceil(rows / 4) cycles
//   analog   per DAC load of 448 rows (the DAC FIFO size, npu.md §1.2) and per averaged read:
//            the integration phase of timing register 0x254, plus the set-up phase 0x0D2 once
//            per round. Register values are NPU cycles; NPU_INFER_CONFIG_6N_MHz(N) writes k*N
//            (0x254: k = 75 -> 12.5 us, 0x0D2: k = 55 -> 9.2 us, npu.md §2.6). A register still
//            0 (firmware that never programs the analog block) counts as its v1.3 value for the
//            current NPU clock, i.e. the same time in microseconds.
//   adc      averaged reads x min(columns, 32) conversions x 12 cycles: 32 ADCs, each shared by
//            32 adjacent columns (the trim rows carry 32 per-group calibration sets), converting
//            in parallel, ~10-bit SAR = 12 cycles per conversion
//   post     one column per cycle (divide by G, round, clamp, LUT)
//   output   4 bytes per cycle back into the regfile
// Averaged reads = ANALOG_CFG (0x2E6) bits 5:4 ("segment average number"), at least 1.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "npu/RoundConfig.h"

namespace wtm::npu {

struct RoundLatency {
  double inputSeconds = 0, analogSeconds = 0, adcSeconds = 0, postSeconds = 0, outputSeconds = 0;
  double total() const { return inputSeconds + analogSeconds + adcSeconds + postSeconds + outputSeconds; }
  RoundLatency& operator+=(const RoundLatency& o);
  std::string describe() const;  // "in 8.3 us, analog 34.2 us, ..."
};

struct NpuTimingConstants {
  int dacFifoRows = 448;
  int bytesPerCycle = 4;
  int adcGroups = 32;  // columns served by one ADC = 1024 / adcGroups
  int cyclesPerConversion = 12;
  int integrationK = 75;  // 0x254 default, cycles = k * f / 6 MHz
  int setupK = 55;        // 0x0D2 default
};

// `readRegister(offset)` returns the current 16-bit value of an NPU register (timing block,
// ANALOG_CFG). `npuHz` is the NPU clock.
RoundLatency roundLatency(const RoundConfig& round, double npuHz,
                          const std::function<std::uint16_t(std::uint32_t)>& readRegister,
                          const NpuTimingConstants& k = {});

}  // namespace wtm::npu
