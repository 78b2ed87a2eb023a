#include "ProgressBar.h"

#include <unistd.h>

#include <cstdio>

namespace wtm::tools {

ProgressBar::ProgressBar(bool enabled)
    : enabled_(enabled && ::isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(std::size_t done, std::size_t total, const std::string& what) {
  if (!enabled_ || total == 0) return;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(kWidth * done / total);
  std::string bar(std::size_t(filled), '#');
  bar.resize(kWidth, '.');
  const std::string label = what.size() > 32 ? what.substr(0, 32) : what;
  char eta[32] = "";
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (done > 0 && done < total) {
    const double left = elapsed / double(done) * double(total - done);
    std::snprintf(eta, sizeof eta, "ETA %.0fs", left);
  }
  std::fprintf(stderr, "\r[%s] %zu/%zu %-32s %-12s", bar.c_str(), done, total, label.c_str(), eta);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r%*s\r", 30 + 2 + 24 + 34 + 13, "");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace wtm::tools
