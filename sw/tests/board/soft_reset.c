/* A software chip reset, as the vendor's system reset does it: the key written to the SysTimer's
 * MSFTRST register (value from its wtm2101_map.h description). The board ends the run there;
 * the FAIL line must never be printed. */
#include <stdio.h>

#include "bsp.h"

int main(void) {
  printf("soft_reset: resetting\n");
  REG32(SYSTIMER_BASE + SYSTIMER_MSFTRST) = 0x80000A5Fu;
  for (volatile int i = 0; i < 1000; ++i) {
  }
  printf("FAIL soft_reset: still running after the reset\n");
  return 0;
}
