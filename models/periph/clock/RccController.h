// RCC (reset and clock control) of the WTM2101 at 0x5000_2000 (reference/soc.md §3.3).
//
// Clock selects and dividers feed the ClockTree (onClockConfigChange); the tree turns them into
// frequencies. CLK_SEL.SYSCLK_SELACK drops when SYSCLK_SEL changes and comes back once the switch
// is done — two periods of the old plus two of the new clock, an assumption for the glitch-free
// multiplexer (the V1.1.5 driver RCC_SYSClk_Sel waits for it). RST_EN reads back (the drivers
// read-modify-write it); resets and clock enables are reported to listeners but gate nothing by
// themselves. PMUX_C0/C1 hold the GPIO alternate functions.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include <systemc>

#include "common/MmioDevice.h"
#include "periph/clock/rcc_regs.h"

namespace wtm::periph {

class RccController : public MmioDevice {
 public:
  explicit RccController(sc_core::sc_module_name name);
  // Registers back to their reset values (listeners are kept and told about the clocks).
  void reset();

  // Register contents as firmware would read them now (CLK_SEL with its acknowledge bits).
  uint32_t value(uint32_t offset) const;
  unsigned sysclkSelect() const;
  unsigned systickSelect() const;
  unsigned ahbDivider() const;              // DIV_AHB + 1
  unsigned apb0Divider() const;             // DIV_APB0 + 1
  unsigned timerDivider(unsigned n) const;  // TIMn_DIV + 1
  unsigned pwmDivider(unsigned n) const;    // CLK_DIV_2.DIV_PWMn + 1
  unsigned debounceDivider() const;         // DIV_DB + 1
  bool debounceFrom10k() const;
  bool clockEnabled(uint32_t clkEnMask) const { return (clkEn_ & clkEnMask) == clkEnMask; }
  bool inReset(uint32_t rstEnMask) const { return (rstEn_ & rstEnMask) != rstEnMask; }
  unsigned pinFunction(unsigned gpio) const;  // 0..3 (0 = GPIO / reset default)

  // Dividers or clock selects were written (also called for a rewrite of the same value).
  void onClockConfigChange(std::function<void()> cb) { clockListeners_.push_back(std::move(cb)); }
  // RST_EN bits that went 1 -> 0 (now held in reset) and 0 -> 1 (released).
  void onResetChange(std::function<void(uint32_t asserted, uint32_t released)> cb) {
    resetListeners_.push_back(std::move(cb));
  }
  // CLK_EN bits that changed.
  void onClockEnableChange(std::function<void(uint32_t changed, uint32_t now)> cb) {
    enableListeners_.push_back(std::move(cb));
  }
  // GPIO pins (bit n = GPIOn) whose alternate function changed.
  void onPinMuxChange(std::function<void(uint32_t pins)> cb) { pinMuxListeners_.push_back(std::move(cb)); }
  // Frequency of SYSCLK now (set by the ClockTree), for the switch-acknowledge delay.
  void setSysclkProbe(std::function<double()> probe) { sysclkProbe_ = std::move(probe); }

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  uint32_t* storage(uint32_t offset);
  uint32_t clkSelValue(const sc_core::sc_time& t) const;
  void writeClkSel(uint32_t value);
  void notifyClocks();

  uint32_t clkDiv0_ = 0, clkSel_ = 0, clkEn_, rstEn_ = rcc::RST_EN_RESET, timDiv_ = 0, clkDiv1_ = 0, sysCfg_ = 0,
           clkDiv2_ = 0, clkDiv3_ = 0, pmux0_ = 0, pmux1_ = 0;
  sc_core::sc_time sysclkAckAt_;  // SYSCLK_SELACK reads 1 from then on
  sc_core::sc_time lastAccess_;
  std::function<double()> sysclkProbe_;
  std::vector<std::function<void()>> clockListeners_;
  std::vector<std::function<void(uint32_t, uint32_t)>> resetListeners_;
  std::vector<std::function<void(uint32_t, uint32_t)>> enableListeners_;
  std::vector<std::function<void(uint32_t)>> pinMuxListeners_;
};

}  // namespace wtm::periph
