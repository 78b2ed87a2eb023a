#include "X3Setup.h"

#include <ostream>

#include "X3Board.h"


namespace wtm::platform {

namespace {
constexpr uint32_t kSpimFlashBytes = 2 * 1024 * 1024;
constexpr unsigned kSpimFlashCsGpio = 1;  // the vendor spi_flash example's software chip select
constexpr uint8_t kExpanderAddress = periph::Pcf8574::kBaseAddress | 7;  // the vendor example's A2..A0
}

X3Setup::X3Setup(Wtm2101Soc& soc, const X3SetupOptions& options, std::ostream* partLog) : options_(options) {
  if (options.spim == "spis") {
    soc.spim.attach(&soc.spis, 0);
  } else if (options.spim == "flash") {
    spimFlashStorage_.assign(kSpimFlashBytes, 0xFF);
    spimFlash_ = std::make_unique<periph::SpiNorFlash>("spim_flash_chip", spimFlashStorage_.data(), kSpimFlashBytes);
    spimFlashSelect_ = std::make_unique<GpioChipSelect>(*spimFlash_);
    soc.spim.attach(spimFlashSelect_.get(), 0);
    soc.gpio.onOutputChange([select = spimFlashSelect_.get()](unsigned pin, bool level, const sc_core::sc_time& at) {
      if (pin == kSpimFlashCsGpio) select->pinChanged(level, at);
    });
  }
  if (options.i2cExpander) {
    expander_ = std::make_unique<periph::Pcf8574>([partLog](uint8_t pins, uint8_t changed, const sc_core::sc_time& at) {
      if (!partLog) return;
      for (unsigned p = 0; p < 8; ++p)
        if (changed >> p & 1u) *partLog << boardLogPrefix(at) << "PCF8574 P" << p << ((pins >> p & 1u) ? " high" : " low") << std::endl;
    });
    soc.i2c.attach(kExpanderAddress, expander_.get());
  }
  if (options.i2cEeprom) {
    eeprom_ = std::make_unique<periph::At24Eeprom>();
    soc.i2c.attach(periph::At24Eeprom::kAddress, eeprom_.get());
  }
}

std::string X3Setup::summary() const {
  std::string s;
  if (options_.spim == "spis") s += "SPIM CS0 wired to SPIS";
  if (options_.spim == "flash") s += "2 MB serial NOR flash on SPIM, chip select GPIO1";
  if (options_.i2cEeprom) s += std::string(s.empty() ? "" : ", ") + "24C02 EEPROM at I2C 0x50";
  if (options_.i2cExpander) s += std::string(s.empty() ? "" : ", ") + "PCF8574 at I2C 0x27";
  return s;
}

}  // namespace wtm::platform
