#include "RccController.h"

#include "common/Hex.h"
#include "common/Log.h"
#include "periph/clock/rcc_regs.h"

namespace wtm::periph {

using namespace rcc;
using sc_core::sc_time;

namespace {

constexpr uint32_t kClkSelWritable = CLK_SEL_SYSCLK_SEL.mask() | CLK_SEL_SYSTICK_SEL.mask() | CLK_SEL_DBCLK_SEL.mask();
// Every defined clock enable; the reset value is not documented (soc.md §8.4), all-on is assumed.
constexpr uint32_t kAllClockEnables = 0xFFFFE3FFu;
// Cycles of the old and of the new clock a SYSCLK switch takes (assumed).
constexpr double kSwitchCyclesEach = 2.0;

}  // namespace

RccController::RccController(sc_core::sc_module_name name)
    : MmioDevice(name, kRegisterTable), clkEn_(kAllClockEnables) {}

void RccController::reset() {
  clkDiv0_ = clkSel_ = timDiv_ = clkDiv1_ = sysCfg_ = clkDiv2_ = clkDiv3_ = pmux0_ = pmux1_ = 0;
  clkEn_ = kAllClockEnables;
  rstEn_ = RST_EN_RESET;
  sysclkAckAt_ = sc_core::SC_ZERO_TIME;
  notifyClocks();
}

uint32_t* RccController::storage(uint32_t offset) {
  switch (offset) {
    case CLK_DIV_0: return &clkDiv0_;
    case CLK_SEL: return &clkSel_;
    case CLK_EN: return &clkEn_;
    case RST_EN: return &rstEn_;
    case TIM_DIV: return &timDiv_;
    case CLK_DIV_1: return &clkDiv1_;
    case SYS_CFG: return &sysCfg_;
    case CLK_DIV_2: return &clkDiv2_;
    case CLK_DIV_3: return &clkDiv3_;
    case PMUX_C0: return &pmux0_;
    case PMUX_C1: return &pmux1_;
    default: return nullptr;
  }
}

uint32_t RccController::clkSelValue(const sc_time& t) const {
  uint32_t v = clkSel_ & kClkSelWritable;
  if (t >= sysclkAckAt_) v |= CLK_SEL_SYSCLK_SELACK.mask();
  v |= CLK_SEL_DBCLK_SELACK.mask();  // the debounce mux switch is not timed
  return v;
}

uint32_t RccController::value(uint32_t offset) const {
  if (offset == CLK_SEL) return clkSelValue(lastAccess_);
  auto* self = const_cast<RccController*>(this);
  const uint32_t* p = self->storage(offset);
  return p ? *p : 0;
}

unsigned RccController::sysclkSelect() const { return CLK_SEL_SYSCLK_SEL.get(clkSel_); }
unsigned RccController::systickSelect() const { return CLK_SEL_SYSTICK_SEL.get(clkSel_); }
unsigned RccController::ahbDivider() const { return CLK_DIV_0_DIV_AHB.get(clkDiv0_) + 1; }
unsigned RccController::apb0Divider() const { return CLK_DIV_1_DIV_APB0.get(clkDiv1_) + 1; }
unsigned RccController::debounceDivider() const { return CLK_DIV_0_DIV_DB.get(clkDiv0_) + 1; }
bool RccController::debounceFrom10k() const { return CLK_SEL_DBCLK_SEL.test(clkSel_); }
unsigned RccController::timerDivider(unsigned n) const { return ((timDiv_ >> (8 * (n & 3))) & 0xFFu) + 1; }
unsigned RccController::pwmDivider(unsigned n) const {
  return ((n & 1) ? CLK_DIV_2_DIV_PWM1.get(clkDiv2_) : CLK_DIV_2_DIV_PWM0.get(clkDiv2_)) + 1;
}

unsigned RccController::pinFunction(unsigned gpio) const {
  if (gpio < 16) return (pmux0_ >> (2 * gpio)) & 3u;
  if (gpio < 20) return (pmux1_ >> (2 * (gpio - 16))) & 3u;
  return 0;
}

bool RccController::readRegister(uint32_t offset, unsigned size, uint32_t& value) {
  if (!debugAccess()) lastAccess_ = accessTime();  // value() answers for the firmware's time
  const uint32_t base = offset & ~3u;
  if (!storage(base)) return false;
  const uint32_t word = base == CLK_SEL ? clkSelValue(accessTime()) : *storage(base);
  const unsigned shift = 8 * (offset & 3u);
  value = (word >> shift) & (size == 4 ? 0xFFFFFFFFu : ((1u << (8 * size)) - 1u));
  return true;
}

void RccController::notifyClocks() {
  for (auto& cb : clockListeners_) cb();
}

void RccController::writeClkSel(uint32_t value) {
  const uint32_t old = clkSel_;
  clkSel_ = value & kClkSelWritable;
  if (CLK_SEL_SYSCLK_SEL.get(old) == CLK_SEL_SYSCLK_SEL.get(clkSel_)) {
    notifyClocks();
    return;
  }
  const double oldHz = sysclkProbe_ ? sysclkProbe_() : 0.0;
  notifyClocks();
  const double newHz = sysclkProbe_ ? sysclkProbe_() : 0.0;
  double seconds = 0;
  if (oldHz > 0) seconds += kSwitchCyclesEach / oldHz;
  if (newHz > 0) seconds += kSwitchCyclesEach / newHz;
  sysclkAckAt_ = accessTime() + sc_time(seconds, sc_core::SC_SEC);
}

bool RccController::writeRegister(uint32_t offset, unsigned size, uint32_t value) {
  lastAccess_ = accessTime();
  const uint32_t base = offset & ~3u;
  uint32_t* reg = storage(base);
  if (!reg) return false;
  // Narrow writes merge into the word (the drivers only use 32-bit accesses).
  const unsigned shift = 8 * (offset & 3u);
  const uint32_t laneMask = (size == 4 ? 0xFFFFFFFFu : ((1u << (8 * size)) - 1u)) << shift;
  const uint32_t word = (*reg & ~laneMask) | ((value << shift) & laneMask);
  const uint32_t old = *reg;
  switch (base) {
    case CLK_SEL: writeClkSel(word); return true;
    case RST_EN: {
      *reg = word;
      const uint32_t asserted = old & ~word, released = ~old & word;
      if (asserted | released)
        for (auto& cb : resetListeners_) cb(asserted, released);
      return true;
    }
    case CLK_EN:
      *reg = word;
      if (old != word)
        for (auto& cb : enableListeners_) cb(old ^ word, word);
      return true;
    case PMUX_C0:
    case PMUX_C1: {
      *reg = word;
      uint32_t pins = 0;
      const unsigned first = base == PMUX_C0 ? 0 : 16, count = base == PMUX_C0 ? 16 : 4;
      for (unsigned i = 0; i < count; ++i)
        if (((old ^ word) >> (2 * i)) & 3u) pins |= 1u << (first + i);
      if (pins)
        for (auto& cb : pinMuxListeners_) cb(pins);
      return true;
    }
    case CLK_DIV_0:
    case CLK_DIV_1:
    case CLK_DIV_2:
    case TIM_DIV:
      *reg = word;
      notifyClocks();
      return true;
    default: *reg = word; return true;
  }
}

}  // namespace wtm::periph
