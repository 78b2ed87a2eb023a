#include "npu/mapper/Base64.h"

#include <algorithm>

namespace wtm::npu {

namespace {
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int valueOf(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}
}  // namespace

std::optional<std::vector<std::uint8_t>> decodeBase64(const std::string& text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::vector<std::uint8_t> out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    int v[4];
    int padding = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = text[i + k];
      if (c == '=' && last && k >= 2) {
        v[k] = 0;
        ++padding;
        continue;
      }
      if (padding > 0) return std::nullopt;  // data after '='
      v[k] = valueOf(c);
      if (v[k] < 0) return std::nullopt;
    }
    const std::uint32_t triple =
        (std::uint32_t(v[0]) << 18) | (std::uint32_t(v[1]) << 12) | (std::uint32_t(v[2]) << 6) | std::uint32_t(v[3]);
    out.push_back(std::uint8_t(triple >> 16));
    if (padding < 2) out.push_back(std::uint8_t(triple >> 8));
    if (padding < 1) out.push_back(std::uint8_t(triple));
  }
  return out;
}

std::string encodeBase64(const std::vector<std::uint8_t>& bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t triple = std::uint32_t(bytes[i]) << 16;
    if (n > 1) triple |= std::uint32_t(bytes[i + 1]) << 8;
    if (n > 2) triple |= bytes[i + 2];
    out += kAlphabet[(triple >> 18) & 63];
    out += kAlphabet[(triple >> 12) & 63];
    out += n > 1 ? kAlphabet[(triple >> 6) & 63] : '=';
    out += n > 2 ? kAlphabet[triple & 63] : '=';
  }
  return out;
}

std::optional<std::vector<std::int32_t>> decodeBase64Int32(const std::string& text) {
  auto bytes = decodeBase64(text);
  if (!bytes || bytes->size() % 4 != 0) return std::nullopt;
  std::vector<std::int32_t> values(bytes->size() / 4);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::uint8_t* b = &(*bytes)[4 * i];
    values[i] = static_cast<std::int32_t>(std::uint32_t(b[0]) | (std::uint32_t(b[1]) << 8) |
                                          (std::uint32_t(b[2]) << 16) | (std::uint32_t(b[3]) << 24));
  }
  return values;
}

std::string encodeBase64Int32(const std::vector<std::int32_t>& values) {
  std::vector<std::uint8_t> bytes;
  bytes.reserve(values.size() * 4);
  for (std::int32_t v : values) {
    const auto u = static_cast<std::uint32_t>(v);
    for (int k = 0; k < 4; ++k) bytes.push_back(std::uint8_t(u >> (8 * k)));
  }
  return encodeBase64(bytes);
}

}  // namespace wtm::npu
