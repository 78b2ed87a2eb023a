#include "UartConsole.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/InputError.h"

namespace wtm::platform {

UartConsole::UartConsole(const std::string& target) {
  if (target == "stdout") {
    out_ = stdout;
  } else if (target != "none") {
    out_ = std::fopen(target.c_str(), "wb");
    if (!out_) throw InputError(target, std::string("cannot create UART output file: ") + std::strerror(errno));
    ownsFile_ = true;
  }
}

UartConsole::~UartConsole() {
  flush();
  if (ownsFile_) std::fclose(out_);
}

void UartConsole::watch(std::vector<std::string> texts, std::function<void(size_t)> onMatch) {
  texts_ = std::move(texts);
  onMatch_ = std::move(onMatch);
  keep_ = 0;
  for (const auto& t : texts_) keep_ = std::max(keep_, t.size());
}

void UartConsole::put(uint8_t c) {
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

void UartConsole::flush() {
  if (out_) std::fflush(out_);
}

}  // namespace wtm::platform
