// Occupies the address window of a block that has no model yet: every access is reported
// (once per offset, with the PC) and then reads as 0 / is ignored, or is a bus error when strict
// decoding is on. It never pretends to be the block.
#pragma once
#include "MmioDevice.h"

namespace wtm {

class UnimplementedDevice : public MmioDevice {
 public:
  UnimplementedDevice(sc_core::sc_module_name name, uint32_t windowSize) : MmioDevice(name, RegisterTable{}) {
    setWindowSize(windowSize);
  }

 protected:
  bool readRegister(uint32_t, unsigned, uint32_t&) override { return false; }
  bool writeRegister(uint32_t, unsigned, uint32_t) override { return false; }
};

}  // namespace wtm
