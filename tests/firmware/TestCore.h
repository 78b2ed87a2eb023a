// Which core the board tests run the firmware on. The suites that run firmware are registered
// more than once (tests/CMakeLists.txt, BOTH_CORES): as they are, on the board's default core;
// with WTM_TEST_CORE=fast, so that every firmware test also checks the fast core; and with
// WTM_TEST_CORE=lockstep (the RTL with the fast core compared after every instruction).
#pragma once
#include <cstdlib>
#include <string>
#include <vector>

// The core named by WTM_TEST_CORE ("" when unset: the board's default).
inline std::string testCore() {
  const char* core = std::getenv("WTM_TEST_CORE");
  return core ? core : "";
}

inline bool onFastCore() { return testCore() == "fast"; }

// The board options that select the test core, as arguments (empty for the default core).
inline std::vector<std::string> testCoreArgs() {
  if (testCore().empty()) return {};
  if (testCore() == "lockstep") return {"--lockstep"};
  return {"--core", testCore()};
}

// ... and as a command-line fragment (" --core NAME", " --lockstep" or "").
inline std::string testCoreOption() {
  std::string out;
  for (const std::string& a : testCoreArgs()) out += " " + a;
  return out;
}
