/* The project's own WTM2101 NPU driver: register level (written from reference/npu.md §2, the
 * register facts only; offsets and bits come from the generated wtm2101_map.h, i.e. from
 * models/npu/frontend/npu_regs.def). No vendor code.
 *
 * Sequences: regfile and round-config SRAM through their data ports (auto-increment), the two
 * activation-table streams, an inference over a round range with a pause after every round
 * (so the CPU can load the next round's table), NPU DMA between SRAM and the regfile. */
#ifndef WTM_NPU_DRIVER_H
#define WTM_NPU_DRIVER_H

#include <stddef.h>
#include <stdint.h>

#include "wtm2101_map.h"

#define NPU_REGFILE_BYTES 8192
#define NPU_ROUND_ENTRIES 256
#define NPU_EXPECTED_CHIP_ID 0x00A8u

static inline void npu_write16(uint32_t offset, uint16_t v) {
  *(volatile uint16_t *)(uintptr_t)(NPU_BASE + offset) = v;
}
static inline uint16_t npu_read16(uint32_t offset) { return *(volatile uint16_t *)(uintptr_t)(NPU_BASE + offset); }

/* 0 when the chip id reads 0x00A8; clears all status bits and the regfile. */
int npu_init(void);

/* Regfile through the data port: head bytes on their byte lanes, 32-bit words, tail bytes. */
void npu_regfile_write(uint32_t addr, const uint8_t *data, size_t len);
void npu_regfile_read(uint32_t addr, uint8_t *data, size_t len);
void npu_regfile_clear(void);

/* Round-config SRAM from `entry` (64-bit units): `count` 32-bit words in stream order. */
void npu_round_write(unsigned entry, const uint32_t *words, size_t count);
void npu_round_read(unsigned entry, uint32_t *words, size_t count);

/* Activation table `slot` (1 or 2): 256 bytes, table[0] first. */
void npu_lut_write(unsigned slot, const uint8_t *table);

/* Called while the NPU is paused before round `round` (after the first); typically loads that
 * round's activation table. May be NULL. */
typedef void (*npu_round_hook)(unsigned round, void *ctx);

/* Runs rounds first..end-1 whose records start at `entry`. Every record except the last must
 * carry the pause flag (npu_set_pause_flags). Polls (or, with use_wfi, sleeps on IRQ 36 for the
 * final ALL_ROUND_DONE). Returns 0, or -1 when the NPU did not finish within `max_polls` polls. */
int npu_run_rounds(unsigned entry, unsigned first, unsigned end, npu_round_hook hook, void *ctx, int use_wfi,
                   uint32_t max_polls);

/* Sets bit 0 of word 3 (pause after the round) in every record of a table except the last. */
void npu_set_pause_flags(uint32_t *words, size_t count);
/* Number of words of the record starting with word0 (2 per 64-bit command). */
static inline size_t npu_record_words(uint32_t word0) { return 2u * (((word0 >> 24) & 7u) + 1u); }

/* Number of NPU interrupts (IRQ 36) taken so far (npu_run_rounds with use_wfi). */
unsigned npu_irq_events(void);

/* NPU DMA. `sys_addr` is a system-bus address (0x3000_0000 view; see npu_sys_addr). Returns 0
 * or -1 on DMA_ERROR / time-out. */
int npu_dma_to_regfile(uint32_t sys_addr, uint32_t regfile_addr, size_t len);
int npu_dma_from_regfile(uint32_t regfile_addr, uint32_t sys_addr, size_t len);
/* CPU (ILM/DLM) address -> the system-bus alias the NPU DMA uses (reference/npu.md §1.3). */
uint32_t npu_sys_addr(const void *cpu_ptr);

/* Virtual-board extension register (0 on a chip's unused offset): why the model could not run. */
static inline uint16_t npu_vb_error(void) { return npu_read16(NPU_VB_ERROR); }

#endif
