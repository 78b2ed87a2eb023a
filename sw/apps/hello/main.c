/* The default demo: greets over UART0 and reports what it ran on. */
#include <stdio.h>

#include "bsp.h"

int main(void) {
  uint64_t c0 = bsp_cycles();
  printf("Hello from the virtual WTM2101 (X3 board)!\n");
  uint64_t c1 = bsp_cycles();
  printf("printf took %lu cycles; UART0 at 0x%08lx, %lu baud\n", (unsigned long)(c1 - c0), (unsigned long)UART0_BASE,
         (unsigned long)BSP_UART_BAUD);
  printf("hello: done\n");
  return 0;
}
