// Register tables: every block lists its registers and bit fields once, in an X-macro file
// `<block>_regs.def` with lines
//     WTM_REG(NAME, OFFSET, ACCESS, "description")      ACCESS: RW RO WO W1C RC
//     WTM_FIELD(REG, NAME, LSB, WIDTH, "description")
// The model includes it through RegisterTableDeclare.inc (constants + a name table for logs);
// tools/gen_bsp_header turns the same file into the firmware's C header. Nothing is retyped.
#pragma once
#include <cstddef>
#include <cstdint>

namespace wtm {

enum class RegAccess : uint8_t { RW, RO, WO, W1C, RC };

struct BitField {
  unsigned lsb;
  unsigned width;
  constexpr uint32_t mask() const { return (width >= 32 ? 0xFFFFFFFFu : ((1u << width) - 1u)) << lsb; }
  constexpr uint32_t get(uint32_t reg) const { return (reg & mask()) >> lsb; }
  constexpr uint32_t set(uint32_t reg, uint32_t v) const { return (reg & ~mask()) | ((v << lsb) & mask()); }
  constexpr bool test(uint32_t reg) const { return (reg & mask()) != 0; }
};

struct RegisterInfo {
  const char* name;
  uint32_t offset;
  RegAccess access;
  const char* description;
};

// Name of the register at `offset` (first match), or nullptr.
inline const char* registerName(const RegisterInfo* table, size_t n, uint32_t offset) {
  for (size_t i = 0; i < n; ++i)
    if (table[i].offset == offset) return table[i].name;
  return nullptr;
}

}  // namespace wtm
