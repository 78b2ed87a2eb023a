/* Executes an illegal instruction (an all-ones word). */
#include <stdio.h>

#include "bsp.h"

int main(void) {
  printf("before illegal\n");
  __asm__ volatile(".word 0xffffffff");
  printf("after illegal\n");
  return 0;
}
