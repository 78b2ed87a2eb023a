// FBANK accelerator of the WTM2101 at 0x5000_4000 (reference/soc.md §4.8): a 512-word SRAM the
// CPU fills, FBANK_EN starts the stages FBANK_CONTROL enables (FbankEngine), and after the
// engine's time (FbankEngine::cycles at HCLK) the results replace the SRAM contents, FBANK_EN
// drops, INT_SOURCE latches DONE plus one bit per stage run, and IRQ 39 = INT_SOURCE & INT_MASK.
// The vendor pattern (fft example, fbank_config.c): DATA_RAM_SEL=1, write, DATA_RAM_SEL=0,
// FBANK_EN=1, wait for the ISR flag, DATA_RAM_SEL=1, read. CPU accesses to the SRAM are served
// whatever DATA_RAM_SEL says (a run in progress is not visible until it completes); with
// SRAM_ADDR_SEL set they go to the pair-reversed word (FbankEngine::pairReversed).
#pragma once
#include <cstdint>
#include <set>
#include <string>

#include <systemc>

#include "common/ClockDomain.h"
#include "common/TimedDevice.h"
#include "periph/fbank/FbankEngine.h"

namespace wtm::periph {

class FbankAccelerator : public TimedDevice {
 public:
  sc_core::sc_out<bool> irq{"irq"};  // IRQ 39

  FbankAccelerator(sc_core::sc_module_name name, ClockDomain& hclk);

  void reset();  // block reset: registers and SRAM cleared, a run in progress abandoned
  bool busy() const { return busy_; }
  uint64_t runs() const { return runs_; }

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  void start();
  // A run completes when the kernel reaches its time (registers show it busy until then, even to
  // an access that is ahead of the kernel).
  void advanceTo(const sc_core::sc_time& t) override;
  void driveOutputs() override;
  std::optional<sc_core::sc_time> nextChange() const override;  // the end of the run
  unsigned sramWord(uint32_t offset) const;                     // the SRAM word a CPU access at `offset` reaches
  void warnOnce(const std::string& key, const std::string& text);

  const ClockDomain& hclk_;
  FbankEngine::Sram sram_{};
  FbankEngine::Sram result_{};
  uint32_t control_ = 0, debug_ = 0, intMask_ = 0, intSource_ = 0;
  uint32_t pendingSource_ = 0;
  bool busy_ = false;  // a reset cancels the run in progress
  sc_core::sc_time ready_;
  uint64_t runs_ = 0;
  std::set<std::string> warned_;
};

}  // namespace wtm::periph
