/* Waits for a UART0 byte that never comes: a board run ends at its limit, and the board should
 * name the register the firmware was polling. */
#include <stdint.h>
#include <stdio.h>

#include "bsp.h"

int main(void) {
  printf("waiting for input\n");
  volatile uint32_t* lsr = (volatile uint32_t*)(UART0_BASE + UART_LSR);
  while (!(*lsr & UART_LSR_DR_Msk)) {
  }
  printf("got input\n");
  return 0;
}
