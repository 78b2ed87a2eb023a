// Every number of the audio path that the vendor sources do not state, in one place so it can
// be corrected when better information turns up (docs/audio-path.md explains each choice).
// Facts taken from the sources (register fields, the ÷32 sinc5 stage, the ÷2 stages, the
// gain-to-bit-window law of even gain codes) are marked "source"; everything else "assumed".
#pragma once
#include <cstddef>

namespace wtm::audio::assumptions {

// ---- The microphone (a MEMS PDM mic as on the X3 board) ----
// WAV full scale (±1.0) drives the modulator to ±kMicFullScale of the PDM full scale (all
// ones / all zeros). A 4th-order 1-bit modulator is stable only well below full scale, and
// MEMS mics put their acoustic overload point at roughly half the bit-stream range. (assumed)
inline constexpr double kMicFullScale = 0.5;
// Noise-transfer-function order and its out-of-band peak gain (Lee's criterion ‖NTF‖∞ ≤ 1.5).
inline constexpr unsigned kModulatorOrder = 4;     // assumed; 4th/5th order is usual for MEMS mics
inline constexpr double kModulatorPeakGain = 1.5;  // assumed
// A state magnitude beyond this means the loop went unstable: the modulator resets its state,
// as real modulators do. Never reached for inputs within kMicFullScale.
inline constexpr double kModulatorResetLevel = 1e3;
// The WAV is brought to an intermediate "analog" rate with a band-limited (sinc) resampler, then
// up to the PDM clock by linear interpolation (a continuous signal between samples). The
// intermediate rate is the PDM clock divided by this factor (64 kHz at 1.024 MHz). (assumed)
inline constexpr unsigned kAnalogRateDivider = 16;

// ---- The decimation chain of the AUDIO block ----
inline constexpr unsigned kCicOrder = 5;             // source: "Sinc5"
inline constexpr unsigned kCicDecimation = 32;       // source: speech demo "Sinc5D32"
inline constexpr unsigned kHalfStageDecimation = 2;  // source: "iSincD2", "halfbandD2"
// Sinc-compensation stage ("SINC5D2", ÷2): linear-phase FIR, Kaiser-windowed frequency
// sampling of 1/|CIC| up to the pass-band edge. Edges relative to the stage's output rate.
inline constexpr size_t kCompensatorTaps = 127;  // assumed (fewer leave alias bands above −60 dB)
inline constexpr double kPassBandEdge = 0.40;    // × output rate (6.4 kHz at 16 kHz); assumed
// Stop-band edge of the designed response; the Kaiser window widens the transition by about
// ±0.03, so everything that would alias into the pass band (≥ 1 − kPassBandEdge) is rejected.
inline constexpr double kStopBandEdge = 0.55;  // × output rate; assumed
inline constexpr double kKaiserBeta = 8.0;     // ≈ 80 dB side lobes; assumed
inline constexpr size_t kHalfBandTaps = 51;    // 4k+3 taps, every other one zero; assumed
// High-pass (DC blocker) y = x − x₋₁ + (1 − 2^−k)·y₋₁: ≈ 20 Hz at 16 kHz for k = 7. (assumed)
inline constexpr unsigned kHighPassShift = 7;
// Pre-emphasis y = x − α·x₋₁ (bypassed by every vendor configuration). (assumed)
inline constexpr double kPreEmphasis = 31.0 / 32.0;
// Gain: the 16-bit output is a window of the full-range 28-bit internal value (PDM full scale =
// 2^27). Source (speech demo comments): gain 4 → bits 27..12, 6 → 26..11, 10 → 24..9,
// 12 → 23..8, i.e. the window's LSB is bit 14 − gain/2. Odd gains: a 3 dB step. (assumed)
inline constexpr int kInternalFullScaleBits = 27;
inline constexpr int kGainWindowBase = 14;

// ---- RAM/FIFO of the AUDIO block ----
inline constexpr unsigned kFifoWords = 8;  // soc.md §4.7: depth 8 words (inferred from HAL use)

// ---- VAD (assumed; the sources give only register names and default thresholds) ----
inline constexpr unsigned kVadFrameSamples = 160;  // 10 ms frames at 16 kHz

}  // namespace wtm::audio::assumptions
