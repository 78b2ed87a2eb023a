// A 24Cxx-class serial EEPROM on I2C (AT24C02 and kin): a word address of one byte (two for
// parts above 2 KB), sequential reads from the address counter, page writes that wrap inside
// their page, and the internal write cycle after STOP during which the part does not acknowledge
// its address (the "acknowledge polling" drivers use). Parts of 4..16 Kbit with one address
// byte take the upper address bits from the device address: give them the lowest address of
// their block and size; attach them at each address of the block.
#pragma once
#include <cstdint>
#include <vector>

#include "periph/i2c/I2cDevice.h"

namespace wtm::periph {

class At24Eeprom : public I2cDevice {
 public:
  struct Geometry {
    unsigned bytes = 256;  // 24C02
    unsigned pageBytes = 8;
    unsigned addressBytes = 1;
    sc_core::sc_time writeCycle = sc_core::sc_time(5, sc_core::SC_MS);  // tWR maximum
  };
  static constexpr uint8_t kAddress = 0x50;

  explicit At24Eeprom(Geometry geometry);
  At24Eeprom() : At24Eeprom(Geometry{}) {}

  const std::vector<uint8_t>& contents() const { return cells_; }

  bool start(bool read, const sc_core::sc_time& at) override;
  bool write(uint8_t byte) override;
  uint8_t read() override;
  void stop() override;

 private:
  Geometry geometry_;
  std::vector<uint8_t> cells_;
  unsigned counter_ = 0;
  unsigned addressBytesSeen_ = 0;
  bool writing_ = false;                               // a write transfer addressed us
  std::vector<std::pair<unsigned, uint8_t>> pending_;  // page bytes latched until STOP
  sc_core::sc_time now_, busyUntil_;
};

}  // namespace wtm::periph
