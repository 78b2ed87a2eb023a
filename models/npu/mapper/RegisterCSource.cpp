#include "npu/mapper/RegisterCSource.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "common/InputError.h"
#include "npu/mapper/TextFile.h"

namespace wtm::npu {

namespace {
// Skips blanks and C comments; returns false on an unterminated comment.
bool skipBlanks(const std::string& t, std::size_t& i) {
  for (;;) {
    while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
    if (i + 1 < t.size() && t[i] == '/' && t[i + 1] == '*') {
      const auto e = t.find("*/", i + 2);
      if (e == std::string::npos) return false;
      i = e + 2;
    } else if (i + 1 < t.size() && t[i] == '/' && t[i + 1] == '/') {
      const auto e = t.find('\n', i);
      i = e == std::string::npos ? t.size() : e + 1;
    } else {
      return true;
    }
  }
}

std::size_t lineOf(const std::string& t, std::size_t pos) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < pos && i < t.size(); ++i) line += t[i] == '\n';
  return line;
}
}  // namespace

std::vector<std::uint8_t> parseRegisterCSource(const std::string& text, const std::string& path) {
  const auto open = text.find('{');
  if (open == std::string::npos) throw InputError(path, "no '{' initialiser found (not a C array?)");
  std::vector<std::uint8_t> bytes;
  std::size_t i = open + 1;
  for (;;) {
    if (!skipBlanks(text, i)) throw InputError(path, "unterminated comment");
    if (i >= text.size()) throw InputError(path, "initialiser not closed with '}' (file truncated?)");
    if (text[i] == '}') break;
    // One literal.
    const std::size_t start = i;
    bool negative = false;
    if (text[i] == '-' || text[i] == '+') {
      negative = text[i] == '-';
      ++i;
    }
    std::size_t j = i;
    while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
    const std::string token = text.substr(i, j - i);
    char* endp = nullptr;
    const long v = token.empty() ? 0 : std::strtol(token.c_str(), &endp, 0);
    if (token.empty() || *endp != '\0')
      throw InputError(path, "line " + std::to_string(lineOf(text, start)) + ": '" +
                                 quoteToken(text.substr(start, j - start + 1)) + "' is not an integer literal");
    const long value = negative ? -v : v;
    if (value < -128 || value > 255)
      throw InputError(path, "line " + std::to_string(lineOf(text, start)) + ": value " + std::to_string(value) +
                                 " does not fit a byte");
    bytes.push_back(static_cast<std::uint8_t>(value & 0xFF));
    i = j;
    if (!skipBlanks(text, i)) throw InputError(path, "unterminated comment");
    if (i >= text.size()) throw InputError(path, "initialiser not closed with '}' (file truncated?)");
    if (text[i] == ',') {
      ++i;
    } else if (text[i] != '}') {
      throw InputError(path, "line " + std::to_string(lineOf(text, i)) + ": expected ',' or '}' after element " +
                                 std::to_string(bytes.size()));
    }
  }
  return bytes;
}

std::vector<std::uint8_t> loadRegisterCSource(const std::string& path) {
  return parseRegisterCSource(readTextFile(path), path);
}

std::string formatRegisterCSource(const std::vector<std::uint8_t>& bytes, const std::string& arrayName) {
  std::string out = "char " + arrayName + "[] = {";
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    out += std::to_string(bytes[i]);
    out += i + 1 < bytes.size() ? ", " : "";
  }
  out += "};\n";
  return out;
}

}  // namespace wtm::npu
