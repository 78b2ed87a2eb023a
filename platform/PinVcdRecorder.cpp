#include "PinVcdRecorder.h"

#include "common/InputError.h"

namespace wtm::platform {

namespace {
// VCD identifiers: one printable character per pin.
char idOf(unsigned pin) { return static_cast<char>('!' + pin); }
}  // namespace

PinVcdRecorder::PinVcdRecorder(const std::string& path, periph::GpioPort& gpio) : path_(path), out_(path) {
  if (!out_) throw InputError(path, "cannot create the file");
  out_ << "$comment wtm2101-board GPIO pads $end\n$timescale " << sc_core::sc_get_time_resolution().to_string()
       << " $end\n$scope module gpio $end\n";
  for (unsigned pin = 0; pin < periph::GpioPort::kPins; ++pin)
    out_ << "$var wire 1 " << idOf(pin) << " GPIO" << pin << " $end\n";
  out_ << "$upscope $end\n$enddefinitions $end\n#0\n$dumpvars\n";
  levels_ = gpio.padLevels();
  for (unsigned pin = 0; pin < periph::GpioPort::kPins; ++pin) out_ << ((levels_ >> pin) & 1u) << idOf(pin) << "\n";
  out_ << "$end\n";
  auto listener = [this](unsigned pin, bool level, const sc_core::sc_time& at) { record(pin, level, at); };
  gpio.onOutputChange(listener);
  gpio.onInputChange(listener);
}

void PinVcdRecorder::record(unsigned pin, bool level, const sc_core::sc_time& at) {
  if (((levels_ >> pin) & 1u) == static_cast<uint32_t>(level)) return;
  levels_ ^= 1u << pin;
  const uint64_t ps = std::max<uint64_t>(lastPs_, at.value());  // in units of the resolution
  if (ps != lastPs_ || changes_ == 0) out_ << "#" << ps << "\n";
  lastPs_ = ps;
  out_ << (level ? '1' : '0') << idOf(pin) << "\n";
  ++changes_;
  if (!out_) throw InputError(path_, "write failed (disk full?)");
}

}  // namespace wtm::platform
