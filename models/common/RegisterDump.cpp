#include "RegisterDump.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace wtm {
namespace {

std::string hex(uint64_t value, unsigned digits) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%0*llx", static_cast<int>(digits), static_cast<unsigned long long>(value));
  return buf;
}

std::string padded(const std::string& text, size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

// "NAME=value" for every field of `reg`: decimal up to 4 bits, hex above.
std::string decodedFields(const MmioDevice& device, const RegisterInfo& reg, uint32_t value) {
  std::string out;
  for (const FieldInfo& f : device.fields()) {
    if (!fieldOf(f, reg.name)) continue;
    const uint32_t v = f.bits().get(value);
    if (!out.empty()) out += ' ';
    out += std::string(f.name) + '=' + (f.width > 4 ? hex(v, 0) : std::to_string(v));
  }
  return out;
}

}  // namespace

std::string formatRegisters(MmioDevice& device, uint64_t baseAddress, const std::string& title) {
  const auto registers = device.registers();
  size_t nameWidth = 0;
  for (const RegisterInfo& r : registers) nameWidth = std::max(nameWidth, std::string(r.name).size());
  const unsigned offsetDigits = device.windowSize() > 0x1000 ? 4 : 3;

  std::ostringstream os;
  os << title << " at " << hex(baseAddress, 8) << " (" << registers.size() << " registers)\n";
  for (const RegisterInfo& r : registers) {
    std::string value;
    std::string fields;
    if (r.access == RegAccess::WO) {
      value = "(write-only)";
    } else {
      const unsigned size = registerAccessSize(registers, r.offset);
      uint32_t v = 0;
      if (device.peekRegister(r.offset, size, v)) {
        value = hex(v, 2 * size);
        fields = decodedFields(device, r, v);
      } else {
        value = "(no value)";
      }
    }
    std::string line = "  +" + hex(r.offset, offsetDigits) + "  " + hex(baseAddress + r.offset, 8) + "  " +
                       padded(r.name, nameWidth) + "  " + padded(accessName(r.access), 3) + "  " + padded(value, 12);
    if (!fields.empty()) line += "  " + fields;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    os << line << '\n';
  }
  return os.str();
}

}  // namespace wtm
