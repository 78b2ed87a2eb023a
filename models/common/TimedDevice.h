// Base of the register blocks whose state changes with simulated time: counters, FIFOs drained
// at a baud rate, transfers that end at a known time. Such a block is not stepped per cycle. Its
// state is valid at now(), and it is brought forward ("caught up") when something needs it: a
// register access (which, under temporal decoupling, may be ahead of the kernel), a clock change,
// or its own update event at the next change it makes by itself (a match, a timeout, a frame
// end). The base owns that bookkeeping; a block supplies only its behaviour:
//   advanceTo(t)    what happens up to t (the new now(): the base has already moved it);
//   driveOutputs()  its interrupt and other lines from the state, written only from update(),
//                   the one process allowed to drive them;
//   nextChange()    when it next changes by itself, if ever (update() re-arms for that time).
// A clocked block (one counting whole ticks of a ClockDomain) passes its clock to the
// constructor: the base keeps its TickClock and follows frequency and clock-select changes,
// counting the time before a change at the old rate.
#pragma once
#include <optional>

#include <systemc>

#include "common/ClockDomain.h"
#include "common/MmioDevice.h"
#include "common/TickClock.h"

namespace wtm {

class TimedDevice : public MmioDevice {
 public:
  // Counts at `clock` from now on (a clock-select change, or the SoC's clock tree taking over).
  // Clocked blocks only.
  void setClock(ClockDomain& clock);
  const ClockDomain& clock() const { return tick_->domain(); }

 protected:
  // Whether update() also runs once when the simulation starts (the outputs then follow the
  // reset state from time 0) or only when first scheduled.
  enum class FirstUpdate { AtStart, WhenScheduled };
  TimedDevice(sc_core::sc_module_name name, const RegisterTable& table, FirstUpdate first = FirstUpdate::AtStart);
  TimedDevice(sc_core::sc_module_name name, const RegisterTable& table, ClockDomain& clock);

  // The time the state is valid at; it never goes back.
  const sc_core::sc_time& now() const { return now_; }
  // Brings the state to max(now(), t).
  void catchUp(const sc_core::sc_time& t);
  // Brings the state to max(now(), kernel time) and returns that time (for changes that come
  // from outside a register access: resets, clock changes).
  sc_core::sc_time catchUpToKernel();
  // Runs update() at `at` (in the next delta cycle when `at` has passed).
  void scheduleUpdate(const sc_core::sc_time& at);
  // The block's tick counter (clocked blocks only).
  const TickClock& tick() const { return *tick_; }

  virtual void advanceTo(const sc_core::sc_time& t) = 0;
  virtual void driveOutputs() = 0;
  virtual std::optional<sc_core::sc_time> nextChange() const { return std::nullopt; }
  // After the block's clock changed frequency or was switched (the state is caught up and an
  // update is scheduled): for a block with more to re-time than its update.
  virtual void clockChanged() {}

 private:
  void update();  // SC_METHOD on updateEvent_
  void retune();

  std::optional<TickClock> tick_;
  ClockSubscriptions clocks_{[this](const ClockDomain& d) {
    if (tick_ && &d == &tick_->domain()) retune();
  }};
  sc_core::sc_time now_;
  sc_core::sc_event updateEvent_;
};

}  // namespace wtm
