// The external I2C master's transfer list (--i2c-master FILE).
#include <gtest/gtest.h>

#include <string>

#include "I2cMasterScript.h"
#include "common/InputError.h"

int sc_main(int, char**) { return 0; }

namespace {

using sc_core::sc_time;
using wtm::platform::parseI2cMasterScript;

TEST(I2cMasterScript, ReadsTimesAddressesBytesAndCounts) {
  const auto s = parseI2cMasterScript(
      "# the i2c_dma example as master\n"
      "speed 400k\n"
      "at 1s write 0x50 00 C0 0xc1   # page write\n"
      "after 5ms write 50 00 read 8\n"
      "\n"
      "read 0x7f 2\n",
      "m.txt");
  EXPECT_DOUBLE_EQ(s.sclHz, 400e3);
  ASSERT_EQ(s.transfers.size(), 3u);
  EXPECT_FALSE(s.transfers[0].afterPrevious);
  EXPECT_EQ(s.transfers[0].at, sc_time(1, sc_core::SC_SEC));
  EXPECT_EQ(s.transfers[0].address, 0x50);
  EXPECT_EQ(s.transfers[0].write, (std::vector<uint8_t>{0x00, 0xC0, 0xC1}));
  EXPECT_EQ(s.transfers[0].read, 0u);
  EXPECT_TRUE(s.transfers[1].afterPrevious);
  EXPECT_EQ(s.transfers[1].at, sc_time(5, sc_core::SC_MS));
  EXPECT_EQ(s.transfers[1].write, (std::vector<uint8_t>{0x00}));
  EXPECT_EQ(s.transfers[1].read, 8u);
  EXPECT_TRUE(s.transfers[2].afterPrevious);
  EXPECT_EQ(s.transfers[2].at, sc_core::SC_ZERO_TIME);
  EXPECT_EQ(s.transfers[2].address, 0x7F);
  EXPECT_TRUE(s.transfers[2].write.empty());
  EXPECT_EQ(s.transfers[2].read, 2u);
}

TEST(I2cMasterScript, MalformedLinesAreErrorsNamingFileAndLine) {
  const std::pair<const char*, const char*> cases[] = {
      {"write 0x80 00\n", "m.txt:1: '0x80' is beyond the largest 7-bit address"},
      {"write 0x50\n", "m.txt:1: 'write' needs at least one byte"},
      {"write 0x50 100\n", "m.txt:1: '100' is beyond the largest byte"},
      {"write 0x50 zz\n", "m.txt:1: 'zz' is not a hex byte"},
      {"read 0x50\n", "m.txt:1: 'read' needs a byte count"},
      {"read 0x50 0\n", "m.txt:1: read count '0' is outside 1..65536"},
      {"read 0x50 8 9\n", "m.txt:1: 'read' takes one count, at the end of the line"},
      {"write 0x50 00 read 8 9\n", "m.txt:1: 'read' takes one count, at the end of the line"},
      {"\nat 1x write 0x50 00\n", "m.txt:2: unknown time unit 'x' (use s, ms, us or ns)"},
      {"at\n", "m.txt:1: 'at' needs a time"},
      {"poke 0x50\n", "m.txt:1: expected 'write ADDR BYTE...' or 'read ADDR COUNT'"},
      {"speed 10\n", "m.txt:1: SCL rate '10' is outside 1k..1000k"},
      {"speed fast\n", "m.txt:1: 'fast' is not a rate (e.g. 100k)"},
      {"read 0x50 1\nspeed 400k\n", "m.txt:2: 'speed' must come before the transfers"},
      {"# nothing\n", "m.txt: no transfers (write ... / read ...)"},
  };
  for (const auto& [text, message] : cases) {
    try {
      parseI2cMasterScript(text, "m.txt");
      ADD_FAILURE() << text;
    } catch (const wtm::InputError& e) {
      EXPECT_EQ(std::string(e.what()), message) << text;
    }
  }
}

TEST(I2cMasterScript, AMissingFileIsAnInputError) {
  EXPECT_THROW(wtm::platform::readI2cMasterScript("/nonexistent-dir/m.txt"), wtm::InputError);
}

}  // namespace
