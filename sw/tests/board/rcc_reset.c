/* RCC RST_EN: clearing a block's bit returns it to its reset state; other blocks keep theirs. */
#include <stdio.h>

#include "bsp.h"

int main(void) {
  REG32(UART1_BASE + UART_SCR) = 0x5A;
  REG32(UART0_BASE + UART_SCR) = 0xA5;
  REG32(TIMER_BASE + TIMER_LOADCOUNT) = 1234;
  const uint32_t bits = RCC_RST_EN_UART1_RSTN_Msk | RCC_RST_EN_TIME0_RSTN_Msk;
  REG32(RCC_BASE + RCC_RST_EN) &= ~bits;
  REG32(RCC_BASE + RCC_RST_EN) |= bits;
  const uint32_t scr1 = REG32(UART1_BASE + UART_SCR), scr0 = REG32(UART0_BASE + UART_SCR);
  const uint32_t load = REG32(TIMER_BASE + TIMER_LOADCOUNT);
  if (scr1 == 0 && load == 0 && scr0 == 0xA5) printf("PASS rcc_reset\n");
  else
    printf("FAIL rcc_reset: uart1 scr %lx, timer0 load %lu, uart0 scr %lx\n", (unsigned long)scr1, (unsigned long)load,
           (unsigned long)scr0);
  return 0;
}
