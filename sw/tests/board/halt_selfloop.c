/* Ends in a jump to itself with interrupts disabled, the way the vendor startup parks the core
 * after main: the board must recognise that nothing can happen any more. */
#include <stdio.h>

#include "bsp.h"

int main(void) {
  printf("parking\n");
  __asm__ volatile("csrci mstatus, 8\n1: j 1b");
  return 0;
}
