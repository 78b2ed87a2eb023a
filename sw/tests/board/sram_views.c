/* The SRAM bank permutation seen from the CPU: a word written through one view must appear at
 * the same bank offset in the other views (soc.md §2.1), for each of the five banks. */
#include <stdio.h>

#include "bsp.h"

struct view_pair {
  const char *bank;
  uint32_t a, b;
};

int main(void) {
  /* Offsets chosen away from this program's own code, data and stack. */
  static const struct view_pair pairs[] = {
      {"RAM0 ilm/sys", ILM_BASE + 0x1F000u, SRAM_SYS_BASE + SRAM_RAM0_SYS_OFFSET + 0x1F000u},
      {"RAM1 dlm/sys", DLM_BASE + SRAM_RAM1_DLM_OFFSET + 0xF000u, SRAM_SYS_BASE + SRAM_RAM1_SYS_OFFSET + 0xF000u},
      {"RAM2 ilm/dlm", ILM_BASE + SRAM_RAM2_ILM_OFFSET + 0x8000u, DLM_BASE + SRAM_RAM2_DLM_OFFSET + 0x8000u},
      {"RAM2 ilm/sys", ILM_BASE + SRAM_RAM2_ILM_OFFSET + 0x8004u, SRAM_SYS_BASE + SRAM_RAM2_SYS_OFFSET + 0x8004u},
      {"RAM3 ilm/dlm", ILM_BASE + SRAM_RAM3_ILM_OFFSET + 0x7000u, DLM_BASE + SRAM_RAM3_DLM_OFFSET + 0x7000u},
      {"RAM3 dlm/sys", DLM_BASE + SRAM_RAM3_DLM_OFFSET + 0x7004u, SRAM_SYS_BASE + SRAM_RAM3_SYS_OFFSET + 0x7004u},
      {"RAM4 ilm/dlm", ILM_BASE + SRAM_RAM4_ILM_OFFSET + 0x7000u, DLM_BASE + SRAM_RAM4_DLM_OFFSET + 0x7000u},
      {"RAM4 dlm/sys", DLM_BASE + SRAM_RAM4_DLM_OFFSET + 0x7004u, SRAM_SYS_BASE + SRAM_RAM4_SYS_OFFSET + 0x7004u},
  };
  int failures = 0;
  for (unsigned i = 0; i < sizeof pairs / sizeof pairs[0]; ++i) {
    uint32_t v = 0xC0DE0000u | i;
    REG32(pairs[i].a) = v;
    uint32_t got = REG32(pairs[i].b);
    /* byte and halfword through the other direction */
    *(volatile uint8_t *)(uintptr_t)(pairs[i].b + 1) = 0x5A;
    uint32_t back = REG32(pairs[i].a);
    if (got != v || back != ((v & 0xFFFF00FFu) | 0x5A00u)) {
      printf("FAIL %s: wrote %08lx read %08lx back %08lx\n", pairs[i].bank, (unsigned long)v, (unsigned long)got,
             (unsigned long)back);
      ++failures;
    }
  }
  /* RAM1 must not be visible in the ILM view at the RAM4 offsets (different banks). */
  REG32(DLM_BASE + 0x7000u) = 0x11111111u;
  REG32(ILM_BASE + SRAM_RAM4_ILM_OFFSET + 0x7008u) = 0x22222222u;
  if (REG32(DLM_BASE + 0x7000u) != 0x11111111u) {
    printf("FAIL RAM1 aliased\n");
    ++failures;
  }
  printf(failures ? "FAIL sram_views\n" : "PASS sram_views\n");
  return 0;
}
