// NXP PCF8574 8-bit quasi-bidirectional I/O expander on I2C (7-bit address 0x20 | A2..A0): a
// written byte sets the port latch — a 0 drives its pin low, a 1 lets it be pulled high, so the
// pin can also serve as an input — and a read returns the pins, low where the latch drives them
// or something outside pulls them low. Power-on latch 0xFF. Every change of the pins is reported.
#pragma once
#include <cstdint>
#include <functional>

#include "periph/i2c/I2cDevice.h"

namespace wtm::periph {

class Pcf8574 : public I2cDevice {
 public:
  // New pin levels, the pins that changed, and when.
  using Listener = std::function<void(uint8_t pins, uint8_t changed, const sc_core::sc_time& at)>;
  static constexpr uint8_t kBaseAddress = 0x20;

  explicit Pcf8574(Listener listener = {}) : listener_(std::move(listener)) {}

  uint8_t pins() const { return static_cast<uint8_t>(latch_ & ~externalLow_); }
  // Pins pulled low from outside (a key to ground, say).
  void setExternalLow(uint8_t mask, const sc_core::sc_time& at) {
    change([&] { externalLow_ = mask; }, at);
  }

  bool start(bool, const sc_core::sc_time& at) override {
    now_ = at;
    return true;
  }
  bool write(uint8_t byte) override {
    change([&] { latch_ = byte; }, now_);
    return true;
  }
  uint8_t read() override { return pins(); }
  void stop() override {}

 private:
  template <typename F>
  void change(F&& f, const sc_core::sc_time& at) {
    const uint8_t before = pins();
    f();
    if (pins() != before && listener_) listener_(pins(), static_cast<uint8_t>(pins() ^ before), at);
  }

  Listener listener_;
  uint8_t latch_ = 0xFF;
  uint8_t externalLow_ = 0;
  sc_core::sc_time now_;
};

}  // namespace wtm::periph
