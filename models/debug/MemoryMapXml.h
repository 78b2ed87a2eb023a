// GDB memory map (qXfer:memory-map:read): which address ranges are RAM, ROM or flash. GDB writes
// flash regions only through vFlashErase/vFlashWrite, a block at a time, when it loads a program.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace wtm::debug {

struct MemoryRegion {
  uint64_t start = 0;
  uint64_t length = 0;
  enum class Type { Ram, Rom, Flash } type = Type::Ram;
  uint64_t blockSize = 0;  // flash only: the erase unit
};

// The document in GDB's memory-map DTD format.
std::string memoryMapXml(const std::vector<MemoryRegion>& regions);

}  // namespace wtm::debug
