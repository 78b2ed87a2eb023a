#include "HostConsole.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/InputError.h"

namespace wtm::platform {

HostConsole::HostConsole(const std::string& target, const std::string& what) {
  if (target == "stdout") {
    out_ = stdout;
  } else if (target != "none") {
    out_ = std::fopen(target.c_str(), "wb");
    if (!out_)
      throw InputError(target, "cannot create the " + what + " output file: " + std::string(std::strerror(errno)));
    ownsFile_ = true;
  }
}

HostConsole::~HostConsole() {
  flush();
  if (ownsFile_) std::fclose(out_);
}

void HostConsole::watch(std::vector<std::string> texts, std::function<void(size_t)> onMatch) {
  texts_ = std::move(texts);
  onMatch_ = std::move(onMatch);
  keep_ = 0;
  for (const auto& t : texts_) keep_ = std::max(keep_, t.size());
}

void HostConsole::put(uint8_t c) {
  ++bytes_;
  lastChar_ = static_cast<char>(c);
  if (out_) {
    std::fputc(c, out_);
    if (c == '\n' && out_ == stdout) std::fflush(out_);
  }
  if (keep_ == 0) return;
  tail_.push_back(static_cast<char>(c));
  if (tail_.size() > 4 * keep_) tail_.erase(0, tail_.size() - keep_);
  for (size_t i = 0; i < texts_.size(); ++i) {
    const std::string& t = texts_[i];
    if (tail_.size() >= t.size() && tail_.compare(tail_.size() - t.size(), t.size(), t) == 0) {
      if (onMatch_) onMatch_(i);
    }
  }
}

void HostConsole::flush() {
  if (out_) std::fflush(out_);
}

}  // namespace wtm::platform
