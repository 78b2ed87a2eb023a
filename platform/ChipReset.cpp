// Wtm2101Soc::chipReset: kept apart from the SoC's assembly, it lists every block that has a
// reset state. The QSPI flash chip and the SHT20 are outside the chip and keep theirs.
#include "Wtm2101Soc.h"

namespace wtm::platform {

void Wtm2101Soc::chipReset() {
  // Clocks first: the blocks below then come out of reset at the reset frequencies.
  rcc.reset();
  pmu.reset();
  afc24m.reset();
  afc320k.reset();
  uart0.reset();
  uart1.reset();
  gpio.reset();
  timers.reset();
  wdt.reset();
  rtc.reset();
  pwm0.reset();
  pwm1.reset();
  audio.reset();
  fbank.reset();
  npu.reset();
  dma.reset();
  i2s0.reset();
  i2s1.reset();
  qspi.reset();
  spim.reset();
  spis.reset();
  i2c.reset();
  systimer.reset();
  eclic.reset();  // last: it samples the interrupt lines the blocks above have just lowered
  cpu.resetCore();
}

}  // namespace wtm::platform
