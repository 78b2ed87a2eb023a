/* Loads from unmapped space: the board must report a load access fault with PC and address. */
#include <stdio.h>

#include "bsp.h"

int main(void) {
  printf("before fault\n");
  volatile uint32_t *p = (volatile uint32_t *)0x70000010u;
  uint32_t v = *p;
  printf("after fault %lu\n", (unsigned long)v); /* reached only when the firmware handles it */
  return 0;
}
