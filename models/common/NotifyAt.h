// Scheduling at an absolute simulated time, as the timed models do it: a register access may be
// ahead of the kernel (temporal decoupling) or at its time, and an event for a time already
// reached fires in the next delta cycle.
#pragma once
#include <systemc>

namespace wtm {

inline void notifyAt(sc_core::sc_event& event, const sc_core::sc_time& at) {
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  event.notify(at > now ? at - now : sc_core::SC_ZERO_TIME);
}

}  // namespace wtm
