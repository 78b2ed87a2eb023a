// --i2c-master FILE: the external I2C master's transfer list. Only InputError may come out, and
// what is accepted must be within the documented limits.
#include <systemc>

#include "FuzzInput.h"
#include "I2cMasterScript.h"

int sc_main(int, char*[]) { return 0; }  // libsystemc wants one; libFuzzer provides main()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto script = wtm::platform::parseI2cMasterScript(wtm::fuzz::text(data, size), "fuzz.txt");
    if (script.transfers.empty() || !(script.sclHz >= 1e3 && script.sclHz <= 1e6)) __builtin_trap();
    for (const auto& t : script.transfers)
      if (t.address > 0x7F || (t.write.empty() && t.read == 0) || t.read > 65536) __builtin_trap();
  } catch (const wtm::InputError&) {
  }
  return 0;
}
