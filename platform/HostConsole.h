// A host-side text stream (UART, RTT): writes the characters to stdout or a file and watches it for
// texts that end the run (--stop-on-uart / --fail-on-uart).
#pragma once
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace wtm::platform {

class HostConsole {
 public:
  // `target`: "stdout", "none" or a file path (throws InputError if it cannot be created);
  // `what` names the stream in messages ("uart0", "rtt").
  HostConsole(const std::string& target, const std::string& what);
  ~HostConsole();
  HostConsole(const HostConsole&) = delete;
  HostConsole& operator=(const HostConsole&) = delete;

  // Called with the index of the watched text that just completed.
  void watch(std::vector<std::string> texts, std::function<void(size_t)> onMatch);
  void put(uint8_t c);
  void flush();
  uint64_t bytes() const { return bytes_; }
  bool atLineStart() const { return lastChar_ == '\n' || bytes_ == 0; }

 private:
  FILE* out_ = nullptr;
  bool ownsFile_ = false;
  std::vector<std::string> texts_;
  std::function<void(size_t)> onMatch_;
  std::string tail_;
  size_t keep_ = 0;
  uint64_t bytes_ = 0;
  char lastChar_ = 0;
};

}  // namespace wtm::platform
