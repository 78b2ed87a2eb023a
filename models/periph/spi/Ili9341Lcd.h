// An ILI9341-class 240 x 320 TFT controller on a 4-wire SPI bus (the 2.2" MSP2202 module of the
// vendor spi_lcd example): a D/C pin tells commands (low) from data (high), RESX low holds it in
// reset. Modelled: the commands a driver needs to draw — CASET / PASET windows, RAMWR / RAMWRC
// pixel streams (16-bit RGB565, or 18-bit in three bytes after COLMOD 0x66) with the window's
// auto-increment and wrap, MADCTL (MY, MX, MV: rotation and mirroring; BGR), SLPIN / SLPOUT,
// DISPON / DISPOFF, INVON / INVOFF, SWRESET, and the ID reads RDDID (0x04) and ID4 (0xD3).
// Other commands take their parameters and do nothing. No timing: a command takes effect when
// its last byte arrives (the 5 ms after SLPOUT and reset are not enforced).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "periph/spi/SpiDevice.h"

namespace wtm::periph {

class Ili9341Lcd : public SpiDevice {
 public:
  static constexpr unsigned kWidth = 240, kHeight = 320;  // the panel, portrait

  Ili9341Lcd();

  // Control pins (levels as the host drives them).
  void setDataCommand(bool data) { data_ = data; }
  void setReset(bool level);
  void setBacklight(bool on) { backlight_ = on; }

  // What the panel shows: kWidth x kHeight 8-bit RGB triples, row by row from the top left
  // (black while the display is off, asleep or in reset). The module's panel is BGR-ordered:
  // with MADCTL.BGR = 1 the high five bits of a pixel are red, as drivers expect.
  std::vector<uint8_t> rgbImage() const;
  // Writes rgbImage() as a binary PPM; InputError when the file cannot be written.
  void writePpm(const std::string& path) const;

  bool displayOn() const { return displayOn_ && !sleeping_ && !inReset_; }
  bool backlight() const { return backlight_; }
  uint64_t pixelsWritten() const { return pixelsWritten_; }
  uint16_t pixel(unsigned x, unsigned y) const { return gram_[y * kWidth + x]; }  // RGB565 as shown (red high)

  void select(const sc_core::sc_time& at) override;
  void deselect(const sc_core::sc_time& at) override;
  uint8_t transfer(uint8_t out, unsigned lanes, bool hostDrives) override;

 private:
  void resetState();
  void command(uint8_t cmd);
  void parameter(uint8_t byte);
  void pixelByte(uint8_t byte);
  void storePixel(uint16_t rgb565);

  std::vector<uint16_t> gram_;
  bool data_ = true;
  bool inReset_ = false, backlight_ = false;
  bool sleeping_ = true, displayOn_ = false, inverted_ = false;
  uint8_t madctl_ = 0, colmod_ = 0x66;
  uint16_t colStart_ = 0, colEnd_ = kWidth - 1, pageStart_ = 0, pageEnd_ = kHeight - 1;
  uint8_t cmd_ = 0;
  unsigned paramIndex_ = 0;
  uint8_t params_[4] = {};
  uint16_t col_ = 0, page_ = 0;  // the RAMWR position
  uint32_t pixelBytes_ = 0;      // the bytes of the pixel being received
  unsigned pixelByteCount_ = 0;
  std::vector<uint8_t> readBack_;  // bytes a read command returns
  size_t readIndex_ = 0;
  uint64_t pixelsWritten_ = 0;
};

}  // namespace wtm::periph
