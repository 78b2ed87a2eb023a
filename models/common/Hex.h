// Formatting helpers for addresses and register values in log lines.
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>

namespace wtm {

inline std::string hex32(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%08llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace wtm

namespace wtm {

// "0x5a": a byte (an I2C address, a data byte).
inline std::string hex8(uint8_t v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", v);
  return buf;
}

}  // namespace wtm
