// The WTM2101 PWM blocks (vendor IP; PWM0 0x6400_B000 IRQ 33, PWM1 0x6400_C000 IRQ 34;
// reference/soc.md §4.10). Register-accurate for start-up and the vendor pwm example: every
// register stores what the driver writes, pulses and capture values read 0, interrupt enables
// follow INT_MSK_SET / INT_MSK_CLR, pending bits are cleared by writing 0 (the driver's
// `INT_SR_PND &= ~bit`).
//
// The counter (inferred behaviour, no register manual) runs in PWM mode (CTL.CAP_SW = 1) while a
// channel is enabled, at the PWM clock (f_AHB / (RCC CLK_DIV_2.DIV_PWMn + 1) on the chip).
// Counting up it overflows every MAX_VALUE + 1 ticks, counting down it underflows as often,
// up-down it overflows at the top and underflows at the bottom, each every 2 x MAX_VALUE ticks.
// Channel outputs follow PwmWaveform.h, reported to listeners edge by edge (only while someone
// listens); a break-in input holds a channel at its initial level until PUL releases it. In
// capture mode (CAP_SW = 0) an enabled channel measures its input: the ticks between rising edges
// (CYCLE) and from a rising to the falling edge (H_WIDTH), with their interrupts.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include <systemc>

#include "common/ClockDomain.h"
#include "common/TimedDevice.h"
#include "periph/pwm/PwmWaveform.h"

namespace wtm::periph {

class PwmBlock : public TimedDevice {
 public:
  sc_core::sc_out<bool> irq{"irq"};  // INT_SR_PND & enabled != 0

  PwmBlock(sc_core::sc_module_name name, ClockDomain& clock);

  bool counterRunning() const;
  bool pwmMode() const;  // CTL.CAP_SW: outputs (1) or capture (0)
  void reset();

  // Each channel's output: the waveform in PWM mode, otherwise (or while a break-in holds it) its
  // initial level CH_CTL.O_INIT. Listeners get every change with its simulated time.
  using OutputListener = std::function<void(unsigned channel, bool level, const sc_core::sc_time& at)>;
  void onOutputChange(OutputListener listener);
  bool outputLevel(unsigned channel) const { return (levels_ >> channel) & 1u; }
  // The level on channel `channel`'s input pin changed, now (capture mode measures it).
  void captureInput(unsigned channel, bool level);
  // Break-in input `channel` (PWM0_BKn) changed, now: high stops the channel's output (and sets
  // its BKIN interrupt) until PUL.CHn_BKIN_RELEASE is written.
  void breakInput(unsigned channel, bool level);

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  struct Events {  // periodic counter events: ticks first + k * period
    uint64_t first, period;
  };
  Events overflows() const;
  Events underflows() const;
  static bool occurs(const Events& e, uint64_t from, uint64_t to);  // an event in (from, to]
  static uint64_t nextAfter(const Events& e, uint64_t tick);
  // INT_SR_PND with the counter events up to tick `n` (not stored).
  uint32_t pendingAt(uint64_t n) const;
  void restartIfNeeded(bool wasRunning, uint64_t tick);

  void advanceTo(const sc_core::sc_time& t) override;
  void driveOutputs() override;
  // The next enabled counter event, and while someone listens to the outputs, the next edge.
  std::optional<sc_core::sc_time> nextChange() const override;

  bool channelEnabled(unsigned ch) const { return (chCtl_ >> (8 * ch)) & 1u; }
  bool channelRuns(unsigned ch) const;  // PWM mode, enabled, not held by a break-in
  PwmPeriod channelPeriod(unsigned ch) const;
  bool channelLevelAt(unsigned ch, uint64_t tick) const;
  uint64_t nextEdgeAfter(unsigned ch, uint64_t tick) const;  // ~0: none
  void reportOutputs();

  uint32_t ctl_ = 0, chCtl_ = 0, chIni_[4] = {}, enabled_ = 0, pending_ = 0;
  uint64_t startTick_ = 0;           // counter start
  uint64_t checkedTo_ = 0;           // counter events up to this tick are in pending_
  uint32_t readBack_[4] = {};        // CHn_RB_VAL: CYCLE << 16 | H_WIDTH
  uint32_t levels_ = 0;              // outputs as last reported
  bool reportedMode_ = false;        // pwmMode() when they were
  uint32_t broken_ = 0;              // channels held by a break-in
  uint32_t inputs_ = 0, risen_ = 0;  // capture: input levels, channels that saw a rising edge
  uint64_t lastRise_[4] = {};
  std::vector<OutputListener> listeners_;
};

}  // namespace wtm::periph
