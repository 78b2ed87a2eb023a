/* GPIO port A on the board without external stimulus: outputs read back through EXT_PORTA,
 * released keys read high, a high-level interrupt on an idle (pulled-up) input, a rising edge
 * made by releasing a pin the chip drove low, and the interrupt mask. Prints "PASS gpio" or the
 * first failure. */
#include <stdio.h>

#include "bsp.h"

#define GPIO_REG(off) REG32(GPIO_BASE + (off))

static volatile unsigned level_irqs, edge_irqs;
static volatile uint32_t seen_status;
static int failures;

void irq41_handler(void) { /* GPIO, level-triggered in the ECLIC as the vendor driver sets it */
  uint32_t status = GPIO_REG(GPIO_INTSTA);
  seen_status |= status;
  if (status & (1u << 5)) {
    ++level_irqs;
    GPIO_REG(GPIO_INTEN) &= ~(1u << 5); /* a level source stays active: switch it off */
  }
  if (status & (1u << 6)) {
    ++edge_irqs;
    GPIO_REG(GPIO_INTCLR) |= 1u << 6; /* GPIO_IT_ClrPending */
  }
}

static void check(int ok, const char *what) {
  if (!ok) {
    printf("FAIL gpio: %s\n", what);
    ++failures;
  }
}

static void settle(void) {
  for (volatile int i = 0; i < 50; ++i) {
  }
}

int main(void) {
  /* LEDs on GPIO0/1 as outputs (GPIO_Init: DDR |= pins), both on (active low), then LED1 off. */
  GPIO_REG(GPIO_DDR) |= 0x3;
  GPIO_REG(GPIO_ODR) &= ~0x3u;
  check((GPIO_REG(GPIO_EXT_PORTA) & 0x3) == 0, "outputs driven low do not read low");
  GPIO_REG(GPIO_ODR) |= 0x2;
  check((GPIO_REG(GPIO_EXT_PORTA) & 0x3) == 0x2, "EXT_PORTA does not follow ODR on outputs");
  check((GPIO_REG(GPIO_EXT_PORTA) & (1u << X3_KEY2_PIN | 1u << X3_KEY3_PIN)) == (1u << X3_KEY2_PIN | 1u << X3_KEY3_PIN),
        "released keys do not read high");

  eclic_configure(IRQ_GPIO, 1, 0, ECLIC_TRIGGER_LEVEL);
  eclic_enable(IRQ_GPIO);
  bsp_irq_enable();

  /* High-level interrupt on GPIO5, an idle input: active at once. */
  GPIO_REG(GPIO_INTTYP) &= ~(1u << 5);
  GPIO_REG(GPIO_INTPOL) |= 1u << 5;
  GPIO_REG(GPIO_INTEN) |= 1u << 5;
  settle();
  check(level_irqs == 1, "high-level interrupt on an idle input");

  /* Rising edge on GPIO6: driven low, then released to its pulled-up level. */
  GPIO_REG(GPIO_ODR) &= ~(1u << 6);
  GPIO_REG(GPIO_DDR) |= 1u << 6;
  GPIO_REG(GPIO_INTTYP) |= 1u << 6;
  GPIO_REG(GPIO_INTPOL) |= 1u << 6;
  GPIO_REG(GPIO_INTEN) |= 1u << 6;
  GPIO_REG(GPIO_DDR) &= ~(1u << 6);
  settle();
  check(edge_irqs == 1, "rising-edge interrupt");
  check(GPIO_REG(GPIO_INTRSTA) == 0, "INTCLR did not clear the edge");

  /* Masked: raw status only until unmasked. */
  GPIO_REG(GPIO_INTMSK) |= 1u << 6;
  GPIO_REG(GPIO_DDR) |= 1u << 6;
  GPIO_REG(GPIO_DDR) &= ~(1u << 6);
  settle();
  check(edge_irqs == 1, "a masked edge interrupted");
  check(GPIO_REG(GPIO_INTRSTA) == 1u << 6 && GPIO_REG(GPIO_INTSTA) == 0, "masked edge status");
  GPIO_REG(GPIO_INTMSK) &= ~(1u << 6);
  settle();
  check(edge_irqs == 2, "unmasking did not deliver the pending edge");
  check(seen_status == (1u << 5 | 1u << 6), "INTSTA named other pins");

  printf(failures ? "FAIL gpio\n" : "PASS gpio\n");
  return 0;
}
