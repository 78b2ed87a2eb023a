#include "KeyScript.h"

#include "BoardOptions.h"
#include "common/InputError.h"

namespace wtm::platform {

KeyPress parseKeyPress(const std::string& spec) {
  const auto at = spec.find('@');
  if (at == std::string::npos) throw InputError("--press " + spec, "expected PIN@TIME, e.g. GPIO2@15ms or K3@1s:200ms");
  const std::string pinName = spec.substr(0, at);
  unsigned pin;
  if (pinName == "K2" || pinName == "KEY2") pin = 2;
  else if (pinName == "K3" || pinName == "KEY3") pin = 3;
  else if (pinName.rfind("GPIO", 0) == 0 && pinName.size() > 4 &&
           pinName.find_first_not_of("0123456789", 4) == std::string::npos)
    // At most 4 digits reach std::stoul (no out_of_range); any longer number is out of range anyway.
    pin = pinName.size() > 8 ? 20u : static_cast<unsigned>(std::stoul(pinName.substr(4)));
  else throw InputError("--press " + spec, "unknown pin '" + pinName + "' (use K2, K3 or GPIOn)");
  if (pin >= 20) throw InputError("--press " + spec, "the WTM2101 has GPIO0..GPIO19");
  std::string times = spec.substr(at + 1);
  sc_core::sc_time hold = kDefaultKeyHold;
  const auto colon = times.find(':');
  if (colon != std::string::npos) {
    hold = sc_core::sc_time(parseDuration("--press", times.substr(colon + 1)), sc_core::SC_SEC);
    times.resize(colon);
  }
  const sc_core::sc_time when(parseDuration("--press", times, /*allowZero=*/true), sc_core::SC_SEC);
  return {pin, when, hold};
}

}  // namespace wtm::platform
