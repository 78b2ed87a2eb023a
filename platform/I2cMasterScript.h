// The transfers of an external I2C master (`--i2c-master FILE`), one per line:
//
//   speed 100k                          SCL rate (Hz, or with k; default 100k), before any transfer
//   at 1s write 0x50 00 C0 C1           at a simulated time: START, address 0x50, the bytes, STOP
//   after 2ms write 0x50 00 read 8      2 ms after the previous STOP: write, repeated START, read 8
//   read 0x50 4                         right after the previous one
//
// Addresses are 7-bit (0x00-0x7F, hex with or without 0x); data bytes are hex; read counts are
// decimal. '#' starts a comment.
#pragma once
#include <string>
#include <vector>

#include "periph/i2c/ExternalI2cMaster.h"

namespace wtm::platform {

struct I2cMasterScript {
  double sclHz = 100e3;
  std::vector<periph::I2cMasterTransfer> transfers;
};

constexpr size_t kMaxI2cScriptBytes = size_t{1} << 20;

// Throws InputError "NAME:LINE: cause" for anything malformed.
I2cMasterScript parseI2cMasterScript(const std::string& text, const std::string& name);
// Reads FILE (at most kMaxI2cScriptBytes) and parses it.
I2cMasterScript readI2cMasterScript(const std::string& path);

}  // namespace wtm::platform
