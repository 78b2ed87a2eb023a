#include "DebugPoints.h"

#include <algorithm>

namespace wtm::riscv {

bool DebugPoints::addBreakpoint(uint32_t address) {
  // GDB may insert the same address twice (a software and a hardware breakpoint): keep both
  // so that removing one leaves the other.
  breakpoints_.push_back(address);
  rebuildFilter();
  return true;
}

bool DebugPoints::removeBreakpoint(uint32_t address) {
  auto it = std::find(breakpoints_.begin(), breakpoints_.end(), address);
  if (it == breakpoints_.end()) return false;
  breakpoints_.erase(it);
  rebuildFilter();
  return true;
}

bool DebugPoints::exactBreakpoint(uint32_t pc) const {
  return std::find(breakpoints_.begin(), breakpoints_.end(), pc) != breakpoints_.end();
}

void DebugPoints::rebuildFilter() {
  filter_.reset();
  for (uint32_t a : breakpoints_) filter_.set((a >> 1) & (kFilterBits - 1));
}

bool DebugPoints::addWatchpoint(uint32_t address, uint32_t length, WatchAccess access) {
  if (length == 0) return false;
  watchpoints_.push_back({address, length, access});
  return true;
}

bool DebugPoints::removeWatchpoint(uint32_t address, uint32_t length, WatchAccess access) {
  auto it = std::find_if(watchpoints_.begin(), watchpoints_.end(), [&](const Watch& w) {
    return w.address == address && w.length == length && w.access == access;
  });
  if (it == watchpoints_.end()) return false;
  watchpoints_.erase(it);
  return true;
}

std::optional<DebugPoints::WatchHit> DebugPoints::watchHit(uint32_t address, uint32_t length, bool write) const {
  std::optional<WatchHit> hit;
  const uint64_t end = uint64_t{address} + length;
  for (const Watch& w : watchpoints_) {
    const bool kind = w.access == WatchAccess::Access || (w.access == WatchAccess::Write) == write;
    const uint64_t wEnd = uint64_t{w.address} + w.length;
    if (!kind || w.address >= end || wEnd <= address) continue;
    const uint32_t first = std::max(address, w.address);
    if (!hit || first < hit->address) hit = WatchHit{first, w.access};
  }
  return hit;
}

void DebugPoints::clear() {
  breakpoints_.clear();
  watchpoints_.clear();
  filter_.reset();
}

}  // namespace wtm::riscv
