/* ECLIC and SysTimer as the vendor firmware uses them, through the BSP's vendor-style glue:
 * non-vectored handlers via mtvt2/jalmnxti with push CSRs, a vectored handler, preemption by a
 * higher level, level and edge triggers, the threshold, tail chaining, and a periodic SysTimer
 * interrupt checked against mcycle. Prints "PASS eclic" or the first failure. */
#include <stdio.h>

#include "bsp.h"

#define MSIP_REG REG32(SYSTIMER_BASE + SYSTIMER_MSIP)
#define TICK_HZ (BSP_HCLK_HZ / 8u) /* SysTick = AHB/8 out of reset */
#define PERIOD_TICKS (TICK_HZ / 1000u)

extern uint32_t vector_base[];

static volatile unsigned timer_count, soft_count, chained;
static volatile uint32_t stamps[8];
static volatile char order[16];
static volatile unsigned order_len;
static volatile int nest_mode, soft_clears_msip = 1;
static int failures;

static void note(char c) {
  if (order_len < sizeof order - 1) order[order_len++] = c;
}

static uint64_t mtime(void) {
  uint32_t hi, lo;
  do {
    hi = REG32(SYSTIMER_BASE + SYSTIMER_MTIMER_HI);
    lo = REG32(SYSTIMER_BASE + SYSTIMER_MTIMER_LO);
  } while (hi != REG32(SYSTIMER_BASE + SYSTIMER_MTIMER_HI));
  return ((uint64_t)hi << 32) | lo;
}

static void set_cmp(uint64_t v) {
  REG32(SYSTIMER_BASE + SYSTIMER_MTIMERCMP_HI) = 0xFFFFFFFFu; /* no spurious match in between */
  REG32(SYSTIMER_BASE + SYSTIMER_MTIMERCMP_LO) = (uint32_t)v;
  REG32(SYSTIMER_BASE + SYSTIMER_MTIMERCMP_HI) = (uint32_t)(v >> 32);
}

static uint64_t next_cmp;

void irq7_handler(void) { /* SysTimer compare, non-vectored */
  if (timer_count < 8) stamps[timer_count] = (uint32_t)bsp_cycles();
  timer_count++;
  if (nest_mode) {
    note('T');
    MSIP_REG = 1; /* a level-3 software interrupt preempts this level-1 handler */
    for (volatile int k = 0; k < 20; ++k) {
    }
    note('t');
    set_cmp(~0ull);
    return;
  }
  next_cmp += PERIOD_TICKS;
  set_cmp(timer_count >= 5 ? ~0ull : next_cmp);
}

void irq3_handler(void) { /* SysTimer software interrupt, non-vectored */
  soft_count++;
  note('S');
  if (soft_clears_msip) MSIP_REG = 0;
}

__attribute__((interrupt)) static void soft_vectored(void) {
  soft_count += 100;
  MSIP_REG = 0;
}

void irq30_handler(void) {
  note('A');
  chained++;
}
void irq31_handler(void) {
  note('B');
  chained++;
}

static void check(int ok, const char *what) {
  if (!ok) {
    printf("FAIL eclic: %s\n", what);
    ++failures;
  }
}

static void wait_cycles(uint32_t n) {
  uint64_t end = bsp_cycles() + n;
  while (bsp_cycles() < end) {
  }
}

int main(void) {
  /* 1. periodic SysTimer interrupt, non-vectored, level-triggered, level 1 */
  eclic_configure(IRQ_SYSTIMER, 1, 0, ECLIC_TRIGGER_LEVEL);
  eclic_enable(IRQ_SYSTIMER);
  next_cmp = mtime() + PERIOD_TICKS;
  set_cmp(next_cmp);
  bsp_irq_enable();
  while (timer_count < 5) __asm__ volatile("wfi");
  int intervals_ok = 1;
  for (int i = 1; i < 5; ++i) {
    int32_t d = (int32_t)(stamps[i] - stamps[i - 1]) - (int32_t)(BSP_HCLK_HZ / 1000u);
    if (d < -40 || d > 40) intervals_ok = 0;
  }
  check(intervals_ok, "timer interrupt period differs from 1 ms of mcycle");
  check(timer_count == 5, "timer interrupt count");

  /* 2. vectored software interrupt (through mtvt, an interrupt-attribute handler) */
  uint32_t saved = vector_base[IRQ_SYSTIMER_SW];
  vector_base[IRQ_SYSTIMER_SW] = (uint32_t)(uintptr_t)soft_vectored;
  eclic_configure(IRQ_SYSTIMER_SW, 2, 1, ECLIC_TRIGGER_LEVEL);
  eclic_enable(IRQ_SYSTIMER_SW);
  MSIP_REG = 1;
  wait_cycles(200);
  check(soft_count == 100, "vectored software interrupt");
  vector_base[IRQ_SYSTIMER_SW] = saved;

  /* 3. preemption: level-3 software interrupt inside the level-1 timer handler */
  soft_count = 0;
  order_len = 0;
  eclic_configure(IRQ_SYSTIMER_SW, 3, 0, ECLIC_TRIGGER_LEVEL);
  nest_mode = 1;
  set_cmp(mtime() + 10);
  wait_cycles(2000);
  order[order_len] = 0;
  check(order_len == 3 && order[0] == 'T' && order[1] == 'S' && order[2] == 't', "nesting order (want TSt)");
  nest_mode = 0;

  /* 4. edge trigger: MSIP left high fires once; level trigger would fire again and again */
  soft_count = 0;
  soft_clears_msip = 0;
  eclic_configure(IRQ_SYSTIMER_SW, 2, 0, ECLIC_TRIGGER_RISING);
  MSIP_REG = 1;
  wait_cycles(2000);
  check(soft_count == 1, "rising-edge interrupt taken exactly once");
  MSIP_REG = 0;
  soft_clears_msip = 1;

  /* 5. threshold: a level at or below MTH waits */
  soft_count = 0;
  eclic_configure(IRQ_SYSTIMER_SW, 2, 0, ECLIC_TRIGGER_LEVEL);
  eclic_set_threshold(0xFF);
  MSIP_REG = 1;
  wait_cycles(500);
  check(soft_count == 0, "interrupt below the threshold was taken");
  eclic_set_threshold(0);
  wait_cycles(500);
  check(soft_count == 1, "interrupt not taken once the threshold dropped");

  /* 6. two software-pended edge interrupts, taken in one entry (jalmnxti tail chaining),
   * the higher level first */
  order_len = 0;
  bsp_irq_disable();
  eclic_configure(30, 2, 0, ECLIC_TRIGGER_RISING);
  eclic_configure(31, 4, 0, ECLIC_TRIGGER_RISING);
  eclic_enable(30);
  eclic_enable(31);
  eclic_set_pending(30);
  eclic_set_pending(31);
  bsp_irq_enable();
  wait_cycles(500);
  check(chained == 2 && order[0] == 'B' && order[1] == 'A', "both pended interrupts, higher level first");

  bsp_irq_disable();
  printf(failures ? "FAIL eclic\n" : "PASS eclic\n");
  return 0;
}
