// Durations of the command line (--max-time, --quantum, --wave-from, --press ...): parseDuration.
// The board turns them into sc_time: a duration must also survive that conversion (sc_time holds
// at most 2^63 time-resolution units, 106 days at the default 1 ps, in its conversion from double).
#include <cmath>
#include <systemc>

#include "BoardOptions.h"
#include "FuzzInput.h"

int sc_main(int, char*[]) { return 0; }  // libsystemc wants one; libFuzzer provides main()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const bool allowZero = size > 0 && (data[0] & 1);
  try {
    const double s = wtm::platform::parseDuration("--fuzz", wtm::fuzz::text(data, size), allowZero);
    if (!std::isfinite(s) || s < 0 || (s == 0 && !allowZero)) __builtin_trap();
    const double back = sc_core::sc_time(s, sc_core::SC_SEC).to_seconds();
    if (std::fabs(back - s) > 1e-12 + 1e-9 * s) __builtin_trap();  // wrapped or saturated
  } catch (const wtm::InputError&) {
  }
  return 0;
}
