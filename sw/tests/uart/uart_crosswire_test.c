/* UART0 and UART1 cross-wired by the board (--uart-crosswire), as the vendor uart examples need:
 * bytes sent on one arrive on the other after their character time. */
#include <stdio.h>

#include "bsp.h"

#define UREG(base, off) REG32((base) + (off))

static int exchange(uint32_t from, uint32_t to, uint8_t value) {
  while (!(UREG(from, UART_LSR) & UART_LSR_THRE_Msk)) {
  }
  UREG(from, UART_THR) = value;
  uint64_t t0 = bsp_cycles();
  while (!(UREG(to, UART_LSR) & UART_LSR_DR_Msk))
    if (bsp_cycles() - t0 > BSP_HCLK_HZ / 100u) return -1; /* 10 ms */
  return (int)(UREG(to, UART_RBR) & 0xFFu);
}

int main(void) {
  bsp_uart_init(UART1_BASE, BSP_HCLK_HZ, BSP_UART_BAUD);
  int ok = 1;
  for (unsigned i = 0; i < 8; ++i) {
    uint8_t v = (uint8_t)(0x11u * i);
    if (exchange(UART0_BASE, UART1_BASE, v) != v) ok = 0;
    if (exchange(UART1_BASE, UART0_BASE, (uint8_t)~v) != (uint8_t)~v) ok = 0;
  }
  printf(ok ? "PASS uart_crosswire\n" : "FAIL uart_crosswire\n");
  return 0;
}
