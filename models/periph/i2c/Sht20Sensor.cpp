#include "Sht20Sensor.h"

#include <algorithm>
#include <cmath>

namespace wtm::periph {

using sc_core::SC_MS;
using sc_core::sc_time;

uint8_t Sht20Sensor::crc8(const uint8_t* data, unsigned n) {
  uint8_t crc = 0;
  for (unsigned i = 0; i < n; ++i) {
    crc ^= data[i];
    for (int b = 0; b < 8; ++b) crc = static_cast<uint8_t>((crc & 0x80) ? (crc << 1) ^ 0x31 : crc << 1);
  }
  return crc;
}

namespace {
uint16_t toRaw(double value, double offset, double span, bool humidity) {
  const double s = std::clamp((value - offset) * 65536.0 / span, 0.0, 65535.0);
  return static_cast<uint16_t>((static_cast<uint16_t>(std::lround(s)) & 0xFFFC) | (humidity ? 0x2 : 0x0));
}
}  // namespace

uint16_t Sht20Sensor::rawTemperature() const { return toRaw(temperature_, -46.85, 175.72, false); }
uint16_t Sht20Sensor::rawHumidity() const { return toRaw(humidity_, -6.0, 125.0, true); }

// Typical conversion times of the SHT2x per resolution (user register bits 7 and 0).
sc_time Sht20Sensor::conversionTime(bool humidity) const {
  static const double tMs[4] = {66, 17, 33, 9};  // T 14 / 12 / 13 / 11 bit
  static const double rhMs[4] = {22, 3, 12, 7};  // RH 12 / 8 / 10 / 11 bit
  const unsigned res = ((user_ >> 6) & 2u) | (user_ & 1u);
  return sc_time(humidity ? rhMs[res] : tMs[res], SC_MS);
}

void Sht20Sensor::measure(bool humidity, bool hold) {
  const uint16_t raw = humidity ? rawHumidity() : rawTemperature();
  const uint8_t bytes[2] = {static_cast<uint8_t>(raw >> 8), static_cast<uint8_t>(raw)};
  out_ = {bytes[0], bytes[1], crc8(bytes, 2)};
  outIndex_ = 0;
  readyAt_ = std::max(now_, readyAt_) + conversionTime(humidity);
  holdMaster_ = hold;
}

bool Sht20Sensor::start(bool read, const sc_time& at) {
  now_ = std::max(now_, at);
  if (!read) {
    expect_ = Expect::Command;
    firstByte_ = true;
    return now_ >= readyAt_ || holdMaster_;  // busy after a soft reset / no-hold measurement
  }
  if (!holdMaster_ && now_ < readyAt_) return false;  // no-hold measurement not finished: NACK
  outIndex_ = 0;
  return true;
}

bool Sht20Sensor::write(uint8_t byte) {
  if (expect_ == Expect::UserRegister) {
    user_ = static_cast<uint8_t>((user_ & 0x78) | (byte & 0x87));  // bits 3..5 reserved, bit 6 read-only
    expect_ = Expect::Command;
    return true;
  }
  if (!firstByte_) return false;
  firstByte_ = false;
  switch (byte) {
    case 0xE3: measure(false, true); return true;
    case 0xE5: measure(true, true); return true;
    case 0xF3: measure(false, false); return true;
    case 0xF5: measure(true, false); return true;
    case 0xE7:
      out_ = {user_};
      outIndex_ = 0;
      holdMaster_ = false;
      return true;
    case 0xE6: expect_ = Expect::UserRegister; return true;
    case 0xFE:
      user_ = 0x02;
      out_.clear();
      holdMaster_ = false;
      readyAt_ = now_ + sc_time(15, SC_MS);  // soft reset time
      return true;
    default: return false;
  }
}

sc_time Sht20Sensor::readStretch() {
  if (outIndex_ != 0 || !holdMaster_ || now_ >= readyAt_) return sc_core::SC_ZERO_TIME;
  const sc_time wait = readyAt_ - now_;
  now_ = readyAt_;
  return wait;
}

uint8_t Sht20Sensor::read() {
  if (out_.empty()) return 0xFF;
  const uint8_t b = out_[std::min<size_t>(outIndex_, out_.size() - 1)];
  ++outIndex_;
  return b;
}

void Sht20Sensor::stop() { holdMaster_ = false; }

}  // namespace wtm::periph
