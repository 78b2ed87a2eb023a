// --press PIN@TIME[:HOLD] (X3 key script) and the durations inside it (platform::parseDuration).
// Anything but an InputError escaping is a finding (std::stoul's out_of_range, for one).
#include <systemc>

#include "FuzzInput.h"
#include "KeyScript.h"

int sc_main(int, char*[]) { return 0; }  // libsystemc wants one; libFuzzer provides main()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto press = wtm::platform::parseKeyPress(wtm::fuzz::text(data, size));
    if (press.pin >= 20) __builtin_trap();
  } catch (const wtm::InputError&) {
  }
  return 0;
}
