// What the interrupt controller offers the core: the highest-ranked pending, enabled interrupt
// above the threshold (or none).
#pragma once

namespace wtm::riscv {

struct InterruptRequest {
  bool valid = false;
  unsigned id = 0;
  unsigned level = 0;     // 0..255, compared by the core with mintstatus.MIL
  bool vectored = false;  // selective hardware vectoring: jump through mtvt[id]
  bool operator==(const InterruptRequest& o) const {
    return valid == o.valid && id == o.id && level == o.level && vectored == o.vectored;
  }
  bool operator!=(const InterruptRequest& o) const { return !(*this == o); }
};

}  // namespace wtm::riscv
