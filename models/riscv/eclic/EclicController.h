// Nuclei ECLIC (Enhanced Core Local Interrupt Controller) at 0xF002_0000: per-interrupt pending,
// enable, attributes (vectored, level or edge trigger) and level/priority, the threshold MTH, and
// arbitration of the highest pending interrupt, which it offers to the core. The core claims it
// when taking it (edge-triggered pending bits clear on claim).
//
// Interrupt lines come in as sc_in<bool> (the platform wires them from the IRQ table). The
// arbitration result is pushed to a callback whenever it may have changed.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include <systemc>

#include "InterruptRequest.h"
#include "common/MmioDevice.h"

namespace wtm::riscv {

class EclicController : public MmioDevice {
 public:
  static constexpr unsigned kNumInterrupts = 51;  // ids 0..50: the WTM2101 vector table
  static constexpr unsigned kCtlBits = 4;         // CLICINTCTLBITS (assumed, see README)

  std::array<sc_core::sc_in<bool>, kNumInterrupts> lines;

  explicit EclicController(sc_core::sc_module_name name);

  void onRequestChanged(std::function<void(const InterruptRequest&)> cb) { notify_ = std::move(cb); }
  const InterruptRequest& request() const { return request_; }
  // The core took interrupt `id` (trap entry or jalmnxti): edge-triggered pending bits clear.
  void claim(unsigned id);
  // Software access for tests and the platform.
  void setPending(unsigned id, bool pending);
  uint8_t intctl(unsigned id) const { return ctl_.at(id); }
  // Chip reset: every register at its reset value; level-triggered lines are sampled again.
  void reset();

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  bool readByte(uint32_t offset, uint8_t& v) const;
  bool writeByte(uint32_t offset, uint8_t v);
  bool levelTriggered(unsigned id) const { return ((attr_[id] >> 1) & 1u) == 0; }
  unsigned levelOf(unsigned id) const;
  void sampleLines();
  void arbitrate();
  void clearRegisters();

  uint8_t cliccfg_ = 0, mth_ = 0;
  std::array<uint8_t, kNumInterrupts> ip_{}, ie_{}, attr_{}, ctl_{};
  std::array<bool, kNumInterrupts> lastLine_{};
  InterruptRequest request_;
  std::function<void(const InterruptRequest&)> notify_;
};

}  // namespace wtm::riscv
