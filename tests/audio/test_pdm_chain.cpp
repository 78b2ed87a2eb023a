// The microphone → PDM → decimation path against what a recording should sound like:
// noise-shaping design, filter responses, tone frequency/level/SINAD for the HAL and the speech
// demo configurations, a chirp's flat level, the bypass path's agreement with the PDM path,
// and the throughput (simulated audio seconds per host second).
//
// Bounds (docs/audio-path.md): tone frequency within 0.05 Hz, level within 0.1 dB of the
// recording × mic scale × gain; SINAD ≥ 70 dB for a −20 dBFS tone; chirp level flat within
// ±0.25 dB from 100 Hz to 6 kHz and its frequency tracked within 1 Hz; bypass and PDM paths agree to ≥ 50 dB (tone) / ≥
// 40 dB (chirp) after removing the decimators' known delay.
#include <gtest/gtest.h>

#include <limits>

#include <cmath>
#include <cstdio>
#include <memory>

#include "SignalAnalysis.h"
#include "audio/AudioPathAssumptions.h"
#include "audio/FirDesign.h"
#include "audio/PcmCapture.h"
#include "audio/PostFilters.h"
#include "audio/SigmaDeltaModulator.h"

using namespace audio_test;
using namespace wtm::audio;

namespace {

constexpr double kHalPdmRate = 1.024e6;   // 4.096 MHz audio clock ÷ 4 (vendor HAL default)
constexpr double kDemoPdmRate = 2.048e6;  // 4.096 MHz ÷ 2 (speech demo)
constexpr double kPcmRate = 16000;
constexpr double kSettleSeconds = 0.05;  // filter and high-pass start-up left out of measurements

DecimationConfig halConfig() {
  DecimationConfig c;
  c.sincCompensation = true;
  c.halfBand = false;
  c.highPass = true;
  c.gainCode = 10;
  return c;
}

DecimationConfig demoConfig() {
  DecimationConfig c = halConfig();
  c.halfBand = true;
  c.gainCode = 8;
  return c;
}

SignalPtr makeSignal(std::vector<float> samples, double rate) {
  auto s = std::make_shared<MonoSignal>();
  s->name = "synthetic";
  s->sampleRate = rate;
  s->samples = std::move(samples);
  return s;
}

std::vector<int16_t> capture(const SignalPtr& sig, CapturePath path, double pdmRate, const DecimationConfig& config,
                             double seconds) {
  PcmCapture cap(sig, EndOfAudio::Silence, pdmRate, config, path);
  std::vector<int16_t> out(static_cast<size_t>(seconds * cap.pcmRate()));
  cap.produce(out.data(), out.size());
  return out;
}

double expectedAmplitude(double wavAmplitude, unsigned gainCode) {
  return wavAmplitude * assumptions::kMicFullScale * OutputGain(gainCode).scale();
}

}  // namespace

TEST(SigmaDelta, NoiseTransferFunctionMeetsItsDesign) {
  const auto a = designNtfDenominator(assumptions::kModulatorOrder, assumptions::kModulatorPeakGain);
  ASSERT_EQ(a.size(), assumptions::kModulatorOrder + 1u);
  auto ntf = [&](double f) {
    const std::complex<double> zi = std::polar(1.0, -2 * kPi * f);
    std::complex<double> num = std::pow(1.0 - zi, static_cast<double>(assumptions::kModulatorOrder)), den = 0;
    for (size_t k = 0; k < a.size(); ++k) den += a[k] * std::pow(zi, static_cast<double>(k));
    return std::abs(num / den);
  };
  EXPECT_NEAR(ntf(0.5), assumptions::kModulatorPeakGain, 1e-6);
  for (double f = 0.001; f < 0.5; f += 0.001) EXPECT_LE(ntf(f), assumptions::kModulatorPeakGain + 1e-6) << f;
  // 4th order at 64× oversampling (1.024 MHz, 8 kHz band edge = 0.0078): the noise is pushed
  // down by more than 55 dB everywhere in the audio band (≈ −60.7 dB at its edge), and rises
  // by 24 dB per octave towards it
  for (double f = 100; f <= 8000; f *= 2) EXPECT_LT(20 * std::log10(ntf(f / kHalPdmRate)), -55) << f << " Hz";
  EXPECT_NEAR(20 * std::log10(ntf(4000 / kHalPdmRate) / ntf(2000 / kHalPdmRate)), 24.0, 0.5);
}

TEST(SigmaDelta, BitStreamAverageFollowsTheInput) {
  SigmaDeltaModulator m(assumptions::kModulatorOrder, assumptions::kModulatorPeakGain);
  std::vector<float> in(1 << 16, 0.3f);
  std::vector<int8_t> bits(in.size());
  m.modulate(in.data(), bits.data(), in.size());
  double mean = 0;
  for (auto b : bits) mean += b;
  EXPECT_NEAR(mean / bits.size(), 0.3, 1e-3);
  EXPECT_EQ(m.resets(), 0u);
}

// Defence behind the sound-file reader: a NaN reaching the modulator must not stick in its loop
// state (no comparison is true for NaN, so the overload reset never fired and the microphone
// stayed silent for the rest of the run), nor an Inf.
TEST(SigmaDelta, RecoversFromNonFiniteInput) {
  for (const float bad : {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity()}) {
    SigmaDeltaModulator m(assumptions::kModulatorOrder, assumptions::kModulatorPeakGain);
    std::vector<float> in(1 << 16, 0.3f);
    in[100] = bad;
    std::vector<int8_t> bits(in.size());
    m.modulate(in.data(), bits.data(), in.size());
    double mean = 0;
    for (size_t i = 1000; i < bits.size(); ++i) mean += bits[i];
    EXPECT_NEAR(mean / static_cast<double>(bits.size() - 1000), 0.3, 1e-3) << bad;
  }
}

// The bypass path converts to int16 here: NaN is silence (the conversion itself would be UB).
TEST(BypassPath, OutputGainMapsNaNToSilence) {
  const OutputGain g(8);
  EXPECT_EQ(g.apply(std::numeric_limits<double>::quiet_NaN()), 0);
  EXPECT_EQ(g.apply(std::numeric_limits<double>::infinity()), std::numeric_limits<int16_t>::max());
  EXPECT_EQ(g.apply(-std::numeric_limits<double>::infinity()), std::numeric_limits<int16_t>::min());
}

TEST(DecimationFilters, PassBandFlatAndAliasBandsRejected) {
  // HAL set-up: CIC ÷32 then the compensator ÷2 to 16 kHz. Combined response, frequencies as
  // fractions of the 16 kHz output rate (the compensator runs at 2× that).
  DecimationChain chain(halConfig());
  const auto& comp =
      designShapedLowPass(assumptions::kCompensatorTaps, assumptions::kPassBandEdge / 2, assumptions::kStopBandEdge / 2,
                          assumptions::kKaiserBeta, [](double f) { return 1.0 / cicMagnitude(5, 32, f); });
  auto response = [&](double fOut) { return cicMagnitude(5, 32, fOut / 2) * firMagnitude(comp, fOut / 2); };
  for (double f = 0.0; f <= assumptions::kPassBandEdge; f += 0.01)
    EXPECT_NEAR(20 * std::log10(response(f)), 0.0, 0.1) << "pass band at " << f * kPcmRate << " Hz";
  // what folds into the pass band on the ÷2 step: 1 − pass edge … 1
  for (double f = 1.0 - assumptions::kPassBandEdge; f <= 1.0; f += 0.01)
    EXPECT_LT(20 * std::log10(response(f)), -60) << "alias band at " << f * kPcmRate << " Hz";
  const auto hb = designHalfBand(assumptions::kHalfBandTaps, assumptions::kKaiserBeta);
  for (size_t k = 0; k < hb.size(); ++k) {
    if (k != hb.size() / 2 && (k - hb.size() / 2) % 2 == 0) {
      EXPECT_EQ(hb[k], 0.0) << k;
    }
  }
  EXPECT_NEAR(firMagnitude(hb, 0.2), 1.0, 0.01);
  EXPECT_LT(20 * std::log10(firMagnitude(hb, 0.3)), -70);
}

TEST(PdmPath, ToneFrequencyLevelAndSinadWithHalSettings) {
  const double amp = 0.1;  // −20 dBFS recording
  const auto sig = makeSignal(tone(1000, amp, 16000, 0.6), 16000);
  const auto pcm = capture(sig, CapturePath::Pdm, kHalPdmRate, halConfig(), 0.55);
  const auto fit = fitSine(toDouble(pcm, static_cast<size_t>(kSettleSeconds * kPcmRate)), kPcmRate);
  std::printf("HAL 1 kHz: f %.4f Hz, amplitude %.1f (expected %.1f), SINAD %.1f dB\n", fit.frequency, fit.amplitude,
              expectedAmplitude(amp, 10), fit.sinadDb);
  EXPECT_NEAR(fit.frequency, 1000, 0.05);
  EXPECT_NEAR(20 * std::log10(fit.amplitude / expectedAmplitude(amp, 10)), 0.0, 0.1);
  EXPECT_GT(fit.sinadDb, 70);
}

TEST(PdmPath, ToneWithSpeechDemoSettingsFrom44k1) {
  const double amp = 0.05;
  const auto sig = makeSignal(tone(3000, amp, 44100, 0.6), 44100);
  const auto pcm = capture(sig, CapturePath::Pdm, kDemoPdmRate, demoConfig(), 0.55);
  const auto fit = fitSine(toDouble(pcm, static_cast<size_t>(kSettleSeconds * kPcmRate)), kPcmRate);
  std::printf("demo 3 kHz: f %.4f Hz, amplitude %.1f (expected %.1f), SINAD %.1f dB\n", fit.frequency, fit.amplitude,
              expectedAmplitude(amp, 8), fit.sinadDb);
  EXPECT_NEAR(fit.frequency, 3000, 0.05);
  EXPECT_NEAR(20 * std::log10(fit.amplitude / expectedAmplitude(amp, 8)), 0.0, 0.1);
  EXPECT_GT(fit.sinadDb, 70);
}

TEST(PdmPath, ChirpFrequencyAndLevelFollowTheRecording) {
  const double amp = 0.1, seconds = 1.0, f0 = 100, f1 = 6000, length = seconds + 0.1;
  const auto sig = makeSignal(chirp(f0, f1, amp, 16000, length), 16000);
  const auto pcm = toDouble(capture(sig, CapturePath::Pdm, kHalPdmRate, halConfig(), seconds));
  const double delay = DecimationChain(halConfig()).decimatorDelaySeconds(kHalPdmRate);
  const double expectedRms = expectedAmplitude(amp, 10) / std::sqrt(2.0);
  // level: flat within ±0.25 dB over 50 ms windows from 100 Hz to 6 kHz
  const size_t window = static_cast<size_t>(0.05 * kPcmRate);
  for (size_t from = static_cast<size_t>(kSettleSeconds * kPcmRate); from + window <= pcm.size(); from += window)
    EXPECT_NEAR(20 * std::log10(rms(pcm, from, from + window) / expectedRms), 0.0, 0.25)
        << "at " << from / kPcmRate << " s";
  // frequency: a sine fitted to 10 ms windows has the chirp's frequency at the window's centre
  // (less the decimators' delay) within 1 Hz
  const size_t short_ = static_cast<size_t>(0.01 * kPcmRate);
  for (size_t from = static_cast<size_t>(kSettleSeconds * kPcmRate); from + short_ <= pcm.size(); from += 5 * short_) {
    const std::vector<double> part(pcm.begin() + static_cast<long>(from),
                                   pcm.begin() + static_cast<long>(from + short_));
    const double centre = (static_cast<double>(from) + (short_ - 1) / 2.0) / kPcmRate - delay;
    EXPECT_NEAR(fitSine(part, kPcmRate).frequency, f0 + (f1 - f0) / length * centre, 1.0) << "at " << centre << " s";
  }
}

namespace {
// PDM-path output vs bypass output delayed by the decimators' group delay.
double bypassAgreementDb(const std::vector<float>& samples, double rate, double pdmRate, const DecimationConfig& cfg) {
  const auto sig = makeSignal(samples, rate);
  const double seconds = static_cast<double>(samples.size()) / rate - 0.05;
  const auto pdm = toDouble(capture(sig, CapturePath::Pdm, pdmRate, cfg, seconds));
  const auto bypass = toDouble(capture(sig, CapturePath::Bypass, pdmRate, cfg, seconds));
  const double delay = DecimationChain(cfg).decimatorDelaySeconds(pdmRate) * kPcmRate;
  const auto aligned = delayed(bypass, delay);
  const auto from = static_cast<size_t>(kSettleSeconds * kPcmRate);
  return agreementDb(aligned, pdm, from, pdm.size() - from);
}
}  // namespace

TEST(BypassPath, AgreesWithThePdmPathOnATone) {
  const double db = bypassAgreementDb(tone(1000, 0.1, 16000, 0.5), 16000, kHalPdmRate, halConfig());
  std::printf("bypass vs PDM, 1 kHz tone: %.1f dB\n", db);
  EXPECT_GT(db, 50);
}

TEST(BypassPath, AgreesWithThePdmPathOnAChirp) {
  const double db = bypassAgreementDb(chirp(100, 6000, 0.1, 16000, 0.5), 16000, kDemoPdmRate, demoConfig());
  std::printf("bypass vs PDM, chirp: %.1f dB\n", db);
  EXPECT_GT(db, 40);
}
