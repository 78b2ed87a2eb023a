// The arithmetic of the FBANK accelerator, without SystemC: one run over the 512-word SRAM with
// the stages FBANK_CONTROL enables, applied in the order FFT or IFFT → magnitude → mel → log,
// each reading the layout the previous one leaves (README.md in this folder):
//
//   order   FFT and IFFT read their input in pair-reversed order (pairReversed): the CPU writes
//           it so through SRAM_ADDR_SEL, or DO_BITREVERSE reorders it first (the vendor's vectors)
//   FFT   in : words 0..511 = signed samples (int32); with DO_WINDOW the first L (FRAME_LEN)
//              samples times the Q15 Povey window, doubled, the rest zeroed
//         out: words 2k / 2k+1 = Re / Im X[k] ≈ DFT/512, k = 0..255 (word 1 = 0), in the engine's
//              integer arithmetic (FixedPointFft.h); with DO_WINDOW about 128·X of the windowed
//              frame, i.e. X/512 in the high half SQRT reads
//   IFFT  in : that layout, word 1 = X[256]
//         out: words 0..511 = x[n], the unscaled inverse in the engine's arithmetic (FixedPointFft.h)
//   SQRT  in : pairs (re, im) in the high 16 bits of words 2k, 2k+1 (bin 0: im only)
//         out: word 2k = (round(sqrt(re² + im²)) − 1) >> 1, at least 0, 2k+1 = 0 (vendor: exact)
//   MEL   in : signed low 16 bits of words 2k (k = 0..255)
//         out: word 2j = (Σ_k (w_j[k]·x[k] + 8192) >> 14) >> 2, 16 bits, 2j+1 = 0, j = 0..39
//              (w: the Kaldi bank in Q14, melWeights)                      (vendor vector: exact)
//   LOG   in : low 16 bits of words 2j (j = 0..39)
//         out: 40 bytes b_j = logByte(x) ≈ floor(8·ln x + 66.84) (logByte), four per word,
//              band 4i + b in bits 8b..8b+7 of word i (words 0..9)   (vendor vector: exact)
//
// Every stage, and the whole chain in one run, is bit-exact with the vendor's vectors
// (FixedPointFft.h for the transforms).
#pragma once
#include <array>
#include <cstdint>
#include <vector>

namespace wtm::periph {

class FbankEngine {
 public:
  static constexpr unsigned kWords = 512;
  static constexpr unsigned kFftSize = 512;
  static constexpr unsigned kBins = kFftSize / 2;
  static constexpr unsigned kMelBands = 40;
  static constexpr double kSampleRate = 16000;  // mel band edges assume 16 kHz audio
  using Sram = std::array<uint32_t, kWords>;

  struct Stages {
    bool fft = false, ifft = false, sqrt = false, mel = false, log = false;
    bool window = false;
    bool bitReverse = false;     // DO_BITREVERSE
    unsigned frameLength = 400;  // samples windowed (DO_WINDOW)
  };
  static unsigned frameLengthFor(unsigned frameLenField);  // FRAME_LEN → 400/320/480/512

  // Runs the enabled stages in place.
  static void run(const Stages& stages, Sram& sram);

  // The stages one by one (public for the tests).
  static void fft(Sram& sram, bool window, unsigned frameLength);
  static void ifft(Sram& sram);
  static void magnitude(Sram& sram);
  static void mel(Sram& sram);
  static void log(Sram& sram);
  static uint8_t logByte(uint16_t x);  // one band's log (see LOG above)

  // Q14 weights (1.0 = 16383) of the 40 triangular Kaldi mel bands over bins 0..255 (20 Hz ..
  // 8 kHz, mel = 1127 ln(1 + f/700), 42 equally spaced mel points).
  static const std::vector<std::array<uint16_t, kBins>>& melWeights();
  // DO_WINDOW's window: floor(32767 · (0.5 − 0.5 cos(2πn/(L−1)))^0.85), the Povey window in Q15.
  static std::vector<int64_t> poveyWindow(unsigned length);
  // The word order of the FFT core and of SRAM_ADDR_SEL: pair p = word / 2 bit-reversed (8 bits),
  // the word within the pair kept.
  static unsigned pairReversed(unsigned word);
  // Engine time for a run, in core (HCLK) cycles (assumed figures, README.md).
  static uint64_t cycles(const Stages& stages);
};

}  // namespace wtm::periph
