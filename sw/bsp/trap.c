#include <stdio.h>

#include "bsp.h"

__attribute__((weak)) uint32_t bsp_trap_handler(uint32_t mcause, uint32_t mepc, uint32_t mtval, uint32_t *frame) {
  (void)frame;
  printf("TRAP mcause=0x%08lx (exception %lu) mepc=0x%08lx mtval=0x%08lx\n", (unsigned long)mcause,
         (unsigned long)(mcause & 0xFFFu), (unsigned long)mepc, (unsigned long)mtval);
  for (;;) __asm__ volatile("wfi");
  return mepc;
}
