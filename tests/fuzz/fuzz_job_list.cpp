// wtm-batch's job list: quoting, comments, lines. Only InputError may come out; every job
// accepted has a program and its command line quotes back to the same words.
#include "FuzzInput.h"
#include "JobList.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto jobs = wtm::batch::parseJobList(wtm::fuzz::text(data, size), "fuzz.txt");
    for (const auto& j : jobs) {
      if (j.args.empty()) __builtin_trap();
      // commandLine() quotes for a shell; parsing it as a list line gives the words back unless
      // a word holds a line break or a quote the list syntax cannot carry inside '...'.
      bool plain = true;
      for (const auto& a : j.args) plain &= a.find_first_of("\n'\"\\") == std::string::npos;
      if (plain && wtm::batch::parseJobList(wtm::batch::commandLine(j), "back").front().args != j.args)
        __builtin_trap();
    }
  } catch (const wtm::InputError&) {
  }
  return 0;
}
