/* The mapper's register blob (register.c / register.bin) on the device: container header,
 * de-obfuscation in place, and the few JSON facts an inference needs (reference/npu.md §3,
 * reference/mapper-formats.md §2.1), parsed with a small JSON walker (no vendor code).
 *
 * Supported: one net per model used at a time, an all_round flow (rounds in sequence) with its
 * per-round compensation records giving each round's activation table. */
#ifndef WTM_NPU_BLOB_H
#define WTM_NPU_BLOB_H

#include <stddef.h>
#include <stdint.h>

#define NPU_MODEL_MAX_ROUNDS 32
#define NPU_MODEL_MAX_WORDS 512 /* the whole round-config SRAM */

typedef struct {
  const uint8_t *raw; /* raw area (after de-obfuscation) */
  uint32_t raw_len;
  uint16_t in_addr, in_len, out_addr, out_len; /* net 0 input / output in the regfile */
  uint32_t round_words[NPU_MODEL_MAX_WORDS];   /* the net's round table, pause flags set */
  unsigned round_word_count;
  unsigned start_entry, first_round, end_round; /* the all_round flow */
  uint8_t lut_slot[NPU_MODEL_MAX_ROUNDS];       /* 0 = no table for that round */
  const uint8_t *lut[NPU_MODEL_MAX_ROUNDS];
  char version[24];
} npu_model;

/* Error codes of npu_model_load. */
enum {
  NPU_BLOB_OK = 0,
  NPU_BLOB_HEADER = -1,  /* sizes in the header do not add up */
  NPU_BLOB_JSON = -2,    /* JSON text malformed or a key missing */
  NPU_BLOB_BASE64 = -3,  /* a base64 payload malformed or of the wrong length */
  NPU_BLOB_RANGE = -4,   /* an offset/length points outside the raw area */
  NPU_BLOB_TOO_BIG = -5, /* more rounds/words than this driver holds */
};

/* De-obfuscates `blob` in place (it must be writable, as on the chip) and fills `m`.
 * `blob_size` = sizeof the array (bounds every access). Returns NPU_BLOB_OK or an error code. */
int npu_model_load(uint8_t *blob, size_t blob_size, npu_model *m);
const char *npu_blob_error_text(int code);

/* Loads the round table into the round-config SRAM (once, as the vendor engine does). */
void npu_model_install(const npu_model *m);
/* One inference: writes `input` (in_len bytes), runs the rounds, reads `output` (out_len bytes).
 * Returns 0 or -1 on an NPU time-out. */
int npu_model_infer(const npu_model *m, const uint8_t *input, uint8_t *output, int use_wfi);

#endif
