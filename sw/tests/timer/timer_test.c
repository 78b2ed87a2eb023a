/* TIMER0-3 on the board: a periodic TIMER0 interrupt (1 ms, user-defined mode, rising edge as
 * the vendor driver configures it) measured against mcycle, the counter read while running,
 * free-running reload, a masked timer's raw status and TIMERS_EOI. Prints the measured period
 * and "PASS timer" or the first failure. */
#include <stdio.h>

#include "bsp.h"

#define TIMER_REG(n, off) REG32(TIMER_BASE + (n) * (TIMER_T1_LOADCOUNT - TIMER_LOADCOUNT) + (off))
#define PERIOD_CYCLES (BSP_HCLK_HZ / 1000u) /* 1 ms: the timers count at HCLK (TIM_DIV = 0) */
#define SAMPLES 8

static volatile uint32_t stamps[SAMPLES + 1];
static volatile unsigned count;
static int failures;

void irq25_handler(void) {       /* TIMER0 */
  (void)TIMER_REG(0, TIMER_EOI); /* TIMER_Clear_Interrupt_Cmd: reading EOI clears */
  if (count <= SAMPLES) stamps[count] = (uint32_t)bsp_cycles();
  ++count;
}

static void check(int ok, const char *what) {
  if (!ok) {
    printf("FAIL timer: %s\n", what);
    ++failures;
  }
}

int main(void) {
  /* TIMER_Init + TIMER_Set_Enable_Cmd as the vendor example: mode, load, enable (RMW). */
  TIMER_REG(0, TIMER_CONTROL) &= ~TIMER_CONTROL_ENABLE_Msk;
  TIMER_REG(0, TIMER_CONTROL) |= TIMER_CONTROL_MODE_Msk;
  TIMER_REG(0, TIMER_LOADCOUNT) = PERIOD_CYCLES - 1;
  eclic_configure(IRQ_TIMER0, 1, 0, ECLIC_TRIGGER_RISING);
  eclic_enable(IRQ_TIMER0);
  bsp_irq_enable();
  TIMER_REG(0, TIMER_CONTROL) |= TIMER_CONTROL_ENABLE_Msk;

  uint32_t v1 = TIMER_REG(0, TIMER_CURRENTVALUE);
  uint32_t v2 = TIMER_REG(0, TIMER_CURRENTVALUE);
  check(v1 < PERIOD_CYCLES && v2 < v1, "CURRENTVALUE does not count down");

  while (count <= SAMPLES) __asm__ volatile("wfi");
  TIMER_REG(0, TIMER_CONTROL) &= ~TIMER_CONTROL_ENABLE_Msk;
  uint32_t min = ~0u, max = 0;
  for (unsigned i = 1; i <= SAMPLES; ++i) {
    uint32_t d = stamps[i] - stamps[i - 1];
    if (d < min) min = d;
    if (d > max) max = d;
  }
  uint32_t total = stamps[SAMPLES] - stamps[0];
  printf("timer0 period: %lu cycles average, %lu..%lu\n", (unsigned long)(total / SAMPLES), (unsigned long)min,
         (unsigned long)max);
  /* Interrupt entry latency varies by a few cycles; the wraps themselves are exact. */
  int32_t error = (int32_t)(total - SAMPLES * PERIOD_CYCLES);
  check(error > -64 && error < 64, "average period is not LOADCOUNT + 1 cycles");

  /* TIMER1 free-running and masked: raw status only, the counter reloads 0xFFFFFF. */
  TIMER_REG(1, TIMER_LOADCOUNT) = 99;
  TIMER_REG(1, TIMER_CONTROL) = TIMER_CONTROL_INT_MASK_Msk | TIMER_CONTROL_ENABLE_Msk;
  uint64_t t0 = bsp_cycles();
  while (bsp_cycles() - t0 < 300) {
  }
  check(TIMER_REG(1, TIMER_CURRENTVALUE) > 0xFFFF00u, "free-running timer did not reload 0xFFFFFF");
  check(REG32(TIMER_BASE + TIMER_TIMERS_RAWINTSTATUS) == 0x2u, "TIMERS_RAWINTSTATUS is not timer 1 only");
  check(REG32(TIMER_BASE + TIMER_TIMERS_INTSTATUS) == 0u, "a masked timer shows in TIMERS_INTSTATUS");
  (void)REG32(TIMER_BASE + TIMER_TIMERS_EOI);
  check(REG32(TIMER_BASE + TIMER_TIMERS_RAWINTSTATUS) == 0u, "TIMERS_EOI did not clear");
  TIMER_REG(1, TIMER_CONTROL) = 0;

  printf(failures ? "FAIL timer\n" : "PASS timer\n");
  return 0;
}
