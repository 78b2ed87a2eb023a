// A one-line progress bar with an ETA on stderr, drawn only when stderr is a terminal (so logs
// and pipes stay clean). Shared by the command-line tools.
#pragma once
#include <chrono>
#include <cstddef>
#include <string>

namespace wtm::tools {

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled);
  ~ProgressBar();
  void update(std::size_t done, std::size_t total, const std::string& what);
  void finish();  // erase the bar line

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace wtm::tools
