#include <gtest/gtest.h>

#include <filesystem>

#include "SyntheticMapper.h"
#include "TestSupport.h"
#include "npu/GoldenRegression.h"
#include "npu/mapper/MapperOutput.h"

namespace wtm::npu {
namespace {

using test::SynthNet;
using test::SynthOptions;
using test::TempDir;

SynthOptions generalOptions() {
  SynthOptions o;
  SynthNet a;  // bias on every layer, G 256..1024, ReLU then linear
  a.frames = 30;
  a.layers = {{200, 150, 0, 3, true, 30}, {150, 120, 1, 16, true, 80}, {120, 40, 2, 5, false, 127}};
  SynthNet b;  // PN input, G 2048..8192, wide weights
  b.frames = 20;
  b.pnInput = true;
  b.layers = {{90, 64, 3, 2, true, 275}, {64, 33, 4, 1, true, 128}, {33, 7, 5, 8, false, 200}};
  SynthNet c;  // a single large layer
  c.frames = 9;
  c.layers = {{1000, 100, 2, 9, false, 20}};
  o.nets = {a, b, c};
  o.seed = 99;
  return o;
}

ErrorStats totalOf(const RegressionReport& r, RegressionMode m) { return r.total(m); }

TEST(NpuGoldenRegression, SyntheticFoldersAreExactInEveryMode) {
  TempDir t;
  const auto synth = test::writeSyntheticMapperOutput(t.path(), generalOptions());
  const MapperOutput m = MapperOutput::load(t.path());
  ASSERT_TRUE(m.disagreements.empty()) << m.disagreements.front();
  std::size_t steps = 0, lastTotal = 0;
  const RegressionReport r =
      runGoldenRegression(m, RegressionOptions{}, [&](std::size_t done, std::size_t total, const std::string&) {
        steps = done;
        lastTotal = total;
      });
  EXPECT_TRUE(r.allExact());
  EXPECT_EQ(totalOf(r, RegressionMode::LayerDebug).total(), synth.totalTraceValues());
  EXPECT_EQ(totalOf(r, RegressionMode::Chained).total(), synth.totalTraceValues());
  std::size_t expectedValues = 0, blobValues = 0;
  for (const auto& s : synth.rounds) {
    expectedValues += 8 * std::size_t(s.columns);
    blobValues += 2 * std::size_t(s.columns);
  }
  EXPECT_EQ(totalOf(r, RegressionMode::Expected).total(), expectedValues);
  EXPECT_EQ(totalOf(r, RegressionMode::Blob).total(), blobValues);
  EXPECT_EQ(steps, lastTotal);
  EXPECT_EQ(steps, 4 * synth.rounds.size());
  for (const auto& c : r.comparisons) EXPECT_FALSE(c.skipped) << c.note;
  // Chained: the first round of each net is fed from the recording, the others by the model.
  for (const auto& c : r.comparisons)
    if (c.mode == RegressionMode::Chained) {
      const bool first = c.round == 0;
      EXPECT_EQ(c.note.rfind(first ? "input 0/" : "input ", 0), 0u) << c.note;
      if (!first) {
        EXPECT_EQ(c.note.find("input 0/"), std::string::npos) << c.note;
      }
    }
}

TEST(NpuGoldenRegression, DetectsAWrongGoldenValueAndLocatesIt) {
  TempDir t;
  SynthOptions o = generalOptions();
  const auto synth = test::writeSyntheticMapperOutput(t.path(), o);
  // Change frame 3, column 5 of net0 round1's recorded output.
  const std::string path = t.file("layer_debug/net0/2_n0_layer_2/round1/output0.txt");
  const auto& s = synth.rounds[1];
  auto rows = s.stored;
  rows[3][5] = rows[3][5] == 7 ? 8 : 7;
  std::string text;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) text += (i ? " " : "") + std::to_string(row[i]);
    text += "\n";
  }
  test::writeFile(path, text);
  const RegressionReport r = runGoldenRegression(MapperOutput::load(t.path()), RegressionOptions{});
  EXPECT_FALSE(r.allExact());
  bool found = false;
  for (const auto& c : r.comparisons) {
    if (c.mode != RegressionMode::LayerDebug) continue;
    if (c.net == 0 && c.round == 1) {
      found = true;
      EXPECT_EQ(c.stats.total() - c.stats.exact(), 1u);
      ASSERT_TRUE(c.stats.firstMismatch().has_value());
      EXPECT_EQ(c.stats.firstMismatch()->frame, 3u);
      EXPECT_EQ(c.stats.firstMismatch()->column, 5u);
      EXPECT_EQ(c.stats.firstMismatch()->expected, rows[3][5]);
      EXPECT_EQ(c.stats.firstMismatch()->got, s.stored[3][5]);
    } else {
      EXPECT_TRUE(c.stats.allExact());
    }
  }
  EXPECT_TRUE(found);
}

TEST(NpuGoldenRegression, ChainedModeUsesTheModelsOwnOutputs) {
  // Corrupting a recorded intermediate input breaks layer_debug for that layer but not chained,
  // which feeds the layer from the model's previous output.
  TempDir t;
  SynthOptions o = generalOptions();
  const auto synth = test::writeSyntheticMapperOutput(t.path(), o);
  const std::string path = t.file("layer_debug/net0/3_n0_layer_3/round2/input0.txt");
  std::string text = test::readFile(path);
  text.replace(0, text.find(' '), "255");
  test::writeFile(path, text);
  const RegressionReport r = runGoldenRegression(MapperOutput::load(t.path()), RegressionOptions{});
  EXPECT_TRUE(r.total(RegressionMode::Chained).allExact());
  EXPECT_FALSE(r.total(RegressionMode::LayerDebug).allExact());
}

TEST(NpuGoldenRegression, ModesFramesAndSkips) {
  TempDir t;
  SynthOptions o = generalOptions();
  o.writeExpectedBins = false;
  const auto synth = test::writeSyntheticMapperOutput(t.path(), o);
  std::filesystem::remove(t.file("layer_debug/net1/2_n1_layer_2/round1/output0.txt"));
  RegressionOptions opt;
  opt.blob = false;
  opt.maxFrames = 5;
  const MapperOutput m = MapperOutput::load(t.path());
  const RegressionReport r = runGoldenRegression(m, opt);
  EXPECT_EQ(r.total(RegressionMode::Expected).total(), 0u);
  EXPECT_EQ(r.total(RegressionMode::Blob).total(), 0u);
  std::size_t skipped = 0, expectedSkipped = 0;
  for (const auto& c : r.comparisons) {
    if (!c.skipped) {
      EXPECT_EQ(c.frames, 5u);
    }
    if (c.mode == RegressionMode::Expected) {  // no bins in this folder: listed as skipped, not left out
      EXPECT_TRUE(c.skipped);
      EXPECT_NE(c.note.find("no map/expected_in.bin"), std::string::npos) << c.note;
      ++expectedSkipped;
    } else {
      skipped += c.skipped;
    }
  }
  EXPECT_EQ(skipped, 2u);  // layer_debug and chained comparison of the round without output0
  EXPECT_EQ(expectedSkipped, m.arrayRounds().size());
  EXPECT_TRUE(r.allExact());
}

TEST(NpuGoldenRegression, NonIdealReportsErrorsAndIsReproducible) {
  TempDir t;
  test::writeSyntheticMapperOutput(t.path(), generalOptions());
  const MapperOutput m = MapperOutput::load(t.path());
  RegressionOptions opt;
  opt.nonIdeal = NonIdealConfig{};
  opt.nonIdeal->seed = 3;
  const RegressionReport a = runGoldenRegression(m, opt), b = runGoldenRegression(m, opt);
  EXPECT_TRUE(a.nonIdeal);
  EXPECT_FALSE(a.allExact());
  EXPECT_GT(a.total().rmsError(), 0.0);
  ASSERT_EQ(a.comparisons.size(), b.comparisons.size());
  for (std::size_t i = 0; i < a.comparisons.size(); ++i) {
    EXPECT_EQ(a.comparisons[i].stats.exact(), b.comparisons[i].stats.exact());
    EXPECT_EQ(a.comparisons[i].stats.rmsError(), b.comparisons[i].stats.rmsError());
  }
  opt.nonIdeal = NonIdealConfig::allOff();
  EXPECT_TRUE(runGoldenRegression(m, opt).allExact());
}

TEST(NpuGoldenRegression, CorruptTraceIsAnInputError) {
  TempDir t;
  test::writeSyntheticMapperOutput(t.path(), generalOptions());
  const std::string path = t.file("layer_debug/net2/1_n2_layer_1/round0/input0.txt");
  std::string text = test::readFile(path);
  test::writeFile(path, text.substr(0, text.size() - 7));  // last frame cut short
  const MapperOutput m = MapperOutput::load(t.path());
  EXPECT_INPUT_ERROR(runGoldenRegression(m, RegressionOptions{}), path, "values, the first line has 1000");
}

// Acceptance: the shipped golden case, every value exact in every mode.
TEST(NpuGoldenRegression, DnnYxtIsExact) {
  const MapperOutput m = MapperOutput::load(std::string(WTM_SOURCE_DIR) + "/traces/dnn_yxt");
  EXPECT_TRUE(m.disagreements.empty()) << ::testing::PrintToString(m.disagreements);
  const RegressionReport r = runGoldenRegression(m, RegressionOptions{});
  for (RegressionMode mode : {RegressionMode::LayerDebug, RegressionMode::Chained, RegressionMode::Expected}) {
    EXPECT_EQ(r.total(mode).exact(), 102600u) << regressionModeName(mode);
    EXPECT_EQ(r.total(mode).total(), 102600u) << regressionModeName(mode);
  }
  EXPECT_EQ(r.total(RegressionMode::Blob).exact(), r.total(RegressionMode::Blob).total());
  EXPECT_GT(r.total(RegressionMode::Blob).total(), 0u);
}

}  // namespace
}  // namespace wtm::npu
