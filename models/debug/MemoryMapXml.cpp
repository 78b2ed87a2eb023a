#include "debug/MemoryMapXml.h"

#include <cstdio>

namespace wtm::debug {
namespace {

std::string hex(uint64_t value) {
  char text[24];
  std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
  return text;
}

const char* typeName(MemoryRegion::Type type) {
  switch (type) {
    case MemoryRegion::Type::Ram: return "ram";
    case MemoryRegion::Type::Rom: return "rom";
    case MemoryRegion::Type::Flash: return "flash";
  }
  return "ram";
}

}  // namespace

std::string memoryMapXml(const std::vector<MemoryRegion>& regions) {
  std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE memory-map PUBLIC \"+//IDN gnu.org//DTD GDB Memory Map V1.0//EN\" "
      "\"http://sourceware.org/gdb/gdb-memory-map.dtd\">\n"
      "<memory-map>\n";
  for (const MemoryRegion& r : regions) {
    xml += std::string("  <memory type=\"") + typeName(r.type) + "\" start=\"" + hex(r.start) + "\" length=\"" +
           hex(r.length) + "\"";
    if (r.type == MemoryRegion::Type::Flash) {
      xml += ">\n    <property name=\"blocksize\">" + hex(r.blockSize) + "</property>\n  </memory>\n";
    } else {
      xml += "/>\n";
    }
  }
  xml += "</memory-map>\n";
  return xml;
}

}  // namespace wtm::debug
