/* PWM on the pins: PWM0 channel 1 drives GPIO1 (pin mux AF2), PWM1 channel 0 captures GPIO10
 * (AF3), GPIO4 drives PWM0's break-in 1 on GPIO11 (AF1). Needs the board's jumpers
 * --jumper GPIO1-GPIO10 --jumper GPIO4-GPIO11. Counting up to 999 with compare 199 and a dead
 * zone of 10, the output is high for 790 of 1000 ticks; a break stops it until released.
 * Prints the captured counts and "PASS pwm_pins". */
#include <stdio.h>

#include "bsp.h"

#define PWM0(off) REG32(PWM0_BASE + (off))
#define PWM1(off) REG32(PWM1_BASE + (off))
#define RCC(off) REG32(RCC_BASE + (off))
#define GPIO(off) REG32(GPIO_BASE + (off))

static void set_function(unsigned pin, unsigned af) {
  const uint32_t reg = pin < 16 ? RCC_PMUX_C0 : RCC_PMUX_C1;
  const unsigned shift = 2 * (pin % 16);
  RCC(reg) = (RCC(reg) & ~(3u << shift)) | (af << shift);
}

static void wait_us(unsigned us) {
  const uint64_t end = bsp_cycles() + (uint64_t)us * (BSP_HCLK_HZ / 1000000u);
  while (bsp_cycles() < end) {
  }
}

/* GPIO1 edges seen on GPIO10 (the jumper) within `us`. */
static unsigned edges_within(unsigned us) {
  const uint32_t bit = 1u << 10;
  uint32_t last = GPIO(GPIO_EXT_PORTA) & bit;
  unsigned edges = 0;
  const uint64_t end = bsp_cycles() + (uint64_t)us * (BSP_HCLK_HZ / 1000000u);
  while (bsp_cycles() < end) {
    const uint32_t now = GPIO(GPIO_EXT_PORTA) & bit;
    if (now != last) ++edges;
    last = now;
  }
  return edges;
}

int main(void) {
  RCC(RCC_CLK_EN) |= RCC_CLK_EN_PWM0_CLKEN_Msk | RCC_CLK_EN_PWM1_CLKEN_Msk;
  set_function(1, GPIO1_AF_PWM0_CH1);
  set_function(10, GPIO10_AF_PWM1_CH0);
  set_function(11, GPIO11_AF_PWM0_BK1);
  GPIO(GPIO_DDR) |= 1u << 4; /* GPIO4: the break signal, low */
  GPIO(GPIO_ODR) &= ~(1u << 4);

  /* Capture first, so that it sees the first edges. */
  PWM1(PWM_CTL) = 0; /* capture mode */
  PWM1(PWM_CH_CTL) = PWM_CH_CTL_CH0_EN_Msk | PWM_CH_CTL_CH0_I_SW_Msk;
  PWM0(PWM_CH1_INI) = 199u | (10u << PWM_CH0_INI_DEAD_ZONE_Pos);
  PWM0(PWM_CTL) = PWM_CTL_CAP_SW_Msk | (999u << PWM_CTL_MAX_VALUE_Pos);
  PWM0(PWM_CH_CTL) = (PWM_CH_CTL_CH0_EN_Msk | PWM_CH_CTL_CH0_O_SW_Msk) << 8;

  const unsigned period_us = 1000u * 1000000u / BSP_HCLK_HZ + 1;
  wait_us(3 * period_us);
  const uint32_t rb = PWM1(PWM_CH0_RB_VAL);
  const unsigned cycle = rb >> 16, high = rb & 0xFFFF;
  printf("cycle %u high %u\n", cycle, high);
  const unsigned running = edges_within(4 * period_us);

  GPIO(GPIO_ODR) |= 1u << 4; /* break */
  wait_us(10);
  GPIO(GPIO_ODR) &= ~(1u << 4);
  const unsigned broken = edges_within(4 * period_us);
  const uint32_t pending = PWM0(PWM_INT_SR_PND);
  PWM0(PWM_PUL) = PWM_PUL_CH0_BKIN_RELEASE_Msk << 4; /* channel 1 */
  const unsigned released = edges_within(4 * period_us);
  printf("edges running %u broken %u released %u, break pending %lx\n", running, broken, released,
         (unsigned long)(pending & PWM_INT_SR_PND_CH0_BKIN_Msk << 3));
  const int ok = cycle == 1000 && high == 790 && running >= 6 && broken == 0 && released >= 6 &&
                 (pending & (PWM_INT_SR_PND_CH0_BKIN_Msk << 3));
  printf(ok ? "PASS pwm_pins\n" : "FAIL pwm_pins\n");
  return 0;
}
