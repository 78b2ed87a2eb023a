/* RCC RST_EN: clearing a block's bit returns it to its reset state; other blocks keep theirs. */
#include <stdio.h>

#include "bsp.h"

static int failures;

static void expect(const char *what, uint32_t got, uint32_t want) {
  if (got == want) return;
  printf("FAIL rcc_reset: %s reads %lx, expected %lx\n", what, (unsigned long)got, (unsigned long)want);
  ++failures;
}

int main(void) {
  REG32(UART1_BASE + UART_SCR) = 0x5A;
  REG32(UART0_BASE + UART_SCR) = 0xA5;
  REG32(TIMER_BASE + TIMER_LOADCOUNT) = 1234;
  REG32(I2C_BASE + I2C_IC_SAR) = 0x33; /* the blocks are disabled: their set-up registers take writes */
  REG32(SPIM_BASE + SPI_BAUDR) = 8;
  REG32(SPIS_BASE + SPI_BAUDR) = 6;
  REG32(QSPI_BASE + QSPI_QSPI_INS) = 0x9F;
  const uint32_t bits = RCC_RST_EN_UART1_RSTN_Msk | RCC_RST_EN_TIME0_RSTN_Msk | RCC_RST_EN_I2C_RSTN_Msk |
                        RCC_RST_EN_SPIM_RSTN_Msk | RCC_RST_EN_SPIS_RSTN_Msk | RCC_RST_EN_QSPI_RSTN_Msk;
  REG32(RCC_BASE + RCC_RST_EN) &= ~bits;
  REG32(RCC_BASE + RCC_RST_EN) |= bits;
  expect("uart1 scr", REG32(UART1_BASE + UART_SCR), 0);
  expect("timer0 load", REG32(TIMER_BASE + TIMER_LOADCOUNT), 0);
  expect("i2c sar", REG32(I2C_BASE + I2C_IC_SAR), 0x055); /* DW_apb_i2c default */
  expect("spim baudr", REG32(SPIM_BASE + SPI_BAUDR), 0);
  expect("spis baudr", REG32(SPIS_BASE + SPI_BAUDR), 0);
  expect("qspi ins", REG32(QSPI_BASE + QSPI_QSPI_INS), 0);
  expect("uart0 scr (not reset)", REG32(UART0_BASE + UART_SCR), 0xA5);
  if (failures == 0) printf("PASS rcc_reset\n");
  return 0;
}
