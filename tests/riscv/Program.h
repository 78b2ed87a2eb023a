// Byte-level program builder for the core tests (mixes 32-bit and 16-bit encodings).
#pragma once
#include <cstdint>
#include <vector>

class Program {
 public:
  Program& operator<<(uint32_t insn) {
    for (int i = 0; i < 4; ++i) bytes_.push_back(static_cast<uint8_t>(insn >> (8 * i)));
    return *this;
  }
  Program& operator<<(const std::vector<uint32_t>& insns) {
    for (uint32_t i : insns) *this << i;
    return *this;
  }
  Program& half(uint16_t c) {
    bytes_.push_back(static_cast<uint8_t>(c));
    bytes_.push_back(static_cast<uint8_t>(c >> 8));
    return *this;
  }
  uint32_t size() const { return static_cast<uint32_t>(bytes_.size()); }
  const std::vector<uint8_t>& bytes() const { return bytes_; }

 private:
  std::vector<uint8_t> bytes_;
};
