// Minimal leveled logging to stderr. Simulation output (UART, RTT) never goes through here.
#pragma once
#include <atomic>
#include <iostream>
#include <sstream>
#include <string>

namespace wtm::log {

enum class Level { Error = 0, Warn = 1, Info = 2, Debug = 3 };

Level threshold();
void setThreshold(Level level);
void write(Level level, const std::string& line);

template <typename... Args>
std::string concat(Args&&... args) {
  std::ostringstream os;
  (os << ... << args);
  return os.str();
}

template <typename... Args>
void error(Args&&... a) {
  write(Level::Error, concat(std::forward<Args>(a)...));
}
template <typename... Args>
void warn(Args&&... a) {
  if (threshold() >= Level::Warn) write(Level::Warn, concat(std::forward<Args>(a)...));
}
template <typename... Args>
void info(Args&&... a) {
  if (threshold() >= Level::Info) write(Level::Info, concat(std::forward<Args>(a)...));
}
template <typename... Args>
void debug(Args&&... a) {
  if (threshold() >= Level::Debug) write(Level::Debug, concat(std::forward<Args>(a)...));
}

}  // namespace wtm::log
