/* The keyword net's front end (see kws_features.h). Tables are computed here at start-up from
 * their definitions, not copied from anywhere:
 *   Povey window  w[n] = (1/2 - 1/2 cos(2 pi n / 399))^0.85, unsigned Q16
 *   mel scale     m(f) = 1127 ln(1 + f / 700); 40 triangles with 42 equally spaced mel edges from
 *                 m(20 Hz) to m(8 kHz), each rising from edge b to b+1 and falling to b+2,
 *                 evaluated at the bin frequencies k * 16000 / 512 (k = 0..255), unsigned Q16
 *   log           round(8 ln x): the smallest x giving v is ceil(e^((v - 1/2) / 8)) */
#include "kws_features.h"

#include <math.h>

#define PRE_EMPHASIS_Q16 63570 /* 0.97 */
#define MEL_WEIGHT_POOL 640u

static uint16_t window_q16[KWS_WINDOW_SAMPLES];
static struct { uint16_t first_bin, bins, offset; } bands[KWS_BANDS];
static uint16_t mel_weights[MEL_WEIGHT_POOL];
static uint32_t log_threshold[KWS_FEATURE_MAX + 1]; /* [v] = smallest x with round(8 ln x) >= v */

/* Single precision is plenty for the tables (a weight may differ from the exact one by one LSB)
 * and keeps the start-up short on a core without double-precision hardware. */
static float mel_of(float hz) { return 1127.0f * logf(1.0f + hz / 700.0f); }

static uint16_t q16(float w) {
  const float v = floorf(w * 65536.0f);
  return v >= 65535.0f ? 65535u : v <= 0.0f ? 0u : (uint16_t)v;
}

void kws_features_init(void) {
  const float pi = 3.14159265f;
  for (unsigned n = 0; n < KWS_WINDOW_SAMPLES; ++n)
    window_q16[n] = q16(powf(0.5f - 0.5f * cosf(2.0f * pi * (float)n / (float)(KWS_WINDOW_SAMPLES - 1u)), 0.85f));

  static float bin_mel[KWS_BINS];
  for (unsigned k = 0; k < KWS_BINS; ++k) bin_mel[k] = mel_of((float)k * 16000.0f / (float)KWS_FFT_SIZE);
  const float low = mel_of(20.0f), step = (mel_of(8000.0f) - low) / (float)(KWS_BANDS + 1u);
  unsigned used = 0;
  for (unsigned b = 0; b < KWS_BANDS; ++b) {
    const float left = low + (float)b * step, centre = left + step, right = centre + step;
    bands[b].offset = (uint16_t)used;
    bands[b].bins = 0;
    for (unsigned k = 0; k < KWS_BINS; ++k) {
      const float m = bin_mel[k];
      if (m <= left || m >= right) continue;
      if (bands[b].bins == 0) bands[b].first_bin = (uint16_t)k;
      if (used < MEL_WEIGHT_POOL) mel_weights[used++] = q16(m <= centre ? (m - left) / step : (right - m) / step);
      ++bands[b].bins;
    }
  }

  /* Double here: the thresholds are exact integers up to 7.4e6. */
  log_threshold[0] = 0;
  for (unsigned v = 1; v <= KWS_FEATURE_MAX; ++v) log_threshold[v] = (uint32_t)ceil(exp((v - 0.5) / 8.0));
}

uint8_t kws_log8(uint32_t x) {
  unsigned lo = 0, hi = KWS_FEATURE_MAX; /* answer in [lo, hi] */
  while (lo < hi) {
    const unsigned mid = (lo + hi + 1u) / 2u;
    if (x >= log_threshold[mid]) lo = mid;
    else hi = mid - 1u;
  }
  return (uint8_t)lo;
}

void kws_fft_input(const int16_t *samples, int32_t *fft_in) {
  int32_t previous = samples[0];
  for (unsigned n = 0; n < KWS_WINDOW_SAMPLES; ++n) {
    const int32_t x = samples[n];
    /* y[0] = x[0]; y[n] = x[n] - 0.97 x[n-1], the Q16 product rounded: a floored one would add
     * a DC offset of half an LSB that leaks into the lowest mel band of quiet input. */
    const int32_t y = n == 0 ? x : x - ((previous * PRE_EMPHASIS_Q16 + 0x8000) >> 16);
    previous = x;
    fft_in[n] = (int32_t)(((int64_t)y * window_q16[n]) >> 7); /* y * w * 2^9 */
  }
  for (unsigned n = KWS_WINDOW_SAMPLES; n < KWS_FFT_SIZE; ++n) fft_in[n] = 0;
}

void kws_features_from_spectrum(const int32_t *spectrum, uint8_t *row) {
  static uint32_t magnitude[KWS_BINS];
  for (unsigned k = 0; k < KWS_BINS; ++k) {
    const float re = (float)spectrum[2u * k], im = (float)spectrum[2u * k + 1u];
    magnitude[k] = (uint32_t)sqrtf(re * re + im * im);
  }
  for (unsigned b = 0; b < KWS_BANDS; ++b) {
    uint64_t acc = 0;
    const uint16_t *w = mel_weights + bands[b].offset;
    for (unsigned i = 0; i < bands[b].bins && bands[b].offset + i < MEL_WEIGHT_POOL; ++i)
      acc += (uint64_t)magnitude[bands[b].first_bin + i] * w[i];
    const uint64_t x = acc >> 16;
    row[b] = kws_log8(x > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)x);
  }
}
