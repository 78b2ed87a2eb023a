// The pin multiplexer, for the functions the board models at pin level: PWM channel outputs drive
// their pads, and pad levels reach PWM capture and break-in inputs, on whichever pins RCC PMUX
// selects them (pin_functions.def). Every other function is routed inside its model (UART, SPI,
// I2S ... talk to their partners directly), so a pad muxed to one of them follows ODR/DDR.
#pragma once
#include <string>

#include "periph/clock/RccController.h"
#include "periph/gpio/GpioPort.h"
#include "periph/pwm/PwmBlock.h"

namespace wtm::platform {

// The name of GPIO `pin`'s alternate function `af` (0..3) in pin_functions.def ("" beyond it).
std::string pinFunctionName(unsigned pin, unsigned af);

class PinRouter {
 public:
  PinRouter(periph::GpioPort& gpio, periph::RccController& rcc, periph::PwmBlock& pwm0, periph::PwmBlock& pwm1);

 private:
  struct Route {
    enum Kind { None, PwmChannel, PwmBreak } kind = None;
    unsigned block = 0, index = 0;
  };
  static Route parse(const std::string& function);
  Route route(unsigned pin) const;
  periph::PwmBlock& pwm(unsigned block) const { return block ? pwm1_ : pwm0_; }
  void drive(unsigned pin);  // the pad after a mux or PWM output change

  periph::GpioPort& gpio_;
  periph::RccController& rcc_;
  periph::PwmBlock &pwm0_, &pwm1_;
  Route table_[periph::GpioPort::kPins][4];
};

}  // namespace wtm::platform
