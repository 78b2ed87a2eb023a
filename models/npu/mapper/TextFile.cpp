#include "npu/mapper/TextFile.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <charconv>

#include "common/InputError.h"
#include "common/InputFile.h"

namespace wtm::npu {

bool fileExists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool directoryExists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string joinPath(const std::string& dir, const std::string& relative) {
  if (dir.empty() || (!relative.empty() && relative[0] == '/')) return relative;
  return dir.back() == '/' ? dir + relative : dir + "/" + relative;
}

std::string readTextFile(const std::string& path) {
  const std::vector<std::uint8_t> bytes = readBinaryFile(path);
  return std::string(bytes.begin(), bytes.end());
}

std::vector<std::uint8_t> readBinaryFile(const std::string& path) {
  return readRegularFile(path, kMaxMapperFileBytes, /*allowEmpty=*/true);
}

std::string oneLine(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string quoteToken(const std::string& s) {
  constexpr std::size_t kShown = 20;
  return s.size() > kShown ? oneLine(s.substr(0, kShown)) + "..." : oneLine(s);
}

IntMatrix parseIntMatrix(const std::string& text, const std::string& path, std::int32_t minValue,
                         std::int32_t maxValue) {
  IntMatrix m;
  const char* p = text.data();
  const char* end = p + text.size();
  std::size_t line = 0;
  std::size_t pendingEmpty = 0;  // empty lines seen since the last data line
  std::vector<std::int32_t> row;
  while (p < end) {
    const char* eol = static_cast<const char*>(std::memchr(p, '\n', std::size_t(end - p)));
    if (!eol) eol = end;
    ++line;
    row.clear();
    const char* q = p;
    while (q < eol) {
      while (q < eol && (*q == ' ' || *q == '\t' || *q == ',' || *q == '\r')) ++q;
      if (q >= eol) break;
      std::int32_t v = 0;
      const char* start = q;
      if (*q == '+') ++q;  // from_chars does not take a leading '+'
      auto [next, ec] = std::from_chars(q, eol, v);
      const bool delimited = next == eol || *next == ' ' || *next == '\t' || *next == ',' || *next == '\r';
      if (ec != std::errc() || !delimited) {
        const char* tokenEnd = start;
        while (tokenEnd < eol && *tokenEnd != ' ' && *tokenEnd != '\t' && *tokenEnd != ',' && *tokenEnd != '\r')
          ++tokenEnd;
        const std::string token = quoteToken(std::string(start, std::size_t(tokenEnd - start)));
        throw InputError(path, "line " + std::to_string(line) + ": '" + token + "' is not an integer");
      }
      if (v < minValue || v > maxValue)
        throw InputError(path, "line " + std::to_string(line) + " value " + std::to_string(row.size() + 1) + ": " +
                                   std::to_string(v) + " outside " + std::to_string(minValue) + ".." +
                                   std::to_string(maxValue));
      row.push_back(v);
      q = next;
    }
    p = eol + 1;
    if (row.empty()) {
      ++pendingEmpty;
      continue;
    }
    if (pendingEmpty > 0 && m.rows > 0)
      throw InputError(path, "line " + std::to_string(line - pendingEmpty) + " is empty inside the data");
    pendingEmpty = 0;
    if (m.rows == 0) {
      m.cols = row.size();
    } else if (row.size() != m.cols) {
      throw InputError(path, "line " + std::to_string(line) + " has " + std::to_string(row.size()) +
                                 " values, the first line has " + std::to_string(m.cols));
    }
    m.values.insert(m.values.end(), row.begin(), row.end());
    ++m.rows;
  }
  return m;
}

std::vector<std::string> splitCsvLine(const std::string& line) {
  std::vector<std::string> fields;
  std::string cur;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.push_back(trim(cur));
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  fields.push_back(trim(cur));
  return fields;
}

long long parseIntegerField(const std::string& field, const std::string& path, std::size_t line, const char* what) {
  const std::string f = trim(field);
  long long v = 0;
  const char* b = f.data();
  const char* e = b + f.size();
  if (b != e && *b == '+') ++b;
  auto [next, ec] = std::from_chars(b, e, v);
  if (f.empty() || ec != std::errc() || next != e)
    throw InputError(path, "line " + std::to_string(line) + ": " + what + " '" + quoteToken(f) + "' is not an integer");
  return v;
}

}  // namespace wtm::npu
