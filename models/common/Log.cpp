#include "Log.h"

namespace wtm::log {
namespace {
std::atomic<int> g_threshold{static_cast<int>(Level::Warn)};
const char* prefix(Level level) {
  switch (level) {
    case Level::Error: return "error: ";
    case Level::Warn: return "warning: ";
    case Level::Info: return "info: ";
    case Level::Debug: return "debug: ";
  }
  return "";
}
}  // namespace

Level threshold() { return static_cast<Level>(g_threshold.load(std::memory_order_relaxed)); }
void setThreshold(Level level) { g_threshold.store(static_cast<int>(level), std::memory_order_relaxed); }
void write(Level level, const std::string& line) { std::cerr << prefix(level) << line << '\n'; }

}  // namespace wtm::log
