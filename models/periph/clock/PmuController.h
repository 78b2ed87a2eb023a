// PMU (power management unit) of the WTM2101 at 0x4000_2000 (reference/soc.md §3.4): byte
// registers on a 4-byte stride, accepted at any access width (data in bits [7:0]; the other bytes
// of a slot read 0 and ignore writes).
//
// Behaviour beyond storage: CTL.PLL_EN reads back as written (the vendor driver waits for it);
// PLL_0.PLL_LOCK_DETECT rises a lock time after PLL_EN; FLAG_CTL.FLAG_CLR clears the reset flags
// (power-on flag set out of reset); TRIM_RST pulses set the trim acknowledges; LP_CTL and CLK
// acknowledges follow their requests; SOFT_RST 0x55 calls the software-reset listener; REVID is
// read-only. Clock-relevant writes (CTL, CLK, CLK_CTL, PMU_RESV, TRIM1, PLL_1) notify the ClockTree.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <vector>

#include <systemc>

#include "common/MmioDevice.h"

namespace wtm::periph {

class PmuController : public MmioDevice {
 public:
  struct Config {
    uint8_t revisionId = 0x11;  // rev B (`__REV_B`)
    // PLL lock after PLL_EN (assumed; the SDK waits 200 us before switching to the PLL).
    sc_core::sc_time pllLockTime{50, sc_core::SC_US};
  };

  PmuController(sc_core::sc_module_name name, const Config& config);
  explicit PmuController(sc_core::sc_module_name name) : PmuController(name, Config{}) {}
  // Registers back to their reset values (listeners are kept and told about the clocks).
  void reset();

  // Register contents (byte slot at `offset`) as firmware would read them now.
  uint8_t value(uint32_t offset) const;
  bool pllEnabled() const;
  bool pllLocked(const sc_core::sc_time& t) const;

  void onClockConfigChange(std::function<void()> cb) { clockListeners_.push_back(std::move(cb)); }
  // SOFT_RST written with the key 0x55.
  void onSoftwareReset(std::function<void()> cb) { softResetListeners_.push_back(std::move(cb)); }
  // LP_CTL written (NPU power / clock gate / reset, peripheral power-down): new register value.
  void onLowPowerControl(std::function<void(uint8_t lpCtl)> cb) { lpListeners_.push_back(std::move(cb)); }

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  static bool isRegister(uint32_t slot);
  uint8_t readSlot(uint32_t slot, const sc_core::sc_time& t) const;
  void writeSlot(uint32_t slot, uint8_t v, const sc_core::sc_time& t);

  Config config_;
  std::array<uint8_t, 0xD0 / 4> regs_{};
  sc_core::sc_time pllEnabledAt_;
  sc_core::sc_time lastAccess_;
  std::vector<std::function<void()>> clockListeners_;
  std::vector<std::function<void()>> softResetListeners_;
  std::vector<std::function<void(uint8_t)>> lpListeners_;
};

}  // namespace wtm::periph
