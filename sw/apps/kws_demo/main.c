/* Keyword spotting on the X3 board, end to end on the chip's own blocks (README.md here):
 *   DMIC1 -> AUDIO channel 0 (RAM mode, 16 kHz, 10 ms blocks of 80 words, unity gain)
 *   -> DMA channel 0 (P2M on AUDIO's handshake 11, a ring of linked-list blocks, block IRQ 35)
 *   -> every 50 ms a 25 ms window -> pre-emphasis + Povey window (CPU) -> FBANK 512-point FFT
 *      (IRQ 39) -> magnitude, 40 Kaldi mel bands, round(8 ln) (CPU) -> one feature row
 *   -> the 20 newest rows (800 bytes) -> NPU, the dnn_yxt blob 800-256-256-256-256-2 (IRQ 36)
 *   -> p = softmax(outputs)[1]; "kws: keyword" on UART0 when p rises above 0.9 (1 s hold-off).
 * Built twice: kws_demo.elf, and kws_demo_verbose.elf (KWS_VERBOSE=1) which also dumps every
 * window's samples and features and every NPU input and output on UART1 (1.536 Mbaud):
 *   F <row> <400 samples, 4 hex digits each> <40 features, 2 hex digits each>
 *   W <window> <row> <800 inputs, 2 hex digits each> <out0> <out1>
 *   wtm2101-board --elf kws_demo.elf --npu-weights traces/dnn_yxt --mic0 speech.wav */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bsp.h"
#include "kws_features.h"
#include "npu_blob.h"
#include "npu_driver.h"

#ifndef KWS_VERBOSE
#define KWS_VERBOSE 0
#endif

#define AUD(off) REG32(AUDIO_BASE + (off))
#define FB(off) REG32(FBANK_BASE + (off))
#define DMA_REG(off) REG32(DMA_BASE + (off))
#define DMA_CH_REG(ch, off) REG32(DMA_BASE + (ch) * (DMA_SAR1 - DMA_SAR) + (off))

#define BLOCK_SAMPLES 160u               /* 10 ms at 16 kHz */
#define BLOCK_WORDS (BLOCK_SAMPLES / 2u) /* two samples per AUDIO word, older one low */
#define RING_BLOCKS 16u                  /* 160 ms of slack for the main loop */
#define BLOCKS_PER_ROW 5u                /* a feature row every 50 ms */
#define CONTEXT_ROWS 20u                 /* NPU input: 20 rows x 40 bands = 1 s of context */
#define NET_INPUTS (CONTEXT_ROWS * KWS_BANDS)
#define AUDIO_GAIN 6u           /* 16-bit PCM = the microphone's signal 1:1 (README.md) */
#define AUDIO_DMA_HANDSHAKE 11u /* AUDIO channel 0 (reference/soc.md §4.6) */
#define DMA_CHANNEL 0u
#define DMA_BURST_CODE 2u /* 8 items */
#define KEYWORD_THRESHOLD 0.9f
#define HOLD_OFF_ROWS 20u     /* 1 s between two keyword lines */
#define SUMMARY_ROWS 20u      /* a summary line every second of audio */
#define VERBOSE_BAUD 1536000u /* HCLK / 16: the fastest the UART divisor allows */

extern char register_data[]; /* traces/dnn_yxt/register.c, de-obfuscated in place */
extern const unsigned register_data_size;

typedef struct { /* DW_ahb_dmac linked-list item */
  uint32_t sar, dar, llp, ctl, ctl_hi, sstat, dstat;
} dma_lli;

static uint32_t ring[RING_BLOCKS][BLOCK_WORDS]; /* DMA destination */
static dma_lli lli[RING_BLOCKS];
static volatile uint32_t blocks_captured;
static volatile int fbank_done;
static int16_t window[KWS_WINDOW_SAMPLES];
static int32_t fft_buffer[KWS_FFT_SIZE];
static uint8_t context[NET_INPUTS]; /* oldest row first, as the net was trained */
static npu_model model;

void irq35_handler(void) { /* DMA: one more 10 ms block in the ring */
  const uint32_t done = DMA_REG(DMA_STATUS_BLOCK) & (1u << DMA_CHANNEL);
  if (done) {
    DMA_REG(DMA_CLEAR_BLOCK) = 1u << DMA_CHANNEL;
    lli[blocks_captured % RING_BLOCKS].ctl_hi = BLOCK_WORDS; /* drop the written-back DONE bit */
    ++blocks_captured;
  }
}

void irq39_handler(void) { /* FBANK: the spectrum is in its SRAM */
  FB(FBANK_INT_SOURCE) = 0;
  fbank_done = 1;
}

/* ---------------------------------------------------------------- set-up */

static void clocks_start(void) {
  REG32(RCC_BASE + RCC_CLK_EN) |= RCC_CLK_EN_DMA_CLKEN_Msk | RCC_CLK_EN_AUD_CLKEN_Msk | RCC_CLK_EN_AUD_PCLKEN_Msk |
                                  RCC_CLK_EN_FFT_CLKEN_Msk | RCC_CLK_EN_UART1_CLKEN_Msk;
  /* Audio master clock 24.576 MHz / 6 = 4.096 MHz. */
  REG32(PMU_BASE + PMU_CTL) |= PMU_CTL_AUD_CLKEN_Msk;
  REG32(PMU_BASE + PMU_CLK_CTL) =
      (REG32(PMU_BASE + PMU_CLK_CTL) & ~PMU_CLK_CTL_AUD_DIV_NUM_Msk) | (5u << PMU_CLK_CTL_AUD_DIV_NUM_Pos);
}

/* DMA channel 0 copies AUDIO RAM0DATA into the ring, one block per 10 ms frame, for ever: the
 * linked list is a circle, so the CPU never re-arms the channel. */
static void dma_start(void) {
  const uint32_t ctl = DMA_CTL_INT_EN_Msk | (2u << DMA_CTL_DST_TR_WIDTH_Pos) | (2u << DMA_CTL_SRC_TR_WIDTH_Pos) |
                       (0u << DMA_CTL_DINC_Pos) | (2u << DMA_CTL_SINC_Pos) |
                       (DMA_BURST_CODE << DMA_CTL_DEST_MSIZE_Pos) | (DMA_BURST_CODE << DMA_CTL_SRC_MSIZE_Pos) |
                       (2u << DMA_CTL_TT_FC_Pos) | DMA_CTL_LLP_DST_EN_Msk | DMA_CTL_LLP_SRC_EN_Msk;
  for (unsigned b = 0; b < RING_BLOCKS; ++b) {
    lli[b].sar = AUDIO_BASE + AUDIO_RAM0DATA;
    lli[b].dar = npu_sys_addr(ring[b]);
    lli[b].llp = npu_sys_addr(&lli[(b + 1u) % RING_BLOCKS]);
    lli[b].ctl = ctl;
    lli[b].ctl_hi = BLOCK_WORDS;
  }
  DMA_REG(DMA_DMA_CFG) = 1;
  DMA_REG(DMA_CLEAR_BLOCK) = 1u << DMA_CHANNEL;
  DMA_REG(DMA_CLEAR_TFR) = 1u << DMA_CHANNEL;
  DMA_REG(DMA_MASK_BLOCK) = (1u << DMA_CHANNEL) | (1u << (DMA_CHANNEL + DMA_MASK_TFR_INT_MASK_WE_Pos));
  DMA_CH_REG(DMA_CHANNEL, DMA_CTL) = ctl;
  DMA_CH_REG(DMA_CHANNEL, DMA_CFG) = 0; /* hardware handshakes, active high */
  DMA_CH_REG(DMA_CHANNEL, DMA_CFG_HI) = AUDIO_DMA_HANDSHAKE << DMA_CFG_HI_SRC_PER_Pos;
  DMA_CH_REG(DMA_CHANNEL, DMA_LLP) = npu_sys_addr(&lli[0]);
  eclic_configure(IRQ_DMA, 1, 0, ECLIC_TRIGGER_RISING);
  eclic_enable(IRQ_DMA);
  DMA_REG(DMA_CH_EN) = 0x101u << DMA_CHANNEL;
}

/* AUDIO channel 0: PDM0 rising edge at 1.024 MHz, sinc5 /32 + compensation /2 -> 16 kHz, high-pass
 * on (as the vendor HAL's DMIC set-up), RAM mode with a 10 ms frame every 10 ms, DMA request. */
static void audio_start(void) {
  uint32_t t = AUD(AUDIO_TRCTRL);
  t &= ~(AUDIO_TRCTRL_CH0_TR_EN_Msk | AUDIO_TRCTRL_CH_CLK_DIV_Msk | AUDIO_TRCTRL_CH0_TR_MOD_SEL_Msk |
         AUDIO_TRCTRL_CH0_PDM_SEL_Msk | AUDIO_TRCTRL_CH0_PDM_EDGE_SEL_Msk | AUDIO_TRCTRL_CH0_PDM_CH_CHANGE_Msk |
         AUDIO_TRCTRL_SINC5D2_BYPASS_Msk | AUDIO_TRCTRL_HIGHPASS_BYPASS_Msk);
  t |= (3u << AUDIO_TRCTRL_CH_CLK_DIV_Pos) | (2u << AUDIO_TRCTRL_CH0_TR_MOD_SEL_Pos) |
       AUDIO_TRCTRL_HALFBAND_BYPASS_Msk | AUDIO_TRCTRL_PRE_EMPHASIS_BYPASS_Msk | AUDIO_TRCTRL_BIQUAD_BYPASS_Msk;
  AUD(AUDIO_TRCTRL) = t;
  AUD(AUDIO_RAM0CFG0) = ((BLOCK_WORDS - 1u) << AUDIO_RAM0CFG0_FRAME_MOVE_Pos) | (2u * BLOCK_WORDS - 1u);
  AUD(AUDIO_RAM0CFG1) = BLOCK_WORDS - 1u;
  /* The gain is latched only while the channel is enabled; no sample is taken meanwhile. */
  AUD(AUDIO_TRCTRL) |= AUDIO_TRCTRL_CH0_TR_EN_Msk;
  AUD(AUDIO_PCMGAIN) = (AUD(AUDIO_PCMGAIN) & ~AUDIO_PCMGAIN_CH0_GAIN_Msk) | (AUDIO_GAIN << AUDIO_PCMGAIN_CH0_GAIN_Pos);
  AUD(AUDIO_TRCTRL) &= ~AUDIO_TRCTRL_CH0_TR_EN_Msk;
  AUD(AUDIO_RAMCLR) |= AUDIO_RAMCLR_RAM0_CLR_Msk | AUDIO_RAMCLR_RAM0_FRAME_VLD_CLR_Msk;
  AUD(AUDIO_DMA_CFG) |= AUDIO_DMA_CFG_CH0_DMA_REQ_EN_Msk;
  AUD(AUDIO_TRINTMSK) |= AUDIO_TRINT_RAM0_FRAME_VLD_Msk; /* the DMA, not the CPU, takes the frames */
  AUD(AUDIO_TRCTRL) |= AUDIO_TRCTRL_CH0_TR_EN_Msk;
}

/* ---------------------------------------------------------------- verbose dump (UART1) */

#if KWS_VERBOSE
static void dump_char(char c) {
  while (!(REG32(UART1_BASE + UART_USR) & UART_USR_TFNF_Msk)) {
  }
  REG32(UART1_BASE + UART_THR) = (uint8_t)c;
}
static void dump_hex(uint32_t v, unsigned digits) {
  static const char hex[] = "0123456789abcdef";
  while (digits--) dump_char(hex[(v >> (4u * digits)) & 15u]);
}
static void dump_text(const char *s) {
  while (*s) dump_char(*s++);
}
static void dump_uint(uint32_t v) {
  char buf[11];
  unsigned n = 0;
  do buf[n++] = (char)('0' + v % 10u);
  while ((v /= 10u) != 0);
  while (n) dump_char(buf[--n]);
}
static void dump_int(int32_t v) {
  if (v < 0) dump_char('-');
  dump_uint(v < 0 ? (uint32_t)-v : (uint32_t)v);
}
static void dump_row(uint32_t row, const int16_t *samples, const uint8_t *features) {
  dump_text("F ");
  dump_uint(row);
  dump_char(' ');
  for (unsigned i = 0; i < KWS_WINDOW_SAMPLES; ++i) dump_hex((uint16_t)samples[i], 4);
  dump_char(' ');
  for (unsigned i = 0; i < KWS_BANDS; ++i) dump_hex(features[i], 2);
  dump_char('\n');
}
static void dump_window(uint32_t index, uint32_t row, const uint8_t *input, const int8_t *out) {
  dump_text("W ");
  dump_uint(index);
  dump_char(' ');
  dump_uint(row);
  dump_char(' ');
  for (unsigned i = 0; i < NET_INPUTS; ++i) dump_hex(input[i], 2);
  dump_char(' ');
  dump_int(out[0]);
  dump_char(' ');
  dump_int(out[1]);
  dump_char('\n');
}
#endif

/* ---------------------------------------------------------------- the pipeline */

/* One feature row of `window` into the newest row of the context. The FBANK is driven as the
 * vendor's FFT driver does at register level: the real-FFT stages enabled throughout, the SRAM in
 * input address order (SRAM_ADDR_SEL) while it is filled and the engine runs, in natural order
 * for reading the result; DATA_RAM_SEL gives the SRAM to the CPU around the run. No hardware
 * window, magnitude, mel or log (README.md). */
static void feature_row(uint8_t *row) {
  volatile uint32_t *sram = (volatile uint32_t *)(uintptr_t)(FBANK_BASE + FBANK_SRAM);
  const uint32_t fft =
      FBANK_FBANK_CONTROL_FFT_ENABLE_Msk | FBANK_FBANK_CONTROL_DO_CFFT_HCLK_Msk | FBANK_FBANK_CONTROL_DO_RFFT_HCLK_Msk;
  kws_fft_input(window, fft_buffer);
  FB(FBANK_FBANK_CONTROL) = fft | FBANK_FBANK_CONTROL_SRAM_ADDR_SEL_Msk | FBANK_FBANK_CONTROL_FBANK_DATA_RAM_SEL_Msk;
  for (unsigned i = 0; i < KWS_FFT_SIZE; ++i) sram[i] = (uint32_t)fft_buffer[i];
  fbank_done = 0;
  FB(FBANK_INT_MASK) = FBANK_INT_MASK_FBANK_DONE_Msk;
  FB(FBANK_FBANK_CONTROL) = fft | FBANK_FBANK_CONTROL_SRAM_ADDR_SEL_Msk;
  FB(FBANK_FBANK_EN) = FBANK_FBANK_EN_FBANK_EN_Msk;
  while (!fbank_done) __asm__ volatile("wfi");
  FB(FBANK_FBANK_CONTROL) = fft | FBANK_FBANK_CONTROL_FBANK_DATA_RAM_SEL_Msk;
  for (unsigned i = 0; i < KWS_FFT_SIZE; ++i) fft_buffer[i] = (int32_t)sram[i];
  kws_features_from_spectrum(fft_buffer, row);
}

/* busy_cycles: core cycles spent on the rows of the last second (front end, NPU, decision). */
static void summary(uint32_t rows, uint32_t windows, uint32_t keywords, uint32_t blocks, uint32_t dropped,
                    uint64_t busy_cycles) {
  const uint32_t per_mille =
      (uint32_t)(busy_cycles * 1000u / ((uint64_t)BSP_HCLK_HZ * SUMMARY_ROWS * BLOCKS_PER_ROW / 100u));
  printf("kws: frames %lu windows %lu keywords %lu (audio blocks %lu, dropped %lu, cpu %lu.%lu%%)\n",
         (unsigned long)rows, (unsigned long)windows, (unsigned long)keywords, (unsigned long)blocks,
         (unsigned long)dropped, (unsigned long)(per_mille / 10u), (unsigned long)(per_mille % 10u));
}

int main(void) {
  clocks_start();
#if KWS_VERBOSE
  bsp_uart_init(UART1_BASE, BSP_HCLK_HZ, VERBOSE_BAUD);
#endif
  if (npu_init() != 0) {
    printf("kws: FAIL: the NPU does not answer with id 0x00A8\n");
    return 1;
  }
  const int rc = npu_model_load((uint8_t *)register_data, register_data_size, &model);
  if (rc != NPU_BLOB_OK || model.in_len != NET_INPUTS || model.out_len != 2u) {
    printf("kws: FAIL: register blob: %s\n", rc != NPU_BLOB_OK ? npu_blob_error_text(rc) : "not an 800 -> 2 net");
    return 1;
  }
  npu_model_install(&model);
  kws_features_init();
  eclic_configure(IRQ_NPU, 1, 0, ECLIC_TRIGGER_RISING);
  eclic_enable(IRQ_NPU);
  eclic_configure(IRQ_FBANK, 1, 0, ECLIC_TRIGGER_RISING);
  eclic_enable(IRQ_FBANK);
  bsp_irq_enable();
  printf(
      "kws: start: DMIC1 16 kHz, a %u-band log-mel row of a 25 ms window every %u ms, %u-row context, "
      "net %s 800-256-256-256-256-2, keyword above p = 0.9%s\n",
      KWS_BANDS, BLOCKS_PER_ROW * 10u, CONTEXT_ROWS, model.version, KWS_VERBOSE ? ", dump on UART1" : "");
  dma_start();
  audio_start();

  uint32_t processed = 0, dropped = 0, rows = 0, windows = 0, keywords = 0, last_keyword_row = 0;
  int above = 0; /* the previous window was above the threshold */
  uint64_t busy = 0;
  for (;;) {
    while (processed == blocks_captured) __asm__ volatile("wfi");
    if (blocks_captured - processed >= RING_BLOCKS) { /* the DMA overwrote blocks not yet used */
      const uint32_t newest = blocks_captured;
      dropped += newest - processed - (RING_BLOCKS - 1u);
      processed = newest - (RING_BLOCKS - 1u);
    }
    /* Of every five blocks, the first two and half of the third are one 400-sample window, as in
     * the vendor's speech demo (one row per 50 ms). */
    const uint32_t *words = ring[processed % RING_BLOCKS];
    const unsigned phase = processed % BLOCKS_PER_ROW;
    const unsigned take = phase < 2u ? BLOCK_WORDS : phase == 2u ? BLOCK_WORDS / 2u : 0u;
    int16_t *dst = window + phase * BLOCK_SAMPLES;
    for (unsigned w = 0; w < take; ++w) {
      dst[2u * w] = (int16_t)(words[w] & 0xFFFFu);
      dst[2u * w + 1u] = (int16_t)(words[w] >> 16);
    }
    ++processed;
    if (phase != 2u) continue;

    const uint64_t row_start = bsp_cycles();
    memmove(context, context + KWS_BANDS, NET_INPUTS - KWS_BANDS);
    feature_row(context + NET_INPUTS - KWS_BANDS);
    ++rows;
#if KWS_VERBOSE
    dump_row(rows, window, context + NET_INPUTS - KWS_BANDS);
#endif
    if (rows >= CONTEXT_ROWS) { /* a full second of context */
      int8_t out[2] = {0, 0};
      if (npu_model_infer(&model, context, (uint8_t *)out, 1) != 0)
        printf("kws: NPU time-out at frame %lu\n", (unsigned long)rows);
      ++windows;
#if KWS_VERBOSE
      dump_window(windows, rows, context, out);
#endif
      const float p = 1.0f / (1.0f + expf((float)out[0] - (float)out[1])); /* e^o1 / (e^o0 + e^o1) */
      const int now_above = p > KEYWORD_THRESHOLD;
      if (now_above && !above && (keywords == 0 || rows - last_keyword_row >= HOLD_OFF_ROWS)) {
        ++keywords;
        last_keyword_row = rows;
        const unsigned permille = (unsigned)(p * 1000.0f + 0.5f);
        /* the window's end in audio time: row r starts at (r - 1) * 50 ms and lasts 25 ms */
        printf("kws: keyword %u.%03u at %lu ms\n", permille / 1000u, permille % 1000u,
               (unsigned long)((rows - 1u) * BLOCKS_PER_ROW * 10u + 25u));
      }
      above = now_above;
    }
    busy += bsp_cycles() - row_start; /* (the UART1 dump included in the verbose build) */
    if (rows % SUMMARY_ROWS == 0) {
      summary(rows, windows, keywords, processed, dropped, busy);
      busy = 0;
    }
  }
}
