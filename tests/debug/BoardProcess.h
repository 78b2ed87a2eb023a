// The board and gdb-multiarch as separate processes, as a developer runs them: the board with
// --gdb 0 (any free port, read back from its message), the debugger in batch mode with a list of
// commands. Every wait has a time limit, so a hanging run fails the test instead of ctest.
#pragma once
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "../firmware/TestCore.h"

namespace board_test {

inline std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline std::string findProgram(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0) return dir + "/" + name;
  return "";
}

// A child process whose stdout and stderr go to files.
class Process {
 public:
  Process(const std::vector<std::string>& argv, const std::string& stem) : out_(stem + ".out"), err_(stem + ".err") {
    // The files are emptied here, before the fork: the stem holds a process id, and a file left by
    // an earlier process with the same (reused) id must never be read as this child's output.
    const int o = ::open(out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int e = ::open(err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::setpgid(0, 0);  // a Ctrl-C meant for the debugger does not reach the board
      const int in = ::open("/dev/null", O_RDONLY);
      ::dup2(o, 1);
      ::dup2(e, 2);
      ::dup2(in, 0);
      std::vector<char*> args;
      for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
    ::close(o);
    ::close(e);
  }
  ~Process() {
    if (running()) {
      ::kill(pid_, SIGKILL);
      wait(5);
    }
    ::unlink(out_.c_str());
    ::unlink(err_.c_str());
  }
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  bool running() {
    if (exited_) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      exited_ = true;
      code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    return !exited_;
  }
  // The exit code, or -1 after killing a process that outlived the time limit.
  int wait(int seconds) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (running()) {
      if (std::chrono::steady_clock::now() > end) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        exited_ = true;
        code_ = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return code_;
  }
  void signal(int sig) { ::kill(pid_, sig); }
  std::string out() const { return slurp(out_); }
  std::string err() const { return slurp(err_); }
  // Waits until `pattern` appears in stdout+stderr; false after `seconds`.
  bool waitFor(const std::string& pattern, int seconds = 20) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < end) {
      if ((out() + err()).find(pattern) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

 private:
  pid_t pid_ = -1;
  std::string out_, err_;
  bool exited_ = false;
  int code_ = -1;
};

inline std::string tempStem(const std::string& what) {
  static int counter = 0;
  return std::string(::testing::TempDir()) + "board_debug_" + std::to_string(::getpid()) + "_" + what + "_" +
         std::to_string(counter++);
}

#ifdef WTM_BOARD_EXE
// The board's command line: the executable, `args`, and the core WTM_TEST_CORE names (if set).
inline std::vector<std::string> boardCommand(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {WTM_BOARD_EXE};
  argv.insert(argv.end(), args.begin(), args.end());
  for (const std::string& a : testCoreArgs()) argv.push_back(a);
  return argv;
}
#endif

// The board with a GDB server on a free port.
class BoardUnderDebug {
 public:
  explicit BoardUnderDebug(std::vector<std::string> args) : process_(withBoard(std::move(args)), tempStem("board")) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    const std::regex portLine(R"(127\.0\.0\.1:(\d+))");
    while (std::chrono::steady_clock::now() < end && port_ == 0) {
      std::smatch m;
      const std::string e = process_.err();
      if (std::regex_search(e, m, portLine)) port_ = std::stoi(m[1]);
      else if (!process_.running()) break;
      else std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  int port() const { return port_; }
  Process& process() { return process_; }

 private:
  static std::vector<std::string> withBoard(std::vector<std::string> args) {
    args.push_back("--gdb");
    args.push_back("0");
    return boardCommand(args);
  }
  Process process_;
  int port_ = 0;
};

// gdb-multiarch in batch mode, connected to `port`, running `commands` on `elf`.
inline std::vector<std::string> gdbCommand(const std::string& elf, int port, const std::vector<std::string>& commands) {
  std::vector<std::string> argv = {findProgram("gdb-multiarch"),
                                   "-batch",
                                   "-nx",
                                   "-ex",
                                   "set pagination off",
                                   "-ex",
                                   "set confirm off",
                                   "-ex",
                                   "target remote :" + std::to_string(port)};
  for (const auto& c : commands) {
    argv.push_back("-ex");
    argv.push_back(c);
  }
  argv.push_back(elf);
  return argv;
}

}  // namespace board_test
