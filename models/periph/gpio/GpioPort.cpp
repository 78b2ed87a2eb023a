#include "GpioPort.h"

#include <algorithm>

#include "periph/gpio/gpio_regs.h"

namespace wtm::periph {

using namespace gpio;
using sc_core::sc_time;

namespace {

constexpr uint32_t kIdleLevels = GpioPort::kPinMask;  // pulled up (vendor SystemInit: PMU RTN = 0xFF)
constexpr uint32_t kIdCode = 0x57544D41;              // any value: never checked by firmware
constexpr uint32_t kVersion = 0x3231322A;             // "212*" (DW_apb_gpio 2.12a)
constexpr uint32_t kConfig1 = CONFIG_REG1_APB_DATA_WIDTH.set(0, 2) | CONFIG_REG1_PORTA_INTR.mask() |
                              CONFIG_REG1_DEBOUNCE.mask() | CONFIG_REG1_ADD_ENCODED_PARAMS.mask() |
                              CONFIG_REG1_GPIO_ID.mask() | CONFIG_REG1_ENCODED_ID_WIDTH.set(0, 31) |
                              CONFIG_REG1_BOTH_EDGE.mask();
constexpr uint32_t kConfig2 = CONFIG_REG2_PWIDTH_A.set(0, GpioPort::kPins - 1);

}  // namespace

GpioPort::GpioPort(sc_core::sc_module_name name) : TimedDevice(name, kRegisterTable) {}

void GpioPort::reset() {
  const uint32_t pads = padLevels();
  odr_ = ddr_ = drv0_ = drv1_ = padResv_ = testPort_ = 0;
  inten_ = intmsk_ = inttyp_ = intpol_ = intdeb_ = intsync_ = intedg_ = 0;
  pullup_ = pulldown_ = 0;
  edgeLatch_ = wakeup_ = 0;
  const sc_time at = catchUpToKernel();
  notifyOutputs(pads, at);
  scheduleUpdate(at);
}

// ---- Levels ----

uint32_t GpioPort::inputLevels() const { return ((driven_ & external_) | (~driven_ & kIdleLevels)) & kPinMask; }

uint32_t GpioPort::padLevels() const {
  const uint32_t own = (ddr_ & odr_) | (~ddr_ & inputLevels());
  return ((alternate_ & alternateLevels_) | (~alternate_ & own)) & kPinMask;
}

uint32_t GpioPort::levelRaw() const {
  const uint32_t levelPins = inten_ & ~ddr_ & ~inttyp_ & ~intedg_;
  return levelPins & ~(padLevels() ^ intpol_);  // pin level equals its polarity
}

void GpioPort::detect(uint32_t before, uint32_t after, uint32_t levelBefore) {
  const uint32_t inputs = inten_ & ~ddr_ & kPinMask;
  const uint32_t changed = (before ^ after) & inputs;
  const uint32_t rising = changed & after, falling = changed & before;
  const uint32_t single = inttyp_ & ~intedg_;
  const uint32_t edges = (intedg_ & changed) | (single & intpol_ & rising) | (single & ~intpol_ & falling);
  edgeLatch_ |= edges;
  // Wake-up: any new interrupt condition on an enabled pin, masked or not (inferred).
  wakeup_ |= edges | (levelRaw() & ~levelBefore);
}

void GpioPort::padsChangedFromOutside(uint32_t before, uint32_t levelBefore) {
  const uint32_t after = padLevels();
  detect(before, after, levelBefore);
  scheduleUpdate(now());
  const uint32_t changed = before ^ after;
  for (unsigned pin = 0; pin < kPins && changed; ++pin)
    if ((changed >> pin) & 1u)
      for (auto& listener : inputListeners_) listener(pin, pinLevel(pin), now());
}

void GpioPort::setInput(unsigned pin, bool level) {
  if (pin >= kPins) return;
  catchUp(sc_core::sc_time_stamp());
  const uint32_t before = padLevels(), levelBefore = levelRaw();
  driven_ |= 1u << pin;
  external_ = level ? (external_ | (1u << pin)) : (external_ & ~(1u << pin));
  padsChangedFromOutside(before, levelBefore);
}

void GpioPort::releaseInput(unsigned pin) {
  if (pin >= kPins) return;
  catchUp(sc_core::sc_time_stamp());
  const uint32_t before = padLevels(), levelBefore = levelRaw();
  driven_ &= ~(1u << pin);
  padsChangedFromOutside(before, levelBefore);
}

void GpioPort::driveAlternate(unsigned pin, bool level) { setAlternate(pin, true, level); }

void GpioPort::releaseAlternate(unsigned pin) {
  if (pin < kPins && isAlternate(pin)) setAlternate(pin, false, false);
}

void GpioPort::setAlternate(unsigned pin, bool driven, bool level) {
  if (pin >= kPins) return;
  catchUp(sc_core::sc_time_stamp());
  const uint32_t before = padLevels(), levelBefore = levelRaw(), bit = 1u << pin;
  alternate_ = driven ? alternate_ | bit : alternate_ & ~bit;
  alternateLevels_ = level ? alternateLevels_ | bit : alternateLevels_ & ~bit;
  detect(before, padLevels(), levelBefore);
  notifyOutputs(before, now());
  scheduleUpdate(now());
}

void GpioPort::notifyOutputs(uint32_t before, const sc_time& at) {
  const uint32_t changed = before ^ padLevels();
  if (!changed || listeners_.empty()) return;
  for (unsigned pin = 0; pin < kPins; ++pin) {
    if (!((changed >> pin) & 1u)) continue;
    for (auto& listener : listeners_) listener(pin, pinLevel(pin), at);
  }
}

// ---- Registers ----

bool GpioPort::readRegister(uint32_t offset, unsigned, uint32_t& value) {
  if (!debugAccess()) catchUp(accessTime());
  switch (offset) {
    case ODR: value = odr_; return true;
    case DDR: value = ddr_; return true;
    case DRV0: value = drv0_; return true;
    case DRV1: value = drv1_; return true;
    case PAD_RESV: value = padResv_; return true;
    case WAKEUP: value = wakeup_; return true;
    case TEST_PORT: value = testPort_; return true;
    case INTEN: value = inten_; return true;
    case INTMSK: value = intmsk_; return true;
    case INTTYP: value = inttyp_; return true;
    case INTPOL: value = intpol_; return true;
    case INTSTA: value = rawStatus() & ~intmsk_; return true;
    case INTRSTA: value = rawStatus(); return true;
    case INTDEB: value = intdeb_; return true;
    case EXT_PORTA: value = padLevels(); return true;
    case INTSYNC: value = intsync_; return true;
    case ID_CODE: value = kIdCode; return true;
    case INTEDG: value = intedg_; return true;
    case VER_ID: value = kVersion; return true;
    case CONFIG_REG2: value = kConfig2; return true;
    case CONFIG_REG1: value = kConfig1; return true;
    case PULLUP: value = pullup_; return true;
    case PULLDOWN: value = pulldown_; return true;
    case WAKEUP_EOI:
    default: return false;
  }
}

bool GpioPort::writeRegister(uint32_t offset, unsigned, uint32_t value) {
  catchUp(accessTime());
  const uint32_t pads = padLevels(), levelBefore = levelRaw();
  const uint32_t v = value & kPinMask;
  switch (offset) {
    case ODR: odr_ = v; break;
    case DDR: ddr_ = v; break;
    case DRV0: drv0_ = v; break;
    case DRV1: drv1_ = v; break;
    case PAD_RESV: padResv_ = value & 0xFFFF; break;
    case WAKEUP_EOI: wakeup_ &= ~value; break;
    case TEST_PORT: testPort_ = value; break;
    case INTEN:
      edgeLatch_ &= v;  // disabling a pin's interrupt drops its pending edge (inferred)
      inten_ = v;
      break;
    case INTMSK: intmsk_ = v; break;
    case INTTYP: inttyp_ = v; break;
    case INTPOL: intpol_ = v; break;
    case INTDEB: intdeb_ = v; break;
    case INTCLR: edgeLatch_ &= ~v; break;
    case INTSYNC: intsync_ = value & INTSYNC_SYNC.mask(); break;
    case INTEDG: intedg_ = v; break;
    case PULLUP: pullup_ = v; break;
    case PULLDOWN: pulldown_ = v; break;
    default: return false;
  }
  // A direction change can turn a pin into an input whose level differs from what it drove.
  detect(pads, padLevels(), levelBefore);
  notifyOutputs(pads, now());
  scheduleUpdate(now());
  return true;
}

// ---- Interrupt outputs ----

void GpioPort::driveOutputs() {
  irq.write((rawStatus() & ~intmsk_) != 0);
  wakeIrq.write(wakeup_ != 0);
}

}  // namespace wtm::periph
