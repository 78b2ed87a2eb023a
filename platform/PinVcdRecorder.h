// Every GPIO pad level change, as a logic analyser on the 20 pins would record it, written as a
// VCD file (`--pins-vcd FILE`, for GTKWave): the pins the chip drives (GPIO outputs, peripherals
// through the pin mux) and the levels the outside world puts on them (keys, jumpers). Times are
// the simulated times of the changes; a register write lands at the CPU's local time, which can
// run ahead of other sources by up to one quantum, so the file keeps times non-decreasing.
#pragma once
#include <cstdint>
#include <fstream>
#include <string>

#include <systemc>

#include "periph/gpio/GpioPort.h"

namespace wtm::platform {

class PinVcdRecorder {
 public:
  // InputError when FILE cannot be created.
  PinVcdRecorder(const std::string& path, periph::GpioPort& gpio);
  uint64_t changes() const { return changes_; }

 private:
  void record(unsigned pin, bool level, const sc_core::sc_time& at);

  std::string path_;
  std::ofstream out_;
  uint32_t levels_ = 0;
  uint64_t lastPs_ = 0;
  uint64_t changes_ = 0;
};

}  // namespace wtm::platform
