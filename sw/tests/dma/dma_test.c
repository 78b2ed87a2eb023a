/* DW_ahb_dmac on the board, programmed the way the vendor dma.c driver does it (DMA_Init clears
 * and ORs CTL/CFG, DMA_Set_Addr, channel enable with write-enable bits, |= on the clear
 * registers): a memory-to-memory word copy finished by the Tfr interrupt (IRQ 35, rising edge,
 * DMA_IRQHandler reads STATUS_TFR), timed with mcycle; a three-block linked list with block
 * interrupts, LLIs left as written (no CTL write-back); and a core-local address that must end in the Err interrupt.
 * Buffers are handed to the DMA through the system view (mmap_to_sys). Prints "PASS dma". */
#include <stdio.h>
#include <string.h>

#include "bsp.h"

#define DMA_REG(off) REG32(DMA_BASE + (off))
#define CH_REG(ch, off) REG32(DMA_BASE + (ch) * (DMA_SAR1 - DMA_SAR) + (off))
#define WORDS 200u

static uint32_t src[WORDS], dst[WORDS];
static uint8_t lsrc[3][64], ldst[3][64];
static uint32_t lli[3][7]; /* SAR, DAR, LLP, CTL, CTL_HI, SSTAT, DSTAT */
static volatile uint32_t tfr_seen, block_seen, err_seen, irq_count;
static int failures;

void irq35_handler(void) { /* DMA_IRQHandler */
  uint32_t tfr = DMA_REG(DMA_STATUS_TFR), blk = DMA_REG(DMA_STATUS_BLOCK), err = DMA_REG(DMA_STATUS_ERR);
  tfr_seen |= tfr;
  block_seen |= blk;
  err_seen |= err;
  DMA_REG(DMA_CLEAR_TFR) |= tfr;
  DMA_REG(DMA_CLEAR_BLOCK) |= blk;
  DMA_REG(DMA_CLEAR_ERR) |= err;
  ++irq_count;
}

static void check(int ok, const char *what) {
  if (!ok) {
    printf("FAIL dma: %s\n", what);
    ++failures;
  }
}

static uint32_t ctl_value(unsigned width, unsigned msize, int llp) {
  uint32_t v = DMA_CTL_INT_EN_Msk | (width << DMA_CTL_SRC_TR_WIDTH_Pos) | (width << DMA_CTL_DST_TR_WIDTH_Pos) |
               (msize << DMA_CTL_SRC_MSIZE_Pos) | (msize << DMA_CTL_DEST_MSIZE_Pos);
  if (llp) v |= DMA_CTL_LLP_SRC_EN_Msk | DMA_CTL_LLP_DST_EN_Msk;
  return v;
}

static void dma_init(unsigned ch, uint32_t ctl) { /* DMA_Init: clear, then OR the fields in */
  CH_REG(ch, DMA_CTL) &= ~0xffffffffu;
  CH_REG(ch, DMA_CTL_HI) &= ~0xffffffffu;
  CH_REG(ch, DMA_CFG) &= ~0xffffffffu;
  CH_REG(ch, DMA_CFG_HI) &= ~0xffffffffu;
  CH_REG(ch, DMA_CTL) |= ctl;
}

static void dma_set_addr(unsigned ch, uint32_t s, uint32_t d, uint32_t block, uint32_t llp) {
  CH_REG(ch, DMA_SAR) = s;
  CH_REG(ch, DMA_DAR) = d;
  CH_REG(ch, DMA_CTL_HI) = block;
  CH_REG(ch, DMA_LLP) = (llp >> 2) << 2;
}

static void wait_flag(volatile uint32_t *flag, uint32_t bit) {
  uint64_t t0 = bsp_cycles();
  while (!(*flag & bit) && bsp_cycles() - t0 < 10000000u) __asm__ volatile("wfi");
}

int main(void) {
  eclic_configure(IRQ_DMA, 1, 0, ECLIC_TRIGGER_RISING);
  eclic_enable(IRQ_DMA);
  bsp_irq_enable();
  DMA_REG(DMA_DMA_CFG) = 1;
  DMA_REG(DMA_CLEAR_TFR) |= 0x3f;
  DMA_REG(DMA_CLEAR_BLOCK) |= 0x3f;
  DMA_REG(DMA_CLEAR_ERR) |= 0x3f;

  /* 1. Word copy, bursts of 4, Tfr interrupt on channel 0. */
  for (unsigned i = 0; i < WORDS; ++i) src[i] = 0x9E3779B9u * (i + 1);
  dma_init(0, ctl_value(2, 1, 0));
  DMA_REG(DMA_MASK_TFR) = 0x101;
  DMA_REG(DMA_MASK_ERR) = 0x3f3f;
  dma_set_addr(0, bsp_to_sys(src), bsp_to_sys(dst), WORDS, 0);
  uint64_t t0 = bsp_cycles();
  DMA_REG(DMA_CH_EN) = 0x101;
  check((DMA_REG(DMA_CH_EN) & 1u) != 0, "CH_EN does not read back 1 while running");
  wait_flag(&tfr_seen, 1u);
  uint32_t cycles = (uint32_t)(bsp_cycles() - t0);
  check(tfr_seen & 1u, "no Tfr interrupt for the copy");
  check((DMA_REG(DMA_CH_EN) & 1u) == 0, "CH_EN still set after Tfr");
  check(memcmp(src, dst, sizeof src) == 0, "copied words differ");
  check(DMA_REG(DMA_RAW_TFR) == 0, "Tfr not cleared by the handler");
  printf("dma copy: %u bytes in %lu cycles\n", (unsigned)sizeof src, (unsigned long)cycles);

  /* 2. Three blocks from a linked list (vendor dma_multi_block_linked_list), byte items. */
  uint32_t lctl = ctl_value(0, 0, 1);
  for (unsigned b = 0; b < 3; ++b) {
    for (unsigned i = 0; i < 64; ++i) lsrc[b][i] = (uint8_t)(b * 64 + i);
    lli[b][0] = bsp_to_sys(lsrc[b]);
    lli[b][1] = bsp_to_sys(ldst[b]);
    lli[b][2] = b < 2 ? bsp_to_sys(lli[b + 1]) : 0;
    lli[b][3] = lctl;
    lli[b][4] = 64;
  }
  dma_init(1, lctl);
  DMA_REG(DMA_MASK_TFR) = 0x202;
  DMA_REG(DMA_MASK_BLOCK) = 0x202;
  dma_set_addr(1, 0, 0, 0, bsp_to_sys(lli[0]));
  irq_count = 0;
  DMA_REG(DMA_CH_EN) = 0x202;
  wait_flag(&tfr_seen, 2u);
  check(tfr_seen & 2u, "no Tfr interrupt for the linked list");
  check(block_seen & 2u, "no Block interrupt for the linked list");
  check(memcmp(lsrc, ldst, sizeof lsrc) == 0, "linked-list blocks differ");
  /* The chip does not write CTL back into the list items (the board's default). */
  check(lli[2][4] == 64u, "CTL_HI of the last LLI changed: no write-back expected");
  printf("dma linked list: 3 blocks, %lu interrupts\n", (unsigned long)irq_count);

  /* 3. A DLM alias handed to the DMA without mmap_to_sys: bus error, Err interrupt. */
  dma_init(2, ctl_value(2, 0, 0));
  dma_set_addr(2, (uint32_t)(uintptr_t)src, bsp_to_sys(dst), 4, 0);
  DMA_REG(DMA_CH_EN) = 0x404;
  wait_flag(&err_seen, 4u);
  check(err_seen & 4u, "no Err interrupt for a core-local source address");
  check((DMA_REG(DMA_CH_EN) & 4u) == 0, "channel still enabled after the error");
  printf("dma error: %s\n", (err_seen & 4u) ? "Err interrupt" : "none");

  printf(failures ? "FAIL dma\n" : "PASS dma\n");
  return 0;
}
