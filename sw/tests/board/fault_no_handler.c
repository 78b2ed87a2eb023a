/* Firmware without a trap handler (mtvec back at the reset vector) that executes an illegal
 * instruction: what the board's default fault policy stops at. */
#include <stdio.h>

#include "bsp.h"

int main(void) {
  printf("no handler\n");
  __asm__ volatile("csrw mtvec, zero");
  __asm__ volatile(".word 0xffffffff");
  printf("after illegal\n");
  return 0;
}
