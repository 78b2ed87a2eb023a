/* AUDIO on the board: DMIC1 (--mic0) captured through channel 0 in RAM mode as the vendor HAL
 * sets it up (1.024 MHz PDM = 4.096 MHz audio clock / 4, sinc ÷32 + compensation ÷2 = 16 kHz,
 * high-pass on, gain 10 latched with the channel enabled, 240-word frames every 30 ms on IRQ 37),
 * read by the CPU in the ISR. After FRAMES frames it prints the tone's frequency (positive zero
 * crossings, linearly interpolated) and amplitude (√2 · RMS) in 16-bit LSB, and the frame times.
 * Integer arithmetic only. */
#include <stdio.h>

#include "bsp.h"

#define AUD(off) REG32(AUDIO_BASE + (off))
#define FRAME_WORDS 240u
#define FRAMES 10u
#define SKIP_FRAMES 2u /* decimator and high-pass start-up */
#define PCM_RATE 16000u

static int16_t pcm[FRAMES * FRAME_WORDS * 2];
static volatile unsigned frames;
static volatile uint32_t frameCycles[FRAMES];

void irq37_handler(void) { /* AUDIO */
  if (AUD(AUDIO_TRINT) & AUDIO_TRINT_RAM0_FRAME_VLD_Msk) {
    if (frames < FRAMES) {
      uint32_t *dst = (uint32_t *)&pcm[frames * FRAME_WORDS * 2];
      for (unsigned w = 0; w < FRAME_WORDS; ++w) dst[w] = AUD(AUDIO_RAM0DATA); /* two samples, older low */
      frameCycles[frames] = (uint32_t)bsp_cycles();
      ++frames;
    }
    AUD(AUDIO_RAMCLR) |= AUDIO_RAMCLR_RAM0_FRAME_VLD_CLR_Msk;
  }
}

static uint32_t isqrt64(uint64_t v) {
  uint64_t r = 0, bit = 1ull << 62;
  while (bit > v) bit >>= 2;
  while (bit) {
    if (v >= r + bit) {
      v -= r + bit;
      r = (r >> 1) + bit;
    } else {
      r >>= 1;
    }
    bit >>= 2;
  }
  return (uint32_t)r;
}

int main(void) {
  /* hal_audio_init: audio clock on, master clock 24.576 MHz / 6 = 4.096 MHz */
  REG32(PMU_BASE + PMU_CTL) |= PMU_CTL_AUD_CLKEN_Msk;
  REG32(PMU_BASE + PMU_CLK_CTL) =
      (REG32(PMU_BASE + PMU_CLK_CTL) & ~PMU_CLK_CTL_AUD_DIV_NUM_Msk) | (5u << PMU_CLK_CTL_AUD_DIV_NUM_Pos);
  uint32_t t = AUD(AUDIO_TRCTRL);
  t &= ~(AUDIO_TRCTRL_CH0_TR_EN_Msk | AUDIO_TRCTRL_CH_CLK_DIV_Msk | AUDIO_TRCTRL_CH0_TR_MOD_SEL_Msk |
         AUDIO_TRCTRL_CH0_PDM_SEL_Msk | AUDIO_TRCTRL_CH0_PDM_EDGE_SEL_Msk | AUDIO_TRCTRL_SINC5D2_BYPASS_Msk |
         AUDIO_TRCTRL_HIGHPASS_BYPASS_Msk);
  t |= (3u << AUDIO_TRCTRL_CH_CLK_DIV_Pos) | (2u << AUDIO_TRCTRL_CH0_TR_MOD_SEL_Pos) |
       AUDIO_TRCTRL_HALFBAND_BYPASS_Msk | AUDIO_TRCTRL_PRE_EMPHASIS_BYPASS_Msk | AUDIO_TRCTRL_BIQUAD_BYPASS_Msk;
  AUD(AUDIO_TRCTRL) = t;
  AUD(AUDIO_RAM0CFG0) = ((FRAME_WORDS - 1) << AUDIO_RAM0CFG0_FRAME_MOVE_Pos) | (2 * FRAME_WORDS - 1);
  AUD(AUDIO_RAM0CFG1) = FRAME_WORDS - 1;
  /* the HAL's gain write: the channel enabled around it ("cross clock" hardware bug) */
  AUD(AUDIO_TRCTRL) |= AUDIO_TRCTRL_CH0_TR_EN_Msk;
  AUD(AUDIO_PCMGAIN) = (AUD(AUDIO_PCMGAIN) & ~AUDIO_PCMGAIN_CH0_GAIN_Msk) | 10u;
  AUD(AUDIO_TRCTRL) &= ~AUDIO_TRCTRL_CH0_TR_EN_Msk;
  AUD(AUDIO_RAMCLR) |= AUDIO_RAMCLR_RAM0_CLR_Msk | AUDIO_RAMCLR_RAM0_FRAME_VLD_CLR_Msk;
  AUD(AUDIO_TRINTMSK) &= ~AUDIO_TRINT_RAM0_FRAME_VLD_Msk;
  eclic_configure(IRQ_AUDIO, 1, 0, ECLIC_TRIGGER_RISING);
  eclic_enable(IRQ_AUDIO);
  bsp_irq_enable();
  const uint32_t start = (uint32_t)bsp_cycles();
  AUD(AUDIO_TRCTRL) |= AUDIO_TRCTRL_CH0_TR_EN_Msk;
  while (frames < FRAMES) __asm__ volatile("wfi");
  AUD(AUDIO_TRCTRL) &= ~AUDIO_TRCTRL_CH0_TR_EN_Msk;
  eclic_disable(IRQ_AUDIO);

  const int16_t *s = &pcm[SKIP_FRAMES * FRAME_WORDS * 2];
  const unsigned n = (FRAMES - SKIP_FRAMES) * FRAME_WORDS * 2;
  uint64_t energy = 0;
  int64_t first = -1, last = -1; /* crossing positions in 1/1024 sample */
  unsigned crossings = 0;
  for (unsigned i = 0; i < n; ++i) {
    energy += (uint64_t)((int32_t)s[i] * (int32_t)s[i]);
    if (i + 1 < n && s[i] < 0 && s[i + 1] >= 0) {
      const int32_t a = -s[i], b = s[i + 1];
      const int64_t pos = (int64_t)i * 1024 + (int64_t)a * 1024 / (a + b);
      if (first < 0) first = pos;
      last = pos;
      ++crossings;
    }
  }
  const uint32_t amplitude = isqrt64(2 * energy / n);
  uint64_t milliHz = 0;
  if (crossings > 1 && last > first)
    milliHz = (uint64_t)(crossings - 1) * PCM_RATE * 1000u * 1024u / (uint64_t)(last - first);
  printf("audio tone: %lu.%03lu Hz, amplitude %lu\n", (unsigned long)(milliHz / 1000), (unsigned long)(milliHz % 1000),
         (unsigned long)amplitude);
  printf("audio frames: first after %lu cycles, then every %lu cycles\n", (unsigned long)(frameCycles[0] - start),
         (unsigned long)((frameCycles[FRAMES - 1] - frameCycles[0]) / (FRAMES - 1)));
  printf("PASS audio\n");
  return 0;
}
