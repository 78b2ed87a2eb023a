// sw/apps/kws_demo on the board: mic -> AUDIO -> DMA -> FBANK -> NPU (traces/dnn_yxt) -> UART.
// The NPU's part is checked through --npu-trace: every window the firmware classified must give,
// under the mapper's golden arithmetic, the outputs the board produced, and the firmware's
// "keyword" lines must be exactly the windows whose probability passes 0.9 (with the 1 s hold-off).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "BoardRunner.h"
#include "npu/ActivationLut.h"
#include "npu/GoldenArithmetic.h"
#include "npu/mapper/MapperOutput.h"
#include "periph/fbank/FbankEngine.h"

namespace fs = std::filesystem;

namespace {

const std::string kTraces = std::string(WTM_SOURCE_DIR) + "/traces/dnn_yxt";

std::string tempPath(const std::string& name) {
  return std::string(::testing::TempDir()) + "kws_" + name + "_" + std::to_string(getpid());
}

// 16 kHz mono 16-bit WAV of `seconds` of sample(i).
void writeWav(const std::string& path, double seconds, const std::function<double(unsigned)>& sample) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr) << path;
  const uint32_t rate = 16000, n = static_cast<uint32_t>(seconds * rate), bytes = 2 * n;
  auto u32 = [&](uint32_t v) { std::fwrite(&v, 4, 1, f); };
  auto u16 = [&](uint16_t v) { std::fwrite(&v, 2, 1, f); };
  std::fwrite("RIFF", 1, 4, f); u32(36 + bytes); std::fwrite("WAVEfmt ", 1, 8, f);
  u32(16); u16(1); u16(1); u32(rate); u32(2 * rate); u16(2); u16(16);
  std::fwrite("data", 1, 4, f); u32(bytes);
  for (uint32_t i = 0; i < n; ++i) {
    const double v = std::max(-32767.0, std::min(32767.0, std::round(sample(i))));
    u16(static_cast<uint16_t>(static_cast<int16_t>(v)));
  }
  std::fclose(f);
}

std::vector<std::vector<int>> traceLines(const std::string& path) {
  std::vector<std::vector<int>> rows;
  std::ifstream f(path);
  for (std::string line; std::getline(f, line);) {
    std::istringstream in(line);
    rows.emplace_back(std::istream_iterator<int>(in), std::istream_iterator<int>());
  }
  return rows;
}

struct KwsRun {
  BoardRun board;
  std::vector<std::vector<int>> windows;  // NPU inputs (800 features) of every classified window
  std::vector<std::vector<int>> outputs;  // the net's 2 outputs for each
};

KwsRun runKws(const std::string& name, double seconds, const std::function<double(unsigned)>& sample) {
  KwsRun k;
  const std::string wav = tempPath(name) + ".wav", trace = tempPath(name) + "_trace";
  writeWav(wav, seconds, sample);
  fs::remove_all(trace);
  k.board = runBoard("--elf " + firmwarePath("apps/kws_demo/kws_demo.elf") + " --npu-weights " + kTraces + " --mic0 " +
                     wav + " --npu-trace " + trace + " --max-time 10s");
  k.windows = traceLines(trace + "/round0/input0.txt");
  k.outputs = traceLines(trace + "/round4/output0.txt");
  std::remove(wav.c_str());
  fs::remove_all(trace);
  return k;
}

double keywordProbability(const std::vector<int>& out) { return 1.0 / (1.0 + std::exp(double(out[0] - out[1]))); }

}  // namespace

TEST(KwsDemo, SilenceRunsEveryWindowAndFindsNoKeyword) {
  const KwsRun k = runKws("silence", 3.0, [](unsigned) { return 0.0; });
  EXPECT_EQ(k.board.exitCode, 0) << k.board.err;  // the recording played out
  EXPECT_EQ(k.board.out.find("kws: keyword"), std::string::npos) << k.board.out;
  EXPECT_NE(k.board.out.find("kws: frames 200 windows 40 keywords 0 dropped 0"), std::string::npos) << k.board.out;
  // A feature frame every 50 ms, the first inference once 20 of them fill the context.
  EXPECT_NEAR(static_cast<double>(k.windows.size()), 3.0 / 0.05 - 19, 1.0);
  ASSERT_EQ(k.windows.size(), k.outputs.size());
  for (const auto& w : k.windows) ASSERT_EQ(w.size(), 800u);
}

TEST(KwsDemo, NpuOutputsAreTheGoldenArithmeticAndKeywordLinesFollowThem) {
  std::mt19937 rng(7);
  std::normal_distribution<double> noise(0.0, 2000.0);
  const KwsRun k = runKws("noise", 3.0, [&](unsigned) { return noise(rng); });
  EXPECT_EQ(k.board.exitCode, 0) << k.board.err;
  ASSERT_GE(k.windows.size(), 40u);
  ASSERT_EQ(k.windows.size(), k.outputs.size());

  // The net end to end on the host, each round fed by the previous one.
  const wtm::npu::MapperOutput mapper = wtm::npu::MapperOutput::load(kTraces);
  const auto rounds = mapper.arrayRounds();
  ASSERT_EQ(rounds.size(), 5u);
  for (std::size_t w = 0; w < k.windows.size(); ++w) {
    std::vector<std::uint8_t> x(k.windows[w].begin(), k.windows[w].end());
    for (const auto* r : rounds) {
      ASSERT_EQ(static_cast<int>(x.size()), r->config.inputLength());
      std::vector<std::uint8_t> y(static_cast<std::size_t>(r->config.columns()));
      for (int c = 0; c < r->config.columns(); ++c)
        y[static_cast<std::size_t>(c)] = wtm::npu::applyLut(
            r->lut, wtm::npu::postProcess(wtm::npu::referenceColumnSum(mapper.array, r->config, x.data(), r->config.columnStart + c),
                                          r->config.gain()));
      x = y;
    }
    ASSERT_EQ(k.outputs[w], (std::vector<int>{static_cast<std::int8_t>(x[0]), static_cast<std::int8_t>(x[1])}))
        << "window " << w;
  }

  // The keyword lines: the windows above 0.9, at least 20 windows (1 s) apart.
  std::vector<int> expectedMs;
  int lastKeyword = -1000;
  for (std::size_t w = 0; w < k.outputs.size(); ++w) {
    const int window = static_cast<int>(w) + 20;  // windows counted from 1; the first inference is window 20
    if (keywordProbability(k.outputs[w]) > 0.9 && window - lastKeyword >= 20) {
      lastKeyword = window;
      expectedMs.push_back(window * 50 - 20);  // its last frame ends 20 ms before the 50 ms period does
    }
  }
  std::vector<int> gotMs;
  static const std::regex line(R"(kws: keyword [0-9.]+ at ([0-9]+) ms)");
  for (std::sregex_iterator it(k.board.out.begin(), k.board.out.end(), line), end; it != end; ++it)
    gotMs.push_back(std::stoi((*it)[1]));
  EXPECT_EQ(gotMs, expectedMs) << k.board.out;
  EXPECT_FALSE(gotMs.empty()) << "white noise is a keyword for this net (p 0.95-0.98); " << k.board.out;
}

TEST(KwsDemo, FeaturesFollowTheToneInBandAndLevel) {
  // The band whose mel weight peaks nearest 1 kHz (bin 32 of the 512-point FFT at 16 kHz).
  const auto& mel = wtm::periph::FbankEngine::melWeights();
  std::size_t band = 0;
  for (std::size_t b = 1; b < mel.size(); ++b)
    if (mel[b][32] > mel[band][32]) band = b;
  auto newest = [&](double amplitude) {
    const KwsRun k = runKws("tone", 1.5, [=](unsigned i) { return amplitude * std::sin(2 * M_PI * 1000.0 * i / 16000.0); });
    EXPECT_EQ(k.board.exitCode, 0) << k.board.err;
    std::vector<int> f;
    if (!k.windows.empty()) f.assign(k.windows.back().end() - 40, k.windows.back().end());
    return f;
  };
  const auto quiet = newest(1000), loud = newest(2000);
  ASSERT_EQ(quiet.size(), 40u);
  ASSERT_EQ(loud.size(), 40u);
  const auto peak = [](const std::vector<int>& f) { return std::max_element(f.begin(), f.end()) - f.begin(); };
  EXPECT_NEAR(static_cast<double>(peak(quiet)), static_cast<double>(band), 1.0);
  EXPECT_EQ(peak(loud), peak(quiet));
  // Features are 8 ln(mel magnitude): twice the amplitude adds 8 ln 2 = 5.5.
  EXPECT_NEAR(loud[static_cast<std::size_t>(peak(quiet))] - quiet[static_cast<std::size_t>(peak(quiet))], 8 * std::log(2.0), 1.0);
}

TEST(KwsDemo, NoWeightsIsReportedByTheFirmwareNotAHang) {
  // Without --npu-weights the array is blank: the demo still runs; the board flags the rounds.
  const std::string wav = tempPath("short") + ".wav";
  writeWav(wav, 1.2, [](unsigned) { return 0.0; });
  const BoardRun r = runBoard("--elf " + firmwarePath("apps/kws_demo/kws_demo.elf") + " --mic0 " + wav + " --max-time 5s");
  std::remove(wav.c_str());
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("kws: listening"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("no weights programmed (use --npu-weights DIR or --npu-flash FILE)"), std::string::npos) << r.err;
}
