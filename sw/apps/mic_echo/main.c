/* Microphone -> speaker echo on the X3 board: DMIC1 captured by the AUDIO block (channel 0, RAM
 * mode, 16 kHz, 30 ms frames on IRQ 37, set up as in sw/tests/audio) and played on I2S1 (the
 * MAX98357 amplifier: master, 16 kHz, 16-bit, the sample on both channels) refilled from its
 * TX-empty interrupt (IRQ 42). One frame of latency plus the decimators' delay.
 *   wtm2101-board --elf mic_echo.elf --mic0 in.wav --speaker out.wav */
#include <stdio.h>

#include "bsp.h"

#define AUD(off) REG32(AUDIO_BASE + (off))
#define I2S1(off) REG32(I2S1_BASE + (off))
#define FRAME_WORDS 240u /* 480 samples = 30 ms at 16 kHz */
#define RING_SAMPLES (8u * FRAME_WORDS * 2u)

static int16_t ring[RING_SAMPLES];
static volatile uint32_t written, played, frames, overruns;

void irq37_handler(void) { /* AUDIO: a frame is ready in RAM0 */
  if (AUD(AUDIO_TRINT) & AUDIO_TRINT_RAM0_FRAME_VLD_Msk) {
    for (unsigned w = 0; w < FRAME_WORDS; ++w) {
      const uint32_t two = AUD(AUDIO_RAM0DATA); /* older sample in the low half */
      ring[written++ % RING_SAMPLES] = (int16_t)(two & 0xFFFFu);
      ring[written++ % RING_SAMPLES] = (int16_t)(two >> 16);
    }
    if (written - played > RING_SAMPLES) ++overruns;
    ++frames;
    AUD(AUDIO_RAMCLR) |= AUDIO_RAMCLR_RAM0_FRAME_VLD_CLR_Msk;
  }
}

void irq42_handler(void) { /* I2S1: TX FIFO at or below its trigger level -> refill it */
  while (I2S1(I2S_ISR) & I2S_ISR_TXFE_Msk) {
    int16_t s = 0; /* silence until the first frame (or on an underrun) */
    if (played < written) s = ring[played++ % RING_SAMPLES];
    I2S1(I2S_LTHR) = (uint32_t)(int32_t)s;
    I2S1(I2S_RTHR) = (uint32_t)(int32_t)s;
  }
}

static void audio_start(void) {
  REG32(PMU_BASE + PMU_CTL) |= PMU_CTL_AUD_CLKEN_Msk;
  REG32(PMU_BASE + PMU_CLK_CTL) = (REG32(PMU_BASE + PMU_CLK_CTL) & ~PMU_CLK_CTL_AUD_DIV_NUM_Msk) |
                                  (5u << PMU_CLK_CTL_AUD_DIV_NUM_Pos); /* 4.096 MHz */
  uint32_t t = AUD(AUDIO_TRCTRL);
  t &= ~(AUDIO_TRCTRL_CH0_TR_EN_Msk | AUDIO_TRCTRL_CH_CLK_DIV_Msk | AUDIO_TRCTRL_CH0_TR_MOD_SEL_Msk |
         AUDIO_TRCTRL_CH0_PDM_SEL_Msk | AUDIO_TRCTRL_CH0_PDM_EDGE_SEL_Msk | AUDIO_TRCTRL_SINC5D2_BYPASS_Msk |
         AUDIO_TRCTRL_HIGHPASS_BYPASS_Msk);
  t |= (3u << AUDIO_TRCTRL_CH_CLK_DIV_Pos) | (2u << AUDIO_TRCTRL_CH0_TR_MOD_SEL_Pos) |
       AUDIO_TRCTRL_HALFBAND_BYPASS_Msk | AUDIO_TRCTRL_PRE_EMPHASIS_BYPASS_Msk | AUDIO_TRCTRL_BIQUAD_BYPASS_Msk;
  AUD(AUDIO_TRCTRL) = t;
  AUD(AUDIO_RAM0CFG0) = ((FRAME_WORDS - 1) << AUDIO_RAM0CFG0_FRAME_MOVE_Pos) | (2 * FRAME_WORDS - 1);
  AUD(AUDIO_RAM0CFG1) = FRAME_WORDS - 1;
  AUD(AUDIO_TRCTRL) |= AUDIO_TRCTRL_CH0_TR_EN_Msk; /* gain is latched with the channel enabled */
  AUD(AUDIO_PCMGAIN) = (AUD(AUDIO_PCMGAIN) & ~AUDIO_PCMGAIN_CH0_GAIN_Msk) | 10u;
  AUD(AUDIO_TRCTRL) &= ~AUDIO_TRCTRL_CH0_TR_EN_Msk;
  AUD(AUDIO_RAMCLR) |= AUDIO_RAMCLR_RAM0_CLR_Msk | AUDIO_RAMCLR_RAM0_FRAME_VLD_CLR_Msk;
  AUD(AUDIO_TRINTMSK) &= ~AUDIO_TRINT_RAM0_FRAME_VLD_Msk;
  eclic_configure(IRQ_AUDIO, 1, 0, ECLIC_TRIGGER_RISING);
  eclic_enable(IRQ_AUDIO);
  AUD(AUDIO_TRCTRL) |= AUDIO_TRCTRL_CH0_TR_EN_Msk;
}

static void speaker_start(void) {
  const uint32_t div = BSP_HCLK_HZ / (16000u * 2u * 16u) - 1u; /* SCLK 512 kHz */
  REG32(RCC_BASE + RCC_CLK_DIV_3) =
      (REG32(RCC_BASE + RCC_CLK_DIV_3) & ~RCC_CLK_DIV_3_DIV_GI2S_1_Msk) | (div << RCC_CLK_DIV_3_DIV_GI2S_1_Pos);
  I2S1(I2S_M_L_SW) = 0;
  I2S1(I2S_IER) = I2S_IER_IEN_Msk;
  I2S1(I2S_CCR) = 0u << I2S_CCR_WSS_Pos;
  I2S1(I2S_TCR) = 2u << I2S_TCR_WLEN_Pos;
  I2S1(I2S_TFCR) = 4u;
  I2S1(I2S_IMR) = ~I2S_IMR_TXFEM_Msk & 0x33u; /* only TX-empty interrupts */
  eclic_configure(IRQ_I2S1, 2, 0, ECLIC_TRIGGER_LEVEL);
  eclic_enable(IRQ_I2S1);
  I2S1(I2S_TER) = I2S_TER_TXCHEN_Msk;
  I2S1(I2S_ITER) = I2S_ITER_TXEN_Msk;
  I2S1(I2S_CER) = I2S_CER_CLKEN_Msk;
}

int main(void) {
  printf("mic_echo: DMIC1 -> I2S1 speaker, 16 kHz\n");
  speaker_start();
  audio_start();
  bsp_irq_enable();
  unsigned reported = 0;
  for (;;) {
    if (frames != reported && frames % 100u == 0) {
      reported = frames;
      printf("mic_echo: %lu frames, %lu overruns\n", (unsigned long)frames, (unsigned long)overruns);
    }
    __asm__ volatile("wfi"); /* AUDIO frames and I2S refills happen in the interrupts */
  }
}
