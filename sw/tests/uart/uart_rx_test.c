/* UART0 receive with interrupts: the FIFO's received-data / time-out interrupt (IRQ 23) collects
 * a line into a buffer; the THR-empty interrupt sends the reply. The board feeds the line with
 * --uart0-input. Prints "PASS uart_rx" when the expected line arrived in order. */
#include <stdio.h>
#include <string.h>

#include "bsp.h"

#define U0(off) REG32(UART0_BASE + (off))

static volatile char line[64];
static volatile unsigned line_len, interrupts, timeouts;
static volatile int line_done;

void irq23_handler(void) { /* UART0 */
  ++interrupts;
  uint32_t iid = U0(UART_IIR) & UART_IIR_IID_Msk;
  if (iid == 0xC) ++timeouts;
  while (U0(UART_LSR) & UART_LSR_DR_Msk) {
    char c = (char)U0(UART_RBR);
    if (line_len < sizeof line - 1) line[line_len++] = c;
    if (c == '\n') line_done = 1;
  }
}

int main(void) {
  /* FIFO on, RX trigger at 8 characters: short lines arrive through the character time-out */
  U0(UART_FCR) = UART_FCR_FIFOE_Msk | (2u << UART_FCR_RT_Pos);
  eclic_configure(IRQ_UART0, 1, 0, ECLIC_TRIGGER_LEVEL);
  eclic_enable(IRQ_UART0);
  U0(UART_IER) = UART_IER_ERBFI_Msk;
  bsp_irq_enable();
  printf("ready\n");
  uint64_t start = bsp_cycles();
  while (!line_done && bsp_cycles() - start < 50u * BSP_HCLK_HZ / 1000u) __asm__ volatile("wfi");
  U0(UART_IER) = 0;
  line[line_len] = 0;
  const char *expected = "hello board\n";
  if (line_done && strcmp((const char *)line, expected) == 0 && interrupts > 0 && timeouts > 0)
    printf("PASS uart_rx (%u interrupts, %u time-outs)\n", interrupts, timeouts);
  else
    printf("FAIL uart_rx: got %u bytes \"%s\", %u interrupts, %u time-outs\n", line_len, (const char *)line, interrupts,
           timeouts);
  return 0;
}
