#include "X3SetupOptions.h"

#include "common/InputError.h"
#include "periph/gpio/GpioPort.h"

namespace wtm::platform {

std::pair<unsigned, unsigned> parseJumper(const std::string& spec) {
  const auto dash = spec.find('-');
  auto pin = [&spec](const std::string& name) {
    const std::string digits = name.size() > 4 && name.compare(0, 4, "GPIO") == 0 ? name.substr(4) : "";
    if (digits.empty() || digits.size() > 2 || digits.find_first_not_of("0123456789") != std::string::npos ||
        std::stoul(digits) >= periph::GpioPort::kPins)
      throw InputError("--jumper", "'" + spec + "': expected GPIOa-GPIOb with pins 0..19 (e.g. GPIO1-GPIO10)");
    return static_cast<unsigned>(std::stoul(digits));
  };
  if (dash == std::string::npos) pin("");
  const auto pins = std::make_pair(pin(spec.substr(0, dash)), pin(spec.substr(dash + 1)));
  if (pins.first == pins.second) throw InputError("--jumper", "'" + spec + "' wires a pin to itself");
  return pins;
}

}  // namespace wtm::platform
