#include "periph/i2c/At24Eeprom.h"

#include <stdexcept>

namespace wtm::periph {

At24Eeprom::At24Eeprom(Geometry geometry) : geometry_(geometry), cells_(geometry.bytes, 0xFF) {
  if (geometry.bytes == 0 || geometry.pageBytes == 0 || geometry.bytes % geometry.pageBytes != 0 ||
      geometry.addressBytes < 1 || geometry.addressBytes > 2)
    throw std::invalid_argument("At24Eeprom: inconsistent geometry");
}

bool At24Eeprom::start(bool read, const sc_core::sc_time& at) {
  now_ = at;
  if (now_ < busyUntil_) return false;  // internal write cycle: no acknowledge
  writing_ = !read;
  addressBytesSeen_ = 0;
  return true;
}

bool At24Eeprom::write(uint8_t byte) {
  if (addressBytesSeen_ < geometry_.addressBytes) {
    // The first byte(s) set the address counter (a random read writes them, then re-STARTs).
    counter_ = addressBytesSeen_ == 0 ? byte : (counter_ << 8 | byte);
    counter_ %= geometry_.bytes;
    ++addressBytesSeen_;
    pending_.clear();
    return true;
  }
  pending_.emplace_back(counter_, byte);
  // Within a page the counter wraps to the page start: the part latches bytes, it does not cross.
  const unsigned page = counter_ - counter_ % geometry_.pageBytes;
  counter_ = page + (counter_ + 1) % geometry_.pageBytes;
  return true;
}

uint8_t At24Eeprom::read() {
  const uint8_t value = cells_[counter_];
  counter_ = (counter_ + 1) % geometry_.bytes;  // sequential reads run over the whole array
  return value;
}

void At24Eeprom::stop() {
  if (writing_ && !pending_.empty()) {
    for (const auto& [address, value] : pending_) cells_[address] = value;
    busyUntil_ = now_ + geometry_.writeCycle;
  }
  pending_.clear();
  writing_ = false;
}

}  // namespace wtm::periph
