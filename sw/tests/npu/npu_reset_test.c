/* The NPU soft reset as firmware does it: PMU LP_CTL.NPU_RSTN pulsed 0 -> 1 -> 0 clears the
 * regfile and the round-config SRAM (the programmed flash stays). Prints "npu reset: PASS" or
 * "FAIL npu reset: ..." lines. */
#include <stdio.h>

#include "bsp.h"
#include "npu_driver.h"

#define PMU_REG8(off) (*(volatile uint8_t *)(uintptr_t)(PMU_BASE + (off)))

static int all_zero(const uint8_t *p, unsigned n) {
  for (unsigned i = 0; i < n; ++i)
    if (p[i]) return 0;
  return 1;
}

int main(void) {
  static const uint8_t pattern[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  static const uint32_t record[2] = {0x12345678u, 0x9abcdef0u};
  uint8_t back[8];
  uint32_t words[2];
  int fails = 0;

  npu_regfile_write(100, pattern, sizeof pattern);
  npu_round_write(3, record, 2);
  npu_regfile_read(100, back, sizeof back);
  npu_round_read(3, words, 2);
  if (back[0] != 1 || back[7] != 8 || words[0] != record[0]) {
    printf("FAIL npu reset: regfile/round SRAM do not keep what was written\n");
    ++fails;
  }
  /* A level that stays low is no reset: writing other LP_CTL bits keeps the contents. */
  PMU_REG8(PMU_LP_CTL) = (uint8_t)(PMU_REG8(PMU_LP_CTL) | PMU_LP_CTL_NPU_CLKEN_Msk);
  npu_regfile_read(100, back, sizeof back);
  if (back[3] != 4) {
    printf("FAIL npu reset: an LP_CTL write without the NPU_RSTN pulse cleared the regfile\n");
    ++fails;
  }
  PMU_REG8(PMU_LP_CTL) = (uint8_t)(PMU_REG8(PMU_LP_CTL) | PMU_LP_CTL_NPU_RSTN_Msk);
  PMU_REG8(PMU_LP_CTL) = (uint8_t)(PMU_REG8(PMU_LP_CTL) & ~PMU_LP_CTL_NPU_RSTN_Msk);
  npu_regfile_read(100, back, sizeof back);
  npu_round_read(3, words, 2);
  if (!all_zero(back, sizeof back) || words[0] || words[1]) {
    printf("FAIL npu reset: the NPU_RSTN pulse left the regfile or round SRAM as they were\n");
    ++fails;
  }
  if (npu_read16(NPU_CHIP_ID) != 0x00a8) {
    printf("FAIL npu reset: chip id after reset\n");
    ++fails;
  }
  printf(fails ? "npu reset: FAIL\n" : "npu reset: PASS\n");
  return 0;
}
