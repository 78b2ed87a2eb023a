/* ECLIC set-up for the project's firmware (register offsets from the generated header). */
#include <stdio.h>

#include "bsp.h"

#define ECLIC_REG8(off) (*(volatile uint8_t *)(uintptr_t)(ECLIC_BASE + (off)))

static unsigned level_bits(void) {
  return (ECLIC_REG8(ECLIC_CLICCFG) & ECLIC_CLICCFG_NLBITS_Msk) >> ECLIC_CLICCFG_NLBITS_Pos;
}

void eclic_init(void) {
  uint32_t info = REG32(ECLIC_BASE + ECLIC_CLICINFO);
  uint32_t ctlbits = (info & ECLIC_CLICINFO_CLICINTCTLBITS_Msk) >> ECLIC_CLICINFO_CLICINTCTLBITS_Pos;
  ECLIC_REG8(ECLIC_MTH) = 0;
  ECLIC_REG8(ECLIC_CLICCFG) = (uint8_t)(ctlbits << ECLIC_CLICCFG_NLBITS_Pos); /* all bits are level */
}

void eclic_configure(unsigned id, unsigned level, int vectored, unsigned trigger) {
  unsigned nl = level_bits();
  if (nl > 8) nl = 8;
  unsigned low = 8 - nl;
  ECLIC_REG8(ECLIC_INTCTL0 + 4 * id) = (uint8_t)(((level << low) & 0xFF) | ((1u << low) - 1));
  ECLIC_REG8(ECLIC_INTATTR0 + 4 * id) = (uint8_t)((vectored ? ECLIC_INTATTR0_SHV_Msk : 0) |
                                                  ((trigger << ECLIC_INTATTR0_TRIG_Pos) & ECLIC_INTATTR0_TRIG_Msk));
}

void eclic_enable(unsigned id) { ECLIC_REG8(ECLIC_INTIE0 + 4 * id) = 1; }
void eclic_disable(unsigned id) { ECLIC_REG8(ECLIC_INTIE0 + 4 * id) = 0; }
void eclic_set_pending(unsigned id) { ECLIC_REG8(ECLIC_INTIP0 + 4 * id) = 1; }
void eclic_clear_pending(unsigned id) { ECLIC_REG8(ECLIC_INTIP0 + 4 * id) = 0; }
void eclic_set_threshold(unsigned level) { ECLIC_REG8(ECLIC_MTH) = (uint8_t)level; }

/* An interrupt without a handler: report it once and disable it so it cannot storm. */
void bsp_default_irq_handler(void) {
  uint32_t mcause;
  __asm__ volatile("csrr %0, mcause" : "=r"(mcause));
  unsigned id = mcause & 0xFFFu;
  eclic_disable(id);
  printf("unhandled interrupt %u (disabled)\n", id);
}
