#include "FaultReporter.h"

#include <iostream>

#include "TrapNames.h"
#include "common/Hex.h"
#include "common/Log.h"

namespace wtm::platform {

FaultReporter::FaultReporter(FaultPolicy policy, std::function<bool()> debuggerAttached, std::function<void()> stopRun)
    : policy_(policy), debuggerAttached_(std::move(debuggerAttached)), stopRun_(std::move(stopRun)) {}

void FaultReporter::onTrap(const riscv::CoreEvent& ev) {
  if (ev.kind != riscv::CoreEvent::Kind::Trap) return;
  const std::string what = trapName(ev.cause) + " at pc " + hex32(ev.pc) + " (mtval " + hex32(ev.tval) + ")";
  if (!isFaultCause(ev.cause)) {
    log::info("trap: ", what, " -> firmware handler");
    return;
  }
  // The trap went to the reset vector: the firmware never installed a handler.
  const bool handled = ev.handler != 0;
  const bool stop = policy_ == FaultPolicy::Stop ||
                    (policy_ == FaultPolicy::Auto && !handled && !(debuggerAttached_ && debuggerAttached_()));
  if (stop) {
    if (!ended_) {
      ended_ = true;
      endingFault_ = what;
      stopRun_();
    }
    return;
  }
  if (policy_ == FaultPolicy::Firmware || policy_ == FaultPolicy::Gdb || !handled) {
    // (Under auto, an unhandled fault reaches here only when the debugger let it go.)
    log::info("trap: ", what, " -> firmware handler");
    return;
  }
  ++delivered_;
  const std::string line = what + ", taken by the firmware's trap handler at " + hex32(ev.handler);
  if (delivered_ == 1) firstDelivered_ = line;
  if (delivered_ <= kReportedDeliveries) log::warn("firmware fault: ", line);
  else if (delivered_ == kReportedDeliveries + 1) log::warn("further firmware faults are counted, not reported");
}

}  // namespace wtm::platform
