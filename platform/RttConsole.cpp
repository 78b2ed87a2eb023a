#include "RttConsole.h"

#include <cstring>

namespace wtm::platform {
namespace {
constexpr char kId[] = "SEGGER RTT";
constexpr uint32_t kUpBuffersOffset = 24;  // acID[16], MaxNumUpBuffers, MaxNumDownBuffers
// SEGGER_RTT_BUFFER_UP: sName, pBuffer, SizeOfBuffer, WrOff, RdOff, Flags
constexpr uint32_t kBufPtr = 4, kBufSize = 8, kWrOff = 12, kRdOff = 16;
constexpr unsigned kScanEvery = 256;  // polls between SRAM scans while the block is not found
}  // namespace

RttConsole::RttConsole(std::function<uint8_t*(uint64_t)> memory, const uint8_t* scanBase, size_t scanSize,
                       HostConsole& out)
    : memory_(std::move(memory)), scanBase_(scanBase), scanSize_(scanSize), out_(out) {}

bool RttConsole::plausible(const uint8_t* p) const {
  // The id, sane buffer counts and an up-buffer 0 that lies in memory; a copy of the id string
  // in read-only data (the firmware's initialiser) fails these checks.
  if (std::memcmp(p, kId, sizeof kId) != 0) return false;
  int32_t up, down;
  uint32_t buf, size;
  std::memcpy(&up, p + 16, 4);
  std::memcpy(&down, p + 20, 4);
  std::memcpy(&buf, p + kUpBuffersOffset + kBufPtr, 4);
  std::memcpy(&size, p + kUpBuffersOffset + kBufSize, 4);
  return up >= 1 && up <= 16 && down >= 0 && down <= 16 && size > 0 && size <= (1u << 20) && memory_(buf) &&
         memory_(uint64_t{buf} + size - 1);
}

bool RttConsole::locate() {
  if (block_ && plausible(block_)) return true;
  block_ = nullptr;
  if (symbol_) {
    uint8_t* p = memory_(*symbol_);
    if (p && plausible(p)) block_ = p;
    return block_ != nullptr;
  }
  // The firmware sets the block up at start-up; look for it now and then, not at every poll.
  if (pollsSinceScan_++ % kScanEvery != 0) return false;
  for (size_t off = 0; off + kUpBuffersOffset + 24 <= scanSize_; off += 4)
    if (plausible(scanBase_ + off)) {
      block_ = const_cast<uint8_t*>(scanBase_ + off);
      return true;
    }
  return false;
}

void RttConsole::poll() {
  if (!locate()) return;
  auto field = [&](uint32_t off) {
    uint32_t v;
    std::memcpy(&v, block_ + kUpBuffersOffset + off, 4);
    return v;
  };
  const uint32_t buf = field(kBufPtr), size = field(kBufSize), wr = field(kWrOff);
  uint32_t rd = field(kRdOff);
  if (size == 0 || wr >= size || rd >= size || wr == rd) return;
  while (rd != wr) {
    const uint8_t* c = memory_(uint64_t{buf} + rd);
    if (!c) return;
    out_.put(*c);
    ++drained_;
    rd = (rd + 1 == size) ? 0 : rd + 1;
  }
  std::memcpy(block_ + kUpBuffersOffset + kRdOff, &rd, 4);  // the host side advances RdOff
}

}  // namespace wtm::platform
