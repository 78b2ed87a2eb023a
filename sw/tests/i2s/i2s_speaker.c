/* I2S1 as the X3 board's speaker output: master, 16 kHz, 16-bit words in 16-bit slots, a 1 kHz
 * tone (left) and its inverse (right) written by polling the TX FIFO for 0.1 s. The board test
 * checks the --speaker WAV file. */
#include <stdio.h>

#include "bsp.h"

#define I2S1(off) REG32(I2S1_BASE + (off))

/* One period of a 1 kHz sine at 16 kHz, amplitude 16000. */
static const int16_t kSine[16] = {0, 6123,  11314,  14782,  16000,  14782,  11314,  6123,
                                  0, -6123, -11314, -14782, -16000, -14782, -11314, -6123};

int main(void) {
  /* SCLK = HCLK / (DIV + 1) = 512 kHz = 16 kHz x 2 slots x 16 bits. */
  const uint32_t div = BSP_HCLK_HZ / (16000u * 2u * 16u) - 1u;
  REG32(RCC_BASE + RCC_CLK_DIV_3) =
      (REG32(RCC_BASE + RCC_CLK_DIV_3) & ~RCC_CLK_DIV_3_DIV_GI2S_1_Msk) | (div << RCC_CLK_DIV_3_DIV_GI2S_1_Pos);
  I2S1(I2S_M_L_SW) = 0; /* master */
  I2S1(I2S_IER) = I2S_IER_IEN_Msk;
  I2S1(I2S_CCR) = 0u << I2S_CCR_WSS_Pos;  /* 16 SCLK per word */
  I2S1(I2S_TCR) = 2u << I2S_TCR_WLEN_Pos; /* 16-bit samples */
  I2S1(I2S_TFCR) = 4u;                    /* TXFE while 4 or fewer entries wait */
  I2S1(I2S_TER) = I2S_TER_TXCHEN_Msk;
  I2S1(I2S_ITER) = I2S_ITER_TXEN_Msk;
  I2S1(I2S_CER) = I2S_CER_CLKEN_Msk;
  for (unsigned n = 0; n < 1600; ++n) {
    while (!(I2S1(I2S_ISR) & I2S_ISR_TXFE_Msk)) {
    }
    const int16_t s = kSine[n & 15];
    I2S1(I2S_LTHR) = (uint32_t)(int32_t)s;
    I2S1(I2S_RTHR) = (uint32_t)(int32_t)-s;
  }
  printf("PASS i2s_speaker: 1600 frames\n");
  return 0;
}
