#include "I2cMasterScript.h"

#include <sstream>

#include "BoardOptions.h"
#include "common/InputError.h"
#include "common/InputFile.h"

namespace wtm::platform {

namespace {

constexpr unsigned kMaxReadBytes = 65536;
constexpr size_t kMaxWriteBytes = 65536;

// A whole hex number of at most `maxValue`, with or without 0x.
unsigned hexValue(const std::string& where, const std::string& word, unsigned maxValue, const char* what) {
  std::string digits = word;
  if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) digits = digits.substr(2);
  if (digits.empty() || digits.size() > 8 || digits.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
    throw InputError(where, "'" + word + "' is not a hex " + what);
  const unsigned long v = std::stoul(digits, nullptr, 16);
  if (v > maxValue) throw InputError(where, "'" + word + "' is beyond the largest " + std::string(what));
  return static_cast<unsigned>(v);
}

double speedValue(const std::string& where, const std::string& word) {
  std::string digits = word;
  double scale = 1;
  if (!digits.empty() && (digits.back() == 'k' || digits.back() == 'K')) {
    digits.pop_back();
    scale = 1e3;
  }
  size_t pos = 0;
  double v = 0;
  try {
    v = std::stod(digits, &pos);
  } catch (const std::exception&) {
    pos = 0;
  }
  if (pos == 0 || pos != digits.size()) throw InputError(where, "'" + word + "' is not a rate (e.g. 100k)");
  v *= scale;
  // Up to fast mode plus (1 MHz); below 1 kHz a transfer of a few bytes would take seconds.
  if (!(v >= 1e3 && v <= 1e6)) throw InputError(where, "SCL rate '" + word + "' is outside 1k..1000k");
  return v;
}

}  // namespace

I2cMasterScript parseI2cMasterScript(const std::string& text, const std::string& name) {
  I2cMasterScript script;
  std::istringstream lines(text);
  std::string line;
  for (unsigned number = 1; std::getline(lines, line); ++number) {
    const std::string where = name + ":" + std::to_string(number);
    if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::istringstream in(line);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    if (words.empty()) continue;
    size_t i = 0;
    if (words[0] == "speed") {
      if (words.size() != 2) throw InputError(where, "'speed' takes one rate (e.g. speed 400k)");
      if (!script.transfers.empty()) throw InputError(where, "'speed' must come before the transfers");
      script.sclHz = speedValue(where, words[1]);
      continue;
    }
    periph::I2cMasterTransfer t;
    t.afterPrevious = true;
    if (words[0] == "at" || words[0] == "after") {
      if (words.size() < 2) throw InputError(where, "'" + words[0] + "' needs a time");
      t.afterPrevious = words[0] == "after";
      t.at = sc_core::sc_time(parseDuration(where, words[1], /*allowZero=*/true), sc_core::SC_SEC);
      i = 2;
    }
    if (i >= words.size() || (words[i] != "write" && words[i] != "read"))
      throw InputError(where, "expected 'write ADDR BYTE...' or 'read ADDR COUNT'");
    const bool writes = words[i] == "write";
    if (i + 1 >= words.size()) throw InputError(where, "'" + words[i] + "' needs a 7-bit address");
    t.address = static_cast<uint8_t>(hexValue(where, words[i + 1], 0x7F, "7-bit address"));
    i += 2;
    auto readCount = [&](size_t at) {
      if (at + 1 != words.size()) throw InputError(where, "'read' takes one count, at the end of the line");
      const std::string& w = words[at];
      if (w.empty() || w.size() > 6 || w.find_first_not_of("0123456789") != std::string::npos)
        throw InputError(where, "'" + w + "' is not a byte count");
      const unsigned long n = std::stoul(w);
      if (n == 0 || n > kMaxReadBytes)
        throw InputError(where, "read count '" + w + "' is outside 1.." + std::to_string(kMaxReadBytes));
      t.read = static_cast<unsigned>(n);
    };
    if (writes) {
      for (; i < words.size() && words[i] != "read"; ++i) {
        if (t.write.size() >= kMaxWriteBytes) throw InputError(where, "more than 65536 bytes in one write");
        t.write.push_back(static_cast<uint8_t>(hexValue(where, words[i], 0xFF, "byte")));
      }
      if (t.write.empty()) throw InputError(where, "'write' needs at least one byte");
      if (i < words.size()) readCount(i + 1);
    } else {
      if (i >= words.size()) throw InputError(where, "'read' needs a byte count");
      readCount(i);
    }
    script.transfers.push_back(std::move(t));
  }
  if (script.transfers.empty()) throw InputError(name, "no transfers (write ... / read ...)");
  return script;
}

I2cMasterScript readI2cMasterScript(const std::string& path) {
  const auto bytes = readRegularFile(path, kMaxI2cScriptBytes);
  return parseI2cMasterScript(std::string(bytes.begin(), bytes.end()), path);
}

}  // namespace wtm::platform
