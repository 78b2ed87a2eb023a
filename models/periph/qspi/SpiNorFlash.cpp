#include "SpiNorFlash.h"

#include <algorithm>
#include <cstdio>

#include "common/Log.h"

namespace wtm::periph {

using sc_core::sc_time;

namespace {

std::string hex8(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", v & 0xFFu);
  return buf;
}

constexpr uint8_t kSr1Wip = 0x01, kSr1Wel = 0x02;
constexpr uint8_t kSr1Writable = 0xFC;  // BP0-4, SRP0
constexpr uint8_t kSr2Writable = 0x43;  // SRP1, QE, CMP (security-register locks are OTP: not writable here)

}  // namespace

SpiNorFlash::SpiNorFlash(std::string name, uint8_t* storage, uint32_t size, Identity id, Timing timing)
    : name_(std::move(name)), storage_(storage), size_(size), id_(id), timing_(timing) {}

SpiNorFlash::SpiNorFlash(std::string name, uint8_t* storage, uint32_t size)
    : SpiNorFlash(std::move(name), storage, size, Identity(), Timing()) {}

void SpiNorFlash::powerOn() {
  wel_ = false;
  volatileSrWrite_ = resetEnabled_ = powerDown_ = false;
  busyUntil_ = sc_core::SC_ZERO_TIME;
  welClearPending_ = false;
  selected_ = false;
  opcode_ = -1;
}

void SpiNorFlash::warnOnce(const std::string& key, const std::string& text) {
  if (!warned_.insert(key).second) return;
  log::warn(name_, ": ", text, " (reported once)");
}

void SpiNorFlash::catchUp(const sc_time& at) {
  now_ = std::max(now_, at);
  if (welClearPending_ && now_ >= busyUntil_) {
    wel_ = false;  // WEL clears when the program / erase / status write completes
    welClearPending_ = false;
  }
}

uint8_t SpiNorFlash::status1(const sc_time& at) {
  catchUp(at);
  return static_cast<uint8_t>(sr1_ | (busy(now_) ? kSr1Wip : 0) | (wel_ ? kSr1Wel : 0));
}

// Cycle layout of each command after its 8-cycle opcode (W25Q / ZD25WQ datasheet conventions).
// Laid out by hand, one row per command.
// clang-format off
SpiNorFlash::Layout SpiNorFlash::layoutOf(uint8_t op) {
  Layout l;
  auto read = [&](unsigned addrLanes, unsigned mode, unsigned dummy, unsigned dataLanes) {
    l.addrBytes = 3;
    l.addrLanes = addrLanes;
    l.modeCycles = mode;
    l.dummyCycles = dummy;
    l.dataLanes = dataLanes;
    l.dir = Dir::Out;
  };
  switch (op) {
    case 0x03: read(1, 0, 0, 1); break;  // read
    case 0x0B: read(1, 0, 8, 1); break;  // fast read
    case 0x3B: read(1, 0, 8, 2); break;  // dual output
    case 0x6B: read(1, 0, 8, 4); break;  // quad output
    case 0xBB: read(2, 4, 0, 2); break;  // dual I/O: M7-0 on two lines
    case 0xEB: read(4, 2, 4, 4); break;  // quad I/O: M7-0 on four lines, 4 dummy
    case 0x90: read(1, 0, 0, 1); break;  // manufacturer / device id
    case 0x92: read(2, 4, 0, 2); break;
    case 0x94: read(4, 2, 4, 4); break;
    case 0xAB: read(1, 0, 0, 1); break;  // 3 dummy bytes, then the device id (also: release power-down)
    case 0x5A: read(1, 0, 8, 1); break;  // SFDP (not modelled: reads 0xFF)
    case 0x4B: read(1, 0, 8, 1); l.addrBytes = 4; l.dummyCycles = 0; break;  // unique id: 4 dummy bytes
    case 0x9F: case 0x05: case 0x35: case 0x15: l.dir = Dir::Out; break;
    case 0x01: case 0x31: case 0x11: l.dir = Dir::In; break;
    case 0x02: l.addrBytes = 3; l.dir = Dir::In; break;
    case 0x32: l.addrBytes = 3; l.dir = Dir::In; l.dataLanes = 4; break;
    case 0xA2: l.addrBytes = 3; l.dir = Dir::In; l.dataLanes = 2; break;
    case 0x20: case 0x52: case 0xD8: case 0x81: l.addrBytes = 3; break;
    case 0x06: case 0x04: case 0x50: case 0x60: case 0xC7: case 0x66: case 0x99: case 0xB9:
    case 0x75: case 0xB0: case 0x7A: case 0x30: case 0xFF:
    case 0x98: case 0x7E:  // global block unlock / lock: the model has no block protection
      break;
    default: l.known = false; break;
  }
  return l;
}
// clang-format on

void SpiNorFlash::select(const sc_time& at) {
  catchUp(at);
  if (selected_) deselect(at);  // a controller that re-selects without releasing starts a new command
  selected_ = true;
  opcode_ = -1;
  cycle_ = addrGot_ = 0;
  addr_ = dataIndex_ = 0;
  ignoring_ = false;
  pageTouched_.fill(false);
}

void SpiNorFlash::idleCycles(unsigned cycles) {
  if (selected_ && opcode_ >= 0) cycle_ += cycles;
}

uint8_t SpiNorFlash::transfer(uint8_t out, unsigned lanes, bool hostDrives) {
  if (!selected_) return 0xFF;
  if (lanes != 2 && lanes != 4) lanes = 1;
  if (opcode_ < 0) {
    if (!hostDrives) return 0xFF;  // nothing sent yet: the flash is still waiting for its opcode
    if (lanes != 1)
      warnOnce("qpi", "opcode sent on " + std::to_string(lanes) + " lines; QPI mode is not modelled, taken as SPI");
    opcode_ = out;
    layout_ = layoutOf(out);
    const bool statusRead = out == 0x05 || out == 0x35 || out == 0x15;
    if (powerDown_ && out != 0xAB) {
      ignoring_ = true;
      warnOnce("pd" + hex8(out), "command " + hex8(out) + " ignored in deep power-down (release with 0xAB)");
    } else if (busy(now_) && !statusRead && out != 0x75 && out != 0xB0) {
      ignoring_ = true;
      warnOnce("busy" + hex8(out),
               "command " + hex8(out) + " ignored while a program/erase is in progress (poll SR1.WIP)");
    } else if (!layout_.known) {
      ignoring_ = true;
      warnOnce("op" + hex8(out), "unsupported command " + hex8(out) + " ignored");
    }
    if (out != 0x99 && out != 0x66) resetEnabled_ = false;
    return 0xFF;
  }
  const uint32_t pos = cycle_;
  cycle_ += 8 / lanes;
  if (ignoring_) return 0xFF;
  const Layout& l = layout_;
  const uint32_t addrEnd = l.addrBytes * 8 / l.addrLanes;
  const uint32_t modeEnd = addrEnd + l.modeCycles;
  const uint32_t dataStart = modeEnd + l.dummyCycles;
  if (pos < addrEnd) {
    if (lanes != l.addrLanes)
      warnOnce("al" + hex8(static_cast<unsigned>(opcode_)),
               "command " + hex8(static_cast<unsigned>(opcode_)) + " address sent on " + std::to_string(lanes) +
                   " lines, the flash expects " + std::to_string(l.addrLanes));
    if (hostDrives) addr_ = (addr_ << 8) | out;
    ++addrGot_;
    return 0xFF;
  }
  if (pos < dataStart) {
    // Mode bits (M5-4 = 10 would ask for continuous read, which is not modelled) or dummy cycles.
    if (pos >= modeEnd && !hostDrives && l.dir == Dir::Out)
      warnOnce("dummy" + hex8(static_cast<unsigned>(opcode_)),
               "command " + hex8(static_cast<unsigned>(opcode_)) + " read started before its " +
                   std::to_string(l.dummyCycles) +
                   " dummy cycles ended (check the controller's dummy-cycle count): bytes read 0xFF");
    return 0xFF;
  }
  if (l.dir == Dir::None) return 0xFF;
  if (lanes != l.dataLanes)
    warnOnce("dl" + hex8(static_cast<unsigned>(opcode_)), "command " + hex8(static_cast<unsigned>(opcode_)) +
                                                              " data on " + std::to_string(lanes) +
                                                              " lines, the flash uses " + std::to_string(l.dataLanes));
  const uint32_t index = dataIndex_++;
  if (l.dir == Dir::Out) return outputByte(index);
  if (hostDrives) inputByte(index, out);
  return 0xFF;
}

uint8_t SpiNorFlash::outputByte(uint32_t index) {
  const uint32_t addr = layout_.addrBytes == 3 ? (addr_ & 0xFFFFFF) : addr_;
  switch (opcode_) {
    case 0x03:
    case 0x0B:
    case 0x3B:
    case 0x6B:
    case 0xBB:
    case 0xEB: return storage_[(addr + index) & (size_ - 1)];  // reads wrap at the end of the array
    case 0x9F: {
      const uint8_t jedec[3] = {id_.manufacturer, id_.memoryType, id_.capacity};
      return jedec[index % 3];
    }
    case 0x90:
    case 0x92:
    case 0x94: {
      const bool deviceFirst = (addr & 1) != 0;
      return ((index & 1) == 0) != deviceFirst ? id_.manufacturer : id_.deviceId;
    }
    case 0xAB: return id_.deviceId;
    case 0x4B: return id_.uniqueId[index % id_.uniqueId.size()];
    case 0x05: return status1(now_);
    case 0x35: return status2();
    case 0x15: return cr_;
    case 0x5A: warnOnce("sfdp", "SFDP (0x5A) is not modelled: reads 0xFF"); return 0xFF;
    default: return 0xFF;
  }
}

void SpiNorFlash::inputByte(uint32_t index, uint8_t b) {
  switch (opcode_) {
    case 0x02:
    case 0x32:
    case 0xA2: {
      // The page buffer wraps: more than 256 bytes keep the last 256, as on the chip.
      const uint32_t col = ((addr_ & 0xFF) + index) & (kPageSize - 1);
      pageBuf_[col] = b;
      pageTouched_[col] = true;
      break;
    }
    case 0x01:
      if (index == 0) pageBuf_[0] = b;
      else if (index == 1) pageBuf_[1] = b;
      pageTouched_[std::min<uint32_t>(index, 1)] = true;
      break;
    case 0x31:
    case 0x11:
      if (index == 0) {
        pageBuf_[0] = b;
        pageTouched_[0] = true;
      }
      break;
    default: break;
  }
}

void SpiNorFlash::startOperation(const sc_time& duration) {
  busyUntil_ = now_ + duration;
  welClearPending_ = true;
}

void SpiNorFlash::eraseRange(uint32_t base, uint32_t length, const sc_time& duration) {
  std::fill(storage_ + base, storage_ + base + length, 0xFF);
  startOperation(duration);
}

void SpiNorFlash::deselect(const sc_time& at) {
  if (!selected_) return;
  catchUp(at);
  selected_ = false;
  if (opcode_ < 0 || ignoring_) return;
  const uint8_t op = static_cast<uint8_t>(opcode_);
  const bool addrComplete = addrGot_ >= layout_.addrBytes;
  const uint32_t addr = addr_ & 0xFFFFFF & (size_ - 1);
  auto needWel = [&](const char* what) {
    if (wel_) return true;
    warnOnce(std::string("wel") + what, std::string(what) + " without a preceding write enable (0x06) ignored");
    return false;
  };
  auto needAddr = [&](const char* what) {
    if (addrComplete) return true;
    warnOnce(std::string("addr") + what, std::string(what) + " with an incomplete address ignored");
    return false;
  };
  switch (op) {
    case 0x06: wel_ = true; break;
    case 0x04: wel_ = false; break;
    case 0x50: volatileSrWrite_ = true; break;
    case 0x66: resetEnabled_ = true; return;
    case 0x99:
      if (resetEnabled_) {
        wel_ = false;
        volatileSrWrite_ = false;
        welClearPending_ = false;
      }
      resetEnabled_ = false;
      break;
    case 0xB9: powerDown_ = true; break;
    case 0xAB: powerDown_ = false; break;
    case 0x02:
    case 0x32:
    case 0xA2: {
      if (!needAddr("page program") || !needWel("page program")) break;
      if (dataIndex_ == 0) {
        wel_ = false;  // no data byte: nothing to program
        break;
      }
      const uint32_t page = addr & ~(kPageSize - 1);
      for (uint32_t i = 0; i < kPageSize; ++i)
        if (pageTouched_[i]) storage_[page + i] &= pageBuf_[i];  // programming only clears bits
      startOperation(timing_.pageProgram);
      break;
    }
    case 0x81:
      if (needAddr("page erase") && needWel("page erase"))
        eraseRange(addr & ~(kPageSize - 1), kPageSize, timing_.pageErase);
      break;
    case 0x20:
      if (needAddr("sector erase") && needWel("sector erase"))
        eraseRange(addr & ~(kSectorSize - 1), kSectorSize, timing_.sectorErase);
      break;
    case 0x52:
      if (needAddr("32K block erase") && needWel("32K block erase"))
        eraseRange(addr & ~(0x8000u - 1), std::min<uint32_t>(0x8000, size_), timing_.blockErase);
      break;
    case 0xD8:
      if (needAddr("64K block erase") && needWel("64K block erase"))
        eraseRange(addr & ~(0x10000u - 1), std::min<uint32_t>(0x10000, size_), timing_.blockErase);
      break;
    case 0x60:
    case 0xC7:
      if (needWel("chip erase")) eraseRange(0, size_, timing_.chipErase);
      break;
    case 0x01:
    case 0x31:
    case 0x11: {
      if (dataIndex_ == 0) break;
      const bool isVolatile = volatileSrWrite_;
      if (!isVolatile && !needWel("status register write")) break;
      if (op == 0x01) {
        sr1_ = pageBuf_[0] & kSr1Writable;
        if (dataIndex_ >= 2) sr2_ = static_cast<uint8_t>((sr2_ & ~kSr2Writable) | (pageBuf_[1] & kSr2Writable));
      } else {
        cr_ = pageBuf_[0];
      }
      volatileSrWrite_ = false;
      if (isVolatile) break;
      startOperation(timing_.statusWrite);
      break;
    }
    case 0x75:
    case 0xB0:
    case 0x7A:
    case 0x30:
      warnOnce("suspend", "program/erase suspend and resume are not modelled (the operation simply runs to its end)");
      break;
    default: break;
  }
}

}  // namespace wtm::periph
