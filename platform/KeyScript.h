// Scripted key presses for the X3 board: `--press GPIO2@15ms` (press at 15 ms, released after the
// default hold) or `--press K3@1.5s:200ms` (hold for 200 ms). K2/K3 are the board's keys on
// GPIO2/GPIO3; any GPIOn may be named.
#pragma once
#include <string>
#include <vector>

#include <systemc>

namespace wtm::platform {

struct KeyPress {
  unsigned pin;
  sc_core::sc_time at;
  sc_core::sc_time hold;
};

inline const sc_core::sc_time kDefaultKeyHold(50, sc_core::SC_MS);

// Throws InputError naming the option on a malformed spec.
KeyPress parseKeyPress(const std::string& spec);

}  // namespace wtm::platform
