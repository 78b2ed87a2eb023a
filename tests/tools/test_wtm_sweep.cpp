// wtm-sweep: the what-if evaluator on the recorded dnn_yxt traces, the trends that
// must hold, determinism, the sweep library (grid, CSV, resume) and the CLI end to end.
#include <gtest/gtest.h>

#include "CommandRunner.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "LabelsFile.h"
#include "SweepGrid.h"
#include "SweepResults.h"
#include "SweepRunner.h"
#include "SweepShards.h"
#include "common/InputError.h"
#include "npu/mapper/MapperOutput.h"
#include "npu/whatif/WhatIfEvaluator.h"
#include "npu/whatif/WhatIfMetrics.h"

namespace fs = std::filesystem;
using namespace wtm;
using namespace wtm::sweep;

namespace {

const std::string kTraceDir = std::string(WTM_SOURCE_DIR) + "/traces/dnn_yxt";

// The model and its evaluator, loaded once for the whole suite.
class SweepModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    model_ = new npu::MapperOutput(npu::MapperOutput::load(kTraceDir));
    evaluator_ = new npu::WhatIfEvaluator(*model_);
    ideal_ = new npu::WhatIfRun(evaluator_->run(npu::WhatIfConfig{}, 1));
  }
  static void TearDownTestSuite() {
    delete ideal_;
    delete evaluator_;
    delete model_;
  }
  static npu::WhatIfMetrics metricsAt(const npu::WhatIfConfig& c, std::uint64_t seed) {
    return npu::compareWithIdeal(*evaluator_, *ideal_, evaluator_->run(c, seed));
  }
  static npu::MapperOutput* model_;
  static npu::WhatIfEvaluator* evaluator_;
  static npu::WhatIfRun* ideal_;
};
npu::MapperOutput* SweepModel::model_ = nullptr;
npu::WhatIfEvaluator* SweepModel::evaluator_ = nullptr;
npu::WhatIfRun* SweepModel::ideal_ = nullptr;

std::vector<std::string> lines(const std::string& path) {
  std::ifstream f(path);
  std::vector<std::string> out;
  for (std::string l; std::getline(f, l);)
    if (!l.empty()) out.push_back(l);
  return out;
}

fs::path freshDir(const std::string& name) {
  const fs::path d = fs::path(WTM_BINARY_DIR) / "test-output" / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

}  // namespace

TEST_F(SweepModel, IdealPointIsBitExactWithTheRecordedTraces) {
  EXPECT_EQ(evaluator_->layers().size(), 5u);
  EXPECT_EQ(evaluator_->frames(), 100u);
  const npu::RecordedAgreement a = evaluator_->compareWithRecorded(*ideal_);
  EXPECT_EQ(a.layersCompared, 5u);
  EXPECT_EQ(a.compared, 102600u);
  EXPECT_EQ(a.equal, a.compared);
  const npu::WhatIfMetrics m = metricsAt(npu::WhatIfConfig{}, 7);
  for (const auto& l : m.layers) {
    EXPECT_EQ(l.exactRate, 1.0);
    EXPECT_EQ(l.maxAbs, 0.0);
  }
  EXPECT_EQ(m.decisionAgreement, 1.0);
}

TEST_F(SweepModel, ANoisyRunIsNotBitExactWithTheRecording) {
  // Guards the check above: it must be able to fail.
  npu::WhatIfConfig c;
  c.noiseModel = npu::EvalNoiseModel::Normal;
  c.noiseLevel = 4;
  const npu::RecordedAgreement a = evaluator_->compareWithRecorded(evaluator_->run(c, 1));
  EXPECT_GT(a.compared, a.equal);
}

TEST_F(SweepModel, MoreAdcBitsNeverLowerDecisionAgreementAtZeroNoise) {
  double previous = -1;
  for (int bits = 4; bits <= 12; ++bits) {
    npu::WhatIfConfig c;
    c.adcBits = bits;
    const double agreement = metricsAt(c, 1).decisionAgreement;
    EXPECT_GE(agreement, previous) << bits << " bits";
    previous = agreement;
  }
  EXPECT_EQ(previous, 1.0);
  npu::WhatIfConfig coarse;
  coarse.adcBits = 5;
  EXPECT_LT(metricsAt(coarse, 1).decisionAgreement, 0.9);  // the trend is not flat
}

TEST_F(SweepModel, ErrorStdGrowsWithNoiseLevel) {
  for (auto model : {npu::EvalNoiseModel::Normal, npu::EvalNoiseModel::Simple, npu::EvalNoiseModel::Mbs}) {
    double previous = 0;
    for (double level : {1.0, 2.0, 4.0, 8.0}) {
      npu::WhatIfConfig c;
      c.noiseModel = model;
      c.noiseLevel = level;
      double std1 = 0;
      for (std::uint64_t seed = 1; seed <= 3; ++seed) std1 += metricsAt(c, seed).layers[0].std / 3;
      EXPECT_GT(std1, previous) << npu::evalNoiseModelName(model) << " level " << level;
      previous = std1;
    }
  }
}

TEST_F(SweepModel, CalibrationAtLevelFourIsNearTheChipFigure) {
  // npu.md §4.2: about 2 LSB output error std on the chip; docs/sweep.md states the agreement.
  npu::WhatIfConfig c;
  c.noiseModel = npu::EvalNoiseModel::Normal;
  c.noiseLevel = 4;
  double std1 = 0;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) std1 += metricsAt(c, seed).layers[0].std / 5;
  EXPECT_GT(std1, 1.5);
  EXPECT_LT(std1, 3.0);
}

TEST_F(SweepModel, SameSeedSameResultOtherSeedOtherResult) {
  npu::WhatIfConfig c;
  c.noiseModel = npu::EvalNoiseModel::Simple;
  c.noiseLevel = 4;
  c.programmingLevel = 2;
  c.adcOffsetSigma = 0.5;
  c.stuckRate = 0.001;
  const auto a = evaluator_->run(c, 11), b = evaluator_->run(c, 11), d = evaluator_->run(c, 12);
  EXPECT_EQ(a.preActivation, b.preActivation);
  EXPECT_NE(a.preActivation, d.preActivation);
}

TEST_F(SweepModel, SmallerArraySplitsLayersAndReportsIt) {
  npu::WhatIfConfig c;
  c.rows = 128;
  c.columns = 64;
  const auto run = evaluator_->run(c, 1);
  bool anySplit = false;
  for (std::size_t l = 0; l < run.fits.size(); ++l) {
    const auto& info = evaluator_->layers()[l];
    const int expected = ((info.rows + 127) / 128) * ((info.columns + 63) / 64);
    EXPECT_EQ(run.fits[l].rounds, expected) << info.label;
    EXPECT_EQ(run.fits[l].fits, expected == 1);
    anySplit |= !run.fits[l].fits;
  }
  EXPECT_TRUE(anySplit);
}

TEST_F(SweepModel, RunnerGivesTheSameRowsWhateverTheThreadCount) {
  std::vector<SweepJob> jobs;
  for (double level : {0.0, 2.0, 6.0}) {
    npu::WhatIfConfig c;
    c.noiseModel = npu::EvalNoiseModel::Normal;
    c.noiseLevel = level;
    for (std::uint64_t s : seedsFor(c, 5, 3)) jobs.push_back({jobs.size(), s, c});
  }
  EXPECT_EQ(jobs.size(), 1u + 3u + 3u);  // level 0 is deterministic: one seed
  auto collect = [&](unsigned threads) {
    std::set<std::string> rows;
    SweepRunOptions o;
    o.threads = threads;
    o.onRow = [&](const SweepRow& r) { rows.insert(csvRow(r)); };
    EXPECT_EQ(runSweep(*evaluator_, *ideal_, jobs, o), jobs.size());
    return rows;
  };
  EXPECT_EQ(collect(1), collect(3));
}

TEST_F(SweepModel, LabelsGiveAccuracy) {
  const auto finals = evaluator_->finalLayers();
  const auto& last = evaluator_->layers()[finals[0]];
  std::vector<int> labels = npu::argmaxPerFrame(ideal_->preActivation[finals[0]], evaluator_->frames(), last.columns);
  auto m = npu::compareWithIdeal(*evaluator_, *ideal_, *ideal_, &labels);
  ASSERT_TRUE(m.accuracy.has_value());
  EXPECT_EQ(*m.accuracy, 1.0);
  for (auto& l : labels) l = (l + 1) % last.columns;
  m = npu::compareWithIdeal(*evaluator_, *ideal_, *ideal_, &labels);
  EXPECT_EQ(*m.accuracy, 0.0);
}

TEST(SweepInputs, ExpectedBinsDriveTheNetsWithoutLayerDebugTraces) {
  const fs::path d = freshDir("sweep-no-layer-debug");
  fs::copy(kTraceDir, d, fs::copy_options::recursive);
  fs::remove_all(d / "layer_debug");
  const npu::MapperOutput m = npu::MapperOutput::load(d.string());
  const npu::WhatIfEvaluator e(m);
  EXPECT_EQ(e.frames(), 100u);
  const auto ideal = e.run(npu::WhatIfConfig{}, 1);
  const npu::RecordedAgreement a = e.compareWithRecorded(ideal);
  EXPECT_EQ(a.compared, 102600u);
  EXPECT_TRUE(a.exact());
  // Without either recording there is nothing to drive the nets with: a clear error.
  fs::remove(d / "map" / "expected_in.bin");
  fs::remove(d / "map" / "expected_out.bin");
  try {
    const npu::MapperOutput bare = npu::MapperOutput::load(d.string());
    npu::WhatIfEvaluator none(bare);
    ADD_FAILURE() << "no error";
  } catch (const InputError& err) {
    EXPECT_NE(std::string(err.what()).find("nothing to drive"), std::string::npos) << err.what();
  }
}

TEST(SweepGrid, ExpandsListsAndRanges) {
  EXPECT_EQ(expandValues("adc-bits", "4:7"), (std::vector<std::string>{"4", "5", "6", "7"}));
  EXPECT_EQ(expandValues("noise-level", "0:1:0.25,3"),
            (std::vector<std::string>{"0", "0.25", "0.5", "0.75", "1", "3"}));
  EXPECT_EQ(expandValues("noise-model", "normal,mbs"), (std::vector<std::string>{"normal", "mbs"}));
  EXPECT_THROW(expandValues("adc-bits", "7:4"), InputError);
  EXPECT_THROW(expandValues("adc-bits", "4:x"), InputError);
  EXPECT_THROW(expandValues("adc-bits", "4,,5"), InputError);
}

TEST(SweepGrid, FullGridFirstAxisSlowest) {
  const auto points = gridPoints({{"adc-bits", {"6", "8"}}, {"g", {"0", "256", "512"}}});
  ASSERT_EQ(points.size(), 6u);
  EXPECT_EQ(points[0].adcBits, 6);
  EXPECT_EQ(points[2].gain, 512);
  EXPECT_EQ(points[3].adcBits, 8);
  EXPECT_EQ(points[3].gain, 0);
  npu::WhatIfConfig c;
  EXPECT_THROW(setKnob(c, "adc-bits", "6.5"), InputError);
  EXPECT_THROW(setKnob(c, "noise-model", "pink"), InputError);
  EXPECT_THROW(setKnob(c, "frequency", "1"), InputError);
}

TEST(SweepGrid, AGridBeyondAMillionPointsIsRefusedBeforeAnythingIsBuilt) {
  const std::vector<std::string> thousand = expandValues("noise-level", "1:1000");
  ASSERT_EQ(thousand.size(), 1000u);
  EXPECT_EQ(gridPoints({{"noise-level", thousand}, {"sigma", {"0", "0.1"}}}).size(), 2000u);
  try {
    (void)gridPoints({{"noise-level", thousand}, {"sigma", thousand}, {"adc-bits", {"6", "8"}}});
    FAIL() << "a grid of 2e6 points was built";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("the grid has 2000000 points"), std::string::npos) << e.what();
  }
  EXPECT_THROW(gridPoints({{"sigma", {"0"}}, {"adc-bits", {"6"}}, {"sigma", {"0.1"}}}), InputError);  // twice
  // An axis without values used to make the product 0 and pass the limit, and the grid of the
  // other axes was built before it: refused up front.
  EXPECT_THROW(expandValues("sigma", ""), InputError);
  EXPECT_THROW(gridPoints({{"noise-level", thousand}, {"adc-bits", thousand}, {"sigma", {}}}), InputError);
}

TEST(SweepGrid, PointsFromCsvAndItsErrors) {
  const fs::path d = freshDir("sweep-points");
  {
    std::ofstream(d / "ok.csv") << "adc-bits,noise-model,noise-level\n8,normal,2\n10,none,0\n";
    std::ofstream(d / "knob.csv") << "adc-bits,colour\n8,red\n";
    std::ofstream(d / "width.csv") << "adc-bits,g\n8\n";
    // A spreadsheet's export: UTF-8 mark, blank first line, CRLF, spaces.
    std::ofstream(d / "implied.csv") << "\xEF\xBB\xBF\r\nadc-bits, noise-level\r\n8 , 2\r\n6,0\r\n";
    std::ofstream(d / "trailing.csv") << "adc-bits,\n8,\n";
    std::ofstream(d / "invalid.csv") << "adc-bits,noise-model,noise-level\n8,none,2\n";  // a level without a law
    std::ofstream(d / "both.csv") << "noise-level,sigma\n2,1\n";                         // they imply different models
    std::ofstream(d / "twice.csv") << "adc-bits,g,adc-bits\n8,0,9\n";
    std::ofstream(d / "repeated.csv") << "adc-bits,noise-level\n8,2\n6,0\n8,2\n";
  }
  const auto p = pointsFromCsv((d / "ok.csv").string());
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].noiseModel, npu::EvalNoiseModel::Normal);
  EXPECT_TRUE(p[1].isIdeal());  // 10 bits and no noise are the ideal values
  EXPECT_FALSE(p[0].isIdeal());
  // A noise level column implies the NORMAL law, as --noise-level does.
  const auto implied = pointsFromCsv((d / "implied.csv").string());
  ASSERT_EQ(implied.size(), 2u);
  EXPECT_EQ(implied[0].key(), p[0].key());
  EXPECT_EQ(implied[1].adcBits, 6);
  for (const auto& [bad, cause] : std::vector<std::pair<std::string, std::string>>{
           {"knob.csv", "unknown knob"},
           {"width.csv", "fields"},
           {"invalid.csv", "line 2"},
           {"both.csv", "name the noise model"},
           {"twice.csv", "knob 'adc-bits' named twice"},
           {"repeated.csv", "line 4: the same point as line 2"},
           {"trailing.csv", "line 1: empty column name (a trailing comma?)"},
           {"missing.csv", "missing.csv"}}) {
    try {
      pointsFromCsv((d / bad).string());
      ADD_FAILURE() << bad << " accepted";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(cause), std::string::npos) << e.what();
    }
  }
}

TEST(SweepResults, FinishedRowsAreFoundAndForeignFilesRefused) {
  const fs::path d = freshDir("sweep-results");
  SweepRow row;
  row.point = 0;
  row.seed = 9;
  row.config.adcBits = 7;
  row.fits = {{true, 1}, {true, 1}};
  row.metrics.layers.resize(2);
  const std::string header = csvHeader(2);
  std::ofstream(d / "r.csv") << header << "\n" << csvRow(row) << "\n0,1,trunc";
  const auto done = finishedRows((d / "r.csv").string(), header);
  EXPECT_EQ(done.size(), 1u);
  EXPECT_TRUE(done.count({row.config.key(), 9}));
  EXPECT_THROW(finishedRows((d / "r.csv").string(), csvHeader(3)), InputError);
  EXPECT_TRUE(finishedRows((d / "none.csv").string(), header).empty());
}

TEST(SweepLabels, ParsesAndRejects) {
  const fs::path d = freshDir("sweep-labels");
  std::ofstream(d / "ok.txt") << "# labels\n1, 2 3\n4\n";
  std::ofstream(d / "bad.txt") << "1 2\n3 x\n";
  EXPECT_EQ(loadLabels((d / "ok.txt").string()), (std::vector<int>{1, 2, 3, 4}));
  try {
    loadLabels((d / "bad.txt").string());
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
  }
}

TEST(SweepCli, SmallSweepWritesResultsPlotsAndResumes) {
  const fs::path d = freshDir("sweep-cli");
  const std::string cmd = std::string(WTM_SWEEP_EXE) + " " + kTraceDir +
                          " --adc-bits 6,8,10 --noise-level 0,4 --seeds 2 --frames 40 --no-progress --out " +
                          d.string();
  const CommandResult first = runCommand(cmd);
  ASSERT_EQ(first.status, 0) << first.output;
  EXPECT_NE(first.output.find("(bit-exact)"), std::string::npos) << first.output;
  const auto rows = lines((d / "results.csv").string());
  // 3 x 2 points; level 0 points are deterministic (1 seed), level 4 ones take 2 seeds.
  EXPECT_EQ(rows.size(), 1u + 3u * (1u + 2u));
  EXPECT_TRUE(fs::exists(d / "plots" / "vs_adc-bits.gp"));
  EXPECT_TRUE(fs::exists(d / "plots" / "heatmap_adc-bits_noise-level.dat"));
  if (first.output.find("gnuplot not found") == std::string::npos) {
    EXPECT_GT(fs::file_size(d / "plots" / "vs_adc-bits.png"), 1000u);
    EXPECT_GT(fs::file_size(d / "plots" / "heatmap_adc-bits_noise-level.png"), 1000u);
  }
  // A re-run computes nothing and leaves the same rows.
  const CommandResult second = runCommand(cmd + " --no-plot");
  ASSERT_EQ(second.status, 0) << second.output;
  EXPECT_NE(second.output.find("0 run(s) to do, 9 already in"), std::string::npos) << second.output;
  EXPECT_EQ(lines((d / "results.csv").string()), rows);
}

// Saved rows are reused only for the same inputs and only when they belong to the sweep asked
// for; a wider grid computes just its new points.
TEST(SweepCli, ResumeRefusesRowsOfAnotherSweep) {
  const fs::path d = freshDir("sweep-resume");
  const std::string base = std::string(WTM_SWEEP_EXE) + " " + kTraceDir + " --no-progress --no-plot --out " +
                           d.string() + " --seeds 2 --noise-level 0,4";
  ASSERT_EQ(runCommand(base + " --adc-bits 6,8 --frames 20").status, 0);
  const auto rows = lines((d / "results.csv").string());

  const CommandResult otherFrames = runCommand(base + " --adc-bits 6,8 --frames 10");
  EXPECT_EQ(otherFrames.status, 3) << otherFrames.output;
  EXPECT_NE(otherFrames.output.find("sweep-inputs.json: the results here are of another sweep (frames 20, now 10)"),
            std::string::npos)
      << otherFrames.output;
  const CommandResult narrower = runCommand(base + " --adc-bits 6 --frames 20");
  EXPECT_EQ(narrower.status, 3) << narrower.output;
  EXPECT_NE(narrower.output.find("results.csv: 3 row(s) are not runs of this sweep"), std::string::npos)
      << narrower.output;
  EXPECT_EQ(lines((d / "results.csv").string()), rows);

  // The folder spelt another way is the same folder.
  const std::string slash = std::string(WTM_SWEEP_EXE) + " " + kTraceDir + "/ --no-progress --no-plot --out " +
                            d.string() + " --seeds 2 --noise-level 0,4 --adc-bits 6,8 --frames 20";
  const CommandResult again = runCommand(slash);
  EXPECT_EQ(again.status, 0) << again.output;
  EXPECT_NE(again.output.find("0 run(s) to do, 6 already in"), std::string::npos) << again.output;

  const CommandResult wider = runCommand(base + " --adc-bits 6,8,10 --frames 20");
  ASSERT_EQ(wider.status, 0) << wider.output;
  EXPECT_NE(wider.output.find("3 run(s) to do, 6 already in"), std::string::npos) << wider.output;
  const auto widerRows = lines((d / "results.csv").string());
  // Numbered in the wider grid's order: level 0 points (one seed) first, then level 4 (two seeds).
  std::vector<std::string> points;
  for (std::size_t i = 1; i < widerRows.size(); ++i) points.push_back(widerRows[i].substr(0, widerRows[i].find(',')));
  EXPECT_EQ(points, (std::vector<std::string>{"0", "1", "2", "3", "3", "4", "4", "5", "5"}));

  // A folder whose run ended before its first row is not tied to that run's inputs.
  const fs::path early = freshDir("sweep-resume-early");
  std::ofstream(early / "sweep-inputs.json") << "{\"folder\": \"elsewhere\", \"frames\": 7, \"labels\": \"\"}\n";
  const CommandResult fresh =
      runCommand(std::string(WTM_SWEEP_EXE) + " " + kTraceDir +
                 " --adc-bits 6 --frames 20 --no-progress --no-plot -q --out " + early.string());
  EXPECT_EQ(fresh.status, 0) << fresh.output;
}

// Recordings of different lengths: the runs use the shortest, and the sweep says so.
TEST(SweepCli, RecordingsOfDifferentLengthsAreNoted) {
  const fs::path d = freshDir("sweep-short-recording");
  fs::copy(kTraceDir, d / "folder", fs::copy_options::recursive);
  for (const char* name : {"input0.txt", "output0.txt"}) {
    const fs::path f = d / "folder" / "layer_debug" / "net0" / "5_linear_5" / "round4" / name;
    const auto all = lines(f.string());
    std::ofstream out(f, std::ios::trunc);
    for (std::size_t i = 0; i < 50; ++i) out << all.at(i) << "\n";
  }
  const CommandResult r = runCommand(std::string(WTM_SWEEP_EXE) + " " + (d / "folder").string() +
                                     " --adc-bits 8 --no-plot --no-progress -q --out " + (d / "out").string());
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("recordings differ in length (up to 100 frames): every run uses the first 50"),
            std::string::npos)
      << r.output;
}

// The CSV a sweep leaves does not depend on the thread count: rows finish in any order on
// several threads, and a sweep must reproduce byte for byte on another machine.
TEST(SweepCli, SameSweepOnOneOrTwoThreadsGivesTheSameCsv) {
  std::string csv[2];
  for (unsigned jobs : {1u, 2u}) {
    const fs::path d = freshDir("sweep-jobs" + std::to_string(jobs));
    const CommandResult r = runCommand(std::string(WTM_SWEEP_EXE) + " " + kTraceDir +
                                       " --adc-bits 6,8,10 --noise-level 0,2,4 --seeds 3 --frames 40 --no-progress" +
                                       " --no-plot --jobs " + std::to_string(jobs) + " --out " + d.string());
    ASSERT_EQ(r.status, 0) << r.output;
    std::ifstream f(d / "results.csv", std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    csv[jobs - 1] = ss.str();
  }
  EXPECT_GT(std::count(csv[0].begin(), csv[0].end(), '\n'), 1 + 3 * (1 + 2 * 3) - 1);  // header and 21 rows
  EXPECT_EQ(csv[0], csv[1]);
}

TEST(SweepCli, BadInputsGiveOneLineAndExitCodes) {
  const std::string exe = WTM_SWEEP_EXE;
  const std::string out = " --out " + freshDir("sweep-bad").string();
  struct Case {
    std::string args;
    int status;
    std::string message;
  };
  const std::vector<Case> cases = {
      {kTraceDir + " --adc-bits 4:x", 2, "--adc-bits: 'x' is not a number"},
      {kTraceDir + " --g 100", 2, "G must be a power of two"},
      {kTraceDir + " --noise-level 4 --sigma 2", 2, "the model sigma: give --noise-model"},
      {kTraceDir + " --seeds 0", 2, "at least 1"},
      {"/nonexistent/folder", 3, "/nonexistent/folder"},
      {kTraceDir + " --labels /nonexistent/labels.txt", 3, "/nonexistent/labels.txt: cannot open"},
      {kTraceDir + " --points /nonexistent/p.csv", 3, "/nonexistent/p.csv"},
      {"", 2, "missing DIR"},
  };
  for (const auto& c : cases) {
    const CommandResult r = runCommand(exe + " " + c.args + out);
    EXPECT_EQ(r.status, c.status) << c.args << "\n" << r.output;
    EXPECT_NE(r.output.find(c.message), std::string::npos) << c.args << "\n" << r.output;
  }
  const CommandResult help = runCommand(exe + " --help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.output.find("APPROXIMATE"), std::string::npos);
  EXPECT_NE(help.output.find("Exit codes"), std::string::npos);
}

// --shard K/N and merge: every job in exactly one shard, and the merged folder equals the single
// run's (CSV, plot data and scripts); a missing or doubled shard and a shard of another sweep are
// refused.
TEST(SweepShards, ShardsPartitionTheJobsAndMergeEqualsTheSingleRun) {
  const Shard s = parseShard("2/5");
  EXPECT_TRUE(s.owns(2) && s.owns(7) && !s.owns(3));
  for (const char* bad : {"5/5", "1", "a/2", "1/0", "-1/3", "0/100001"})
    EXPECT_THROW(parseShard(bad), InputError) << bad;

  const fs::path d = freshDir("sweep-shards");
  const std::string base = std::string(WTM_SWEEP_EXE) + " " + kTraceDir +
                           " --adc-bits 6,8 --noise-level 0,4 --seeds 2 --frames 20 --no-progress -q --out ";
  ASSERT_EQ(runCommand(base + (d / "single").string()).status, 0);
  std::string shards;
  for (int k = 0; k < 3; ++k) {
    const std::string dir = (d / ("s" + std::to_string(k))).string();
    const CommandResult r = runCommand(base + dir + " --shard " + std::to_string(k) + "/3");
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_FALSE(fs::exists(fs::path(dir) / "plots"));  // the merge draws them
    shards += " " + dir;
  }
  const std::string merge = std::string(WTM_SWEEP_EXE) + " merge ";
  const CommandResult merged = runCommand(merge + (d / "merged").string() + shards + " -q");
  ASSERT_EQ(merged.status, 0) << merged.output;
  const CommandResult diff = runCommand("diff -r " + (d / "single").string() + " " + (d / "merged").string());
  EXPECT_EQ(diff.status, 0) << diff.output;

  const CommandResult missing =
      runCommand(merge + (d / "m2").string() + " " + (d / "s0").string() + " " + (d / "s2").string() + " -q");
  EXPECT_EQ(missing.status, 3);
  EXPECT_NE(missing.output.find("merge: 2 run(s) missing from the shards"), std::string::npos) << missing.output;
  EXPECT_FALSE(fs::exists(d / "m2" / "results.csv"));  // nothing half-merged left behind
  // A merge does not overwrite a results folder.
  const CommandResult over = runCommand(merge + (d / "merged").string() + shards + " -q");
  EXPECT_EQ(over.status, 3);
  EXPECT_NE(over.output.find("merged/results.csv: exists"), std::string::npos) << over.output;
  const CommandResult twice = runCommand(merge + (d / "m3").string() + shards + " " + (d / "s1").string());
  EXPECT_EQ(twice.status, 3);
  EXPECT_NE(twice.output.find("is also in"), std::string::npos) << twice.output;
  ASSERT_EQ(runCommand(std::string(WTM_SWEEP_EXE) + " " + kTraceDir +
                       " --adc-bits 6 --frames 20 -q --no-progress --out " + (d / "other").string() + " --shard 0/1")
                .status,
            0);
  const CommandResult other = runCommand(merge + (d / "m4").string() + shards + " " + (d / "other").string());
  EXPECT_EQ(other.status, 3);
  EXPECT_NE(other.output.find("another sweep than"), std::string::npos) << other.output;
  // Same command, other inputs (as on a machine whose copy of the folder has fewer frames).
  std::ofstream(d / "s2" / "sweep-inputs.json") << "{\"folder\": \"elsewhere\", \"frames\": 7, \"labels\": \"\"}\n";
  const CommandResult inputs = runCommand(merge + (d / "m5").string() + shards);
  EXPECT_EQ(inputs.status, 3) << inputs.output;
  EXPECT_NE(inputs.output.find("s2/sweep-inputs.json: other inputs than"), std::string::npos) << inputs.output;
}

TEST(SweepShards, SlurmWritesAnArrayAndAMergeJobAndSaysHowToSubmitThemWithoutSbatch) {
  const fs::path d = freshDir("sweep-slurm-scripts");
  const CommandResult r = runCommand("PATH=/nonexistent " + std::string(WTM_SWEEP_EXE) + " " + kTraceDir +
                                     " --adc-bits 6,8 --frames 20 --slurm 3 --slurm-limit 2 --slurm-opts "
                                     "'--partition=short --time=0:10:00' --no-progress -q --out " +
                                     d.string());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("sbatch is not on the PATH"), std::string::npos) << r.output;
  std::ifstream array(d / "slurm" / "wtm-sweep-array.sbatch");
  std::stringstream a;
  a << array.rdbuf();
  for (const char* s : {"#SBATCH --array=0-2%2", "#SBATCH --partition=short", "#SBATCH --time=0:10:00",
                        "--shard ${SLURM_ARRAY_TASK_ID}/3", "--adc-bits 6,8"})
    EXPECT_NE(a.str().find(s), std::string::npos) << s << "\n" << a.str();
  std::ifstream final(d / "slurm" / "wtm-sweep-final.sbatch");
  std::stringstream f;
  f << final.rdbuf();
  EXPECT_NE(f.str().find(" merge "), std::string::npos) << f.str();
  for (const char* bad : {"--slurm 0", "--slurm 2 --shard 0/2", "--slurm 2 --slurm-opts partition=x"}) {
    const CommandResult b =
        runCommand(std::string(WTM_SWEEP_EXE) + " " + kTraceDir + " " + bad + " -q --out " + (d / "bad").string());
    EXPECT_EQ(b.status, 2) << bad << "\n" << b.output;
  }
  // An sbatch that cannot reach its controller: one line, and how to submit the written scripts.
  const fs::path fake = d / "fake-bin";
  fs::create_directories(fake);
  std::ofstream(fake / "sbatch") << "#!/bin/sh\necho 'sbatch: error: Unable to contact slurm controller'\n"
                                    "echo 'more detail'\nexit 1\n";
  fs::permissions(fake / "sbatch", fs::perms::owner_all);
  const CommandResult down =
      runCommand("PATH=" + fake.string() + ":$PATH " + std::string(WTM_SWEEP_EXE) + " " + kTraceDir +
                 " --adc-bits 6 --frames 20 --slurm 2 -q --out " + (d / "down").string());
  EXPECT_EQ(down.status, 3) << down.output;
  EXPECT_NE(down.output.find("Unable to contact slurm controller (the scripts are written"), std::string::npos)
      << down.output;
  EXPECT_EQ(down.output.find("more detail"), std::string::npos) << down.output;
  // The array accepted, the merge refused: only the merge is left to submit (not the array again).
  std::ofstream(fake / "sbatch", std::ios::trunc)
      << "#!/bin/sh\nif [ -f \"$0.ran\" ]; then echo 'sbatch: error: job limit reached'; exit 1; fi\n"
         "touch \"$0.ran\"; echo 4242\n";
  const CommandResult half =
      runCommand("PATH=" + fake.string() + ":$PATH " + std::string(WTM_SWEEP_EXE) + " " + kTraceDir +
                 " --adc-bits 6 --frames 20 --slurm 2 -q --out " + (d / "half").string());
  EXPECT_EQ(half.status, 3) << half.output;
  EXPECT_NE(half.output.find("sbatch: job limit reached (the shard tasks are queued as job 4242; submit the merge: "
                             "sbatch --dependency=afterok:4242"),
            std::string::npos)
      << half.output;
  // An OUT holding an earlier cluster run's shards is refused before anything is queued.
  fs::create_directories(d / "shards" / "0");
  std::ofstream(d / "shards" / "0" / "results.csv") << "point,seed\n";
  const CommandResult again = runCommand("PATH=/nonexistent " + std::string(WTM_SWEEP_EXE) + " " + kTraceDir +
                                         " --adc-bits 6,8,10 --frames 20 --slurm 3 -q --out " + d.string());
  EXPECT_EQ(again.status, 3) << again.output;
  EXPECT_NE(again.output.find("holds an earlier cluster run"), std::string::npos) << again.output;
}
