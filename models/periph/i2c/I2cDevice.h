// A device on the I2C bus as the DW_apb_i2c master sees it: addressed by START, bytes in and out,
// released by STOP. One device object answers one 7-bit address.
#pragma once
#include <cstdint>

#include <systemc>

namespace wtm::periph {

class I2cDevice {
 public:
  virtual ~I2cDevice() = default;
  // START or repeated START addressed to this device at simulated time `at`; true = ACK.
  virtual bool start(bool read, const sc_core::sc_time& at) = 0;
  // The master writes a byte; true = ACK.
  virtual bool write(uint8_t byte) = 0;
  // How long the device stretches SCL before the next byte it sends (e.g. a measurement in
  // progress); asked right before read().
  virtual sc_core::sc_time readStretch() { return sc_core::SC_ZERO_TIME; }
  // The master reads a byte.
  virtual uint8_t read() = 0;
  // STOP condition.
  virtual void stop() = 0;
};

}  // namespace wtm::periph
