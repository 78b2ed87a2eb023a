// A SPI part whose chip select is a GPIO: it sees frames only while the pin is low, whatever the
// SSI's own chip select does, and a rising pin ends its command.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "GpioChipSelect.h"

int sc_main(int, char**) { return 0; }

namespace {

struct RecordingDevice : wtm::periph::SpiDevice {
  std::vector<std::string> log;
  void select(const sc_core::sc_time&) override { log.push_back("select"); }
  void deselect(const sc_core::sc_time&) override { log.push_back("deselect"); }
  uint8_t transfer(uint8_t out, unsigned, bool) override {
    log.push_back("byte " + std::to_string(out));
    return static_cast<uint8_t>(out + 1);
  }
};

TEST(GpioChipSelect, FramesReachThePartOnlyWhileThePinIsLow) {
  RecordingDevice part;
  wtm::platform::GpioChipSelect cs(part);
  cs.select(sc_core::SC_ZERO_TIME);             // the SSI's own CS: not wired
  EXPECT_EQ(cs.transferFrame(0x10, 8), 0xFFu);  // unselected: MISO idles high
  cs.pinChanged(false, sc_core::SC_ZERO_TIME);
  EXPECT_EQ(cs.transferFrame(0x20, 8), 0x21u);
  cs.deselect(sc_core::SC_ZERO_TIME);  // the SSI's CS goes up between FIFO refills: the part stays selected
  EXPECT_EQ(cs.transferFrame(0x30, 8), 0x31u);
  cs.pinChanged(false, sc_core::SC_ZERO_TIME);  // no edge: nothing happens
  cs.pinChanged(true, sc_core::SC_ZERO_TIME);
  EXPECT_EQ(cs.transferFrame(0x40, 8), 0xFFu);
  EXPECT_EQ(part.log, (std::vector<std::string>{"select", "byte 32", "byte 48", "deselect"}));
}

}  // namespace
