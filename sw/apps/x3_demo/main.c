/* The X3 board demo: TIMER0 interrupts blink LED0 and LED1 alternately (250 ms), key K2
 * (GPIO2 interrupt on its falling edge) switches between slow and fast blinking, and every
 * character received on UART0 is echoed back (RX interrupt), a line at a time with a prompt.
 *   wtm2101-board --elf x3_demo.elf --uart0 stdio             (type, see the echo)
 *   wtm2101-board --elf x3_demo.elf --press K2@1s --max-time 3s */
#include <stdio.h>

#include "bsp.h"

#define TMR(off) REG32(TIMER_BASE + (off))
#define GPIO(off) REG32(GPIO_BASE + (off))
#define U0(off) REG32(UART0_BASE + (off))

#define LED0 (1u << X3_LED0_PIN)
#define LED1 (1u << X3_LED1_PIN)
#define KEY2 (1u << X3_KEY2_PIN)

static const uint32_t kPeriodTicks[2] = {BSP_HCLK_HZ / 4u, BSP_HCLK_HZ / 16u}; /* 250 ms, 62.5 ms */
static volatile unsigned speed, ticks, key_presses;
static char line[80], typed[80];
static volatile unsigned line_len, typed_len;
static volatile int line_ready;

static void timer0_start(uint32_t ticks_per_period) {
  TMR(TIMER_CONTROL) = 0;
  TMR(TIMER_LOADCOUNT) = ticks_per_period - 1u;
  TMR(TIMER_CONTROL) = TIMER_CONTROL_ENABLE_Msk | TIMER_CONTROL_MODE_Msk; /* periodic, unmasked */
}

void irq25_handler(void) { /* TIMER0: toggle both LEDs (active low: one on, one off) */
  (void)TMR(TIMER_EOI);
  GPIO(GPIO_ODR) ^= LED0 | LED1;
  ++ticks;
}

void irq41_handler(void) { /* GPIO: K2 pressed (falling edge) */
  const uint32_t status = GPIO(GPIO_INTSTA);
  GPIO(GPIO_INTCLR) = status;
  if (status & KEY2) {
    ++key_presses;
    speed ^= 1u;
    timer0_start(kPeriodTicks[speed]);
  }
}

void irq23_handler(void) { /* UART0 received data: echo it, hand complete lines to main */
  while (U0(UART_LSR) & UART_LSR_DR_Msk) {
    const char c = (char)U0(UART_RBR);
    bsp_uart_putc(UART0_BASE, c == '\r' ? '\n' : c);
    if (c == '\r' || c == '\n') {
      if (line_len && !line_ready) {
        for (unsigned i = 0; i < line_len; ++i) typed[i] = line[i];
        typed[line_len] = 0;
        typed_len = line_len;
        line_ready = 1;
      }
      line_len = 0;
    } else if (line_len < sizeof line - 1) {
      line[line_len++] = c;
    }
  }
}

int main(void) {
  /* LEDs: outputs, LED0 on (low), LED1 off (high). */
  GPIO(GPIO_ODR) = (GPIO(GPIO_ODR) & ~LED0) | LED1;
  GPIO(GPIO_DDR) |= LED0 | LED1;
  /* K2: input, interrupt on the falling edge (pressed). */
  GPIO(GPIO_DDR) &= ~KEY2;
  GPIO(GPIO_INTTYP) |= KEY2;
  GPIO(GPIO_INTPOL) &= ~KEY2;
  GPIO(GPIO_INTMSK) &= ~KEY2;
  GPIO(GPIO_INTCLR) = KEY2;
  GPIO(GPIO_INTEN) |= KEY2;

  eclic_configure(IRQ_TIMER0, 1, 0, ECLIC_TRIGGER_RISING);
  eclic_configure(IRQ_GPIO, 2, 0, ECLIC_TRIGGER_LEVEL);
  eclic_configure(IRQ_UART0, 1, 0, ECLIC_TRIGGER_LEVEL);
  eclic_enable(IRQ_TIMER0);
  eclic_enable(IRQ_GPIO);
  eclic_enable(IRQ_UART0);
  U0(UART_IER) = UART_IER_ERBFI_Msk;
  timer0_start(kPeriodTicks[0]);
  bsp_irq_enable();

  printf("X3 demo: LEDs blink from TIMER0, K2 changes the speed, UART0 echoes what you type\n> ");
  unsigned reported = 0;
  for (;;) {
    __asm__ volatile("wfi");
    if (line_ready) {
      printf("you typed %u character(s): %s\n> ", typed_len, typed);
      line_ready = 0;
    }
    if (key_presses != reported) {
      reported = key_presses;
      printf("\n[K2] blinking %s\n> ", speed ? "fast" : "slow");
    }
  }
}
