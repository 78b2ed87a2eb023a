// --uart0-input FILE[@TIME]: the first line of the input is the "@TIME" part of the option (or
// nothing), the rest is the file. The option goes through the board's command-line parser, then
// the file is read as the UART's host link reads it (whole, size-checked; its bytes are sent as
// they are, so reading is all the parsing there is).
#include <iostream>

#include "QuietLog.h"
#include "BoardOptions.h"
#include "FuzzInput.h"
#include "common/InputFile.h"

extern "C" int sc_main(int, char*[]) { return 0; }  // libsystemc wants one; libFuzzer provides main()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static wtm::fuzz::TempFile file(".uart");
  const auto [when, content] = wtm::fuzz::splitAt(wtm::fuzz::text(data, size), "\n");
  file.write(reinterpret_cast<const uint8_t*>(content.data()), content.size());
  const std::string spec = file.path() + when;
  const char* argv[] = {"wtm2101-board", "--image", "fw.bin", "--uart0-input", spec.c_str(), nullptr};
  try {
    const auto options = wtm::platform::parseBoardOptions(5, argv);
    if (!options) std::abort();  // no --help here
    const auto bytes = wtm::readRegularFile(options->uart0Input, wtm::platform::kMaxUartInputBytes, true);
    if (bytes.size() != content.size()) std::abort();  // the file is read back as written
  } catch (const wtm::InputError&) {
  }
  return 0;
}
