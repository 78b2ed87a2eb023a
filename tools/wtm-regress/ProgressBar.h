// A one-line progress bar on stderr, drawn only when stderr is a terminal (so logs and pipes
// stay clean).
#pragma once
#include <cstddef>
#include <string>

namespace wtm::regress {

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled);
  ~ProgressBar();
  void update(std::size_t done, std::size_t total, const std::string& what);
  void finish();  // erase the bar line

 private:
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace wtm::regress
