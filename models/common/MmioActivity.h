// The most recent run of identical register accesses across all MMIO models: which register,
// from which PC, how many times in a row. When a run ends at its cycle/time limit, a long run of
// the same read is almost always firmware polling for a bit the board never sets, and naming
// that register points at the missing model behaviour.
#pragma once
#include <cstdint>
#include <string>

namespace wtm {

struct MmioRun {
  std::string block;  // model instance name, e.g. "rcc"
  std::string reg;    // register name from the block's table, or "+0x004"
  uint32_t offset = 0;
  bool isRead = false;
  uint32_t pc = 0;
  uint64_t count = 0;  // consecutive identical accesses (0: no MMIO access yet)
  uint32_t lastValue = 0;
};

class MmioActivity {
 public:
  // Called by MmioDevice for every bus access (cheap: compares with the current run).
  static void record(const void* device, const char* block, const char* reg, uint32_t offset, bool isRead, uint32_t pc,
                     uint32_t value);
  static const MmioRun& current();
  static void reset();
};

}  // namespace wtm
