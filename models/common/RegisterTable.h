// Register tables: every block lists its registers and bit fields once, in an X-macro file
// `<block>_regs.def` with lines
//     WTM_REG(NAME, OFFSET, ACCESS, "description")      ACCESS: RW RO WO W1C RC
//     WTM_FIELD(REG, NAME, LSB, WIDTH, "description")
//     WTM_RESET(REG, VALUE)                              (optional; registers without one reset to 0)
// The model includes it through RegisterTableDeclare.inc (constants, plus the register and field
// tables that diagnostics and debugger tools read); tools/gen_bsp_header turns the same file into
// the firmware's C header. Nothing is retyped.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace wtm {

enum class RegAccess : uint8_t { RW, RO, WO, W1C, RC };

inline const char* accessName(RegAccess access) {
  switch (access) {
    case RegAccess::RW: return "RW";
    case RegAccess::RO: return "RO";
    case RegAccess::WO: return "WO";
    case RegAccess::W1C: return "W1C";
    case RegAccess::RC: return "RC";
  }
  return "?";
}

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

struct FieldInfo {
  const char* reg;  // name of the register the field belongs to
  const char* name;
  unsigned lsb;
  unsigned width;
  const char* description;
  constexpr BitField bits() const { return {lsb, width}; }
};

// A read-only view of one of the tables (begin/end for range-for, size, indexing).
template <typename T>
struct TableView {
  const T* items = nullptr;
  size_t count = 0;
  const T* begin() const { return items; }
  const T* end() const { return items + count; }
  size_t size() const { return count; }
  bool empty() const { return count == 0; }
  const T& operator[](size_t i) const { return items[i]; }
};

// A block's registers and fields, as RegisterTableDeclare.inc declares them (kRegisterTable).
struct RegisterTable {
  TableView<RegisterInfo> registers;
  TableView<FieldInfo> fields;
};

// Name of the register at `offset` (first match), or nullptr.
inline const char* registerName(const RegisterInfo* table, size_t n, uint32_t offset) {
  for (size_t i = 0; i < n; ++i)
    if (table[i].offset == offset) return table[i].name;
  return nullptr;
}

// Bytes a tool reads to see the register at `offset` whole: its natural alignment (up to 4),
// cut at the next register of the table (byte and halfword registers sit closer than 4 apart).
inline unsigned registerAccessSize(const TableView<RegisterInfo>& registers, uint32_t offset) {
  unsigned size = (offset % 4 == 0) ? 4 : (offset % 2 == 0) ? 2 : 1;
  for (const RegisterInfo& r : registers)
    if (r.offset > offset && r.offset - offset < size) size = r.offset - offset >= 2 ? 2 : 1;
  return size;
}

// True when `field` belongs to the register named `reg`.
constexpr bool fieldOf(const FieldInfo& field, const char* reg) { return std::string_view(field.reg) == reg; }

// The bits of the register named `reg` that its fields declare (what a write can change when
// the model implements exactly the declared fields).
constexpr uint32_t declaredFieldsMask(const FieldInfo* fields, size_t count, const char* reg) {
  uint32_t mask = 0;
  for (size_t i = 0; i < count; ++i)
    if (fieldOf(fields[i], reg)) mask |= fields[i].bits().mask();
  return mask;
}

}  // namespace wtm
