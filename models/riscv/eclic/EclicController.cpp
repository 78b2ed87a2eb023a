#include "EclicController.h"

#include "eclic_regs.h"

namespace wtm::riscv {

using namespace eclic;

namespace {
constexpr uint32_t kIntBase = INTIP0;
constexpr uint32_t kVersion = 0x01;
constexpr uint8_t kCtlImplementedMask = static_cast<uint8_t>(0xFF << (8 - EclicController::kCtlBits));
}  // namespace

EclicController::EclicController(sc_core::sc_module_name name) : MmioDevice(name, kRegisterTable) {
  clearRegisters();
  SC_HAS_PROCESS(EclicController);
  SC_METHOD(sampleLines);
  for (auto& l : lines) sensitive << l;
  dont_initialize();
}

void EclicController::clearRegisters() {
  cliccfg_ = 0;
  mth_ = 0;
  ip_.fill(0);
  ie_.fill(0);
  attr_.fill(0);
  for (unsigned i = 0; i < kNumInterrupts; ++i) ctl_[i] = static_cast<uint8_t>(~kCtlImplementedMask);
}

void EclicController::reset() {
  clearRegisters();
  sampleLines();
}

unsigned EclicController::levelOf(unsigned id) const {
  // The top NLBITS of INTCTL form the level; the bits below it read as ones (CLIC convention).
  const unsigned nl = CLICCFG_NLBITS.get(cliccfg_) > 8 ? 8 : CLICCFG_NLBITS.get(cliccfg_);
  const unsigned lowMask = (1u << (8 - nl)) - 1;
  return (ctl_[id] & ~lowMask & 0xFF) | lowMask;
}

void EclicController::sampleLines() {
  for (unsigned i = 0; i < kNumInterrupts; ++i) {
    if (!lines[i].get_interface()) continue;
    const bool now = lines[i].read();
    const unsigned trig = INTATTR0_TRIG.get(attr_[i]);
    if (levelTriggered(i)) {
      ip_[i] = now;
    } else if (trig == 1 && now && !lastLine_[i]) {
      ip_[i] = 1;  // rising edge
    } else if (trig == 3 && !now && lastLine_[i]) {
      ip_[i] = 1;  // falling edge
    }
    lastLine_[i] = now;
  }
  arbitrate();
}

void EclicController::arbitrate() {
  InterruptRequest best;
  unsigned bestKey = 0;
  for (unsigned i = 0; i < kNumInterrupts; ++i) {
    if (!(ip_[i] & 1) || !(ie_[i] & 1)) continue;
    const unsigned level = levelOf(i);
    // Highest level wins, then the highest INTCTL value (priority bits), then the highest id.
    const unsigned key = (level << 16) | (static_cast<unsigned>(ctl_[i]) << 8) | i;
    if (!best.valid || key > bestKey) {
      best = {true, i, level, (attr_[i] & 1) != 0};
      bestKey = key;
    }
  }
  if (best.valid && best.level <= mth_) best.valid = false;
  if (!(best == request_)) {
    request_ = best;
    if (notify_) notify_(request_);
  }
}

void EclicController::claim(unsigned id) {
  if (id < kNumInterrupts && !levelTriggered(id)) ip_[id] = 0;
  arbitrate();
}

void EclicController::setPending(unsigned id, bool pending) {
  if (id >= kNumInterrupts) return;
  ip_[id] = pending;
  arbitrate();
}

bool EclicController::readByte(uint32_t offset, uint8_t& v) const {
  if (offset == CLICCFG) return v = cliccfg_, true;
  if (offset >= CLICINFO && offset < CLICINFO + 4) {
    const uint32_t info =
        (kNumInterrupts & 0x1FFF) | (kVersion << CLICINFO_VERSION.lsb) | (kCtlBits << CLICINFO_CLICINTCTLBITS.lsb);
    v = static_cast<uint8_t>(info >> (8 * (offset - CLICINFO)));
    return true;
  }
  if (offset == MTH) return v = mth_, true;
  if (offset >= kIntBase && offset < kIntBase + 4 * kNumInterrupts) {
    const unsigned id = (offset - kIntBase) / 4;
    switch ((offset - kIntBase) % 4) {
      case 0: v = ip_[id]; return true;
      case 1: v = ie_[id]; return true;
      case 2: v = attr_[id]; return true;
      default: v = ctl_[id]; return true;
    }
  }
  return false;
}

bool EclicController::writeByte(uint32_t offset, uint8_t v) {
  if (offset == CLICCFG) return cliccfg_ = v & CLICCFG_NLBITS.mask(), true;
  if (offset >= CLICINFO && offset < CLICINFO + 4) return true;  // read-only, writes ignored
  if (offset == MTH) return mth_ = v, true;
  if (offset >= kIntBase && offset < kIntBase + 4 * kNumInterrupts) {
    const unsigned id = (offset - kIntBase) / 4;
    switch ((offset - kIntBase) % 4) {
      case 0:
        if (!levelTriggered(id)) ip_[id] = v & 1;  // level-triggered pending follows the line
        break;
      case 1: ie_[id] = v & 1; break;
      case 2:
        attr_[id] = v & (INTATTR0_SHV.mask() | INTATTR0_TRIG.mask() | 0xC0);  // bits 7:6 MODE (M only)
        if (levelTriggered(id) && lines[id].get_interface()) ip_[id] = lines[id].read();
        break;
      default: ctl_[id] = static_cast<uint8_t>((v & kCtlImplementedMask) | ~kCtlImplementedMask); break;
    }
    return true;
  }
  return false;
}

bool EclicController::readRegister(uint32_t offset, unsigned size, uint32_t& value) {
  value = 0;
  for (unsigned b = 0; b < size; ++b) {
    uint8_t v = 0;
    if (!readByte(offset + b, v)) {
      if (b == 0) return false;
      continue;  // reserved byte inside a wider access reads 0
    }
    value |= static_cast<uint32_t>(v) << (8 * b);
  }
  return true;
}

bool EclicController::writeRegister(uint32_t offset, unsigned size, uint32_t value) {
  bool any = false;
  for (unsigned b = 0; b < size; ++b) any |= writeByte(offset + b, static_cast<uint8_t>(value >> (8 * b)));
  arbitrate();
  return any;
}

}  // namespace wtm::riscv
