// Runs a tool's command line from a test, as a user's shell would: its exit status and its
// standard output and error together.
#pragma once
#include <cstdio>
#include <string>
#include <sys/wait.h>

struct CommandResult {
  int status = -1;  // exit code; -1 when it did not exit normally
  std::string output;
};

inline CommandResult runCommand(const std::string& command) {
  CommandResult r;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) r.output.append(buf, n);
  const int raw = pclose(p);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}
