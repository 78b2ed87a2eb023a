// sw/apps/kws_demo on the board with synthesized recordings on --mic0:
//  - one feature row per 50 ms of audio, the run ending with the recording (--audio-end stop);
//  - the NPU step bit-exact: every window the firmware dumped (kws_demo_verbose, UART1) is run
//    through the numeric NPU core (ideal, chained as wtm-regress does) and must give the outputs
//    the board produced; the window must be the 20 newest rows; the keyword lines must follow
//    from the outputs (p > 0.9, rising edge, 1 s hold-off);
//  - the feature step: every dumped row against a double-precision reference of the same front
//    end (pre-emphasis, Povey window, 512-point DFT, magnitude, Kaldi mel, 8 ln) computed from
//    the samples the AUDIO model delivered; a tone twice as loud raises its band by 8 ln 2;
//  - silence gives no keyword line;
//  - end to end: sound resynthesized from the net's recorded inputs gets the recorded answer, and
//    (when the vendor repository is on the machine) the speech demo's test recording is a keyword.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "BoardRunner.h"
#include "SignalAnalysis.h"
#include "audio/DecimationChain.h"
#include "npu/ArrayGeometry.h"
#include "npu/NpuCore.h"
#include "npu/mapper/MapperOutput.h"

namespace {

const std::string kTraces = std::string(WTM_SOURCE_DIR) + "/traces/dnn_yxt";
constexpr double kRate = 16000;
constexpr unsigned kWindow = 400, kBands = 40, kContext = 20;
constexpr double kRowPeriod = 0.05;  // s

std::string tempPath(const std::string& name) {
  return std::string(::testing::TempDir()) + "kws_" + std::to_string(getpid()) + "_" + name;
}

struct Row {  // F line: one 25 ms window and its features
  int index = 0;
  std::vector<int16_t> pcm;
  std::vector<int> features;
};
struct Window {  // W line: one NPU inference
  int index = 0, row = 0;
  std::vector<uint8_t> input;
  int out0 = 0, out1 = 0;
};
struct KwsRun {
  BoardRun board;
  std::vector<Row> rows;
  std::vector<Window> windows;
  std::vector<int> keywordMs;  // "kws: keyword P at T ms" lines
};

unsigned hexAt(const std::string& s, std::size_t pos, unsigned digits) {
  return static_cast<unsigned>(std::stoul(s.substr(pos, digits), nullptr, 16));
}

// Parses the UART1 dump; a malformed line fails the test. The run ends with the recording, so
// the last line may be cut short: it is ignored.
void parseDump(std::string text, KwsRun& k) {
  text.erase(text.find_last_of('\n') == std::string::npos ? 0 : text.find_last_of('\n') + 1);
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::istringstream f(line);
    std::string tag, a, b, c;
    f >> tag;
    if (tag == "F") {
      Row r;
      f >> r.index >> a >> b;
      ASSERT_EQ(a.size(), 4u * kWindow) << line.substr(0, 80);
      ASSERT_EQ(b.size(), 2u * kBands) << line.substr(0, 80);
      for (unsigned i = 0; i < kWindow; ++i) r.pcm.push_back(static_cast<int16_t>(hexAt(a, 4 * i, 4)));
      for (unsigned i = 0; i < kBands; ++i) r.features.push_back(static_cast<int>(hexAt(b, 2 * i, 2)));
      k.rows.push_back(std::move(r));
    } else if (tag == "W") {
      Window w;
      f >> w.index >> w.row >> a >> w.out0 >> w.out1;
      ASSERT_EQ(a.size(), 2u * kBands * kContext) << line.substr(0, 80);
      for (unsigned i = 0; i < kBands * kContext; ++i) w.input.push_back(static_cast<uint8_t>(hexAt(a, 2 * i, 2)));
      k.windows.push_back(std::move(w));
    } else if (!line.empty()) {
      FAIL() << "unexpected UART1 line: " << line.substr(0, 80);
    }
  }
}

KwsRun runKws(const std::string& name, const std::vector<float>& samples, bool verbose, const std::string& extra = "") {
  KwsRun k;
  const std::string wav = tempPath(name + ".wav"), dump = tempPath(name + ".uart1");
  audio_test::writeSoundFile(wav, samples, static_cast<int>(kRate), 1);
  const std::string elf = verbose ? "apps/kws_demo/kws_demo_verbose.elf" : "apps/kws_demo/kws_demo.elf";
  k.board = runBoard("--elf " + firmwarePath(elf) + " --npu-weights " + kTraces + " --mic0 " + wav + " --uart1 " +
                     dump + " --audio-end stop --max-time 30s " + extra);
  parseDump(readWhole(dump), k);
  static const std::regex keyword(R"(kws: keyword [01]\.[0-9]{3} at ([0-9]+) ms)");
  for (std::sregex_iterator it(k.board.out.begin(), k.board.out.end(), keyword), end; it != end; ++it)
    k.keywordMs.push_back(std::stoi((*it)[1]));
  std::remove(wav.c_str());
  std::remove(dump.c_str());
  return k;
}

// Tone plus white noise (seeded), amplitudes relative to full scale.
std::vector<float> toneAndNoise(double seconds, double freq, double toneAmp, double noiseAmp, unsigned seed = 1) {
  std::vector<float> s = audio_test::tone(freq, toneAmp, kRate, seconds);
  std::mt19937 rng(seed);
  std::normal_distribution<double> n(0.0, noiseAmp);
  for (float& v : s) v = static_cast<float>(v + n(rng));
  return s;
}

// ---- the host reference of the front end, double precision throughout

double melOf(double hz) { return 1127.0 * std::log(1.0 + hz / 700.0); }

// Kaldi-style triangles: 40 bands, 20 Hz .. 8 kHz, over the bins k * 16000 / 512, k < 256.
const std::vector<std::vector<double>>& melBank() {
  static const auto bank = [] {
    std::vector<std::vector<double>> w(kBands, std::vector<double>(256, 0.0));
    const double low = melOf(20), step = (melOf(8000) - low) / (kBands + 1);
    for (unsigned b = 0; b < kBands; ++b) {
      const double left = low + b * step, centre = left + step, right = centre + step;
      for (unsigned k = 0; k < 256; ++k) {
        const double m = melOf(k * kRate / 512);
        if (m > left && m < right) w[b][k] = m <= centre ? (m - left) / step : (right - m) / step;
      }
    }
    return w;
  }();
  return bank;
}

struct Reference {
  std::vector<double> energy;  // mel-weighted magnitude sum per band
  std::vector<int> features;   // clamp(round(8 ln energy), 0, 127)
};

template <typename Sample>
Reference referenceFeatures(const std::vector<Sample>& x) {
  std::vector<double> v(kWindow);
  for (unsigned n = 0; n < kWindow; ++n) {
    const double y = n == 0 ? double(x[0]) : double(x[n]) - 0.97 * double(x[n - 1]);
    const double w = std::pow(0.5 - 0.5 * std::cos(2 * audio_test::kPi * n / (kWindow - 1)), 0.85);
    v[n] = y * w;
  }
  static const auto twiddle = [] {
    std::vector<std::complex<double>> t(512);
    for (unsigned i = 0; i < 512; ++i) t[i] = std::polar(1.0, -2 * audio_test::kPi * i / 512);
    return t;
  }();
  std::vector<double> mag(256);
  for (unsigned k = 0; k < 256; ++k) {  // the 512-point DFT of the zero-padded window, directly
    std::complex<double> acc = 0;
    for (unsigned n = 0; n < kWindow; ++n) acc += v[n] * twiddle[(k * n) % 512];
    mag[k] = std::abs(acc);
  }
  Reference r;
  for (const auto& w : melBank()) {
    double e = 0;
    for (unsigned k = 0; k < 256; ++k) e += w[k] * mag[k];
    r.energy.push_back(e);
    r.features.push_back(e < 1 ? 0 : std::min(127, static_cast<int>(std::lround(8 * std::log(e)))));
  }
  return r;
}

// Audio whose front-end features are the given rows (40 each): the row r window sits at samples
// [800 r, 800 r + 400) of the recording. Each row is a steady multi-sine over bins 1..255
// (Schroeder phases, period 512) whose bin amplitudes are adjusted until the reference features
// of the window match the row; it fills [800 r - 200, 800 r + 600), so the window is inside its
// row's steady stretch even when the AUDIO decimators delay it by a few samples.
std::vector<float> synthesizeRows(const std::vector<std::vector<int>>& rows, double tailSeconds) {
  constexpr unsigned kPeriod = 512, kHop = 800, kLead = 200;
  // The board's window r starts at recording sample 800 r - delay: the AUDIO decimators' delay
  // with the demo's set-up (1.024 MHz PDM, sinc5 /32 + compensation /2).
  wtm::audio::DecimationConfig demo;
  demo.gainCode = 6;
  const long delay = std::lround(wtm::audio::DecimationChain(demo).decimatorDelaySeconds(1.024e6) * kRate);
  std::vector<double> cosTable(kPeriod);
  for (unsigned i = 0; i < kPeriod; ++i) cosTable[i] = std::cos(2 * audio_test::kPi * i / kPeriod);
  const auto& bank = melBank();
  std::vector<float> out(rows.size() * kHop + static_cast<std::size_t>(tailSeconds * kRate), 0.0f);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<double> amp(256, 30.0), phaseIndex(256);
    for (unsigned k = 1; k < 256; ++k) phaseIndex[k] = std::fmod(0.5 * k * k, kPeriod);  // Schroeder
    auto signal = [&](long n) {
      double v = 0;
      for (unsigned k = 1; k < 256; ++k) {
        const double pos = std::fmod(
            static_cast<double>(k) * static_cast<double>((n % kPeriod + kPeriod) % kPeriod) + phaseIndex[k], kPeriod);
        v += amp[k] * cosTable[static_cast<unsigned>(pos)];
      }
      return v;
    };
    // Multiplicative updates (as for a non-negative least-squares fit of the band energies):
    // each bin moves by the weighted mean ratio of wanted to obtained energy of its bands.
    for (int iteration = 0; iteration < 60; ++iteration) {
      std::vector<double> frame(kWindow);
      for (unsigned n = 0; n < kWindow; ++n) frame[n] = signal(static_cast<long>(n) - delay);
      const Reference got = referenceFeatures(frame);
      for (unsigned k = 1; k < 256; ++k) {
        double num = 0, den = 0;
        for (unsigned b = 0; b < kBands; ++b) {
          num += bank[b][k] * std::exp(rows[r][b] / 8.0) / std::max(got.energy[b], 1e-3);
          den += bank[b][k];
        }
        if (den > 0) amp[k] *= std::pow(num / den, 0.7);
      }
    }
    for (unsigned m = 0; m < kHop; ++m) {
      const long at = static_cast<long>(r * kHop + m) - kLead;
      if (at >= 0)
        out[static_cast<std::size_t>(at)] = static_cast<float>(signal(static_cast<long>(m) - kLead) / 32768.0);
    }
  }
  return out;
}

// The net's recorded inputs (traces/dnn_yxt layer_debug: 100 windows of 20 x 40 features) with
// the outputs the mapper recorded: the most certain keyword window, and the most certain other
// one among those quiet enough to be played at unity gain without clipping.
struct RecordedWindows {
  std::vector<std::vector<int>> inputs, outputs;
  std::size_t keyword = 0, other = 0;
  std::vector<std::vector<int>> rows(std::size_t which) const {
    std::vector<std::vector<int>> r;
    for (unsigned i = 0; i < kContext; ++i)
      r.emplace_back(inputs[which].begin() + i * kBands, inputs[which].begin() + (i + 1) * kBands);
    return r;
  }
};

RecordedWindows recordedWindows() {
  RecordedWindows w;
  w.inputs = readTraceRows(kTraces + "/layer_debug/net0/1_linear_1/round0/input0.txt");
  w.outputs = readTraceRows(kTraces + "/layer_debug/net0/5_linear_5/round4/output0.txt");
  EXPECT_EQ(w.inputs.size(), w.outputs.size());
  EXPECT_FALSE(w.inputs.empty());
  for (std::size_t i = 0; i < std::min(w.inputs.size(), w.outputs.size()); ++i) {
    EXPECT_EQ(w.outputs[i].size(), 2u);
    EXPECT_EQ(w.inputs[i].size(), kBands * kContext);
    const int d = w.outputs[i][1] - w.outputs[i][0];
    if (d > w.outputs[w.keyword][1] - w.outputs[w.keyword][0]) w.keyword = i;
    const int loudest = *std::max_element(w.inputs[i].begin(), w.inputs[i].end());
    if (loudest <= 100 && d < w.outputs[w.other][1] - w.outputs[w.other][0]) w.other = i;
  }
  return w;
}

// ---- the keyword decision as the README states it

std::vector<int> expectedKeywordMs(const std::vector<Window>& windows) {
  std::vector<int> ms;
  bool above = false;
  int lastRow = 0;
  for (const Window& w : windows) {
    const double p = 1.0 / (1.0 + std::exp(double(w.out0) - double(w.out1)));
    const bool now = p > 0.9;
    if (now && !above && (ms.empty() || w.row - lastRow >= 20)) {
      lastRow = w.row;
      ms.push_back((w.row - 1) * 50 + 25);
    }
    above = now;
  }
  return ms;
}

}  // namespace

TEST(KwsDemo, OneFeatureRowPer50msOfAudioAndTheRunEndsWithTheRecording) {
  for (const double seconds : {2.5, 4.2}) {
    SCOPED_TRACE(seconds);
    const KwsRun k = runKws("length", toneAndNoise(seconds, 700, 0.02, 0.005), true);
    EXPECT_EQ(k.board.exitCode, 0) << k.board.err;
    EXPECT_NE(k.board.err.find("played out"), std::string::npos) << k.board.err;
    EXPECT_NE(k.board.out.find("kws: start: DMIC1 16 kHz"), std::string::npos) << k.board.out;
    EXPECT_NEAR(static_cast<double>(k.rows.size()), seconds / kRowPeriod, 2.0);
    for (std::size_t i = 0; i < k.rows.size(); ++i) ASSERT_EQ(k.rows[i].index, static_cast<int>(i + 1));
    // An inference per row once 20 rows fill the context (the run may end between a row's dump
    // and its window's).
    ASSERT_GE(k.windows.size() + kContext - 1, k.rows.size() - 1);
    ASSERT_LE(k.windows.size() + kContext - 1, k.rows.size());
    for (std::size_t i = 0; i < k.windows.size(); ++i) {
      ASSERT_EQ(k.windows[i].index, static_cast<int>(i + 1));
      ASSERT_EQ(k.windows[i].row, static_cast<int>(i + kContext));
    }
    // The summary every second, nothing dropped.
    for (int second = 1; second * 20 <= static_cast<int>(k.rows.size()); ++second) {
      const std::regex summary("kws: frames " + std::to_string(second * 20) + " windows " +
                               std::to_string(second * 20 - 19) +
                               " keywords [0-9]+ \\(audio blocks [0-9]+, dropped 0, cpu [0-9]+\\.[0-9]%\\)");
      EXPECT_TRUE(std::regex_search(k.board.out, summary)) << "second " << second << "\n" << k.board.out;
    }
  }
  // The plain build keeps the same pace: 84 rows in 4.2 s, summaries up to row 80.
  const KwsRun plain = runKws("length_plain", toneAndNoise(4.2, 700, 0.02, 0.005), false);
  EXPECT_EQ(plain.board.exitCode, 0) << plain.board.err;
  EXPECT_NE(plain.board.out.find("kws: frames 80 windows 61 keywords 0 (audio blocks 398, dropped 0"),
            std::string::npos)
      << plain.board.out;
  EXPECT_EQ(plain.board.out.find("kws: frames 100"), std::string::npos) << plain.board.out;
}

TEST(KwsDemo, NpuStepIsBitExactWithTheNumericCoreAndKeywordLinesFollowTheOutputs) {
  // The most certain keyword window of the net's recordings turned into sound (see
  // AudioResynthesizedFromRecordedNetInputsGetsTheRecordedAnswer), then 0.5 s of noise bursts,
  // the keyword again and 0.3 s of quiet: windows of both answers and partial contexts.
  const RecordedWindows rec = recordedWindows();
  std::vector<float> s = synthesizeRows(rec.rows(rec.keyword), 0.5);
  std::mt19937 rng(11);
  std::normal_distribution<double> burst(0.0, 0.03);
  for (std::size_t i = kContext * 800; i < s.size(); ++i)
    if ((i / 1600) % 2 == 0) s[i] += static_cast<float>(burst(rng));
  const auto again = synthesizeRows(rec.rows(rec.keyword), 0.3);
  s.insert(s.end(), again.begin(), again.end());
  const KwsRun k = runKws("npu", s, true);
  EXPECT_EQ(k.board.exitCode, 0) << k.board.err;
  ASSERT_GE(k.windows.size(), 30u);

  // Each window is the 20 newest rows, oldest first.
  for (const Window& w : k.windows) {
    ASSERT_GE(w.row, static_cast<int>(kContext));
    ASSERT_LE(w.row, static_cast<int>(k.rows.size()));
    for (unsigned r = 0; r < kContext; ++r) {
      const Row& row = k.rows[static_cast<std::size_t>(w.row - static_cast<int>(kContext) + static_cast<int>(r))];
      for (unsigned b = 0; b < kBands; ++b)
        ASSERT_EQ(w.input[r * kBands + b], row.features[b]) << "window " << w.index << " row " << row.index;
    }
  }

  // The net on the host: every round of net 0 in order on a regfile image per window.
  const wtm::npu::MapperOutput mapper = wtm::npu::MapperOutput::load(kTraces);
  const auto rounds = mapper.arrayRounds();
  ASSERT_EQ(rounds.size(), 5u);
  wtm::npu::NpuCore core;
  core.array() = mapper.array;
  const std::size_t n = k.windows.size(), stride = static_cast<std::size_t>(wtm::npu::kRegfileBytes);
  std::vector<std::uint8_t> regfiles(n * stride, 0);
  const int inAddr = rounds.front()->config.inputAddr, outAddr = rounds.back()->config.outputAddr;
  for (std::size_t i = 0; i < n; ++i)
    std::copy(k.windows[i].input.begin(), k.windows[i].input.end(), regfiles.begin() + i * stride + inAddr);
  for (const auto* r : rounds) {
    ASSERT_TRUE(r->lutKnown) << r->label();
    core.executeRound(r->config, regfiles.data(), n, stride, &r->lut);
  }
  int keywordWindows = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const int o0 = static_cast<std::int8_t>(regfiles[i * stride + outAddr]);
    const int o1 = static_cast<std::int8_t>(regfiles[i * stride + outAddr + 1]);
    ASSERT_EQ(k.windows[i].out0, o0) << "window " << k.windows[i].index;
    ASSERT_EQ(k.windows[i].out1, o1) << "window " << k.windows[i].index;
    keywordWindows += o1 - o0 >= 3;  // p > 0.9
  }
  // The windows are not all alike: the check above covered both answers of the net.
  EXPECT_GT(keywordWindows, 0);
  EXPECT_LT(keywordWindows, static_cast<int>(n));

  // The keyword lines follow from the outputs; one per keyword: the first at its complete
  // context (row 20), the second when its rows fill enough of the context (by row 50).
  const auto expected = expectedKeywordMs(k.windows);
  EXPECT_EQ(k.keywordMs, expected) << k.board.out;
  ASSERT_EQ(expected.size(), 2u) << k.board.out;
  EXPECT_EQ(expected[0], 19 * 50 + 25);
  EXPECT_GT(expected[1], 39 * 50 + 25);
  EXPECT_LE(expected[1], 49 * 50 + 25);
}

TEST(KwsDemo, FeatureRowsMatchADoublePrecisionReferenceOfTheFrontEnd) {
  const KwsRun k = runKws("features", toneAndNoise(2.0, 1000, 0.03, 0.003, 5), true);
  EXPECT_EQ(k.board.exitCode, 0) << k.board.err;
  ASSERT_GE(k.rows.size(), 35u);
  std::size_t exact = 0, total = 0;
  int worst = 0;
  for (const Row& r : k.rows) {
    if (r.index <= 2) continue;  // the decimators and the high-pass settle
    // The window really is 25 ms of the tone: the DMA moved contiguous samples.
    const auto fit = audio_test::fitSine(audio_test::toDouble(r.pcm), kRate);
    EXPECT_NEAR(fit.frequency, 1000.0, 2.0) << "row " << r.index;
    EXPECT_GT(fit.sinadDb, 15.0) << "row " << r.index;  // tone 20 dB above the noise
    const Reference ref = referenceFeatures(r.pcm);
    for (unsigned b = 0; b < kBands; ++b) {
      const int d = std::abs(r.features[b] - ref.features[b]);
      // The board's arithmetic is integer: the pre-emphasised samples are rounded to 16 bits
      // (0.29 LSB rms of white noise, a few units of magnitude per bin after the window) and the
      // FFT output and magnitude are floored. Bands with little energy (the lowest, behind the
      // high-pass and the pre-emphasis) may therefore move by more than one step of 8 ln; the
      // bound allows 8 units of energy there.
      const int allowed =
          ref.energy[b] >= 64 ? 1 : 1 + static_cast<int>(std::ceil(8 * std::log(1 + 8 / std::max(ref.energy[b], 1.0))));
      worst = std::max(worst, d);
      exact += d == 0;
      ++total;
      EXPECT_LE(d, allowed) << "row " << r.index << " band " << b << " board " << r.features[b] << " reference "
                            << ref.features[b] << " (energy " << ref.energy[b] << ")";
    }
  }
  EXPECT_GE(static_cast<double>(exact) / static_cast<double>(total), 0.9) << exact << " of " << total << " exact";
  std::printf("features: %zu of %zu equal to the double reference, worst difference %d\n", exact, total, worst);
}

TEST(KwsDemo, ATwiceLouderToneRaisesItsMelBandBy8Ln2) {
  // The band whose triangle peaks nearest 1 kHz (bin 32).
  const auto& bank = melBank();
  unsigned band = 0;
  for (unsigned b = 1; b < kBands; ++b)
    if (bank[b][32] > bank[band][32]) band = b;
  auto meanFeatures = [&](double amplitude) {
    const KwsRun k = runKws("level", audio_test::tone(1000, amplitude, kRate, 1.2), true);
    EXPECT_EQ(k.board.exitCode, 0) << k.board.err;
    std::vector<double> mean(kBands, 0.0);
    int used = 0;
    for (const Row& r : k.rows) {
      if (r.index <= 2) continue;
      for (unsigned b = 0; b < kBands; ++b) mean[b] += r.features[b];
      ++used;
    }
    EXPECT_GE(used, 15);
    for (double& m : mean) m /= std::max(used, 1);
    return mean;
  };
  const auto quiet = meanFeatures(0.02), loud = meanFeatures(0.04);
  const auto peak = [](const std::vector<double>& f) {
    return static_cast<unsigned>(std::max_element(f.begin(), f.end()) - f.begin());
  };
  EXPECT_EQ(peak(quiet), band);
  EXPECT_EQ(peak(loud), band);
  EXPECT_NEAR(loud[band] - quiet[band], 8 * std::log(2.0), 0.5);
  // The level itself: a tone of amplitude A (16-bit units) gives the band about A * sum(w) / 2 at
  // its bin, the Povey window summing to ~213 over 400 samples.
  EXPECT_GT(quiet[band], 80.0);
  EXPECT_LT(loud[band], 127.0);
}

TEST(KwsDemo, SilenceGivesNoKeywordLine) {
  const KwsRun k = runKws("silence", std::vector<float>(static_cast<std::size_t>(3.2 * kRate), 0.0f), false);
  EXPECT_EQ(k.board.exitCode, 0) << k.board.err;
  EXPECT_TRUE(k.keywordMs.empty()) << k.board.out;
  EXPECT_NE(k.board.out.find("kws: frames 60 windows 41 keywords 0 (audio blocks"), std::string::npos) << k.board.out;
  EXPECT_NE(k.board.out.find("dropped 0, cpu"), std::string::npos) << k.board.out;
}

// The net's own recorded inputs (traces/dnn_yxt layer_debug: 100 windows of 20 x 40 features
// with the outputs the mapper recorded) turned back into sound: the most certain keyword window
// and the most certain other one. On the board the window of the 20 synthesized rows must get the
// recorded answer, and the demo must print a keyword line for the first only.
TEST(KwsDemo, AudioResynthesizedFromRecordedNetInputsGetsTheRecordedAnswer) {
  const RecordedWindows rec = recordedWindows();
  const auto& outputs = rec.outputs;
  const std::size_t keyword = rec.keyword, other = rec.other;
  for (const std::size_t which : {keyword, other}) {
    const bool isKeyword = which == keyword;
    SCOPED_TRACE("recorded window " + std::to_string(which) + (isKeyword ? " (keyword)" : " (other)"));
    const auto rows = rec.rows(which);
    const KwsRun k = runKws(isKeyword ? "resynth_keyword" : "resynth_other", synthesizeRows(rows, 0.3), true);
    EXPECT_EQ(k.board.exitCode, 0) << k.board.err;
    ASSERT_GE(k.windows.size(), 1u);
    // The board's rows are the recorded ones, within the synthesis' accuracy.
    int within2 = 0, worst = 0;
    for (unsigned r = 1; r < kContext; ++r)  // row 1 starts with the decimators' silence
      for (unsigned b = 0; b < kBands; ++b) {
        const int d = std::abs(k.rows[r].features[b] - rows[r][b]);
        within2 += d <= 2;
        worst = std::max(worst, d);
      }
    // (quiet rows of the recording sit near the board's noise floor and are reproduced loosely)
    EXPECT_GE(within2, static_cast<int>(0.6 * (kContext - 1) * kBands)) << "worst " << worst;
    const Window& w = k.windows.front();
    std::printf("recorded window %zu: recorded out %d %d, board out %d %d; %d of %u features within 2, worst %d\n",
                which, outputs[which][0], outputs[which][1], w.out0, w.out1, within2, (kContext - 1) * kBands, worst);
    EXPECT_EQ(w.out1 - w.out0 >= 3, isKeyword) << w.out0 << " " << w.out1;
    EXPECT_NEAR(w.out0, outputs[which][0], 3);
    EXPECT_NEAR(w.out1, outputs[which][1], 3);
    EXPECT_EQ(!k.keywordMs.empty() && k.keywordMs.front() == 975, isKeyword) << k.board.out;
  }
}

// The speech demo's own test recording (project/Python/test2.wav, 1.85 s of a wake word at about
// -25 dBFS), read at run time from the vendor sources of witmemtech/Algorithm-Deployed-in-WTM2101
// (VendorData.h), never copied; skipped without them. The dnn_yxt net must call it a keyword
// with the front end the demo computes: the end-to-end sign that the features have the form the
// net was trained on.
TEST(KwsDemo, TheVendorSpeechDemoTestRecordingIsAKeyword) {
  const std::string wav = tempPath("vendor_test2.wav");
  if (!copyVendorAlgFile("Speech Recognition Algorithm Deployed/project/Python/test2.wav", wav))
    GTEST_SKIP() << "vendor sources not available in " << wtm::test::vendorPath("WTM_VENDOR_ALG_DIR", "src/alg");
  KwsRun k;
  const std::string dump = tempPath("vendor_test2.uart1");
  k.board = runBoard("--elf " + firmwarePath("apps/kws_demo/kws_demo_verbose.elf") + " --npu-weights " + kTraces +
                     " --mic0 " + wav + " --uart1 " + dump + " --audio-end stop --max-time 10s");
  parseDump(readWhole(dump), k);
  std::remove(wav.c_str());
  std::remove(dump.c_str());
  EXPECT_EQ(k.board.exitCode, 0) << k.board.err;
  EXPECT_NE(k.board.out.find("kws: keyword"), std::string::npos) << k.board.out;
  ASSERT_GE(k.windows.size(), 10u);
  int best = -1000;
  for (const Window& w : k.windows) best = std::max(best, w.out1 - w.out0);
  EXPECT_GE(best, 5) << "largest out1 - out0 (p = " << 1 / (1 + std::exp(-best)) << ")";
}

TEST(KwsDemo, WithoutWeightsTheBoardFlagsTheEmptyArrayAndTheDemoStillRuns) {
  const std::string wav = tempPath("noweights.wav");
  audio_test::writeSoundFile(wav, std::vector<float>(static_cast<std::size_t>(1.2 * kRate), 0.0f),
                             static_cast<int>(kRate), 1);
  const BoardRun r =
      runBoard("--elf " + firmwarePath("apps/kws_demo/kws_demo.elf") + " --mic0 " + wav + " --max-time 5s");
  std::remove(wav.c_str());
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("kws: start"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("kws: frames 20 windows 1 keywords"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("no weights programmed (use --npu-weights DIR or --npu-flash FILE)"), std::string::npos)
      << r.err;
}
