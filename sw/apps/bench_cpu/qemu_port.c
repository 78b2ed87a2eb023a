/* What bench_cpu needs from the BSP when built for qemu-system-riscv32 -M virt, so that the same
 * main.c runs there for a speed comparison: stdout on the virt's 16550 UART, and an exit that
 * powers the machine off (QEMU then returns, and its wall time is the program's). bsp_cycles()
 * and bsp_instret() are inline CSR reads in bsp.h and need nothing here. */
#include <stdint.h>
#include <stdio.h>

#define VIRT_UART0 0x10000000u /* ns16550a: THR at +0, LSR at +5 */
#define VIRT_TEST 0x00100000u  /* sifive_test: 0x5555 powers off, (code << 16) | 0x3333 fails */
#define LSR_THRE 0x20u

static int uart_put(char c, FILE *file) {
  (void)file;
  volatile uint8_t *uart = (volatile uint8_t *)(uintptr_t)VIRT_UART0;
  while (!(uart[5] & LSR_THRE)) {
  }
  uart[0] = (uint8_t)c;
  return (unsigned char)c;
}

static FILE uart_stream = FDEV_SETUP_STREAM(uart_put, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdout = &uart_stream;
FILE *const stderr = &uart_stream;

void _exit(int code) {
  *(volatile uint32_t *)(uintptr_t)VIRT_TEST = code ? ((uint32_t)code << 16) | 0x3333u : 0x5555u;
  for (;;) __asm__ volatile("wfi");
}
