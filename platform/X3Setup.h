// The evaluation setup around the X3 board that some vendor examples expect, chosen on the
// command line: jumpers between the chip's own pins and external chips on its buses. The SoC is
// the same on every board; this only adds what is wired to its pins.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "GpioChipSelect.h"
#include "I2sPinFiles.h"
#include "PinVcdRecorder.h"
#include "X3SetupOptions.h"
#include "Wtm2101Soc.h"
#include "periph/i2c/At24Eeprom.h"
#include "periph/spi/Ili9341Lcd.h"
#include "periph/i2c/ExternalI2cMaster.h"
#include "periph/i2c/Pcf8574.h"

namespace wtm::platform {

class X3Setup {
 public:
  // `partLog` receives the expander's pin changes, as the LED changes go (nullptr: not logged).
  // Files that cannot be opened are InputErrors.
  X3Setup(Wtm2101Soc& soc, const X3SetupOptions& options, std::ostream* partLog);
  // One line describing what is connected ("" when nothing is).
  std::string summary() const;
  // Writes what the external parts show at the end of the run (--lcd-out).
  void finish();
  // Something outside the chip will still act (an external I2C master with transfers to run).
  bool externalActivity() const { return i2cMaster_ && !i2cMaster_->finished(); }

 private:
  void wireI2s(Wtm2101Soc& soc);
  void wireJumpers(Wtm2101Soc& soc);

  X3SetupOptions options_;
  std::vector<uint8_t> spimFlashStorage_;
  std::unique_ptr<periph::SpiNorFlash> spimFlash_;
  std::unique_ptr<GpioChipSelect> spimFlashSelect_;
  std::unique_ptr<periph::Ili9341Lcd> lcd_;
  std::unique_ptr<GpioChipSelect> lcdSelect_;
  std::unique_ptr<periph::At24Eeprom> eeprom_;
  std::unique_ptr<periph::Pcf8574> expander_;
  std::unique_ptr<periph::ExternalI2cMaster> i2cMaster_;
  std::unique_ptr<PinVcdRecorder> pinsVcd_;
  std::unique_ptr<audio::WavSink> speaker_;
  std::unique_ptr<I2sFrameRecorder> i2sOut_[2];
  std::unique_ptr<I2sFramePlayer> i2sIn_[2];
};

}  // namespace wtm::platform
