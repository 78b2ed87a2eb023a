// GPIO port A of the WTM2101 (DW_apb_gpio with vendor pad registers; reference/soc.md §4.2):
// 20 pins, direction, output data, pin levels, edge / level / both-edge interrupts on IRQ 41
// and the wake-up latch on IRQ 19.
//
// Board side: setInput() drives a pin from outside (keys), releaseInput() leaves it floating
// (it then reads its idle level: high, the vendor SystemInit enables every pull-up), and
// onOutputChange() listeners see every change of a pin the chip drives (LEDs), with the
// simulated time of the register write.
//
// Pin multiplexing lives in RCC PMUX_C0/C1 and pulls in PMU RTN/GPIO_SMT (another block's
// registers): the board routes alternate functions (driveAlternate for a peripheral's output,
// onInputChange for its inputs); other pins follow ODR/DDR.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include <systemc>

#include "common/TimedDevice.h"

namespace wtm::periph {

class GpioPort : public TimedDevice {
 public:
  static constexpr unsigned kPins = 20;
  static constexpr uint32_t kPinMask = (1u << kPins) - 1;

  sc_core::sc_out<bool> irq{"irq"};           // GPIO, ECLIC 41: INTSTA != 0
  sc_core::sc_out<bool> wakeIrq{"wake_irq"};  // GPIO_WAKEUP, ECLIC 19: WAKEUP != 0

  using OutputListener = std::function<void(unsigned pin, bool level, const sc_core::sc_time& at)>;

  explicit GpioPort(sc_core::sc_module_name name);

  // The outside world drives `pin` to `level` at the current simulated time (call from a
  // SystemC process or between sc_start() calls). Edges on input pins raise interrupts.
  void setInput(unsigned pin, bool level);
  // Nothing drives `pin` any more: it reads its idle level (high).
  void releaseInput(unsigned pin);
  // Called for every level change of a pin the chip drives (DDR = 1), and when a pin stops
  // being driven and falls back to its input level; `at` is the time of the register write.
  void onOutputChange(OutputListener listener) { listeners_.push_back(std::move(listener)); }
  // Called for every level change the outside world makes on a pad (setInput / releaseInput).
  void onInputChange(OutputListener listener) { inputListeners_.push_back(std::move(listener)); }
  // A peripheral drives `pin` through its alternate function: the pad follows `level` instead of
  // ODR/DDR until releaseAlternate(pin). Changes reach the onOutputChange listeners.
  void driveAlternate(unsigned pin, bool level);
  void releaseAlternate(unsigned pin);
  bool isAlternate(unsigned pin) const { return (alternate_ >> pin) & 1u; }

  // Level on the pad: ODR for outputs, the outside world (or the idle level) for inputs.
  bool pinLevel(unsigned pin) const { return (padLevels() >> pin) & 1u; }
  bool isOutput(unsigned pin) const { return (ddr_ >> pin) & 1u; }
  uint32_t padLevels() const;

  void reset();

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  uint32_t inputLevels() const;
  uint32_t levelRaw() const;  // level-sensitive interrupt sources active now
  uint32_t rawStatus() const { return (edgeLatch_ | levelRaw()) & kPinMask; }
  // Interrupt detection on a pad-level change (inputs with INTEN only).
  void detect(uint32_t before, uint32_t after, uint32_t levelBefore);
  void notifyOutputs(uint32_t before, const sc_core::sc_time& at);
  void padsChangedFromOutside(uint32_t before, uint32_t levelBefore);
  void setAlternate(unsigned pin, bool driven, bool level);
  // Nothing changes by itself: pins change when driven, the time only stamps the changes.
  void advanceTo(const sc_core::sc_time&) override {}
  void driveOutputs() override;  // irq / wakeIrq

  uint32_t odr_ = 0, ddr_ = 0, drv0_ = 0, drv1_ = 0, padResv_ = 0, testPort_ = 0;
  uint32_t inten_ = 0, intmsk_ = 0, inttyp_ = 0, intpol_ = 0, intdeb_ = 0, intsync_ = 0, intedg_ = 0;
  uint32_t pullup_ = 0, pulldown_ = 0;
  uint32_t edgeLatch_ = 0;  // edge interrupts waiting for INTCLR
  uint32_t wakeup_ = 0;
  uint32_t driven_ = 0;     // pins the outside world drives
  uint32_t external_ = 0;   // their levels
  uint32_t alternate_ = 0;  // pins a peripheral drives
  uint32_t alternateLevels_ = 0;
  std::vector<OutputListener> listeners_, inputListeners_;
};

}  // namespace wtm::periph
