// DW_apb_uart (16550) model — interim version: TX to a host sink, divisor latch, LSR idle.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include <systemc>

#include "common/ClockDomain.h"
#include "common/MmioDevice.h"

namespace wtm::periph {

class Uart16550 : public MmioDevice {
 public:
  sc_core::sc_out<bool> irq{"irq"};

  Uart16550(sc_core::sc_module_name name, const ClockDomain& pclk);
  void setTxSink(std::function<void(uint8_t)> sink) { sink_ = std::move(sink); }
  double baudRate() const;

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  const ClockDomain& pclk_;
  std::function<void(uint8_t)> sink_;
  uint32_t dll_ = 0, dlh_ = 0, ier_ = 0, lcr_ = 0, mcr_ = 0, scr_ = 0;
};

}  // namespace wtm::periph
