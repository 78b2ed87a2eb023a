#include "RttConsole.h"

#include <cstring>
#include <string.h>  // memmem

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
  // memmem finds candidates at memory speed; the block is word aligned.
  const uint8_t* end = scanBase_ + scanSize_;
  for (const uint8_t* p = scanBase_; p + kUpBuffersOffset + 24 <= end;) {
    const void* hit = memmem(p, static_cast<size_t>(end - p), kId, sizeof kId);
    if (!hit) break;
    const auto* c = static_cast<const uint8_t*>(hit);
    if ((c - scanBase_) % 4 == 0 && c + kUpBuffersOffset + 24 <= end && plausible(c)) {
      block_ = const_cast<uint8_t*>(c);
      return true;
    }
    p = c + 1;
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
