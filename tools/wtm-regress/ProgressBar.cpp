#include "ProgressBar.h"

#include <unistd.h>

#include <cstdio>

namespace wtm::regress {

ProgressBar::ProgressBar(bool enabled) : enabled_(enabled && ::isatty(STDERR_FILENO)) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(std::size_t done, std::size_t total, const std::string& what) {
  if (!enabled_ || total == 0) return;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(kWidth * done / total);
  std::string bar(std::size_t(filled), '#');
  bar.resize(kWidth, '.');
  std::string label = what.size() > 40 ? what.substr(0, 40) : what;
  std::fprintf(stderr, "\r[%s] %zu/%zu %-40s", bar.c_str(), done, total, label.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r%*s\r", 30 + 2 + 20 + 42, "");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace wtm::regress
