/* Key K2 (GPIO2, active low) with a both-edge interrupt, as the vendor gpio_interrupt example
 * configures it; LED0 (GPIO0, active low) follows the key. Each edge prints its mcycle time in
 * microseconds; after a press and a release: "PASS gpio_key". Needs the X3 board's key script
 * (--press K2@5ms:3ms). */
#include <stdio.h>

#include "bsp.h"

#define GPIO_REG(off) REG32(GPIO_BASE + (off))
#define KEY (1u << X3_KEY2_PIN)
#define LED (1u << X3_LED0_PIN)

static volatile unsigned edges;
static volatile uint32_t levels[4];
static volatile uint64_t times[4];

void irq41_handler(void) { /* GPIO */
  GPIO_REG(GPIO_INTCLR) |= KEY;
  uint32_t level = GPIO_REG(GPIO_EXT_PORTA) & KEY;
  if (edges < 4) {
    levels[edges] = level;
    times[edges] = bsp_cycles();
  }
  ++edges;
  if (level) GPIO_REG(GPIO_ODR) |= LED; /* released: LED off */
  else GPIO_REG(GPIO_ODR) &= ~LED;      /* pressed: LED on */
}

int main(void) {
  GPIO_REG(GPIO_ODR) |= LED;
  GPIO_REG(GPIO_DDR) |= LED;
  GPIO_REG(GPIO_DDR) &= ~KEY;
  GPIO_REG(GPIO_INTEDG) |= KEY; /* GPIO_IT_TRIG_RISING_FALLING */
  GPIO_REG(GPIO_INTEN) |= KEY;
  eclic_configure(IRQ_GPIO, 1, 0, ECLIC_TRIGGER_LEVEL);
  eclic_enable(IRQ_GPIO);
  bsp_irq_enable();
  printf("waiting for K2\n");
  while (edges < 2) __asm__ volatile("wfi");
  for (unsigned i = 0; i < 2; ++i)
    printf("key %s at %lu us\n", levels[i] ? "up" : "down", (unsigned long)(times[i] * 1000000ull / BSP_HCLK_HZ));
  printf(levels[0] == 0 && levels[1] == KEY ? "PASS gpio_key\n" : "FAIL gpio_key\n");
  return 0;
}
