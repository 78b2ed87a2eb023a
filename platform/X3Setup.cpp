#include "X3Setup.h"

#include <algorithm>
#include <ostream>
#include <sstream>

#include "I2cMasterScript.h"
#include "X3Board.h"
#include "common/Hex.h"
#include "common/InputError.h"

namespace wtm::platform {

namespace {
constexpr uint32_t kSpimFlashBytes = 2 * 1024 * 1024;
constexpr unsigned kSpimFlashCsGpio = 1;  // the vendor spi_flash example's software chip select
// The vendor spi_lcd example's wiring (its readme: J30 P01 CS, J31 P10 RESET, P11 DC/RS, P12 LED).
constexpr unsigned kLcdCsGpio = 1, kLcdResetGpio = 10, kLcdDataCommandGpio = 11, kLcdBacklightGpio = 12;
constexpr uint8_t kExpanderAddress = periph::Pcf8574::kBaseAddress | 7;  // the vendor example's A2..A0

// "I2C master: wrote 0x50 10 bytes, read C0 C1" / "I2C master: 0x50 not acknowledged"
std::string describe(const periph::I2cMasterResult& r) {
  std::ostringstream s;
  s << "I2C master: " << hex8(r.address);
  if (!r.acknowledged && r.written == 0) {
    s << " not acknowledged";
    return s.str();
  }
  if (r.written) s << " wrote " << r.written << " byte" << (r.written == 1 ? "" : "s");
  if (!r.acknowledged) s << ", read not acknowledged";
  if (!r.read.empty()) {
    s << (r.written ? "," : "") << " read";
    for (uint8_t b : r.read) s << " " << hex8(b).substr(2);  // as the vendor examples print them
  }
  return s.str();
}
}  // namespace

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
  } else if (options.spim == "lcd") {
    lcd_ = std::make_unique<periph::Ili9341Lcd>();
    lcdSelect_ = std::make_unique<GpioChipSelect>(*lcd_);
    soc.spim.attach(lcdSelect_.get(), 0);
    soc.gpio.onOutputChange([this](unsigned pin, bool level, const sc_core::sc_time& at) {
      if (pin == kLcdCsGpio) lcdSelect_->pinChanged(level, at);
      else if (pin == kLcdDataCommandGpio) lcd_->setDataCommand(level);
      else if (pin == kLcdResetGpio) lcd_->setReset(level);
      else if (pin == kLcdBacklightGpio) lcd_->setBacklight(level);
    });
  }
  if (options.i2cExpander) {
    expander_ = std::make_unique<periph::Pcf8574>([partLog](uint8_t pins, uint8_t changed, const sc_core::sc_time& at) {
      if (!partLog) return;
      for (unsigned p = 0; p < 8; ++p)
        if (changed >> p & 1u)
          *partLog << boardLogPrefix(at) << "PCF8574 P" << p << ((pins >> p & 1u) ? " high" : " low") << std::endl;
    });
    soc.i2c.attach(kExpanderAddress, expander_.get());
  }
  if (options.i2cEeprom) {
    eeprom_ = std::make_unique<periph::At24Eeprom>();
    soc.i2c.attach(periph::At24Eeprom::kAddress, eeprom_.get());
  }
  if (options.i2cMaster) {
    const I2cMasterScript script = readI2cMasterScript(*options.i2cMaster);
    i2cMaster_ = std::make_unique<periph::ExternalI2cMaster>(
        "x3_i2c_master", soc.i2c, script.transfers, script.sclHz, [partLog](const periph::I2cMasterResult& r) {
          if (partLog) *partLog << boardLogPrefix(r.stop) << describe(r) << std::endl;
        });
  }
  wireI2s(soc);
  wireJumpers(soc);
  // Last: it records the pads as the parts above left them at the start.
  if (options.pinsVcd) pinsVcd_ = std::make_unique<PinVcdRecorder>(*options.pinsVcd, soc.gpio);
}

void X3Setup::finish() {
  if (lcd_ && options_.lcdImage) lcd_->writePpm(*options_.lcdImage);
}

void X3Setup::wireJumpers(Wtm2101Soc& soc) {
  if (options_.jumpers.empty()) return;
  // A wire: whatever the chip drives on one end is the input level of the other.
  soc.gpio.onOutputChange([this, &gpio = soc.gpio](unsigned pin, bool level, const sc_core::sc_time&) {
    for (const auto& [a, b] : options_.jumpers) {
      if (pin == a) gpio.setInput(b, level);
      else if (pin == b) gpio.setInput(a, level);
    }
  });
}

void X3Setup::wireI2s(Wtm2101Soc& soc) {
  if (options_.i2sLoopback) soc.i2s1.connectPeer(soc.i2s0);
  // The X3's MAX98357 amplifier on I2S1 plays 16-bit samples: --speaker FILE.wav.
  if (options_.speaker) speaker_ = std::make_unique<audio::WavSink>(*options_.speaker, 2);
  periph::DwApbI2s* blocks[2] = {&soc.i2s0, &soc.i2s1};
  for (int i = 0; i < 2; ++i) {
    if (options_.i2sOut[i]) i2sOut_[i] = std::make_unique<I2sFrameRecorder>(*options_.i2sOut[i]);
    if (options_.i2sIn[i]) {
      i2sIn_[i] = std::make_unique<I2sFramePlayer>(*options_.i2sIn[i]);
      blocks[i]->setRxSource([player = i2sIn_[i].get()](periph::I2sFrame& f, const periph::I2sFormat& format) {
        return player->next(f, format);
      });
    }
    audio::WavSink* speaker = i == 1 ? speaker_.get() : nullptr;
    I2sFrameRecorder* recorder = i2sOut_[i].get();
    if (!speaker && !recorder) continue;
    blocks[i]->setTxSink(
        [speaker, recorder](const periph::I2sFrame& f, const periph::I2sFormat& fmt, const sc_core::sc_time& at) {
          if (recorder) recorder->record(f, fmt, at);
          if (!speaker) return;
          // Samples arrive sign-extended at the programmed word length; the amplifier takes 16 bits.
          const int shift = static_cast<int>(fmt.wordBits ? fmt.wordBits : 16) - 16;
          auto to16 = [shift](int32_t v) {
            const int64_t s = shift >= 0 ? (int64_t{v} >> shift) : (int64_t{v} << -shift);
            return static_cast<int16_t>(std::clamp<int64_t>(s, -32768, 32767));
          };
          const int16_t frame[2] = {to16(f.left), to16(f.right)};
          speaker->write(frame, 1, fmt.frameRate);
        });
  }
}

std::string X3Setup::summary() const {
  std::string s;
  auto add = [&s](const std::string& part) { s += (s.empty() ? "" : ", ") + part; };
  if (options_.spim == "spis") add("SPIM CS0 wired to SPIS");
  if (options_.spim == "flash") add("2 MB serial NOR flash on SPIM, chip select GPIO1");
  if (options_.spim == "lcd")
    add("ILI9341 LCD on SPIM (" + std::to_string(lcd_->pixelsWritten()) + " pixels written, display " +
        (lcd_->displayOn() ? "on" : "off") + ", backlight " + (lcd_->backlight() ? "on" : "off") + ")");
  if (options_.i2cEeprom) add("24C02 EEPROM at I2C 0x50");
  if (options_.i2cExpander) add("PCF8574 at I2C 0x27");
  if (options_.i2cMaster) add("external I2C master (" + *options_.i2cMaster + ")");
  if (options_.i2sLoopback) add("I2S0 pins wired to I2S1");
  for (const auto& [a, b] : options_.jumpers) add("GPIO" + std::to_string(a) + "-GPIO" + std::to_string(b) + " jumper");
  return s;
}

}  // namespace wtm::platform
