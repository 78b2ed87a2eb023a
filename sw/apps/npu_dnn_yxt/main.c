/* dnn_yxt on the NPU: the mapper's register blob of the 5-layer keyword-spotting DNN
 * (traces/dnn_yxt, 800-256-256-256-256-2) run on the 100 recorded input frames with our own
 * NPU driver; every output is compared with the mapper's recording. Odd frames wait for the end
 * of the inference in wfi (IRQ 36), even frames poll. */
#include <stdio.h>
#include <string.h>

#include "bsp.h"
#include "npu_blob.h"
#include "npu_driver.h"

extern char register_data[]; /* traces/dnn_yxt/register.c, de-obfuscated in place */
extern const unsigned register_data_size;
extern const uint8_t dnn_yxt_inputs[];
extern const unsigned dnn_yxt_inputs_size;
extern const int8_t dnn_yxt_outputs[];
extern const unsigned dnn_yxt_outputs_size;

static npu_model model;

int main(void) {
  printf("npu_dnn_yxt: NPU chip id 0x%04x\n", npu_read16(NPU_CHIP_ID));
  if (npu_init() != 0) {
    printf("npu_dnn_yxt: FAIL: the NPU does not answer with id 0x00A8\n");
    return 1;
  }
  const int rc = npu_model_load((uint8_t *)register_data, register_data_size, &model);
  if (rc != NPU_BLOB_OK) {
    printf("npu_dnn_yxt: FAIL: register blob: %s\n", npu_blob_error_text(rc));
    return 1;
  }
  printf("npu_dnn_yxt: blob %s, rounds %u..%u at entry %u (%u words), input %u@%u, output %u@%u\n", model.version,
         model.first_round, model.end_round - 1, model.start_entry, model.round_word_count, model.in_len, model.in_addr,
         model.out_len, model.out_addr);
  const unsigned frames = dnn_yxt_inputs_size / model.in_len;
  if (frames == 0 || dnn_yxt_outputs_size != frames * model.out_len || model.out_len > 16) {
    printf("npu_dnn_yxt: FAIL: %u input bytes / %u output values do not fit the blob's shapes\n", dnn_yxt_inputs_size,
           dnn_yxt_outputs_size);
    return 1;
  }
  npu_model_install(&model);
  eclic_configure(IRQ_NPU, 1, 0, ECLIC_TRIGGER_RISING);
  eclic_enable(IRQ_NPU);
  bsp_irq_enable();

  unsigned match = 0, timeouts = 0;
  uint64_t cycles = 0;
  for (unsigned f = 0; f < frames; ++f) {
    uint8_t out[16];
    const uint64_t c0 = bsp_cycles();
    if (npu_model_infer(&model, dnn_yxt_inputs + f * model.in_len, out, f & 1) != 0) ++timeouts;
    cycles += bsp_cycles() - c0;
    const int8_t *want = dnn_yxt_outputs + f * model.out_len;
    const int ok = memcmp(out, want, model.out_len) == 0;
    match += ok;
    printf("frame %3u:", f);
    for (unsigned i = 0; i < model.out_len; ++i) printf(" %4d", (int8_t)out[i]);
    printf("  recorded");
    for (unsigned i = 0; i < model.out_len; ++i) printf(" %4d", want[i]);
    printf("  %s\n", ok ? "ok" : "MISMATCH");
  }
  printf("npu_dnn_yxt: %lu cycles per inference (input write, 5 rounds, output read), %u NPU interrupts\n",
         (unsigned long)(cycles / frames), npu_irq_events());
  if (npu_vb_error()) printf("npu_dnn_yxt: board reports NPU model error 0x%04x\n", npu_vb_error());
  if (timeouts) printf("npu_dnn_yxt: %u inferences timed out\n", timeouts);
  printf("npu_dnn_yxt: match %u/%u\n", match, frames);
  printf("npu_dnn_yxt: %s\n", match == frames && !timeouts ? "PASS" : "FAIL");
  return 0;
}
