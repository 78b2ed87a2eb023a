// The SoC's reset table and chip reset (kept apart from the SoC's assembly). The QSPI flash chip
// and the SHT20 are outside the chip and keep their state.
#include "Wtm2101Soc.h"

namespace wtm::platform {

std::vector<Wtm2101Soc::BlockReset> Wtm2101Soc::blockResets() {
  using namespace periph::rcc;
  // Bits not listed: the PMU's (its reset would stop the clocks the run depends on), the flash
  // controller's (the XIP window reads the flash without it), and the GPIO debounce, trim, audio
  // logic and DAC bits (no state of their own in the models). The NPU resets on the PMU's
  // LP_CTL.NPU_RSTN pulse instead (wireResets).
  const uint32_t timerBits =
      RST_EN_TIME0_RSTN.mask() | RST_EN_TIME1_RSTN.mask() | RST_EN_TIME2_RSTN.mask() | RST_EN_TIME3_RSTN.mask();
  return {
      // Clocks first: the blocks below then come out of reset at the reset frequencies.
      {0, [this] { rcc.reset(); }},
      {0, [this] { pmu.reset(); }},
      {0, [this] { afc24m.reset(); }},
      {0, [this] { afc320k.reset(); }},
      {RST_EN_UART0_RSTN.mask(), [this] { uart0.reset(); }},
      {RST_EN_UART1_RSTN.mask(), [this] { uart1.reset(); }},
      {RST_EN_GPIO_RSTN.mask(), [this] { gpio.reset(); }},
      {timerBits, [this] { timers.reset(); }},
      {RST_EN_WDT_PRSTN.mask(), [this] { wdt.reset(); }},
      {RST_EN_RTC_PRSTN.mask(), [this] { rtc.reset(); }},
      {RST_EN_PWM0_RSTN.mask(), [this] { pwm0.reset(); }},
      {RST_EN_PWM1_RSTN.mask(), [this] { pwm1.reset(); }},
      {RST_EN_AUD_HRSTN.mask(), [this] { audio.reset(); }},
      {RST_EN_FFT_RSTN.mask(), [this] { fbank.reset(); }},
      {0, [this] { npu.reset(); }},
      {RST_EN_DMA_RSTN.mask(), [this] { dma.reset(); }},
      {RST_EN_I2S0_RSTN.mask(), [this] { i2s0.reset(); }},
      {RST_EN_I2S1_RSTN.mask(), [this] { i2s1.reset(); }},
      {RST_EN_QSPI_RSTN.mask(), [this] { qspi.reset(); }},
      {RST_EN_SPIM_RSTN.mask(), [this] { spim.reset(); }},
      {RST_EN_SPIS_RSTN.mask(), [this] { spis.reset(); }},
      {RST_EN_I2C_RSTN.mask(), [this] { i2c.reset(); }},
      {0, [this] { systimer.reset(); }},
      {0, [this] { eclic.reset(); }},  // last: it samples the lines the blocks above have just lowered
  };
}

void Wtm2101Soc::chipReset() {
  for (const BlockReset& block : blockResets()) block.reset();
  cpu.resetCore();
}

}  // namespace wtm::platform
