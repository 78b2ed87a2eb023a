/* The keyword net's front end: one row of 40 log-mel features from a 400-sample window, in the
 * form the dnn_yxt net was trained on (sw/apps/kws_demo/README.md): pre-emphasis 0.97, Povey
 * window, 512-point FFT (on the FBANK accelerator), magnitude, 40 Kaldi mel bands (20 Hz .. 8 kHz),
 * round(8 ln x) clamped to 0..127. */
#ifndef KWS_FEATURES_H
#define KWS_FEATURES_H

#include <stdint.h>

#define KWS_WINDOW_SAMPLES 400u /* 25 ms at 16 kHz */
#define KWS_FFT_SIZE 512u
#define KWS_BINS (KWS_FFT_SIZE / 2u)
#define KWS_BANDS 40u
#define KWS_FEATURE_MAX 127u

/* Builds the window, mel and log tables (once, before the first row). */
void kws_features_init(void);

/* FFT input for the FBANK SRAM: pre-emphasised, windowed samples scaled by 2^9, so that the
 * accelerator's FFT (which divides by 512) returns the plain DFT in sample units. */
void kws_fft_input(const int16_t *samples, int32_t *fft_in /* KWS_FFT_SIZE words */);

/* Features from the FFT output (words 2k / 2k+1 = Re / Im of bin k). */
void kws_features_from_spectrum(const int32_t *spectrum /* KWS_FFT_SIZE words */, uint8_t *row /* KWS_BANDS */);

/* round(8 ln x) for x >= 1, 0 for x = 0, at most KWS_FEATURE_MAX. */
uint8_t kws_log8(uint32_t x);

#endif
