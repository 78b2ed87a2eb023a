// The ILI9341 LCD controller model: commands and data as a driver sends them over SPI with its
// D/C pin, the window and its auto-increment, MADCTL orientation and colour order, reset, IDs.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <string>
#include <unistd.h>

#include "common/InputError.h"
#include "periph/spi/Ili9341Lcd.h"

int sc_main(int, char**) { return 0; }

namespace {

using wtm::periph::Ili9341Lcd;

struct Driver {
  Ili9341Lcd lcd;
  void cmd(uint8_t c, std::initializer_list<uint8_t> params = {}) {
    lcd.select(sc_core::SC_ZERO_TIME);
    lcd.setDataCommand(false);
    lcd.transfer(c, 1, true);
    lcd.setDataCommand(true);
    for (uint8_t p : params) lcd.transfer(p, 1, true);
    lcd.deselect(sc_core::SC_ZERO_TIME);
  }
  void window(uint16_t x0, uint16_t y0, uint16_t x1, uint16_t y1) {
    cmd(0x2A, {uint8_t(x0 >> 8), uint8_t(x0), uint8_t(x1 >> 8), uint8_t(x1)});
    cmd(0x2B, {uint8_t(y0 >> 8), uint8_t(y0), uint8_t(y1 >> 8), uint8_t(y1)});
  }
  void pixels(uint16_t colour, unsigned n) {
    cmd(0x2C);
    lcd.setDataCommand(true);
    for (unsigned i = 0; i < n; ++i) {
      lcd.transfer(uint8_t(colour >> 8), 1, true);
      lcd.transfer(uint8_t(colour), 1, true);
    }
  }
  void start() {
    cmd(0x11);          // sleep out
    cmd(0x3A, {0x55});  // 16 bits per pixel
    cmd(0x36, {0x08});  // BGR, portrait
    cmd(0x29);          // display on
  }
};

TEST(Ili9341Lcd, AWindowFillsRowByRowAndWraps) {
  Driver d;
  d.start();
  EXPECT_TRUE(d.lcd.displayOn());
  d.window(10, 20, 12, 21);  // 3 x 2
  d.pixels(0xF800, 7);       // one more than the window: wraps to its start
  EXPECT_EQ(d.lcd.pixel(10, 20), 0xF800);
  EXPECT_EQ(d.lcd.pixel(12, 21), 0xF800);
  EXPECT_EQ(d.lcd.pixel(13, 20), 0);
  EXPECT_EQ(d.lcd.pixel(10, 22), 0);
  EXPECT_EQ(d.lcd.pixelsWritten(), 7u);
}

TEST(Ili9341Lcd, MadctlRotatesAndMirrorsTheAddressing) {
  Driver d;
  d.start();
  d.cmd(0x36, {0x08 | 0x40 | 0x20});  // MX | MV: landscape, 90 degrees
  d.window(0, 0, 0, 0);
  d.pixels(0x07E0, 1);
  EXPECT_EQ(d.lcd.pixel(Ili9341Lcd::kWidth - 1, 0), 0x07E0);  // landscape top left = portrait top right
  d.cmd(0x36, {0x08 | 0x80 | 0x40});                          // MY | MX: 180 degrees
  d.window(0, 0, 0, 0);
  d.pixels(0x001F, 1);
  EXPECT_EQ(d.lcd.pixel(Ili9341Lcd::kWidth - 1, Ili9341Lcd::kHeight - 1), 0x001F);
}

TEST(Ili9341Lcd, ColourOrderAnd18BitPixels) {
  Driver d;
  d.start();
  d.cmd(0x36, {0x00});  // RGB order on the module's BGR panel: red and blue swap
  d.window(0, 0, 0, 0);
  d.pixels(0xF800, 1);
  EXPECT_EQ(d.lcd.pixel(0, 0), 0x001F);
  d.cmd(0x36, {0x08});
  d.cmd(0x3A, {0x66});  // 18 bits: three bytes of 6 bits each
  d.window(1, 0, 1, 0);
  d.cmd(0x2C, {0xFC, 0x00, 0xFC});  // red and blue full, no green
  EXPECT_EQ(d.lcd.pixel(1, 0), 0xF81F);
}

TEST(Ili9341Lcd, ThePictureIsBlackUntilTheDisplayIsOnAndAwake) {
  Driver d;
  d.window(0, 0, 0, 0);
  d.cmd(0x3A, {0x55});
  d.pixels(0xFFFF, 1);
  EXPECT_EQ(d.lcd.rgbImage()[0], 0);  // asleep, display off
  d.cmd(0x11);
  d.cmd(0x29);
  EXPECT_EQ(d.lcd.rgbImage()[0], 255);
  d.lcd.setReset(false);  // RESX low: reset state (asleep)
  EXPECT_FALSE(d.lcd.displayOn());
  d.lcd.setReset(true);
  d.cmd(0x11);
  d.cmd(0x29);
  EXPECT_EQ(d.lcd.rgbImage()[0], 255);  // GRAM kept
}

TEST(Ili9341Lcd, Id4ReadsTheControllerNumber) {
  Driver d;
  d.lcd.select(sc_core::SC_ZERO_TIME);
  d.lcd.setDataCommand(false);
  d.lcd.transfer(0xD3, 1, true);
  d.lcd.setDataCommand(true);
  uint8_t id[4];
  for (uint8_t& b : id) b = d.lcd.transfer(0, 1, false);
  EXPECT_EQ(id[2], 0x93);
  EXPECT_EQ(id[3], 0x41);
}

TEST(Ili9341Lcd, WritesAPpmAndReportsAnUnwritableFile) {
  Driver d;
  d.start();
  d.window(0, 0, 0, 0);
  d.pixels(0xF800, 1);
  const std::string path = std::string(::testing::TempDir()) + "lcd_" + std::to_string(getpid()) + ".ppm";
  d.lcd.writePpm(path);
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int w = 0, h = 0, max = 0;
  in >> magic >> w >> h >> max;
  in.get();
  uint8_t rgb[3] = {};
  in.read(reinterpret_cast<char*>(rgb), 3);
  EXPECT_EQ(magic, "P6");
  EXPECT_EQ(w, 240);
  EXPECT_EQ(h, 320);
  EXPECT_EQ(rgb[0], 255);
  EXPECT_EQ(rgb[1], 0);
  EXPECT_EQ(rgb[2], 0);
  std::remove(path.c_str());
  EXPECT_THROW(d.lcd.writePpm("/nonexistent-dir/lcd.ppm"), wtm::InputError);
}

}  // namespace
