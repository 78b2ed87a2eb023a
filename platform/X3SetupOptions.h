// What the evaluation setup around the X3 board wires to the chip's pins, as chosen on the
// command line (built by X3Setup).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace wtm::platform {

struct X3SetupOptions {
  // What answers on SPIM: "none" (nothing: frames loop back), "spis" (the jumpers from the SPIM
  // pins to the SPIS pins, GPIO0-3 to GPIO14-17, on CS0), "flash" (an erased 2 MB ZD25WQ16-class
  // serial NOR flash whose chip select is GPIO1, driven by software as in the vendor example),
  // "lcd" (an ILI9341 240x320 TFT: chip select GPIO1, D/C GPIO11, reset GPIO10, backlight GPIO12,
  // the vendor spi_lcd example's wiring).
  std::string spim = "none";
  std::optional<std::string> lcdImage;                 // the LCD's picture at the end, as a PPM file
  bool i2cEeprom = false;                              // a 24C02 EEPROM at I2C address 0x50
  bool i2cExpander = false;                            // a PCF8574 I/O expander at I2C address 0x27 (A2..A0 high)
  bool i2sLoopback = false;                            // I2S0 and I2S1 pins wired together (SDO<->SDI, shared clocks)
  std::vector<std::pair<unsigned, unsigned>> jumpers;  // GPIO pins wired together
  std::optional<std::string> pinsVcd;                  // every pad change to a VCD file
  std::optional<std::string> i2cMaster;                // an external I2C master's transfers (I2cMasterScript.h)
  std::optional<std::string> speaker;                  // the MAX98357 amplifier on I2S1 TX, to a WAV
  std::optional<std::string> i2sOut[2], i2sIn[2];      // files on the I2S0/I2S1 SDO and SDI pins
};

// "GPIO1-GPIO10" -> {1, 10}; throws InputError naming --jumper.
std::pair<unsigned, unsigned> parseJumper(const std::string& spec);

}  // namespace wtm::platform
