/* Board support for the project's own WTM2101 firmware. Addresses, IRQ ids and register
 * fields come from the generated wtm2101_map.h (platform tables), never retyped here. */
#ifndef WTM_BSP_H
#define WTM_BSP_H

#include <stdint.h>

#include "wtm2101_map.h"

#define BSP_HCLK_HZ 24576000u /* internal oscillator, no PLL: the reset clock of the chip */
#define BSP_UART_BAUD 115200u

#define REG32(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

void bsp_init(void);
void bsp_uart_init(uint32_t uart_base, uint32_t hclk_hz, uint32_t baud);
void bsp_uart_putc(uint32_t uart_base, char c);
int bsp_uart_getc(uint32_t uart_base); /* -1 when nothing received */
void bsp_puts(const char *s);          /* UART0, no newline added */

/* The vendor mmap_to_sys: a core-local ILM/DLM alias -> the system-bus address of the same byte,
 * as other bus masters (the DMA) need it; other addresses pass through. */
static inline uint32_t bsp_to_sys(const void *p) {
  uint32_t a = (uint32_t)(uintptr_t)p;
  if (a >= DLM_BASE && a < DLM_BASE + SRAM_RAM1_SIZE) return SRAM_SYS_BASE + SRAM_RAM1_SYS_OFFSET + (a - DLM_BASE);
  if (a >= DLM_BASE + SRAM_RAM2_DLM_OFFSET && a < DLM_BASE + SRAM_RAM2_DLM_OFFSET + SRAM_RAM2_SIZE)
    return SRAM_SYS_BASE + SRAM_RAM2_SYS_OFFSET + (a - DLM_BASE - SRAM_RAM2_DLM_OFFSET);
  if (a < SRAM_RAM0_SIZE) return SRAM_SYS_BASE + SRAM_RAM0_SYS_OFFSET + a;
  return a;
}

static inline uint64_t bsp_cycles(void) {
  uint32_t hi, lo, hi2;
  do {
    __asm__ volatile("csrr %0, mcycleh" : "=r"(hi));
    __asm__ volatile("csrr %0, mcycle" : "=r"(lo));
    __asm__ volatile("csrr %0, mcycleh" : "=r"(hi2));
  } while (hi != hi2);
  return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t bsp_instret(void) {
  uint32_t hi, lo, hi2;
  do {
    __asm__ volatile("csrr %0, minstreth" : "=r"(hi));
    __asm__ volatile("csrr %0, minstret" : "=r"(lo));
    __asm__ volatile("csrr %0, minstreth" : "=r"(hi2));
  } while (hi != hi2);
  return ((uint64_t)hi << 32) | lo;
}

/* ECLIC (the BSP runs the core in ECLIC mode, like the vendor startup). Handlers for interrupt N
 * are plain C functions named irqN_handler (non-vectored: called through bsp_irq_entry) or,
 * for vectored interrupts, functions with __attribute__((interrupt)). */
enum { ECLIC_TRIGGER_LEVEL = 0, ECLIC_TRIGGER_RISING = 1, ECLIC_TRIGGER_FALLING = 3 };
void eclic_init(void);
void eclic_configure(unsigned id, unsigned level, int vectored, unsigned trigger);
void eclic_enable(unsigned id);
void eclic_disable(unsigned id);
void eclic_set_pending(unsigned id);
void eclic_clear_pending(unsigned id);
void eclic_set_threshold(unsigned level);
static inline void bsp_irq_enable(void) { __asm__ volatile("csrsi mstatus, 8"); }
static inline void bsp_irq_disable(void) { __asm__ volatile("csrci mstatus, 8"); }

/* Called from the trap entry; returns the mepc to resume at. The default prints the trap over
 * UART0 and stops; firmware that expects traps defines its own. */
uint32_t bsp_trap_handler(uint32_t mcause, uint32_t mepc, uint32_t mtval, uint32_t *frame);

#endif
