// The debug probe's view of SEGGER RTT: finds the firmware's `_SEGGER_RTT` control block in RAM
// (by ELF symbol, or by scanning SRAM for its "SEGGER RTT" id) and drains up-buffer 0 to a host
// console, as a J-Link does while the target runs. Polled by the board at each core sync, so it
// adds no SystemC activity of its own.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>

#include "HostConsole.h"

namespace wtm::platform {

class RttConsole {
 public:
  // `memory` maps a CPU address to the host byte behind it (nullptr outside RAM/flash);
  // `physicalScan` is the SRAM storage scanned when no symbol is known.
  RttConsole(std::function<uint8_t*(uint64_t)> memory, const uint8_t* scanBase, size_t scanSize, HostConsole& out);
  void setControlBlockAddress(uint32_t address) { symbol_ = address; }
  // Copies whatever the firmware has written to up-buffer 0 since the last call.
  void poll();
  uint64_t bytesDrained() const { return drained_; }

 private:
  bool locate();
  bool plausible(const uint8_t* block) const;

  std::function<uint8_t*(uint64_t)> memory_;
  const uint8_t* scanBase_;
  size_t scanSize_;
  HostConsole& out_;
  std::optional<uint32_t> symbol_;
  uint8_t* block_ = nullptr;  // host address of the control block once found
  unsigned pollsSinceScan_ = 0;
  uint64_t drained_ = 0;
};

}  // namespace wtm::platform
