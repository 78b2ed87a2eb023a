// What the board does with the firmware's traps under --on-fault (BoardOptions.h): ends the run at
// a fault, or lets the firmware's handler take it and reports it on one line. Fed the core's
// trap events; BoardMain asks it how the run ended.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "BoardOptions.h"
#include "RiscvCore.h"

namespace wtm::platform {

class FaultReporter {
 public:
  // `stopRun` ends the run; `debuggerAttached`: a debugger is connected, so unhandled faults
  // were held for it before they were taken (what reaches this reporter was let go by it).
  FaultReporter(FaultPolicy policy, std::function<bool()> debuggerAttached, std::function<void()> stopRun);

  void onTrap(const riscv::CoreEvent& event);

  // A fault ended the run (exit 3).
  bool ended() const { return ended_; }
  const std::string& endingFault() const { return endingFault_; }
  // Faults the firmware's handler took, and the first of them.
  uint64_t delivered() const { return delivered_; }
  const std::string& firstDelivered() const { return firstDelivered_; }

  static constexpr uint64_t kReportedDeliveries = 3;  // one line each; the rest are counted

 private:
  FaultPolicy policy_;
  std::function<bool()> debuggerAttached_;
  std::function<void()> stopRun_;
  bool ended_ = false;
  std::string endingFault_;
  uint64_t delivered_ = 0;
  std::string firstDelivered_;
};

}  // namespace wtm::platform
