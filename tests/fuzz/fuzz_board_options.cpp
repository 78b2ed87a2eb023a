// The whole wtm2101-board command line (parseBoardOptions): the input is the argument list, one
// argument a line. Only InputError may come out; --help/--version return nullopt. Options that
// name files are parsed, not opened (the files are read later, by the loaders fuzzed elsewhere).
#include <iostream>

#include "QuietLog.h"
#include "BoardOptions.h"
#include "FuzzInput.h"

int sc_main(int, char*[]) { return 0; }  // libsystemc wants one; libFuzzer provides main()

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::cout.setstate(std::ios::failbit);  // --help text
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> args{"wtm2101-board"};
  std::string rest = wtm::fuzz::text(data, size);
  while (!rest.empty() && args.size() < 64) {
    auto [arg, after] = wtm::fuzz::splitAt(rest, "\n");
    args.push_back(arg);
    if (after.empty() && rest.find('\n') == std::string::npos) break;
    rest = after;
  }
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  argv.push_back(nullptr);
  try {
    (void)wtm::platform::parseBoardOptions(static_cast<int>(args.size()), argv.data());
  } catch (const wtm::InputError&) {
  }
  return 0;
}
