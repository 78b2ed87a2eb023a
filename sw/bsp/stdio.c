/* picolibc stdio on UART0: stdout/stderr write to it, stdin reads from it. */
#include <stdio.h>

#include "bsp.h"

static int uart_put(char c, FILE *file) {
  (void)file;
  bsp_uart_putc(UART0_BASE, c);
  return (unsigned char)c;
}

static int uart_get(FILE *file) {
  (void)file;
  int c;
  while ((c = bsp_uart_getc(UART0_BASE)) < 0) {
  }
  return c;
}

static FILE uart_stream = FDEV_SETUP_STREAM(uart_put, uart_get, NULL, _FDEV_SETUP_RW);
FILE *const stdin = &uart_stream;
FILE *const stdout = &uart_stream;
FILE *const stderr = &uart_stream;

/* Returning from main ends here: flush nothing (the UART is unbuffered) and park the core. */
void _exit(int code) {
  (void)code;
  for (;;) __asm__ volatile("wfi");
}
