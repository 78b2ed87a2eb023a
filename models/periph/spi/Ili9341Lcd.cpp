#include "Ili9341Lcd.h"

#include <fstream>

#include "common/InputError.h"

namespace wtm::periph {

namespace {
// Commands (ILI9341 datasheet names).
enum : uint8_t {
  SWRESET = 0x01,
  RDDID = 0x04,
  SLPIN = 0x10,
  SLPOUT = 0x11,
  INVOFF = 0x20,
  INVON = 0x21,
  DISPOFF = 0x28,
  DISPON = 0x29,
  CASET = 0x2A,
  PASET = 0x2B,
  RAMWR = 0x2C,
  MADCTL = 0x36,
  COLMOD = 0x3A,
  RAMWRC = 0x3C,
  RDID4 = 0xD3,
};
constexpr uint8_t kMadctlMy = 0x80, kMadctlMx = 0x40, kMadctlMv = 0x20, kMadctlBgr = 0x08;
}  // namespace

Ili9341Lcd::Ili9341Lcd() : gram_(kWidth * kHeight, 0) {}

void Ili9341Lcd::resetState() {
  sleeping_ = true;
  displayOn_ = inverted_ = false;
  madctl_ = 0;
  colmod_ = 0x66;
  colStart_ = pageStart_ = 0;
  colEnd_ = kWidth - 1;
  pageEnd_ = kHeight - 1;
  cmd_ = 0;
  readBack_.clear();
}

void Ili9341Lcd::setReset(bool level) {
  if (!level && !inReset_) resetState();  // GRAM keeps its contents (undefined on the chip)
  inReset_ = !level;
}

void Ili9341Lcd::select(const sc_core::sc_time&) { pixelByteCount_ = 0; }

void Ili9341Lcd::deselect(const sc_core::sc_time&) { pixelByteCount_ = 0; }

uint8_t Ili9341Lcd::transfer(uint8_t out, unsigned, bool hostDrives) {
  if (inReset_) return 0xFF;
  uint8_t in = 0xFF;
  if (readIndex_ < readBack_.size()) in = readBack_[readIndex_++];
  if (!hostDrives) return in;
  if (!data_) command(out);
  else parameter(out);
  return in;
}

void Ili9341Lcd::command(uint8_t cmd) {
  cmd_ = cmd;
  paramIndex_ = 0;
  pixelByteCount_ = 0;
  readBack_.clear();
  readIndex_ = 0;
  switch (cmd) {
    case SWRESET: resetState(); break;
    case SLPIN: sleeping_ = true; break;
    case SLPOUT: sleeping_ = false; break;
    case DISPOFF: displayOn_ = false; break;
    case DISPON: displayOn_ = true; break;
    case INVOFF: inverted_ = false; break;
    case INVON: inverted_ = true; break;
    case RAMWR:
      col_ = colStart_;
      page_ = pageStart_;
      break;
    // A dummy byte, then the identification (the datasheet's defaults for a 9341).
    case RDDID: readBack_ = {0x00, 0x00, 0x00, 0x00}; break;
    case RDID4: readBack_ = {0x00, 0x00, 0x93, 0x41}; break;
    default: break;
  }
}

void Ili9341Lcd::parameter(uint8_t byte) {
  if (cmd_ == RAMWR || cmd_ == RAMWRC) {
    pixelByte(byte);
    return;
  }
  if (paramIndex_ < 4) params_[paramIndex_] = byte;
  ++paramIndex_;
  switch (cmd_) {
    case CASET:
    case PASET:
      if (paramIndex_ == 2 || paramIndex_ == 4) {
        const uint16_t v = static_cast<uint16_t>(params_[paramIndex_ - 2] << 8 | params_[paramIndex_ - 1]);
        (paramIndex_ == 2 ? (cmd_ == CASET ? colStart_ : pageStart_) : (cmd_ == CASET ? colEnd_ : pageEnd_)) = v;
      }
      break;
    case MADCTL: madctl_ = byte; break;
    case COLMOD: colmod_ = byte; break;
    default: break;
  }
}

void Ili9341Lcd::pixelByte(uint8_t byte) {
  pixelBytes_ = (pixelBytes_ << 8) | byte;
  const bool rgb666 = (colmod_ & 0x07) == 0x06;  // DBI 18 bits: three bytes, 6 bits each
  if (++pixelByteCount_ < (rgb666 ? 3u : 2u)) return;
  pixelByteCount_ = 0;
  uint16_t rgb565;
  if (rgb666) {
    const uint32_t v = pixelBytes_ & 0xFFFFFF;
    rgb565 = static_cast<uint16_t>(((v >> 19) & 0x1F) << 11 | ((v >> 10) & 0x3F) << 5 | ((v >> 3) & 0x1F));
  } else {
    rgb565 = static_cast<uint16_t>(pixelBytes_);
  }
  storePixel(rgb565);
}

void Ili9341Lcd::storePixel(uint16_t rgb565) {
  // The window in the current orientation; MV exchanges rows and columns, MX / MY mirror them.
  if (col_ <= colEnd_ && page_ <= pageEnd_) {
    unsigned x = col_, y = page_;
    if (madctl_ & kMadctlMv) std::swap(x, y);
    if (madctl_ & kMadctlMx) x = kWidth - 1 - x;
    if (madctl_ & kMadctlMy) y = kHeight - 1 - y;
    if (x < kWidth && y < kHeight) {
      gram_[y * kWidth + x] =
          (madctl_ & kMadctlBgr)
              ? rgb565
              : static_cast<uint16_t>((rgb565 & 0x001F) << 11 | (rgb565 & 0x07E0) | (rgb565 >> 11));  // on a BGR panel
      ++pixelsWritten_;
    }
  }
  if (++col_ > colEnd_) {
    col_ = colStart_;
    if (++page_ > pageEnd_) page_ = pageStart_;
  }
}

std::vector<uint8_t> Ili9341Lcd::rgbImage() const {
  std::vector<uint8_t> rgb(kWidth * kHeight * 3, 0);
  if (!displayOn()) return rgb;
  for (size_t i = 0; i < gram_.size(); ++i) {
    uint16_t p = gram_[i];
    if (inverted_) p = static_cast<uint16_t>(~p);
    const unsigned r = p >> 11, g = (p >> 5) & 0x3F, b = p & 0x1F;
    rgb[3 * i] = static_cast<uint8_t>(r << 3 | r >> 2);
    rgb[3 * i + 1] = static_cast<uint8_t>(g << 2 | g >> 4);
    rgb[3 * i + 2] = static_cast<uint8_t>(b << 3 | b >> 2);
  }
  return rgb;
}

void Ili9341Lcd::writePpm(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw InputError(path, "cannot create the file");
  out << "P6\n" << kWidth << " " << kHeight << "\n255\n";
  const auto rgb = rgbImage();
  out.write(reinterpret_cast<const char*>(rgb.data()), static_cast<std::streamsize>(rgb.size()));
  if (!out) throw InputError(path, "write failed (disk full?)");
}

}  // namespace wtm::periph
