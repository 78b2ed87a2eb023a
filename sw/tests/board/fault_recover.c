/* A trap handler that skips illegal instructions: the firmware takes five faults and goes on, as
 * an instruction emulator would. */
#include <stdio.h>

#include "bsp.h"

static volatile unsigned traps;

uint32_t bsp_trap_handler(uint32_t mcause, uint32_t mepc, uint32_t mtval, uint32_t *frame) {
  (void)mtval;
  (void)frame;
  if ((mcause & 0xFFFu) == 2u) {
    traps++;
    return mepc + 4;
  }
  for (;;) __asm__ volatile("wfi");
  return mepc;
}

int main(void) {
  for (int i = 0; i < 5; ++i) __asm__ volatile(".word 0xffffffff");
  printf("recovered from %u faults\n", traps);
  return 0;
}
