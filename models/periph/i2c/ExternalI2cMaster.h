// Another master on the I2C bus, driving the DW_apb_i2c block in slave mode: it runs a list of
// transfers (START, address, bytes written, a repeated START and bytes read, STOP) at its own
// SCL rate, 9 clocks per byte, and waits while the slave holds SCL low for data (RD_REQ). What
// each transfer got is reported when it ends.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include <systemc>

#include "periph/i2c/DwApbI2c.h"

namespace wtm::periph {

struct I2cMasterTransfer {
  sc_core::sc_time at;         // when it starts: an absolute time, or...
  bool afterPrevious = false;  // ...this long after the previous transfer's STOP
  uint8_t address = 0;         // 7-bit
  std::vector<uint8_t> write;  // bytes written first (none: a read only)
  unsigned read = 0;           // then this many bytes read (after a repeated START if it wrote)
};

struct I2cMasterResult {
  sc_core::sc_time start, stop;
  uint8_t address = 0;
  bool acknowledged = false;  // the address was (every byte written is, unless the FIFO overflows)
  size_t written = 0;
  std::vector<uint8_t> read;
};

class ExternalI2cMaster : public sc_core::sc_module {
 public:
  using Report = std::function<void(const I2cMasterResult&)>;

  ExternalI2cMaster(sc_core::sc_module_name name, DwApbI2c& slave, std::vector<I2cMasterTransfer> transfers,
                    double sclHz, Report report);

  bool finished() const { return finished_; }

 private:
  void run();  // SC_THREAD
  void transfer(const I2cMasterTransfer& t);
  void byteTime() { wait(scl_ * 9.0); }

  DwApbI2c& slave_;
  std::vector<I2cMasterTransfer> transfers_;
  sc_core::sc_time scl_;
  Report report_;
  bool finished_ = false;
};

}  // namespace wtm::periph
