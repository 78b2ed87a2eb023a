// A SPI device whose chip select is wired to a GPIO of the chip instead of the SSI's own CS
// output, as the evaluation setup of the vendor spi_flash example has it (GPIO1 driven by
// software): the device is selected while the pin is low and sees the SSI's frames only then,
// however the SSI's own CS goes up and down between FIFO refills.
#pragma once
#include <systemc>

#include "periph/spi/SpiDevice.h"

namespace wtm::platform {

class GpioChipSelect : public periph::SpiDevice {
 public:
  explicit GpioChipSelect(periph::SpiDevice& device) : device_(device) {}

  // The GPIO's level changed (connect to the GPIO model's output listener for the pin).
  void pinChanged(bool level, const sc_core::sc_time& at) {
    if (!level && !selected_) device_.select(at);
    if (level && selected_) device_.deselect(at);
    selected_ = !level;
  }
  bool selected() const { return selected_; }

  // The SSI's own chip select is not connected to the part.
  void select(const sc_core::sc_time&) override {}
  void deselect(const sc_core::sc_time&) override {}
  uint8_t transfer(uint8_t out, unsigned lanes, bool hostDrives) override {
    return selected_ ? device_.transfer(out, lanes, hostDrives) : 0xFF;  // unselected: MISO idles high
  }
  void idleCycles(unsigned cycles) override {
    if (selected_) device_.idleCycles(cycles);
  }
  sc_core::sc_time statusHint() const override { return device_.statusHint(); }

 private:
  periph::SpiDevice& device_;
  bool selected_ = false;
};

}  // namespace wtm::platform
