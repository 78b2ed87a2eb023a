#include "PinRouter.h"

namespace wtm::platform {

namespace {

struct PinRow {
  unsigned pin;
  const char* functions[4];
};

constexpr PinRow kPins[] = {
#define WTM_PIN(gpio, af0, af1, af2, af3) {gpio, {#af0, #af1, #af2, #af3}},
#include "pin_functions.def"
#undef WTM_PIN
};

}  // namespace

std::string pinFunctionName(unsigned pin, unsigned af) {
  for (const PinRow& row : kPins)
    if (row.pin == pin && af < 4) return row.functions[af];
  return "";
}

// "PWM1_CH2" -> PWM block 1 channel 2; "PWM0_BK3" -> break-in 3 of PWM0.
PinRouter::Route PinRouter::parse(const std::string& f) {
  Route r;
  if (f.size() != 8 || f.compare(0, 3, "PWM") != 0 || f[4] != '_' || (f[3] != '0' && f[3] != '1') || f[7] < '0' ||
      f[7] > '3')
    return r;
  const std::string kind = f.substr(5, 2);
  if (kind == "CH") r.kind = Route::PwmChannel;
  else if (kind == "BK") r.kind = Route::PwmBreak;
  else return r;
  r.block = static_cast<unsigned>(f[3] - '0');
  r.index = static_cast<unsigned>(f[7] - '0');
  return r;
}

PinRouter::PinRouter(periph::GpioPort& gpio, periph::RccController& rcc, periph::PwmBlock& pwm0, periph::PwmBlock& pwm1)
    : gpio_(gpio), rcc_(rcc), pwm0_(pwm0), pwm1_(pwm1) {
  for (unsigned pin = 0; pin < periph::GpioPort::kPins; ++pin)
    for (unsigned af = 0; af < 4; ++af) table_[pin][af] = parse(pinFunctionName(pin, af));
  for (unsigned block = 0; block < 2; ++block)
    pwm(block).onOutputChange([this, block](unsigned channel, bool, const sc_core::sc_time&) {
      for (unsigned pin = 0; pin < periph::GpioPort::kPins; ++pin) {
        const Route r = route(pin);
        if (r.kind == Route::PwmChannel && r.block == block && r.index == channel) drive(pin);
      }
    });
  rcc.onPinMuxChange([this](uint32_t pins) {
    for (unsigned pin = 0; pin < periph::GpioPort::kPins; ++pin)
      if ((pins >> pin) & 1u) drive(pin);
  });
  gpio.onInputChange([this](unsigned pin, bool level, const sc_core::sc_time&) {
    const Route r = route(pin);
    if (r.kind == Route::PwmChannel) pwm(r.block).captureInput(r.index, level);
    else if (r.kind == Route::PwmBreak && r.block == 0) pwm(0).breakInput(r.index, level);
  });
}

PinRouter::Route PinRouter::route(unsigned pin) const { return table_[pin][rcc_.pinFunction(pin) & 3u]; }

void PinRouter::drive(unsigned pin) {
  const Route r = route(pin);
  // A PWM channel drives its pad in PWM mode; in capture mode the pad is its input.
  if (r.kind == Route::PwmChannel && pwm(r.block).pwmMode())
    gpio_.driveAlternate(pin, pwm(r.block).outputLevel(r.index));
  else gpio_.releaseAlternate(pin);
}

}  // namespace wtm::platform
