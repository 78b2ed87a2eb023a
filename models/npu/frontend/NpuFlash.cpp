#include "npu/frontend/NpuFlash.h"

#include <cstring>
#include <fstream>
#include <sstream>

#include "common/InputError.h"
#include "common/InputFile.h"

namespace wtm::npu {

std::uint16_t crc16CcittFalse(const std::uint8_t* data, std::size_t length) {
  std::uint16_t crc = 0xFFFF;
  for (std::size_t i = 0; i < length; ++i) {
    crc = static_cast<std::uint16_t>(crc ^ (data[i] << 8));
    for (int b = 0; b < 8; ++b) crc = static_cast<std::uint16_t>((crc & 0x8000) ? (crc << 1) ^ 0x1021 : crc << 1);
  }
  return crc;
}

TrimImage TrimImage::synthetic() {
  TrimImage t;
  t.words_.fill(0xFFFF);  // erased flash reads as ones
  // Per-32-column groups of four values (shape of the logged chips: ~320-430, 250, 3500, 0).
  for (int g = 0; g < 32; ++g) {
    t.words_[4 * g + 0] = static_cast<std::uint16_t>(360 + (g * 7) % 50);
    t.words_[4 * g + 1] = 250;
    t.words_[4 * g + 2] = 3500;
    t.words_[4 * g + 3] = 0;
  }
  // OSC trims copied into the oscillators by hal_clock.c: 24 MHz coarse/fine, 320 kHz coarse/fine.
  t.words_[128] = 5;
  t.words_[129] = 18;
  t.words_[130] = 4;
  t.words_[131] = 11;
  t.words_[132] = t.words_[133] = t.words_[134] = 0;
  // [135..139] voltage trims stay 0xFFFF (untrimmed, as on both logged chips).
  // Section 2: NPU programming parameters as on the logged chips.
  const std::int16_t prog[6] = {1321, 887, -3, 9, 20, -1};
  for (int i = 0; i < 6; ++i) t.words_[192 + i] = static_cast<std::uint16_t>(prog[i]);
  t.setMapName("VBOARD01");
  return t;
}

std::uint16_t TrimImage::crcOfBytes(int first, int last) const {
  std::uint8_t bytes[kWords * 2];
  for (int i = 0; i < kWords; ++i) {
    bytes[2 * i] = static_cast<std::uint8_t>(words_[i] & 0xFF);
    bytes[2 * i + 1] = static_cast<std::uint8_t>(words_[i] >> 8);
  }
  return crc16CcittFalse(bytes + first, static_cast<std::size_t>(last - first + 1));
}

void TrimImage::updateCrcs() {
  // [146] lies inside the newer section-1 range 0..317, so it is computed first.
  words_[kSection1OldCrc] = crcOfBytes(0, 291);
  words_[kSection1Crc] = crcOfBytes(0, 317);
  words_[kSection2Crc] = crcOfBytes(384, 445);
}

int TrimImage::crcStatus() const {
  const bool section1 = crcOfBytes(0, 291) == words_[kSection1OldCrc] || crcOfBytes(0, 317) == words_[kSection1Crc];
  const bool section2 = crcOfBytes(384, 445) == words_[kSection2Crc];
  return 2 * (section1 ? 0 : 1) + (section2 ? 0 : 1);
}

void TrimImage::setMapName(const std::string& name) {
  char c[8];
  std::memset(c, ' ', sizeof c);
  std::memcpy(c, name.data(), name.size() < 8 ? name.size() : 8);
  for (int i = 0; i < 4; ++i)
    words_[kNameOffset + i] = static_cast<std::uint16_t>(static_cast<std::uint8_t>(c[2 * i]) |
                                                         (static_cast<std::uint8_t>(c[2 * i + 1]) << 8));
  updateCrcs();
}

std::string TrimImage::mapName() const {
  std::string s;
  for (int i = 0; i < 4; ++i) {
    s.push_back(static_cast<char>(words_[kNameOffset + i] & 0xFF));
    s.push_back(static_cast<char>(words_[kNameOffset + i] >> 8));
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::uint32_t TrimImage::rowWord(int row, int index) const {
  const int w = (row == kRowSecond ? 64 : 0) + index;
  if (index < 0 || index >= 64 || (row != kRowFirst && row != kRowSecond)) return 0;
  return static_cast<std::uint32_t>(words_[2 * w]) | (static_cast<std::uint32_t>(words_[2 * w + 1]) << 16);
}

std::string ProgrammedLayer::describe() const {
  std::ostringstream os;
  os << "rows " << rowStart << ".." << rowEnd << " cols " << columnStart << ".." << columnEnd << " bias " << biasStart
     << ".." << biasEnd << " G " << gain;
  return os.str();
}

namespace {

constexpr char kMagic[8] = {'W', 'T', 'M', 'N', 'P', 'U', 'F', 'L'};
constexpr std::uint32_t kVersion = 1;

class Writer {
 public:
  explicit Writer(std::ostream& os) : os_(os) {}
  template <typename T>
  void put(T v) {
    unsigned char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));  // host is little-endian, as the file
    os_.write(reinterpret_cast<const char*>(b), sizeof(T));
  }
  void putString(const std::string& s) {
    put<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
    os_.write(s.data(), static_cast<std::streamsize>(s.size()));
  }

 private:
  std::ostream& os_;
};

class Reader {
 public:
  Reader(std::istream& is, const std::string& path) : is_(is), path_(path) {}
  template <typename T>
  T get(const char* what) {
    unsigned char b[sizeof(T)];
    if (!is_.read(reinterpret_cast<char*>(b), sizeof(T))) throw InputError(path_, std::string("truncated at ") + what);
    T v;
    std::memcpy(&v, b, sizeof(T));
    return v;
  }
  std::string getString(const char* what) {
    const auto n = get<std::uint32_t>(what);
    if (n > 4096) throw InputError(path_, std::string("implausible length of ") + what);
    std::string s(n, '\0');
    if (n && !is_.read(&s[0], n)) throw InputError(path_, std::string("truncated at ") + what);
    return s;
  }

 private:
  std::istream& is_;
  const std::string& path_;
};

}  // namespace

void saveNpuFlash(const std::string& path, const NpuFlashContent& content, const CrossbarArray& array) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) throw InputError(path, "cannot create the NPU flash file");
  Writer w(f);
  f.write(kMagic, sizeof kMagic);
  w.put<std::uint32_t>(kVersion);
  const ProgrammingRecord& p = content.programming;
  w.put<std::uint8_t>(p.withError ? 1 : 0);
  w.put<std::uint64_t>(p.seed);
  w.put<std::uint8_t>(p.programming.enabled ? 1 : 0);
  w.put<double>(p.programming.law.perWeight);
  w.put<double>(p.programming.law.floor);
  w.put<double>(p.stuck.fraction);
  w.put<std::uint8_t>(p.stuck.mode == StuckCellConfig::Mode::Value ? 0 : 1);
  w.put<std::int32_t>(p.stuck.value);
  w.put<std::int32_t>(p.stuck.extreme);
  w.putString(p.source);
  w.put<std::uint32_t>(static_cast<std::uint32_t>(content.layers.size()));
  for (const ProgrammedLayer& l : content.layers)
    for (int v : {l.columnStart, l.columnEnd, l.rowStart, l.rowEnd, l.biasStart, l.biasEnd, l.gain})
      w.put<std::int32_t>(v);
  for (std::uint16_t t : content.trims.words()) w.put<std::uint16_t>(t);
  for (int r = 0; r < CrossbarArray::kStorageRows; ++r)
    f.write(reinterpret_cast<const char*>(array.rowData(r)), kColumns * sizeof(std::int16_t));
  if (!f) throw InputError(path, "write error");
}

void loadNpuFlash(const std::string& path, NpuFlashContent& content, CrossbarArray& array) {
  requireRegularFile(path);
  std::ifstream f(path, std::ios::binary);
  if (!f) throw InputError(path, "cannot open the NPU flash file");
  char magic[8];
  if (!f.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof magic) != 0)
    throw InputError(path, "not an NPU flash file (no WTMNPUFL header; written by --npu-flash)");
  Reader r(f, path);
  const auto version = r.get<std::uint32_t>("version");
  if (version != kVersion)
    throw InputError(path, "NPU flash file version " + std::to_string(version) + " (expected 1)");
  NpuFlashContent c;
  c.programming.withError = r.get<std::uint8_t>("programming record") != 0;
  c.programming.seed = r.get<std::uint64_t>("seed");
  c.programming.programming.enabled = r.get<std::uint8_t>("programming record") != 0;
  c.programming.programming.law.perWeight = r.get<double>("programming law");
  c.programming.programming.law.floor = r.get<double>("programming law");
  c.programming.stuck.fraction = r.get<double>("stuck cells");
  c.programming.stuck.mode =
      r.get<std::uint8_t>("stuck cells") ? StuckCellConfig::Mode::RandomExtreme : StuckCellConfig::Mode::Value;
  c.programming.stuck.value = r.get<std::int32_t>("stuck cells");
  c.programming.stuck.extreme = r.get<std::int32_t>("stuck cells");
  c.programming.source = r.getString("source name");
  const auto layers = r.get<std::uint32_t>("layer count");
  if (layers > 4096) throw InputError(path, "implausible layer count " + std::to_string(layers));
  for (std::uint32_t i = 0; i < layers; ++i) {
    ProgrammedLayer l;
    for (int* v : {&l.columnStart, &l.columnEnd, &l.rowStart, &l.rowEnd, &l.biasStart, &l.biasEnd, &l.gain})
      *v = r.get<std::int32_t>("layer table");
    c.layers.push_back(l);
  }
  for (int i = 0; i < TrimImage::kWords; ++i) c.trims.setWord(i, r.get<std::uint16_t>("trim rows"));
  std::vector<std::int16_t> row(kColumns);
  array.clear();
  for (int s = 0; s < CrossbarArray::kStorageRows; ++s) {
    if (!f.read(reinterpret_cast<char*>(row.data()), kColumns * sizeof(std::int16_t)))
      throw InputError(path, "truncated in the array cells (row " + std::to_string(s) + ")");
    for (int col = 0; col < kColumns; ++col) {
      const int v = row[static_cast<std::size_t>(col)];
      if (v == 0) continue;
      if (v < -kMaxCellMagnitude || v > kMaxCellMagnitude)
        throw InputError(path, "cell (" + std::to_string(s) + ", " + std::to_string(col) + ") holds " +
                                   std::to_string(v) + ", outside ±" + std::to_string(kMaxCellMagnitude));
      if (s < kInputRows) array.setWeight(s, col, v);
      else array.setBias(s - kInputRows, col, v);
    }
  }
  if (f.peek() != std::char_traits<char>::eof()) throw InputError(path, "trailing bytes after the array cells");
  content = c;
}

}  // namespace wtm::npu
