#include "PwmBlock.h"

#include <algorithm>

#include "common/NotifyAt.h"
#include "periph/pwm/PwmWaveform.h"
#include "periph/pwm/pwm_regs.h"

namespace wtm::periph {

using namespace pwm;
using sc_core::sc_time;

namespace {
// The tables declare channel 0's bits; channel n repeats them 8n (CH_CTL) or 3n (interrupts) higher.
constexpr uint32_t kChCtlBits = CH_CTL_FIELDS * 0x01010101u;
constexpr uint32_t kChannelEnables = CH_CTL_CH0_EN.mask() * 0x01010101u;
constexpr uint32_t kChannel0IntBits =
    INT_SR_PND_CH0_I_H.mask() | INT_SR_PND_CH0_I_CYCLE.mask() | INT_SR_PND_CH0_BKIN.mask();
constexpr uint32_t kIntBits =
    kChannel0IntBits * 0x249u | INT_SR_PND_UNDERFLOW.mask() | INT_SR_PND_OVERFLOW.mask();  // 0x249: bits 0, 3, 6, 9
// The layout the derivation assumes (channel 0's fields only in the table).
static_assert(kChCtlBits == 0x1F1F1F1Fu && kChannelEnables == 0x01010101u && kIntBits == 0x3FFFu);
constexpr uint32_t kNever = 0;  // period 0: no events
}  // namespace

PwmBlock::PwmBlock(sc_core::sc_module_name name, ClockDomain& clock) : TimedDevice(name, kRegisterTable, clock) {}

void PwmBlock::reset() {
  catchUpToKernel();
  ctl_ = chCtl_ = enabled_ = pending_ = 0;
  std::fill(std::begin(chIni_), std::end(chIni_), 0u);
  std::fill(std::begin(readBack_), std::end(readBack_), 0u);
  broken_ = risen_ = 0;
  scheduleUpdate(now());
}

// ---- Outputs ----

void PwmBlock::onOutputChange(OutputListener listener) {
  listeners_.push_back(std::move(listener));
  scheduleUpdate(now());
}

bool PwmBlock::channelRuns(unsigned ch) const { return pwmMode() && channelEnabled(ch) && !((broken_ >> ch) & 1u); }

PwmPeriod PwmBlock::channelPeriod(unsigned ch) const {
  return pwmPeriod(CTL_CNT_MODE.get(ctl_), CTL_MAX_VALUE.get(ctl_), CH0_INI_COMP_VALUE.get(chIni_[ch]),
                   CH0_INI_DEAD_ZONE.get(chIni_[ch]));
}

bool PwmBlock::channelLevelAt(unsigned ch, uint64_t tick) const {
  const uint32_t bits = chCtl_ >> (8 * ch);
  const bool initial = CH_CTL_CH0_O_INIT.test(bits);
  if (!channelRuns(ch)) return initial;
  const PwmPeriod p = channelPeriod(ch);
  if (p.length == 0 || tick < startTick_) return initial;
  const uint64_t elapsed = tick - startTick_;
  if (CH_CTL_CH0_ONE_SHOT.test(bits) && elapsed >= p.length) return initial;  // one period only
  const bool active = p.active(elapsed % p.length);
  return CH_CTL_CH0_O_SW.test(bits) ? active : !active;
}

uint64_t PwmBlock::nextEdgeAfter(unsigned ch, uint64_t tick) const {
  constexpr uint64_t kNone = ~uint64_t{0};
  if (!channelRuns(ch) || tick < startTick_) return kNone;
  const PwmPeriod p = channelPeriod(ch);
  if (p.length == 0 || p.empty()) return kNone;
  const uint64_t elapsed = tick - startTick_;
  const uint64_t base = tick - elapsed % p.length;
  const bool oneShot = CH_CTL_CH0_ONE_SHOT.test(chCtl_ >> (8 * ch));
  if (oneShot && elapsed >= p.length) return kNone;
  uint64_t next = kNone;
  for (uint64_t edge : {base + p.rise, base + p.fall, base + p.length + p.rise, base + p.length + p.fall})
    if (edge > tick) next = std::min(next, edge);
  if (oneShot) next = std::min(next, startTick_ + p.length);  // back to the initial level
  return next;
}

// Reports the outputs that changed since the last report (the update runs at every edge while
// someone listens: nextChange).
void PwmBlock::reportOutputs() {
  const sc_time at = std::max(sc_core::sc_time_stamp(), now());
  const uint64_t n = tick().ticksAt(at);
  // A mode change is reported on every channel: whether the pins are outputs changed with it.
  const bool modeChanged = pwmMode() != reportedMode_;
  reportedMode_ = pwmMode();
  for (unsigned ch = 0; ch < 4; ++ch) {
    const bool level = channelLevelAt(ch, n);
    if (level != outputLevel(ch) || modeChanged) {
      levels_ = level ? levels_ | (1u << ch) : levels_ & ~(1u << ch);
      for (const auto& l : listeners_) l(ch, level, at);
    }
  }
}

// ---- Inputs ----

void PwmBlock::captureInput(unsigned channel, bool level) {
  catchUp(sc_core::sc_time_stamp());
  const uint32_t bit = 1u << channel;
  const bool was = inputs_ & bit;
  inputs_ = level ? inputs_ | bit : inputs_ & ~bit;
  if (pwmMode() || !channelEnabled(channel)) return;
  // CH_CTL.I_SW: 1 forward, 0 inverted.
  const bool forward = CH_CTL_CH0_I_SW.test(chCtl_ >> (8 * channel));
  const bool before = forward ? was : !was, after = forward ? level : !level;
  if (before == after) return;
  const uint64_t n = tick().ticksAt(now());
  const auto counts = [](uint64_t ticks) { return static_cast<uint32_t>(std::min<uint64_t>(ticks, 0xFFFF)); };
  if (after) {
    if (risen_ & bit) {
      readBack_[channel] = CH0_RB_VAL_CYCLE.set(readBack_[channel], counts(n - lastRise_[channel]));
      pending_ |= INT_SR_PND_CH0_I_CYCLE.mask() << (3 * channel);
    }
    lastRise_[channel] = n;
    risen_ |= bit;
  } else if (risen_ & bit) {
    readBack_[channel] = CH0_RB_VAL_H_WIDTH.set(readBack_[channel], counts(n - lastRise_[channel]));
    pending_ |= INT_SR_PND_CH0_I_H.mask() << (3 * channel);
  }
  scheduleUpdate(now());
}

void PwmBlock::breakInput(unsigned channel, bool level) {
  catchUp(sc_core::sc_time_stamp());
  const uint32_t bit = 1u << channel;
  if (!level || (broken_ & bit) || !pwmMode()) return;
  broken_ |= bit;
  pending_ |= INT_SR_PND_CH0_BKIN.mask() << (3 * channel);
  scheduleUpdate(now());
}

bool PwmBlock::pwmMode() const { return CTL_CAP_SW.test(ctl_); }

bool PwmBlock::counterRunning() const { return pwmMode() && (chCtl_ & kChannelEnables) != 0; }

PwmBlock::Events PwmBlock::overflows() const {
  const uint64_t max = CTL_MAX_VALUE.get(ctl_);
  switch (CTL_CNT_MODE.get(ctl_)) {
    case 0: return {startTick_ + max + 1, max + 1};
    case 2: return max ? Events{startTick_ + max, 2 * max} : Events{0, kNever};
    default: return {0, kNever};
  }
}

PwmBlock::Events PwmBlock::underflows() const {
  const uint64_t max = CTL_MAX_VALUE.get(ctl_);
  switch (CTL_CNT_MODE.get(ctl_)) {
    case 1: return {startTick_ + max + 1, max + 1};
    case 2: return max ? Events{startTick_ + 2 * max, 2 * max} : Events{0, kNever};
    default: return {0, kNever};
  }
}

bool PwmBlock::occurs(const Events& e, uint64_t from, uint64_t to) {
  if (e.period == kNever || to < e.first || to <= from) return false;
  if (from < e.first) return true;
  return (to - e.first) / e.period != (from - e.first) / e.period;
}

uint64_t PwmBlock::nextAfter(const Events& e, uint64_t tick) {
  if (tick < e.first) return e.first;
  return e.first + ((tick - e.first) / e.period + 1) * e.period;
}

uint32_t PwmBlock::pendingAt(uint64_t n) const {
  uint32_t pending = pending_;
  if (counterRunning() && n > checkedTo_) {
    if (occurs(overflows(), checkedTo_, n)) pending |= INT_SR_PND_OVERFLOW.mask();
    if (occurs(underflows(), checkedTo_, n)) pending |= INT_SR_PND_UNDERFLOW.mask();
  }
  return pending;
}

void PwmBlock::advanceTo(const sc_time& t) {
  const uint64_t n = tick().ticksAt(t);
  pending_ = pendingAt(n);
  checkedTo_ = std::max(checkedTo_, n);
}

void PwmBlock::restartIfNeeded(bool wasRunning, uint64_t tick) {
  if (!wasRunning && counterRunning()) startTick_ = checkedTo_ = tick;
}

bool PwmBlock::readRegister(uint32_t offset, unsigned, uint32_t& value) {
  // A debug read computes the counter events up to its time (pendingAt) without storing them.
  if (!debugAccess()) catchUp(accessTime());
  switch (offset) {
    case CTL: value = ctl_; return true;
    case CH_CTL: value = chCtl_; return true;
    case CH0_INI:
    case CH1_INI:
    case CH2_INI:
    case CH3_INI: value = chIni_[(offset - CH0_INI) / 4]; return true;
    case CH0_RB_VAL:
    case CH1_RB_VAL:
    case CH2_RB_VAL:
    case CH3_RB_VAL: value = readBack_[(offset - CH0_RB_VAL) / 4]; return true;
    case INT_SR_PND: value = pendingAt(tick().ticksAt(std::max(now(), accessTime()))); return true;
    case PUL:
    case INT_MSK_SET:
    case INT_MSK_CLR: value = 0; return true;
    default: return false;
  }
}

bool PwmBlock::writeRegister(uint32_t offset, unsigned, uint32_t value) {
  catchUp(accessTime());
  const bool wasRunning = counterRunning();
  const uint64_t n = tick().ticksAt(now());
  switch (offset) {
    case CTL:
      ctl_ = value & (CTL_CAP_SW.mask() | CTL_CNT_MODE.mask() | CTL_MAX_VALUE.mask());
      if (wasRunning && counterRunning()) startTick_ = checkedTo_ = n;  // new period from now
      break;
    case CH_CTL: chCtl_ = value & kChCtlBits; break;
    case CH0_INI:
    case CH1_INI:
    case CH2_INI:
    case CH3_INI: chIni_[(offset - CH0_INI) / 4] = value; break;
    case PUL:
      // CHn_BKIN_RELEASE (bit 4n+1) lets a channel held by a break-in run again. The initial-output
      // load pulse (bit 4n) is not modelled: outputs show O_INIT whenever they do not run.
      for (unsigned ch = 0; ch < 4; ++ch)
        if (value & (PUL_CH0_BKIN_RELEASE.mask() << (4 * ch))) broken_ &= ~(1u << ch);
      break;
    case INT_MSK_SET: enabled_ |= value & kIntBits; break;
    case INT_MSK_CLR: enabled_ &= ~value; break;
    case INT_SR_PND: pending_ &= value; break;  // bits written 0 clear, 1 keep
    case CH0_RB_VAL:
    case CH1_RB_VAL:
    case CH2_RB_VAL:
    case CH3_RB_VAL: return true;
    default: return false;
  }
  restartIfNeeded(wasRunning, n);
  scheduleUpdate(now());
  return true;
}

void PwmBlock::driveOutputs() {
  irq.write((pending_ & enabled_) != 0);
  if (!listeners_.empty()) reportOutputs();
}

std::optional<sc_time> PwmBlock::nextChange() const {
  uint64_t next = ~uint64_t{0};
  const uint64_t n = tick().ticksAt(now());
  if (counterRunning()) {
    if ((enabled_ & ~pending_ & INT_SR_PND_OVERFLOW.mask()) && overflows().period != kNever)
      next = std::min(next, nextAfter(overflows(), n));
    if ((enabled_ & ~pending_ & INT_SR_PND_UNDERFLOW.mask()) && underflows().period != kNever)
      next = std::min(next, nextAfter(underflows(), n));
  }
  if (!listeners_.empty())  // the pin waveforms: every output edge
    for (unsigned ch = 0; ch < 4; ++ch) next = std::min(next, nextEdgeAfter(ch, n));
  if (next == ~uint64_t{0}) return std::nullopt;
  return tick().timeOfTick(next);
}

}  // namespace wtm::periph
