// Runs the wtm2101-board executable as a user would and captures its exit code, UART0 output
// (stdout) and board messages (stderr).
#pragma once
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

struct BoardRun {
  int exitCode = -1;
  std::string out;
  std::string err;
};

inline std::string firmwarePath(const std::string& name) { return std::string(WTM_FIRMWARE_DIR) + "/" + name; }

inline std::string readWhole(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline BoardRun runBoard(const std::string& args) {
  static int counter = 0;
  const std::string base = std::string(::testing::TempDir()) + "board_run_" + std::to_string(getpid()) + "_" +
                           std::to_string(counter++);
  const std::string cmd = std::string(WTM_BOARD_EXE) + " " + args + " > " + base + ".out 2> " + base + ".err";
  const int status = std::system(cmd.c_str());
  BoardRun r;
  r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = readWhole(base + ".out");
  r.err = readWhole(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return r;
}
