#include "bsp.h"

void bsp_uart_init(uint32_t base, uint32_t hclk_hz, uint32_t baud) {
  /* divisor = round(f / (16 * baud)), as the vendor driver computes it */
  uint32_t div = (10u * hclk_hz / (16u * baud) + 5u) / 10u;
  REG32(base + UART_LCR) |= UART_LCR_DLAB_Msk;
  REG32(base + UART_DLH) = (div >> 8) & 0xFFu;
  REG32(base + UART_DLL) = div & 0xFFu;
  REG32(base + UART_LCR) &= ~UART_LCR_DLAB_Msk;
  REG32(base + UART_LCR) = 3u << UART_LCR_DLS_Pos; /* 8N1 */
  REG32(base + UART_FCR) = UART_FCR_FIFOE_Msk | UART_FCR_RFIFOR_Msk | UART_FCR_XFIFOR_Msk;
  REG32(base + UART_IER) = 0;
}

void bsp_uart_putc(uint32_t base, char c) {
  while (!(REG32(base + UART_LSR) & UART_LSR_THRE_Msk)) {
  }
  REG32(base + UART_THR) = (uint8_t)c;
}

int bsp_uart_getc(uint32_t base) {
  if (!(REG32(base + UART_LSR) & UART_LSR_DR_Msk)) return -1;
  return (int)(REG32(base + UART_RBR) & 0xFFu);
}

void bsp_puts(const char *s) {
  while (*s) bsp_uart_putc(UART0_BASE, *s++);
}

void bsp_init(void) {
  eclic_init();
  bsp_uart_init(UART0_BASE, BSP_HCLK_HZ, BSP_UART_BAUD);
}
