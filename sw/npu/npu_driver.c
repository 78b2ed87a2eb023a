/* Register-level NPU driver (see npu_driver.h). */
#include "npu_driver.h"

#include <string.h>

#define NPU_PORT8(off) (*(volatile uint8_t *)(uintptr_t)(NPU_BASE + (off)))
#define NPU_PORT32(off) (*(volatile uint32_t *)(uintptr_t)(NPU_BASE + (off)))

/* Access-mode values of NPU_ACCESS_MODE. */
#define MODE_ROUND_WRITE NPU_ACCESS_MODE_ROUND_WRITE_Msk
#define MODE_ROUND_READ NPU_ACCESS_MODE_ROUND_READ_Msk
#define MODE_REGFILE_WRITE NPU_ACCESS_MODE_REGFILE_WRITE_Msk
#define MODE_REGFILE_READ NPU_ACCESS_MODE_REGFILE_READ_Msk

int npu_init(void) {
  if (npu_read16(NPU_CHIP_ID) != NPU_EXPECTED_CHIP_ID) return -1;
  npu_write16(NPU_PI_SEL, 0);
  npu_write16(NPU_INT_MASK, 0);
  npu_write16(NPU_INT_CLR, 0xFFFF);
  npu_write16(NPU_FIFO_CFG, 0);
  npu_regfile_clear();
  return 0;
}

static void regfile_begin(uint32_t addr, size_t len, uint16_t mode) {
  npu_write16(NPU_REGFILE_ADDR, (uint16_t)(addr & (NPU_REGFILE_BYTES - 1)));
  if (mode == MODE_REGFILE_WRITE)
    npu_write16(NPU_REGFILE_WLEN, (uint16_t)(((len - 1) << NPU_REGFILE_WLEN_LEN_M1_Pos) & NPU_REGFILE_WLEN_LEN_M1_Msk));
  npu_write16(NPU_ACCESS_MODE, mode);
}

void npu_regfile_write(uint32_t addr, const uint8_t *data, size_t len) {
  if (!len) return;
  regfile_begin(addr, len, MODE_REGFILE_WRITE);
  size_t i = 0;
  /* Byte lane k carries the byte at an address = k (mod 4); the pointer moves on after lane 3. */
  for (; i < len && ((addr + i) & 3u); ++i) NPU_PORT8(NPU_REGFILE_DATA + ((addr + i) & 3u)) = data[i];
  for (; i + 4 <= len; i += 4) {
    uint32_t w;
    memcpy(&w, data + i, 4); /* little-endian: lowest address in bits 7:0 */
    NPU_PORT32(NPU_REGFILE_DATA) = w;
  }
  for (; i < len; ++i) NPU_PORT8(NPU_REGFILE_DATA + ((addr + i) & 3u)) = data[i];
  npu_write16(NPU_ACCESS_MODE, 0);
}

void npu_regfile_read(uint32_t addr, uint8_t *data, size_t len) {
  if (!len) return;
  regfile_begin(addr, len, MODE_REGFILE_READ);
  size_t i = 0;
  for (; i < len && ((addr + i) & 3u); ++i) data[i] = NPU_PORT8(NPU_REGFILE_DATA + ((addr + i) & 3u));
  for (; i + 4 <= len; i += 4) {
    uint32_t w = NPU_PORT32(NPU_REGFILE_DATA);
    memcpy(data + i, &w, 4);
  }
  for (; i < len; ++i) data[i] = NPU_PORT8(NPU_REGFILE_DATA + ((addr + i) & 3u));
  npu_write16(NPU_ACCESS_MODE, 0);
}

void npu_regfile_clear(void) {
  regfile_begin(0, NPU_REGFILE_BYTES, MODE_REGFILE_WRITE);
  for (unsigned i = 0; i < NPU_REGFILE_BYTES / 4; ++i) NPU_PORT32(NPU_REGFILE_DATA) = 0;
  npu_write16(NPU_ACCESS_MODE, 0);
}

void npu_round_write(unsigned entry, const uint32_t *words, size_t count) {
  npu_write16(NPU_PI_SEL, 0);
  npu_write16(NPU_ROUND_CFG_ADDR, (uint16_t)(entry & 0xFFu));
  npu_write16(NPU_ACCESS_MODE, MODE_ROUND_WRITE);
  for (size_t i = 0; i < count; ++i) NPU_PORT32(NPU_ROUND_CFG_DATA) = words[i];
  npu_write16(NPU_ACCESS_MODE, 0);
}

void npu_round_read(unsigned entry, uint32_t *words, size_t count) {
  npu_write16(NPU_PI_SEL, 0);
  npu_write16(NPU_ROUND_CFG_ADDR, (uint16_t)(entry & 0xFFu));
  npu_write16(NPU_ACCESS_MODE, MODE_ROUND_READ);
  for (size_t i = 0; i < count; ++i) words[i] = NPU_PORT32(NPU_ROUND_CFG_DATA);
  npu_write16(NPU_ACCESS_MODE, 0);
}

void npu_lut_write(unsigned slot, const uint8_t *table) {
  const uint32_t port = slot == 2 ? NPU_LUT2_DATA : NPU_LUT1_DATA;
  npu_write16(NPU_LUT_SEL, (uint16_t)slot);
  for (unsigned i = 0; i < 256; i += 4) {
    uint32_t w;
    memcpy(&w, table + i, 4); /* table[0] in bits 7:0 */
    NPU_PORT32(port) = w;
  }
  npu_write16(NPU_LUT_SEL, 0);
}

void npu_set_pause_flags(uint32_t *words, size_t count) {
  size_t i = 0;
  while (i < count) {
    const size_t n = npu_record_words(words[i]);
    if (i + n >= count) break; /* the last record finishes the range: no pause */
    if (n > 3) words[i + 3] |= 1u;
    i += n;
  }
}

static volatile unsigned npu_irq_count;
/* IRQ 36 (edge): the NPU status stays in NPU_INT_STATUS; the handler only counts. */
void irq36_handler(void) { ++npu_irq_count; }

static int wait_status(uint32_t offset, uint16_t mask, uint32_t max_polls) {
  for (uint32_t n = 0; n < max_polls; ++n)
    if (npu_read16(offset) & mask) return 0;
  return -1;
}

int npu_run_rounds(unsigned entry, unsigned first, unsigned end, npu_round_hook hook, void *ctx, int use_wfi,
                   uint32_t max_polls) {
  npu_write16(NPU_INT_CLR, 0xFFFF);
  npu_write16(NPU_INT_MASK, use_wfi ? NPU_INT_STATUS_ALL_ROUND_DONE_Msk : 0);
  npu_write16(NPU_ROUND_START, (uint16_t)(entry & NPU_ROUND_START_ENTRY_Msk));
  npu_write16(NPU_ROUND_RANGE, (uint16_t)(((first << NPU_ROUND_RANGE_FIRST_Pos) & NPU_ROUND_RANGE_FIRST_Msk) |
                                          ((end << NPU_ROUND_RANGE_END_Pos) & NPU_ROUND_RANGE_END_Msk)));
  npu_write16(NPU_ROUND_START, (uint16_t)(npu_read16(NPU_ROUND_START) | NPU_ROUND_START_START_Msk));
  for (unsigned r = first + 1; r < end; ++r) {
    if (wait_status(NPU_PAUSE, NPU_PAUSE_PAUSED_Msk, max_polls)) return -1;
    npu_write16(NPU_INT_CLR, 0xFFFF);
    npu_write16(NPU_PAUSE, NPU_PAUSE_ACK_Msk);
    if (hook) hook(r, ctx);
    npu_write16(NPU_CTRL, NPU_CTRL_CONTINUE_Msk);
  }
  int rc = 0;
  if (use_wfi) {
    /* Sleep until the ALL_ROUND_DONE edge; wfi wakes on the pending interrupt even with
     * interrupts masked, so the status test and the sleep cannot race. */
    __asm__ volatile("csrci mstatus, 8");
    uint32_t n = 0;
    while (!(npu_read16(NPU_INT_STATUS) & NPU_INT_STATUS_ALL_ROUND_DONE_Msk) && n++ < max_polls)
      __asm__ volatile("wfi");
    __asm__ volatile("csrsi mstatus, 8"); /* take the pending edge (the handler counts it) */
    if (!(npu_read16(NPU_INT_STATUS) & NPU_INT_STATUS_ALL_ROUND_DONE_Msk)) rc = -1;
  } else {
    rc = wait_status(NPU_INT_STATUS, NPU_INT_STATUS_ALL_ROUND_DONE_Msk, max_polls);
  }
  npu_write16(NPU_INT_CLR, 0xFFFF);
  npu_write16(NPU_INT_MASK, 0);
  return rc;
}

unsigned npu_irq_events(void) { return npu_irq_count; }

static int dma_run(uint16_t cmd) {
  npu_write16(NPU_INT_CLR, 0xFFFF);
  npu_write16(NPU_DMA_CMD, cmd);
  npu_write16(NPU_DMA_CTRL, 1);
  npu_write16(NPU_DMA_CTRL, 0);
  int rc = wait_status(NPU_INT_STATUS, NPU_INT_STATUS_DMA_DONE_Msk, 1000000u);
  if (npu_read16(NPU_INT_STATUS) & NPU_INT_STATUS_DMA_ERROR_Msk) rc = -1;
  npu_write16(NPU_INT_CLR, 0xFFFF);
  npu_write16(NPU_DMA_CMD, 0);
  return rc;
}

int npu_dma_to_regfile(uint32_t sys_addr, uint32_t regfile_addr, size_t len) {
  npu_write16(NPU_DMA_S2N_SRC_HI, (uint16_t)(sys_addr >> 16));
  npu_write16(NPU_DMA_S2N_SRC_LO, (uint16_t)sys_addr);
  npu_write16(NPU_DMA_S2N_DST, (uint16_t)regfile_addr);
  npu_write16(NPU_DMA_S2N_LEN, (uint16_t)(len - 1));
  return dma_run(4);
}

int npu_dma_from_regfile(uint32_t regfile_addr, uint32_t sys_addr, size_t len) {
  npu_write16(NPU_DMA_N2S_SRC, (uint16_t)regfile_addr);
  npu_write16(NPU_DMA_N2S_DST_HI, (uint16_t)(sys_addr >> 16));
  npu_write16(NPU_DMA_N2S_DST_LO, (uint16_t)sys_addr);
  npu_write16(NPU_DMA_N2S_LEN, (uint16_t)(len - 1));
  return dma_run(8);
}

uint32_t npu_sys_addr(const void *cpu_ptr) {
  const uint32_t a = (uint32_t)(uintptr_t)cpu_ptr;
  /* ILM view: RAM0 | RAM4 | RAM3 | RAM2; DLM view: RAM1 | RAM2 | RAM3 | RAM4. */
  static const struct {
    uint32_t cpu, size, sys;
  } map[] = {
      {0x00000000u, 0x20000u, 0x30000000u}, {0x00020000u, 0x8000u, 0x30048000u},  {0x00028000u, 0x8000u, 0x30040000u},
      {0x00030000u, 0x10000u, 0x30030000u}, {0x20000000u, 0x10000u, 0x30020000u}, {0x20010000u, 0x10000u, 0x30030000u},
      {0x20020000u, 0x8000u, 0x30040000u},  {0x20028000u, 0x8000u, 0x30048000u},
  };
  for (unsigned i = 0; i < sizeof map / sizeof map[0]; ++i)
    if (a - map[i].cpu < map[i].size) return map[i].sys + (a - map[i].cpu);
  return a; /* already a system address */
}
