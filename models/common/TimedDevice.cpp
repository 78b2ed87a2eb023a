#include "common/TimedDevice.h"

#include <algorithm>

#include "common/NotifyAt.h"

namespace wtm {

TimedDevice::TimedDevice(sc_core::sc_module_name name, const RegisterTable& table, FirstUpdate first)
    : MmioDevice(name, table) {
  SC_HAS_PROCESS(TimedDevice);
  SC_METHOD(update);
  sensitive << updateEvent_;
  if (first == FirstUpdate::WhenScheduled) dont_initialize();
}

TimedDevice::TimedDevice(sc_core::sc_module_name name, const RegisterTable& table, ClockDomain& clock)
    : TimedDevice(name, table) {
  tick_.emplace(clock);
  clocks_.add(clock);
}

void TimedDevice::catchUp(const sc_core::sc_time& t) {
  now_ = std::max(now_, t);
  advanceTo(now_);
}

sc_core::sc_time TimedDevice::catchUpToKernel() {
  const sc_core::sc_time at = std::max(now_, sc_core::sc_time_stamp());
  catchUp(at);
  return at;
}

void TimedDevice::scheduleUpdate(const sc_core::sc_time& at) { notifyAt(updateEvent_, at); }

void TimedDevice::update() {
  catchUp(sc_core::sc_time_stamp());
  driveOutputs();
  if (const auto next = nextChange()) notifyAt(updateEvent_, *next);
}

void TimedDevice::retune() {
  const sc_core::sc_time at = catchUpToKernel();  // what happened before the change counts at the old rate
  tick_->retune(at);
  scheduleUpdate(at);
  clockChanged();
}

void TimedDevice::setClock(ClockDomain& clock) {
  const sc_core::sc_time at = catchUpToKernel();
  tick_->switchTo(clock, at);
  clocks_.add(clock);
  scheduleUpdate(at);
  clockChanged();
}

}  // namespace wtm
