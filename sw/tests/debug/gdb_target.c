/* The program the debugger tests drive (tests/debug/test_board_gdb.cpp): functions to break in and
 * step through, a local and a global to print, a float in an F register, a global to watch, and,
 * chosen by the debugger through g_mode, a loop to interrupt, an illegal instruction, a pending
 * interrupt to step past, or a received UART byte to look at without taking it. */
#include <stdint.h>
#include <stdio.h>

#include "bsp.h"

enum { MODE_FINISH = 0, MODE_SPIN = 1, MODE_FAULT = 2, MODE_PENDING_IRQ = 3, MODE_UART = 4 };

volatile int g_mode = MODE_FINISH;
volatile uint32_t g_counter;
volatile float g_scale = 1.5f;
volatile uint32_t g_spins;
volatile uint32_t g_soft_irqs;
uint32_t g_atomic;

void atomic_bump(void);

uint32_t accumulate(uint32_t n) {
  uint32_t sum = 0;
  for (uint32_t i = 0; i < n; ++i) {
    sum += i;
  }
  return sum;
}

void bump(void) { g_counter = g_counter + 1; }

float scaled(float x) { return x * g_scale; }

void irq3_handler(void) { /* SysTimer software interrupt, non-vectored */
  g_soft_irqs++;
  REG32(SYSTIMER_BASE + SYSTIMER_MSIP) = 0;
}

void spin(void) {
  for (;;) {
    g_spins++;
  }
}

void fault(void) { __asm__ volatile(".global fault_here\nfault_here:\n .word 0xffffffff"); }

/* The software interrupt is pending before interrupts are enabled: a debugger that steps from
 * enable_irq executes the instructions, not the handler. */
void pending_irq(void) {
  eclic_configure(IRQ_SYSTIMER_SW, 1, 0, ECLIC_TRIGGER_LEVEL);
  eclic_enable(IRQ_SYSTIMER_SW);
  REG32(SYSTIMER_BASE + SYSTIMER_MSIP) = 1;
  __asm__ volatile(
      ".global enable_irq\nenable_irq:\n csrsi mstatus, 8\n"
      ".global after_enable\nafter_enable:\n addi x0, x0, 0\n addi x0, x0, 0");
  while (g_soft_irqs == 0) {
  }
}

void rx_ready(void) {}

void wait_uart(void) {
  while ((REG32(UART0_BASE + UART_LSR) & UART_LSR_DR_Msk) == 0) {
  }
  rx_ready();
  printf("got %c\n", (char)REG32(UART0_BASE + UART_RBR));
}

int main(void) {
  float f = scaled(2.0f);
  uint32_t s = accumulate(10);
  bump();
  bump();
  atomic_bump();
  printf("sum %lu scaled %d counter %lu\n", (unsigned long)s, (int)f, (unsigned long)g_counter);
  switch (g_mode) {
    case MODE_SPIN: spin(); break;
    case MODE_FAULT: fault(); break;
    case MODE_PENDING_IRQ: pending_irq(); break;
    case MODE_UART: wait_uart(); break;
    default: break;
  }
  printf("gdb_target: done (irqs %lu)\n", (unsigned long)g_soft_irqs);
  return 0;
}

/* An AMO (amoadd.w): a watchpoint must see its write. */
void atomic_bump(void) { __atomic_fetch_add(&g_atomic, 1u, __ATOMIC_SEQ_CST); }
