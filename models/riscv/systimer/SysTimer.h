// Nuclei SysTimer at 0xF001_0000: 64-bit mtime counting at the SysTick clock (or the core clock,
// MTIMECTL.CLKSRC), mtimecmp raising the timer interrupt (IRQ 7, level: mtime >= mtimecmp, or
// a one-tick pulse with CMPCLREN), MSIP raising the software interrupt (IRQ 3), and MSFTRST.
// mtime is computed from simulated time when read; the interrupt is scheduled, not polled.
#pragma once
#include <cstdint>
#include <functional>

#include <systemc>

#include "common/ClockDomain.h"
#include "common/TimedDevice.h"

namespace wtm::riscv {

class SysTimer : public TimedDevice {
 public:
  sc_core::sc_out<bool> timerIrq{"timer_irq"};
  sc_core::sc_out<bool> softwareIrq{"software_irq"};

  // `tick`: the SysTick clock (RCC SYSTICK_SEL, AHB/8 out of reset); `core`: HCLK. When either
  // changes frequency, mtime keeps what it has counted and goes on at the new rate.
  SysTimer(sc_core::sc_module_name name, ClockDomain& tick, ClockDomain& core);

  // Called when firmware writes the software-reset key to MSFTRST.
  void onSoftwareReset(std::function<void()> cb) { softReset_ = std::move(cb); }
  uint64_t mtime(const sc_core::sc_time& now) const;
  // Chip reset: mtime 0 from now, mtimecmp all ones, MSIP and MTIMECTL cleared.
  void reset();

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  const ClockDomain& clock() const;
  void setMtime(uint64_t value, const sc_core::sc_time& now);
  // mtime is a function of time: nothing to catch up.
  void advanceTo(const sc_core::sc_time&) override {}
  void driveOutputs() override;                                 // the interrupt lines
  std::optional<sc_core::sc_time> nextChange() const override;  // the next compare match
  void clockRateChanged();  // either clock changed: rebase mtime if the one in use did

  const ClockDomain& tick_;
  const ClockDomain& core_;
  uint64_t base_ = 0;  // mtime at baseTime_
  sc_core::sc_time baseTime_;
  sc_core::sc_time period_;  // tick period since baseTime_
  uint64_t cmp_ = ~uint64_t{0};
  uint32_t ctl_ = 0;
  bool msip_ = false;
  std::function<void()> softReset_;
};

}  // namespace wtm::riscv
