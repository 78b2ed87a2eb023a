#include "TerminalKeys.h"

#include <poll.h>
#include <unistd.h>

#include "common/InputError.h"
#include "common/Log.h"

namespace wtm::platform {

KeyPress parseTerminalKey(const std::string& line) {
  const auto first = line.find_first_not_of(" \t\r");
  const auto last = line.find_last_not_of(" \t\r");
  const std::string spec = first == std::string::npos ? "" : line.substr(first, last - first + 1);
  const auto colon = spec.find(':');
  std::string key = spec.substr(0, colon);
  for (auto& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::string hold = colon == std::string::npos ? "" : spec.substr(colon);
  // Same grammar as --press, with the time fixed at "now".
  KeyPress k = parseKeyPress(key + "@1ns" + hold);
  k.at = sc_core::SC_ZERO_TIME;
  return k;
}

TerminalKeys::TerminalKeys(sc_core::sc_module_name name, X3Board& board, int fd)
    : sc_core::sc_module(name), board_(board), fd_(fd), channel_(*this) {
  suspending_ = channel_.attachSuspending();
  reader_ = std::thread([this] { readerLoop(); });
}

TerminalKeys::~TerminalKeys() {
  stopping_ = true;
  if (reader_.joinable()) reader_.detach();  // a blocked read of a terminal cannot be interrupted
}

bool TerminalKeys::active() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return !eof_ || !lines_.empty();
}

void TerminalKeys::readerLoop() {
  std::string partial;
  char buf[256];
  while (!stopping_) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) break;
    bool any = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      for (ssize_t i = 0; i < n; ++i) {
        if (buf[i] == '\n') {
          lines_.push_back(partial);
          partial.clear();
          any = true;
        } else {
          partial += buf[i];
        }
      }
    }
    if (any) channel_.async_request_update();
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!partial.empty()) lines_.push_back(partial);
  }
  eof_ = true;
  channel_.async_request_update();
}

void TerminalKeys::linesArrived() {
  std::deque<std::string> lines;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    lines.swap(lines_);
  }
  for (const std::string& line : lines) {
    if (line.find_first_not_of(" \r\t") == std::string::npos) continue;
    try {
      const KeyPress k = parseTerminalKey(line);
      log::info("key ", line, " pressed at ", sc_core::sc_time_stamp().to_string());
      board_.pressNow(k.pin, k.hold);
    } catch (const InputError& e) {
      log::warn("keys: ", e.what());
    }
  }
  if (eof_ && suspending_) {
    channel_.detachSuspending();
    suspending_ = false;
  }
}

}  // namespace wtm::platform
