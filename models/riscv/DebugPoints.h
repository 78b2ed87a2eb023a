// Breakpoints and watchpoints of a core under a debugger. Lookups are on the core's hot path
// while any are set: a pc test is one bitmap probe for the common miss.
#pragma once
#include <bitset>
#include <cstdint>
#include <optional>
#include <vector>

#include "CoreDebug.h"

namespace wtm::riscv {

class DebugPoints {
 public:
  bool addBreakpoint(uint32_t address);
  bool removeBreakpoint(uint32_t address);
  bool hasBreakpoint(uint32_t pc) const { return filter_.test((pc >> 1) & (kFilterBits - 1)) && exactBreakpoint(pc); }

  bool addWatchpoint(uint32_t address, uint32_t length, WatchAccess access);
  bool removeWatchpoint(uint32_t address, uint32_t length, WatchAccess access);
  // The first watched byte an access of `length` bytes at `address` touches, if a watchpoint
  // of a matching kind covers any of them, and that watchpoint's kind.
  struct WatchHit {
    uint32_t address;
    WatchAccess kind;
  };
  std::optional<WatchHit> watchHit(uint32_t address, uint32_t length, bool write) const;

  bool anyBreakpoints() const { return !breakpoints_.empty(); }
  bool anyWatchpoints() const { return !watchpoints_.empty(); }
  void clear();

 private:
  static constexpr size_t kFilterBits = 4096;
  bool exactBreakpoint(uint32_t pc) const;
  void rebuildFilter();
  struct Watch {
    uint32_t address, length;
    WatchAccess access;
  };
  std::vector<uint32_t> breakpoints_;  // few: a linear scan behind the filter
  std::vector<Watch> watchpoints_;
  std::bitset<kFilterBits> filter_;
};

}  // namespace wtm::riscv
