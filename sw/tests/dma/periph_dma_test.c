/* The DMA's hardware handshakes with the FIFO peripherals, through the board's wiring:
 *  - UART0 transmit FIFO fed by 8-item bursts (a 100-byte message: twelve bursts, then four
 *    single transactions at the end of the block) with no character lost;
 *  - UART0 without FIFO fed 16-bit source items as 8-bit writes (as the vendor audio_uart
 *    example sends PCM): the second byte of the last item also waits for the request;
 *  - SPIM in transmit-and-receive mode with nothing attached (frames loop back), one channel
 *    memory -> DR (handshake SPIM_TX), one DR -> memory (SPIM_RX), both with 4-frame bursts;
 *    the receive channel has the higher priority, as drivers set it.
 * Prints "PASS periph_dma". */
#include <stdio.h>
#include <string.h>

#include "bsp.h"

#define DMA_REG(off) REG32(DMA_BASE + (off))
#define CH_REG(ch, off) REG32(DMA_BASE + (ch) * (DMA_SAR1 - DMA_SAR) + (off))

static char message[101];
static uint8_t spi_out[64], spi_in[64];

/* Programs channel `ch` (byte items, hardware handshakes) without enabling it. */
static void setup_channel(unsigned ch, uint32_t sar, uint32_t dar, uint32_t ctl, uint32_t cfg_hi, uint32_t items,
                          unsigned priority) {
  CH_REG(ch, DMA_SAR) = sar;
  CH_REG(ch, DMA_DAR) = dar;
  CH_REG(ch, DMA_CTL) = ctl;
  CH_REG(ch, DMA_CTL_HI) = items;
  CH_REG(ch, DMA_CFG) = priority << DMA_CFG_CH_PRIOR_Pos;
  CH_REG(ch, DMA_CFG_HI) = cfg_hi;
  CH_REG(ch, DMA_LLP) = 0;
}

static void uart0_idle(void) {
  while (!(REG32(UART0_BASE + UART_LSR) & UART_LSR_TEMT_Msk)) {
  }
}

static int wait_done(uint32_t channels) {
  const uint64_t t0 = bsp_cycles();
  while ((DMA_REG(DMA_RAW_TFR) & channels) != channels)
    if (bsp_cycles() - t0 > 50u * BSP_HCLK_HZ / 1000u) return 0; /* 50 ms */
  DMA_REG(DMA_CLEAR_TFR) = channels;
  return 1;
}

#define BURST(items_code) (((items_code) << DMA_CTL_SRC_MSIZE_Pos) | ((items_code) << DMA_CTL_DEST_MSIZE_Pos))
#define TO_PERIPHERAL ((2u << DMA_CTL_DINC_Pos) | (0u << DMA_CTL_SINC_Pos) | (1u << DMA_CTL_TT_FC_Pos))
#define FROM_PERIPHERAL ((2u << DMA_CTL_SINC_Pos) | (0u << DMA_CTL_DINC_Pos) | (2u << DMA_CTL_TT_FC_Pos))

int main(void) {
  printf("periph_dma: start\n");
  DMA_REG(DMA_DMA_CFG) = 1;

  /* UART0: 99 letters and a new line, bursts of 8 (code 2) into the 16-deep FIFO. */
  for (int i = 0; i < 99; ++i) message[i] = (char)('a' + i % 26);
  message[99] = '\n';
  REG32(UART0_BASE + UART_FCR) = UART_FCR_FIFOE_Msk;
  uart0_idle();
  setup_channel(0, bsp_to_sys(message), UART0_BASE + UART_THR, TO_PERIPHERAL | BURST(2),
                DMA_HS_UART0_TX << DMA_CFG_HI_DEST_PER_Pos, 100, 0);
  DMA_REG(DMA_CH_EN) = 0x101u;
  const int uart_ok = wait_done(1u);
  uart0_idle();

  /* UART0 without FIFO: 50 16-bit items ("AB" pairs) to the 8-bit THR, single transactions. */
  static uint16_t pairs[50];
  for (int i = 0; i < 49; ++i) pairs[i] = (uint16_t)(('a' + i % 26) | (('A' + i % 26) << 8));
  pairs[49] = (uint16_t)('!' | ('\n' << 8));
  REG32(UART0_BASE + UART_FCR) = 0;
  setup_channel(3, bsp_to_sys(pairs), UART0_BASE + UART_THR, TO_PERIPHERAL | (1u << DMA_CTL_SRC_TR_WIDTH_Pos),
                DMA_HS_UART0_TX << DMA_CFG_HI_DEST_PER_Pos, 50, 0);
  DMA_REG(DMA_CH_EN) = 0x808u;
  const int narrow_ok = wait_done(8u);
  uart0_idle();
  REG32(UART0_BASE + UART_FCR) = UART_FCR_FIFOE_Msk;

  /* SPIM: 8-bit frames, transmit and receive, CS0 with nothing attached (loopback). */
  for (int i = 0; i < 64; ++i) spi_out[i] = (uint8_t)(i * 7 + 3);
  REG32(SPIM_BASE + SPI_SSIENR) = 0;
  REG32(SPIM_BASE + SPI_CTRLR0) = (7u << SPI_CTRLR0_DFS_32_Pos) | (0u << SPI_CTRLR0_TMOD_Pos);
  REG32(SPIM_BASE + SPI_BAUDR) = 4;
  REG32(SPIM_BASE + SPI_DMATDLR) = 4;
  REG32(SPIM_BASE + SPI_DMARDLR) = 3; /* request at 4 frames: one burst */
  REG32(SPIM_BASE + SPI_DMACR) = SPI_DMACR_TDMAE_Msk | SPI_DMACR_RDMAE_Msk;
  REG32(SPIM_BASE + SPI_SER) = 1;
  REG32(SPIM_BASE + SPI_SSIENR) = 1;
  setup_channel(1, bsp_to_sys(spi_out), SPIM_BASE + SPI_DR, TO_PERIPHERAL | BURST(1),
                DMA_HS_SPIM_TX << DMA_CFG_HI_DEST_PER_Pos, 64, 1);
  setup_channel(2, SPIM_BASE + SPI_DR, bsp_to_sys(spi_in), FROM_PERIPHERAL | BURST(1),
                DMA_HS_SPIM_RX << DMA_CFG_HI_SRC_PER_Pos, 64, 2);
  DMA_REG(DMA_CH_EN) = 0x606u;
  const int spi_done = wait_done(6u);
  const int spi_same = memcmp(spi_out, spi_in, sizeof spi_out) == 0;
  const int spi_overrun = (REG32(SPIM_BASE + SPI_RISR) & SPI_RISR_RXOIR_Msk) != 0;

  printf("periph_dma: uart %s, narrow %s, spi %s%s%s\n", uart_ok ? "done" : "timed out",
         narrow_ok ? "done" : "timed out", spi_done ? "done" : "timed out", spi_same ? "" : ", data differ",
         spi_overrun ? ", rx overrun" : "");
  printf(uart_ok && narrow_ok && spi_done && spi_same && !spi_overrun ? "PASS periph_dma\n" : "FAIL periph_dma\n");
  return 0;
}
