// Runs the wtm2101-board executable as a user would and captures its exit code, UART0 output
// (stdout) and board messages (stderr). On the core WTM_TEST_CORE names, when set (TestCore.h).
#pragma once
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>
#include <sys/wait.h>
#include <unistd.h>

#include "VendorData.h"
#include "TestCore.h"

struct BoardRun {
  int exitCode = -1;
  std::string out;
  std::string err;
};

// A file of this test process in the test temporary folder: the suites run on both cores at once,
// in two processes, and must not share files.
inline std::string processTempPath(const std::string& name) {
  return std::string(::testing::TempDir()) + std::to_string(getpid()) + "_" + name;
}

inline std::string firmwarePath(const std::string& name) { return std::string(WTM_FIRMWARE_DIR) + "/" + name; }

inline std::string readWhole(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// The board with exactly these arguments (for tests that choose the core themselves).
inline BoardRun runBoardAsGiven(const std::string& args) {
  static int counter = 0;
  const std::string base =
      std::string(::testing::TempDir()) + "board_run_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
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

// The board on the test core (TestCore.h).
inline BoardRun runBoard(const std::string& args) { return runBoardAsGiven(testCoreOption() + " " + args); }

// The rows of an --npu-trace file (DIR/round<R>/input0.txt or output0.txt): one execution per line.
inline std::vector<std::vector<int>> readTraceRows(const std::string& path) {
  std::vector<std::vector<int>> rows;
  std::ifstream f(path);
  for (std::string line; std::getline(f, line);) {
    std::istringstream in(line);
    rows.emplace_back(std::istream_iterator<int>(in), std::istream_iterator<int>());
  }
  return rows;
}

// Copies `pathInRepo` of the vendor repository witmemtech/Algorithm-Deployed-in-WTM2101 (as the
// vendor build extracted it, VendorData.h) to `dest` at run time — vendor data never enters this
// repository. False (and no file left) when the file is not there.
inline bool copyVendorAlgFile(const std::string& pathInRepo, const std::string& dest) {
  const std::string text = wtm::test::vendorAlgFile(pathInRepo);
  if (text.empty()) return false;
  std::ofstream out(dest, std::ios::binary);
  if (out << text && out.flush()) return true;
  out.close();
  std::remove(dest.c_str());
  return false;
}
