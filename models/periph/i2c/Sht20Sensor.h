// Sensirion SHT20-like temperature / humidity sensor at I2C address 0x40, the device of the
// vendor i2c examples (sht20.h: 0xE3/0xE5 hold-master and 0xF3/0xF5 no-hold measurements, 0xE7 /
// 0xE6 user register, 0xFE soft reset). Results are the 16-bit raw words of the SHT2x formulas
// (T = -46.85 + 175.72 * S / 2^16, RH = -6 + 125 * S / 2^16) with the status bits (bit 1: 1 =
// humidity) and a CRC-8 (x^8 + x^5 + x^4 + 1) as third byte. Measurements take the SHT2x typical
// conversion times of the resolution in the user register; in hold-master mode the sensor
// stretches SCL until the result is ready, in no-hold mode it does not acknowledge its read
// address until then.
#pragma once
#include <cstdint>
#include <vector>

#include "periph/i2c/I2cDevice.h"

namespace wtm::periph {

class Sht20Sensor : public I2cDevice {
 public:
  static constexpr uint8_t kAddress = 0x40;

  void setTemperature(double celsius) { temperature_ = celsius; }
  void setHumidity(double percent) { humidity_ = percent; }
  double temperature() const { return temperature_; }
  double humidity() const { return humidity_; }
  uint8_t userRegister() const { return user_; }

  // Raw 16-bit words as the sensor sends them (status bits included) and their CRC.
  uint16_t rawTemperature() const;
  uint16_t rawHumidity() const;
  static uint8_t crc8(const uint8_t* data, unsigned n);

  bool start(bool read, const sc_core::sc_time& at) override;
  bool write(uint8_t byte) override;
  sc_core::sc_time readStretch() override;
  uint8_t read() override;
  void stop() override;

 private:
  enum class Expect { Command, UserRegister };
  void measure(bool humidity, bool hold);
  sc_core::sc_time conversionTime(bool humidity) const;

  double temperature_ = 25.0, humidity_ = 50.0;
  uint8_t user_ = 0x02;  // datasheet default: 14-bit T / 12-bit RH, OTP reload disabled
  Expect expect_ = Expect::Command;
  bool firstByte_ = false;
  sc_core::sc_time now_, readyAt_;
  bool holdMaster_ = false;
  std::vector<uint8_t> out_;
  unsigned outIndex_ = 0;
};

}  // namespace wtm::periph
