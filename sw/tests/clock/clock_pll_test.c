/* Clock tree on the board: the vendor PLL start-up sequence (PMU PLL_EN read-back, PLL settings,
 * 200 us on mcycle, RCC CLK_SEL = PLL with the SYSCLK_SELACK wait, AHB divider), then checks that
 *  - HCLK in simulated time is what the registers say: mcycle against mtime ticking at the
 *    32.768 kHz crystal (RCC SYSTICK_SEL = 2), which the PLL does not touch;
 *  - the UART follows: the time to send characters, in HCLK cycles, is 160 x divisor each
 *    (10 bits x 16 x divisor), with the divisor recomputed for the new HCLK.
 * Prints one "hclk" line per setting and "PASS clock_pll" or "FAIL ...". */
#include <stdio.h>

#include "bsp.h"

#define RCC(off) REG32(RCC_BASE + (off))
#define PMU(off) REG32(PMU_BASE + (off))
#define ST(off) REG32(SYSTIMER_BASE + (off))

static int failures;

static uint32_t mtime_lo(void) { return ST(SYSTIMER_MTIMER_LO); }

static void delay_cycles(uint64_t n) {
  uint64_t start = bsp_cycles();
  while (bsp_cycles() - start < n) {
  }
}

static void uart_drain(void) {
  while (!(REG32(UART0_BASE + UART_LSR) & UART_LSR_TEMT_Msk)) {
  }
}

static uint32_t uart_divisor(uint32_t hclk) { return (10u * hclk / (16u * BSP_UART_BAUD) + 5u) / 10u; }

/* HCLK measured against the 32.768 kHz SysTick: mcycle over `ticks` crystal periods. */
static uint32_t measure_hclk(uint32_t ticks) {
  uint32_t t0 = mtime_lo();
  while (mtime_lo() == t0) {
  }
  uint64_t c0 = bsp_cycles();
  uint32_t t1 = mtime_lo();
  while (mtime_lo() - t1 < ticks) {
  }
  uint64_t c1 = bsp_cycles();
  return (uint32_t)((c1 - c0) * 32768u / ticks);
}

static void check_hclk(const char *what, uint32_t expected) {
  uart_drain();
  uint32_t measured = measure_hclk(64);
  /* one crystal period of slack at each end: 2 / 64 */
  uint32_t tolerance = expected / 32u;
  int ok = measured + tolerance >= expected && measured <= expected + tolerance;
  printf("%s: hclk %lu Hz (expected %lu)\n", what, (unsigned long)measured, (unsigned long)expected);
  if (!ok) ++failures;
}

/* Cycles to send n characters back to back (TEMT polled before each, as the vendor retarget). */
static void check_uart_timing(const char *what, uint32_t hclk) {
  const unsigned n = 8;
  uart_drain();
  uint64_t c0 = bsp_cycles();
  for (unsigned i = 0; i < n; ++i) {
    uart_drain();
    REG32(UART0_BASE + UART_THR) = (uint8_t)(i == n - 1 ? '\n' : '.');
  }
  uart_drain();
  uint64_t cycles = bsp_cycles() - c0;
  uint64_t expected = (uint64_t)n * 160u * uart_divisor(hclk);
  int ok = cycles >= expected && cycles <= expected + expected / 20u;
  printf("%s: %u characters in %lu cycles (expected %lu)\n", what, n, (unsigned long)cycles, (unsigned long)expected);
  if (!ok) ++failures;
}

static void select_sysclk(uint32_t source) {
  RCC(RCC_CLK_SEL) &= ~RCC_CLK_SEL_SYSCLK_SEL_Msk;
  RCC(RCC_CLK_SEL) |= source << RCC_CLK_SEL_SYSCLK_SEL_Pos;
  while (!(RCC(RCC_CLK_SEL) & RCC_CLK_SEL_SYSCLK_SELACK_Msk)) {
  }
}

/* hal_clock_open's internal-24M PLL path: PLL x n, AHB / ahb_div. Returns the new HCLK. */
static uint32_t start_pll(unsigned n, unsigned ahb_div, uint32_t hclk_now) {
  PMU(PMU_CTL) |= PMU_CTL_OSC_EN_Msk | PMU_CTL_OSC24M_EN_Msk | PMU_CTL_PLL_EN_Msk;
  PMU(PMU_CLK) |= PMU_CLK_PLL_GATE_DIS_Msk;
  while (!(PMU(PMU_CTL) & PMU_CTL_PLL_EN_Msk)) {
  }
  PMU(PMU_PLL_0) = (2u << PMU_PLL_0_PLL_DIG_CUR_SEL_Pos) | (3u << PMU_PLL_0_PLL_CP_CUR_SEL_Pos);
  PMU(PMU_PLL_5) = (1u << PMU_PLL_5_PLL_LOCK_DETECT_MODE_SEL_Pos) | PMU_PLL_5_PLL_VCO_OPENLOOP_ENB_Msk;
  PMU(PMU_PLL_4) = 4u << PMU_PLL_4_PLL_LOCK_DETECT_TRIM_Pos;
  PMU(PMU_PLL_1) = (2u << PMU_PLL_1_PLL_LOOP_CAP1_SEL_Pos) | n;
  delay_cycles(200u * (hclk_now / 1000000u)); /* 200 us */
  uart_drain();                               /* characters in flight finish at the old baud */
  select_sysclk(2);
  RCC(RCC_CLK_DIV_0) = (RCC(RCC_CLK_DIV_0) & ~RCC_CLK_DIV_0_DIV_AHB_Msk) | (ahb_div - 1u);
  uint32_t hclk = 24576000u * n / ahb_div;
  bsp_uart_init(UART0_BASE, hclk, BSP_UART_BAUD);
  return hclk;
}

int main(void) {
  /* SysTick from the 32.768 kHz crystal: a time base independent of SYSCLK. */
  PMU(PMU_CTL) |= PMU_CTL_XTL32K_EN_Msk;
  RCC(RCC_CLK_SEL) = (RCC(RCC_CLK_SEL) & ~RCC_CLK_SEL_SYSTICK_SEL_Msk) | (2u << RCC_CLK_SEL_SYSTICK_SEL_Pos);
  printf("clock test\n");
  uint32_t hclk = BSP_HCLK_HZ;
  check_hclk("24M", hclk);
  check_uart_timing("24M", hclk);

  hclk = start_pll(4, 2, hclk);
  check_hclk("PLL x4 / 2", hclk);
  check_uart_timing("PLL x4 / 2", hclk);

  hclk = start_pll(6, 1, hclk);
  check_hclk("PLL x6", hclk);
  check_uart_timing("PLL x6", hclk);

  /* Back to the oscillator (hal_clock_ctl SWITCH_SYSTEM_CLOCK 24MOSC) */
  uart_drain();
  select_sysclk(0);
  PMU(PMU_CTL) &= ~PMU_CTL_PLL_EN_Msk;
  hclk = 24576000u;
  bsp_uart_init(UART0_BASE, hclk, BSP_UART_BAUD);
  check_hclk("24M again", hclk);

  if (failures) printf("FAIL clock_pll: %d checks\n", failures);
  else printf("PASS clock_pll\n");
  return 0;
}
