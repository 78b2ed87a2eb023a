/* Stores into the QSPI flash window, which is read-only to the CPU. */
#include <stdio.h>

#include "bsp.h"

int main(void) {
  printf("flash word 0x%08lx\n", (unsigned long)REG32(QSPI_XIP_BASE));
  REG32(QSPI_XIP_BASE + 0x40u) = 0x12345678u;
  printf("after store\n");
  return 0;
}
