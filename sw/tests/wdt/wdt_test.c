/* The watchdog on the board, as the vendor wdt_case example uses it: TOP = 0 (2^16 watchdog
 * cycles; the watchdog clock is SYSCLK/32 out of reset), kick, enable, interrupt mode (the reset
 * value of CR.RMOD). The handler clears the interrupt by reading WDT_EOI, without kicking; the
 * interval between interrupts is measured against mcycle. Then the firmware stops clearing it:
 * the next timeout resets the chip, which ends the run. Prints "wdt period: N cycles",
 * "waiting for the reset" and never reaches "FAIL wdt: no reset". */
#include <stdio.h>

#include "bsp.h"

#define WDT_REG(off) REG32(WDT_BASE + (off))
#define EXPECTED_CYCLES (65536u * 32u) /* 2^16 cycles of HCLK/32 */

static volatile uint32_t stamps[4];
static volatile unsigned count;
static volatile int clear_it = 1;

void irq20_handler(void) { /* WDT */
  if (count < 4) stamps[count] = (uint32_t)bsp_cycles();
  ++count;
  if (clear_it) (void)WDT_REG(WDT_EOI);
  else eclic_disable(IRQ_WDT); /* leave it pending: the next timeout is a reset */
}

int main(void) {
  if (!(WDT_REG(WDT_CR) & WDT_CR_RMOD_Msk)) printf("FAIL wdt: CR.RMOD resets to 0\n");
  eclic_configure(IRQ_WDT, 1, 0, ECLIC_TRIGGER_RISING);
  eclic_enable(IRQ_WDT);
  bsp_irq_enable();
  WDT_REG(WDT_TORR) = 0u << WDT_TORR_TOP_Pos;
  WDT_REG(WDT_CRR) = 0x76;
  WDT_REG(WDT_CR) |= WDT_CR_WDT_EN_Msk;
  while (count < 3) __asm__ volatile("wfi");
  uint32_t d1 = stamps[1] - stamps[0], d2 = stamps[2] - stamps[1];
  printf("wdt period: %lu cycles, then %lu\n", (unsigned long)d1, (unsigned long)d2);
  if (d1 < EXPECTED_CYCLES - 64 || d1 > EXPECTED_CYCLES + 64) printf("FAIL wdt: period\n");
  clear_it = 0;
  printf("waiting for the reset\n");
  uint64_t t0 = bsp_cycles();
  while (bsp_cycles() - t0 < 4ull * EXPECTED_CYCLES) __asm__ volatile("wfi");
  printf("FAIL wdt: no reset\n");
  return 0;
}
