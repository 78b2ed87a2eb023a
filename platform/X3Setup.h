// The evaluation setup around the X3 board that some vendor examples expect, chosen on the
// command line: jumpers between the chip's own pins and external chips on its buses. The SoC is
// the same on every board; this only adds what is wired to its pins.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "GpioChipSelect.h"
#include "Wtm2101Soc.h"
#include "periph/i2c/At24Eeprom.h"
#include "periph/i2c/Pcf8574.h"

namespace wtm::platform {

struct X3SetupOptions {
  // What answers on SPIM: "none" (nothing: frames loop back), "spis" (the jumpers from the SPIM
  // pins to the SPIS pins, GPIO0-3 to GPIO14-17, on CS0), "flash" (an erased 2 MB ZD25WQ16-class
  // serial NOR flash whose chip select is GPIO1, driven by software as in the vendor example).
  std::string spim = "none";
  bool i2cEeprom = false;  // a 24C02 EEPROM at I2C address 0x50
  bool i2cExpander = false;  // a PCF8574 I/O expander at I2C address 0x27 (A2..A0 high)
};

class X3Setup {
 public:
  // `partLog` receives the expander's pin changes, as the LED changes go (nullptr: not logged).
  X3Setup(Wtm2101Soc& soc, const X3SetupOptions& options, std::ostream* partLog);
  // One line describing what is connected ("" when nothing is).
  std::string summary() const;

 private:
  X3SetupOptions options_;
  std::vector<uint8_t> spimFlashStorage_;
  std::unique_ptr<periph::SpiNorFlash> spimFlash_;
  std::unique_ptr<GpioChipSelect> spimFlashSelect_;
  std::unique_ptr<periph::At24Eeprom> eeprom_;
  std::unique_ptr<periph::Pcf8574> expander_;
};

}  // namespace wtm::platform
