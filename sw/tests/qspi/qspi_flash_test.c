/* The X3 board's QSPI NOR flash through the QSPI controller, driven as the vendor qspi.c /
 * zd25wq.c drivers do: JEDEC id, write enable, sector erase and page program (completion by
 * polling mode and its RDSR interrupt), read back in indirect mode and through the memory-mapped
 * window at 0x6000_0000. A word at the end of the tested sector counts runs, so a board started
 * with --flash F --flash-save F shows the flash surviving across runs. */
#include <stdio.h>

#include "bsp.h"

#define Q(off) REG32(QSPI_BASE + (off))
#define TEST_ADDR 0x1F000u /* last sector of the first 128 KB */
#define RUN_COUNTER (TEST_ADDR + 0xFFCu)

enum { NONE = 0, ONE = 1, FOUR = 3, ADDR24 = 2 };

static volatile int rdsr_flag;

void irq32_handler(void) { /* QSPI_IRQn */
  if (Q(QSPI_INT_SR_PENDING) & QSPI_INT_SR_PENDING_RDSR_Msk) {
    Q(QSPI_INT_SR_PENDING) = QSPI_INT_SR_PENDING_RDSR_Msk;
    rdsr_flag = 1;
  }
}

static uint32_t ctrl(unsigned admode, unsigned dmode, int read, unsigned dummy) {
  return (ONE << QSPI_QSPI_CTRL_IMODE_Pos) | (admode << QSPI_QSPI_CTRL_ADMODE_Pos) |
         (dmode << QSPI_QSPI_CTRL_DMODE_Pos) | ((read ? 1u : 0u) << QSPI_QSPI_CTRL_DMODE_SEL_Pos) |
         (dummy << QSPI_QSPI_CTRL_DUMMY_CYCLE_Pos) | ((uint32_t)ADDR24 << QSPI_QSPI_CTRL_ADSIZE_Pos);
}

static void setup(uint32_t c, uint8_t ins, uint32_t addr, uint32_t len) {
  Q(QSPI_QSPI_CTRL) = c;
  Q(QSPI_QSPI_INS) = ins;
  Q(QSPI_QSPI_ADDR) = addr;
  Q(QSPI_QSPI_DATA_NUM) = len - 1;
}

static void command(uint8_t ins, unsigned admode, uint32_t addr) {
  setup(ctrl(admode, NONE, 0, 0), ins, addr, 1);
  Q(QSPI_QSPI_PULSE) = QSPI_QSPI_PULSE_INDIRECT_ACT_Msk;
  while (Q(QSPI_QSPI_STATUS) & QSPI_QSPI_STATUS_STATE_Msk) {
  }
}

static void receive(uint32_t c, uint8_t ins, uint32_t addr, uint32_t *words, uint32_t len) {
  setup(c, ins, addr, len);
  Q(QSPI_QSPI_PULSE) = QSPI_QSPI_PULSE_INDIRECT_ACT_Msk;
  for (uint32_t got = 0; got < len; got += 4) {
    while (Q(QSPI_AFIFO_STATUS) & QSPI_AFIFO_STATUS_RD_AFIFO_EMPTY_Msk) {
    }
    *words++ = Q(QSPI_AFIFO_RDATA);
  }
}

static void transmit(uint8_t ins, uint32_t addr, const uint32_t *words, uint32_t len) {
  int started = 0;
  setup(ctrl(ONE, ONE, 0, 0), ins, addr, len);
  for (uint32_t sent = 0; sent < len;) {
    if (!(Q(QSPI_AFIFO_STATUS) & QSPI_AFIFO_STATUS_WR_AFIFO_FULL_Msk)) {
      Q(QSPI_AFIFO_WDATA) = *words++;
      sent += 4;
    } else if (!started) {
      started = 1;
      Q(QSPI_QSPI_PULSE) = QSPI_QSPI_PULSE_INDIRECT_ACT_Msk;
    }
  }
  if (!started) Q(QSPI_QSPI_PULSE) = QSPI_QSPI_PULSE_INDIRECT_ACT_Msk;
  while (!(Q(QSPI_AFIFO_STATUS) & QSPI_AFIFO_STATUS_WR_AFIFO_EMPTY_Msk)) {
  }
}

/* Polling mode on SR1.WIP == 0; returns the wait in core cycles, or 0 on time-out. */
static uint64_t wait_ready(void) {
  const uint64_t t0 = bsp_cycles();
  rdsr_flag = 0;
  setup(ctrl(NONE, ONE, 1, 0), 0x05, 0, 0);
  Q(QSPI_QSPI_DATA_NUM) = 0xFFFFFFFEu;
  Q(QSPI_POLLING_REG) = (0x01u << QSPI_POLLING_REG_RDSR_MASK_Pos) | 0x00u;
  Q(QSPI_QSPI_PULSE) = QSPI_QSPI_PULSE_POLLING_CONF_UPDATE_Msk;
  Q(QSPI_QSPI_PULSE) = QSPI_QSPI_PULSE_POLLING_ACT_Msk;
  while (!rdsr_flag)
    if (bsp_cycles() - t0 > BSP_HCLK_HZ) { /* 1 s, the zd25wq.c time-out */
      Q(QSPI_QSPI_PULSE) = QSPI_QSPI_PULSE_JUMP_TO_STOP_Msk;
      return 0;
    }
  return bsp_cycles() - t0;
}

static uint32_t pattern(unsigned i) { return 0xA5000000u ^ (i * 0x01010101u) ^ (i << 4); }

int main(void) {
  int ok = 1;
  uint32_t id = 0;
  eclic_init();
  eclic_configure(IRQ_QSPI, 1, 0, ECLIC_TRIGGER_RISING);
  eclic_enable(IRQ_QSPI);
  Q(QSPI_INT_MASK_SET) = 0x1F;
  Q(QSPI_INT_MASK_CLR) = QSPI_INT_SR_PENDING_RDSR_Msk;
  bsp_irq_enable();

  receive(ctrl(NONE, ONE, 1, 0), 0x9F, 0, &id, 3);
  printf("jedec id: %02x %02x %02x\n", (unsigned)(id & 0xFF), (unsigned)((id >> 8) & 0xFF),
         (unsigned)((id >> 16) & 0xFF));
  if ((id & 0xFFFFFF) != 0x1560BA) ok = 0;

  const uint32_t runs = REG32(QSPI_XIP_BASE + RUN_COUNTER);
  printf("previous runs: %u\n", (unsigned)(runs == 0xFFFFFFFFu ? 0u : runs));

  command(0x06, NONE, 0);
  command(0x20, ONE, TEST_ADDR);
  const uint64_t erase_cycles = wait_ready();
  printf("sector erase: %u us\n", (unsigned)(erase_cycles / (BSP_HCLK_HZ / 1000000u)));
  if (!erase_cycles || REG32(QSPI_XIP_BASE + TEST_ADDR) != 0xFFFFFFFFu) ok = 0;

  static uint32_t page[64], back[64];
  for (unsigned i = 0; i < 64; ++i) page[i] = pattern(i);
  command(0x06, NONE, 0);
  transmit(0x02, TEST_ADDR, page, sizeof page);
  const uint64_t prog_cycles = wait_ready();
  printf("page program: %u us\n", (unsigned)(prog_cycles / (BSP_HCLK_HZ / 1000000u)));
  if (!prog_cycles) ok = 0;

  receive(ctrl(ONE, ONE, 1, 8), 0x0B, TEST_ADDR, back, sizeof back);
  unsigned bad_indirect = 0, bad_window = 0;
  for (unsigned i = 0; i < 64; ++i) {
    if (back[i] != page[i]) ++bad_indirect;
    if (REG32(QSPI_XIP_BASE + TEST_ADDR + 4 * i) != page[i]) ++bad_window;
  }
  printf("read back: indirect %u mismatches, window %u mismatches\n", bad_indirect, bad_window);
  if (bad_indirect || bad_window) ok = 0;

  /* Count this run in the sector's last word (erased above, so program the new count). */
  const uint32_t count = (runs == 0xFFFFFFFFu ? 0u : runs) + 1u;
  command(0x06, NONE, 0);
  transmit(0x02, RUN_COUNTER, &count, 4);
  if (!wait_ready() || REG32(QSPI_XIP_BASE + RUN_COUNTER) != count) ok = 0;
  printf("this run: %u\n", (unsigned)count);

  printf(ok ? "PASS qspi\n" : "FAIL qspi\n");
  return 0;
}
