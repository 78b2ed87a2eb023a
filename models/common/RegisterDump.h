// A block's registers as text for a debugger ("monitor regs uart0"): one line per register of
// its table with offset, bus address, name, access, the value a core load would see now (read
// without side effects, MmioDevice::peekRegister) and its bit fields decoded.
#pragma once
#include <cstdint>
#include <string>

#include "MmioDevice.h"

namespace wtm {

// `title` heads the listing (e.g. "uart0"); `baseAddress` is the block's bus address.
std::string formatRegisters(MmioDevice& device, uint64_t baseAddress, const std::string& title);

}  // namespace wtm
