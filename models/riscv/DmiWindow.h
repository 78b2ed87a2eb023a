// A direct-memory window granted by a bus target: host pointer for [start, end].
#pragma once
#include <cstdint>

namespace wtm::riscv {

struct DmiWindow {
  uint64_t start = 0;
  uint64_t end = 0;
  uint8_t* base = nullptr;  // host address of `start`
  bool readable = false;
  bool writable = false;
};

}  // namespace wtm::riscv
