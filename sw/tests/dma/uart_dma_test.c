/* UART0 through the DMA's hardware handshakes: a message sent memory -> THR (handshake 0, DMA
 * flow control, byte items) and three bytes received RBR -> memory (handshake 1) from the
 * board's --uart0-input, both finished by polling RawTfr as the vendor uart_dma example does.
 * Prints "PASS uart_dma". */
#include <stdio.h>
#include <string.h>

#include "bsp.h"

#define DMA_REG(off) REG32(DMA_BASE + (off))
#define CH_REG(ch, off) REG32(DMA_BASE + (ch) * (DMA_SAR1 - DMA_SAR) + (off))

static const char message[] = "sent by the DMA\n";
static char received[4];

static int run_channel(unsigned ch, uint32_t sar, uint32_t dar, uint32_t ctl, uint32_t cfg_hi, uint32_t items) {
  CH_REG(ch, DMA_SAR) = sar;
  CH_REG(ch, DMA_DAR) = dar;
  CH_REG(ch, DMA_CTL) = ctl;
  CH_REG(ch, DMA_CTL_HI) = items;
  CH_REG(ch, DMA_CFG) = 0; /* hardware handshakes */
  CH_REG(ch, DMA_CFG_HI) = cfg_hi;
  CH_REG(ch, DMA_LLP) = 0;
  DMA_REG(DMA_CH_EN) = (0x101u << ch);
  const uint64_t t0 = bsp_cycles();
  while (!(DMA_REG(DMA_RAW_TFR) & (1u << ch)))
    if (bsp_cycles() - t0 > 50u * BSP_HCLK_HZ / 1000u) return 0; /* 50 ms */
  DMA_REG(DMA_CLEAR_TFR) = 1u << ch;
  return 1;
}

int main(void) {
  printf("uart_dma: start\n");
  REG32(UART0_BASE + UART_FCR) = UART_FCR_FIFOE_Msk; /* FIFOs on, mode 0 */
  DMA_REG(DMA_DMA_CFG) = 1;
  /* TX: memory (increment) -> THR (fixed), byte items, handshake 0 as destination. */
  const uint32_t tx_ctl = (0u << DMA_CTL_DST_TR_WIDTH_Pos) | (0u << DMA_CTL_SRC_TR_WIDTH_Pos) |
                          (2u << DMA_CTL_DINC_Pos) | (0u << DMA_CTL_SINC_Pos) | (1u << DMA_CTL_TT_FC_Pos);
  const int sent = run_channel(3, bsp_to_sys(message), UART0_BASE + UART_THR, tx_ctl, 0u << DMA_CFG_HI_DEST_PER_Pos,
                               (uint32_t)strlen(message));
  /* RX: RBR (fixed) -> memory (increment), handshake 1 as source. */
  const uint32_t rx_ctl = (2u << DMA_CTL_SINC_Pos) | (0u << DMA_CTL_DINC_Pos) | (2u << DMA_CTL_TT_FC_Pos);
  const int got = run_channel(4, UART0_BASE + UART_RBR, bsp_to_sys(received), rx_ctl, 1u << DMA_CFG_HI_SRC_PER_Pos, 3);
  received[3] = 0;
  printf("uart_dma: tx %s, rx %s \"%s\"\n", sent ? "done" : "timed out", got ? "done" : "timed out", received);
  printf(sent && got && strcmp(received, "abc") == 0 ? "PASS uart_dma\n" : "FAIL uart_dma\n");
  return 0;
}
