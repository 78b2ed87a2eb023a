/* Keyword spotting on the X3 board, end to end on the chip's own blocks:
 *   DMIC1 -> AUDIO channel 0 (RAM mode, 16 kHz, 10 ms frames of 80 words, IRQ 37)
 *   -> DMA channel 0 (P2M from RAM0DATA, AUDIO handshake 11, transfer-complete IRQ 35)
 *   -> FBANK (Hamming window, 512-point FFT, magnitude, 40 mel bands, 8-bit log; IRQ 39)
 *   -> a 20 x 40 feature window -> NPU (the dnn_yxt mapper blob, 800-256-256-256-256-2; IRQ 36)
 *   -> UART0 "kws: keyword" lines.
 * Feature cadence as in the vendor speech demo: of every five 10 ms frames, the first two and half
 * of the third make one 400-sample (25 ms) window, so a feature frame every 50 ms and 1 s of
 * context in the NPU input. Feature = FBANK log byte - 66 = round(8 ln(mel magnitude)), clamped
 * to 0..127 (the model's input range). A window is a keyword when softmax(out)[1] > 0.9; one line
 * per utterance (1 s hold-off). Every second of audio a status line counts frames, windows and
 * keywords.
 *   wtm2101-board --elf kws_demo.elf --npu-weights traces/dnn_yxt --mic0 speech.wav */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bsp.h"
#include "npu_blob.h"
#include "npu_driver.h"

#define AUD(off) REG32(AUDIO_BASE + (off))
#define FB(off) REG32(FBANK_BASE + (off))
#define DMA_REG(off) REG32(DMA_BASE + (off))
#define DMA_CH_REG(ch, off) REG32(DMA_BASE + (ch) * (DMA_SAR1 - DMA_SAR) + (off))

#define FRAME_WORDS 80u                 /* 160 samples = 10 ms at 16 kHz */
#define RING_FRAMES 8u
#define WINDOW_SAMPLES 400u             /* 25 ms, FBANK FRAME_LEN 0 */
#define BANDS 40u
#define CONTEXT_FRAMES 20u              /* NPU input = 20 feature frames */
#define HOLD_OFF_WINDOWS 20u            /* 1 s */
#define AUDIO_DMA_HANDSHAKE 11u         /* AUDIO channel 0 (reference/soc.md §4.6) */
#define DMA_CHANNEL 0u
#define LOG_OFFSET 66                   /* FBANK log byte of a magnitude of 1 */

extern char register_data[]; /* traces/dnn_yxt/register.c, de-obfuscated in place */
extern const unsigned register_data_size;

static uint32_t ring[RING_FRAMES][FRAME_WORDS]; /* DMA destination, two samples per word */
static volatile uint32_t frames_captured, frames_dropped;
static volatile uint32_t dma_busy;
static volatile int fbank_done;
static int16_t window[WINDOW_SAMPLES];
static uint8_t features[CONTEXT_FRAMES * BANDS];
static npu_model model;

static void dma_start_frame(uint32_t slot) {
  DMA_CH_REG(DMA_CHANNEL, DMA_SAR) = AUDIO_BASE + AUDIO_RAM0DATA;
  DMA_CH_REG(DMA_CHANNEL, DMA_DAR) = npu_sys_addr(ring[slot]);
  DMA_CH_REG(DMA_CHANNEL, DMA_CTL) = DMA_CTL_INT_EN_Msk | (2u << DMA_CTL_DST_TR_WIDTH_Pos) |
                                     (2u << DMA_CTL_SRC_TR_WIDTH_Pos) | (0u << DMA_CTL_DINC_Pos) |
                                     (2u << DMA_CTL_SINC_Pos) | (2u << DMA_CTL_TT_FC_Pos);
  DMA_CH_REG(DMA_CHANNEL, DMA_CTL_HI) = FRAME_WORDS;
  DMA_CH_REG(DMA_CHANNEL, DMA_CFG) = 0; /* hardware handshakes */
  DMA_CH_REG(DMA_CHANNEL, DMA_CFG_HI) = AUDIO_DMA_HANDSHAKE << DMA_CFG_HI_SRC_PER_Pos;
  DMA_CH_REG(DMA_CHANNEL, DMA_LLP) = 0;
  dma_busy = 1;
  DMA_REG(DMA_CH_EN) = 0x101u << DMA_CHANNEL;
}

void irq37_handler(void) { /* AUDIO: a frame is ready in RAM0; the DMA moves it */
  if (AUD(AUDIO_TRINT) & AUDIO_TRINT_RAM0_FRAME_VLD_Msk) {
    AUD(AUDIO_RAMCLR) |= AUDIO_RAMCLR_RAM0_FRAME_VLD_CLR_Msk;
    if (dma_busy) ++frames_dropped; /* the previous frame is still moving: the CPU fell behind */
    else dma_start_frame(frames_captured % RING_FRAMES);
  }
}

void irq35_handler(void) { /* DMA: the frame is in the ring */
  if (DMA_REG(DMA_STATUS_TFR) & (1u << DMA_CHANNEL)) {
    DMA_REG(DMA_CLEAR_TFR) = 1u << DMA_CHANNEL;
    dma_busy = 0;
    ++frames_captured;
  }
}

void irq39_handler(void) { /* FBANK: the features are in its SRAM */
  FB(FBANK_INT_SOURCE) = 0;
  fbank_done = 1;
}

static void audio_start(void) {
  /* Audio master clock 24.576 MHz / 6 = 4.096 MHz; PDM 1.024 MHz; sinc + compensation -> 16 kHz. */
  REG32(PMU_BASE + PMU_CTL) |= PMU_CTL_AUD_CLKEN_Msk;
  REG32(PMU_BASE + PMU_CLK_CTL) = (REG32(PMU_BASE + PMU_CLK_CTL) & ~PMU_CLK_CTL_AUD_DIV_NUM_Msk) |
                                  (5u << PMU_CLK_CTL_AUD_DIV_NUM_Pos);
  uint32_t t = AUD(AUDIO_TRCTRL);
  t &= ~(AUDIO_TRCTRL_CH0_TR_EN_Msk | AUDIO_TRCTRL_CH_CLK_DIV_Msk | AUDIO_TRCTRL_CH0_TR_MOD_SEL_Msk |
         AUDIO_TRCTRL_CH0_PDM_SEL_Msk | AUDIO_TRCTRL_CH0_PDM_EDGE_SEL_Msk | AUDIO_TRCTRL_SINC5D2_BYPASS_Msk |
         AUDIO_TRCTRL_HIGHPASS_BYPASS_Msk);
  t |= (3u << AUDIO_TRCTRL_CH_CLK_DIV_Pos) | (2u << AUDIO_TRCTRL_CH0_TR_MOD_SEL_Pos) | AUDIO_TRCTRL_HALFBAND_BYPASS_Msk |
       AUDIO_TRCTRL_PRE_EMPHASIS_BYPASS_Msk | AUDIO_TRCTRL_BIQUAD_BYPASS_Msk;
  AUD(AUDIO_TRCTRL) = t;
  AUD(AUDIO_RAM0CFG0) = ((FRAME_WORDS - 1) << AUDIO_RAM0CFG0_FRAME_MOVE_Pos) | (2 * FRAME_WORDS - 1);
  AUD(AUDIO_RAM0CFG1) = FRAME_WORDS - 1;
  /* The gain is latched only while the channel is enabled. */
  AUD(AUDIO_TRCTRL) |= AUDIO_TRCTRL_CH0_TR_EN_Msk;
  AUD(AUDIO_PCMGAIN) = (AUD(AUDIO_PCMGAIN) & ~AUDIO_PCMGAIN_CH0_GAIN_Msk) | 10u;
  AUD(AUDIO_TRCTRL) &= ~AUDIO_TRCTRL_CH0_TR_EN_Msk;
  AUD(AUDIO_RAMCLR) |= AUDIO_RAMCLR_RAM0_CLR_Msk | AUDIO_RAMCLR_RAM0_FRAME_VLD_CLR_Msk;
  AUD(AUDIO_DMA_CFG) |= AUDIO_DMA_CFG_CH0_DMA_REQ_EN_Msk;
  AUD(AUDIO_TRINTMSK) &= ~AUDIO_TRINT_RAM0_FRAME_VLD_Msk;

  DMA_REG(DMA_DMA_CFG) = 1;
  DMA_REG(DMA_MASK_TFR) = (1u << DMA_CHANNEL) | (1u << (DMA_CHANNEL + DMA_MASK_TFR_INT_MASK_WE_Pos));
  eclic_configure(IRQ_DMA, 1, 0, ECLIC_TRIGGER_RISING);
  eclic_enable(IRQ_DMA);
  eclic_configure(IRQ_AUDIO, 1, 0, ECLIC_TRIGGER_RISING);
  eclic_enable(IRQ_AUDIO);
  AUD(AUDIO_TRCTRL) |= AUDIO_TRCTRL_CH0_TR_EN_Msk;
}

/* One feature frame (40 bytes) of the 400-sample window on the FBANK accelerator. */
static void fbank_features(const int16_t *samples, uint8_t *out) {
  FB(FBANK_FBANK_CONTROL) = FBANK_FBANK_CONTROL_FBANK_DATA_RAM_SEL_Msk; /* the CPU owns the SRAM */
  volatile uint32_t *sram = (volatile uint32_t *)(uintptr_t)(FBANK_BASE + FBANK_SRAM);
  for (unsigned i = 0; i < 512u; ++i) sram[i] = i < WINDOW_SAMPLES ? (uint32_t)(int32_t)samples[i] : 0u;
  fbank_done = 0;
  FB(FBANK_INT_MASK) = FBANK_INT_MASK_FBANK_DONE_Msk;
  FB(FBANK_FBANK_CONTROL) = FBANK_FBANK_CONTROL_FFT_ENABLE_Msk | FBANK_FBANK_CONTROL_SQRT_ENABLE_Msk |
                            FBANK_FBANK_CONTROL_MELFILTER_ENABLE_Msk | FBANK_FBANK_CONTROL_LOG_ENABLE_Msk |
                            FBANK_FBANK_CONTROL_DO_WINDOW_Msk | (0u << FBANK_FBANK_CONTROL_FRAME_LEN_Pos);
  FB(FBANK_FBANK_EN) = FBANK_FBANK_EN_FBANK_EN_Msk;
  while (!fbank_done) __asm__ volatile("wfi");
  FB(FBANK_FBANK_CONTROL) |= FBANK_FBANK_CONTROL_FBANK_DATA_RAM_SEL_Msk;
  for (unsigned i = 0; i < BANDS / 4u; ++i) {
    const uint32_t w = sram[i];
    for (unsigned b = 0; b < 4u; ++b) {
      const int v = (int)((w >> (8u * b)) & 0xFFu) - LOG_OFFSET;
      out[4u * i + b] = (uint8_t)(v < 0 ? 0 : v > 127 ? 127 : v);
    }
  }
}

int main(void) {
  if (npu_init() != 0) {
    printf("kws: FAIL: the NPU does not answer with id 0x00A8\n");
    return 1;
  }
  const int rc = npu_model_load((uint8_t *)register_data, register_data_size, &model);
  if (rc != NPU_BLOB_OK || model.in_len != CONTEXT_FRAMES * BANDS || model.out_len != 2u) {
    printf("kws: FAIL: register blob: %s\n", rc != NPU_BLOB_OK ? npu_blob_error_text(rc) : "not an 800 -> 2 net");
    return 1;
  }
  npu_model_install(&model);
  eclic_configure(IRQ_NPU, 1, 0, ECLIC_TRIGGER_RISING);
  eclic_enable(IRQ_NPU);
  eclic_configure(IRQ_FBANK, 1, 0, ECLIC_TRIGGER_RISING);
  eclic_enable(IRQ_FBANK);
  bsp_irq_enable();
  printf("kws: listening on DMIC1 (16 kHz, %u ms frames, a %u-band feature frame every 50 ms, %u-frame context)\n",
         (unsigned)(FRAME_WORDS * 2u / 16u), BANDS, CONTEXT_FRAMES);
  audio_start();

  uint32_t processed = 0, windows = 0, keywords = 0, last_keyword = 0;
  for (;;) {
    while (processed == frames_captured) __asm__ volatile("wfi");
    if (frames_captured - processed > RING_FRAMES) { /* overrun: skip to the newest frames */
      frames_dropped += frames_captured - processed - RING_FRAMES;
      processed = frames_captured - RING_FRAMES;
    }
    const uint32_t *words = ring[processed % RING_FRAMES];
    const unsigned phase = processed % 5u; /* frames 0, 1 and half of 2 make a window */
    const unsigned take = phase < 2u ? FRAME_WORDS : phase == 2u ? FRAME_WORDS / 2u : 0u;
    for (unsigned w = 0; w < take; ++w) {
      window[phase * FRAME_WORDS * 2u + 2u * w] = (int16_t)(words[w] & 0xFFFFu); /* older sample low */
      window[phase * FRAME_WORDS * 2u + 2u * w + 1u] = (int16_t)(words[w] >> 16);
    }
    ++processed;
    if (phase == 2u) {
      memmove(features, features + BANDS, (CONTEXT_FRAMES - 1u) * BANDS);
      fbank_features(window, features + (CONTEXT_FRAMES - 1u) * BANDS);
      ++windows;
      if (windows >= CONTEXT_FRAMES) { /* a full second of context */
        uint8_t out[2];
        npu_model_infer(&model, features, out, 1);
        const float p = 1.0f / (1.0f + expf((float)((int8_t)out[0] - (int8_t)out[1])));
        if (p > 0.9f && (keywords == 0 || windows - last_keyword >= HOLD_OFF_WINDOWS)) {
          ++keywords;
          last_keyword = windows;
          const unsigned permille = (unsigned)(p * 1000.0f + 0.5f);
          printf("kws: keyword %u.%03u at %lu ms\n", permille / 1000u, permille % 1000u,
                 (unsigned long)(processed * 10u));
        }
      }
    }
    if (processed % 100u == 0u)
      printf("kws: frames %lu windows %lu keywords %lu dropped %lu\n", (unsigned long)processed,
             (unsigned long)windows, (unsigned long)keywords, (unsigned long)frames_dropped);
  }
}
