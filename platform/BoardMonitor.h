// The board's "monitor" commands (GDB's qRcmd): statistics, cycle counter, NPU figures, a
// peripheral's registers decoded from its register table, chip reset. Plain text in and out, so
// any front end (the GDB server today) can offer them.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "Wtm2101Soc.h"

namespace wtm::platform {

// Simulated time, cycles, instructions, host time and speed (what --stats prints).
std::string runStatistics(const Wtm2101Soc& soc, double hostSeconds);

class BoardMonitor {
 public:
  // `hostSeconds`: host time spent running so far; `chipReset`: resets the SoC and reloads the
  // firmware (called on the core's thread while it is halted).
  BoardMonitor(Wtm2101Soc& soc, std::function<double()> hostSeconds, std::function<void()> chipReset);
  // The command's output; nullopt for an unknown command.
  std::optional<std::string> run(const std::string& command);

 private:
  std::string registers(const std::string& block);
  Wtm2101Soc& soc_;
  std::function<double()> hostSeconds_;
  std::function<void()> chipReset_;
};

}  // namespace wtm::platform
