#include "npu/GoldenRegression.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>

#include "npu/ArrayGeometry.h"
#include "npu/NpuCore.h"
#include "npu/mapper/LayerTrace.h"
#include "npu/mapper/MapperOutput.h"

namespace wtm::npu {

const char* regressionModeName(RegressionMode mode) {
  switch (mode) {
    case RegressionMode::LayerDebug: return "layer_debug";
    case RegressionMode::Chained: return "chained";
    case RegressionMode::Expected: return "expected";
    case RegressionMode::Blob: return "blob";
  }
  return "?";
}

ErrorStats RegressionReport::total() const {
  ErrorStats s;
  for (const auto& c : comparisons) s.merge(c.stats);
  return s;
}

ErrorStats RegressionReport::total(RegressionMode mode) const {
  ErrorStats s;
  for (const auto& c : comparisons)
    if (c.mode == mode) s.merge(c.stats);
  return s;
}

std::size_t RegressionReport::comparedCount() const {
  std::size_t n = 0;
  for (const auto& c : comparisons) n += !c.skipped;
  return n;
}

std::size_t RegressionReport::skippedCount() const {
  std::size_t n = 0;
  for (const auto& c : comparisons) n += c.comparedNothing();
  return n;
}

bool RegressionReport::allExact() const {
  const ErrorStats t = total();
  return t.total() > 0 && t.allExact();
}

namespace {

// Lazily loaded traces of one round, shared by the layer_debug and chained modes.
struct RoundTraces {
  std::unique_ptr<LayerTrace> input, output;
};

class Runner {
 public:
  Runner(const MapperOutput& out, const RegressionOptions& opt, const ProgressCallback& progress)
      : out_(out), opt_(opt), progress_(progress) {
    core_.array() = out.array;
    if (opt.nonIdeal) core_.useNonIdeal(*opt.nonIdeal);
  }

  RegressionReport run() {
    const auto start = std::chrono::steady_clock::now();
    report_.directory = out_.directory;
    report_.disagreements = out_.disagreements;
    report_.notes = out_.notes;
    report_.nonIdeal = opt_.nonIdeal.has_value();
    if (opt_.nonIdeal) report_.nonIdealDescription = opt_.nonIdeal->describe();
    const auto rounds = out_.arrayRounds();
    std::size_t blobSteps = 0;
    for (const MapperRound* r : rounds) blobSteps += r->diff.has_value();
    totalSteps_ = (opt_.layerDebug ? rounds.size() : 0) + (opt_.chained ? rounds.size() : 0) +
                  (opt_.expected && out_.hasExpectedBins() ? rounds.size() : 0) + (opt_.blob ? blobSteps : 0);
    if (opt_.layerDebug) runLayerDebug();
    if (opt_.chained) runChained();
    if (opt_.expected) runExpected();
    if (opt_.blob) runBlob();
    report_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return std::move(report_);
  }

 private:
  std::size_t frameLimit(std::size_t available) const {
    return opt_.maxFrames ? std::min(available, opt_.maxFrames) : available;
  }

  void step(const std::string& what) {
    ++doneSteps_;
    if (progress_) progress_(doneSteps_, totalSteps_, what);
  }

  LayerComparison start(RegressionMode mode, const MapperRound& r) const {
    LayerComparison c;
    c.mode = mode;
    c.net = r.net;
    c.round = r.index;
    c.layer = r.layerName;
    c.width = std::size_t(r.config.columns());
    return c;
  }

  void finish(LayerComparison c, const std::string& label) {
    report_.comparisons.push_back(std::move(c));
    step(label);
  }

  RoundTraces& traces(const MapperRound& r) {
    RoundTraces& t = traces_[{r.net, r.index}];
    if (!t.input && !r.inputTrace.empty())
      t.input =
          std::make_unique<LayerTrace>(LayerTrace::load(r.inputTrace, TraceKind::Input, std::size_t(r.config.rows())));
    if (!t.output && !r.outputTrace.empty())
      t.output = std::make_unique<LayerTrace>(
          LayerTrace::load(r.outputTrace, TraceKind::Output, std::size_t(r.config.columns())));
    return t;
  }

  // Compares post-LUT bytes (as the signed bytes the traces print).
  static void compareBytes(ErrorStats& s, const LayerTrace& expected, std::size_t frame, const std::uint8_t* got,
                           std::size_t width) {
    for (std::size_t c = 0; c < width; ++c)
      s.add(expected.signedAt(frame, c), static_cast<std::int8_t>(got[c]), frame, c);
  }

  void runLayerDebug() {
    for (const MapperRound* r : out_.arrayRounds()) {
      LayerComparison c = start(RegressionMode::LayerDebug, *r);
      RoundTraces& t = traces(*r);
      if (!t.input || !t.output) {
        c.skipped = true;
        c.note = "no layer_debug input0/output0 trace";
      } else if (!r->lutKnown) {
        c.skipped = true;
        c.note = "LUT contents unknown";
      } else {
        const std::size_t frames = frameLimit(std::min(t.input->frames, t.output->frames));
        if (t.input->frames != t.output->frames)
          c.note =
              "input0 has " + std::to_string(t.input->frames) + " frames, output0 " + std::to_string(t.output->frames);
        const std::size_t cols = c.width;
        std::vector<std::int8_t> pre(frames * cols);
        core_.evaluate(r->config, t.input->bytes.data(), frames, t.input->width, pre.data(), cols);
        std::vector<std::uint8_t> stored(cols);
        for (std::size_t f = 0; f < frames; ++f) {
          for (std::size_t k = 0; k < cols; ++k) stored[k] = applyLut(r->lut, pre[f * cols + k]);
          compareBytes(c.stats, *t.output, f, stored.data(), cols);
        }
        c.frames = frames;
      }
      finish(std::move(c), "layer_debug " + r->label());
    }
  }

  // A round's recorded input0 must hold what the earlier rounds of its net wrote there (in the
  // golden folder the files are byte-identical): otherwise the trace itself is wrong, which the
  // layer_debug mode would only show as a wrong output of this round.
  void checkRecordedInput(const MapperRound& r, const LayerTrace& recorded, const std::vector<std::uint8_t>& regfiles,
                          const std::vector<std::uint8_t>& written, std::size_t frames) {
    const RoundConfig& cfg = r.config;
    for (std::size_t f = 0; f < frames; ++f)
      for (int i = 0; i < cfg.rows(); ++i) {
        const std::size_t addr = std::size_t(cfg.inputAddr + i);
        if (!written[addr] || regfiles[f * kRegfileBytes + addr] == recorded.frame(f)[i]) continue;
        report_.disagreements.push_back(
            r.inputTrace + ": frame " + std::to_string(f) + " (row " + std::to_string(f + 1) + ") input " +
            std::to_string(i) + " is " + std::to_string(recorded.frame(f)[i]) + ", but the earlier rounds of net" +
            std::to_string(r.net) + " write " + std::to_string(regfiles[f * kRegfileBytes + addr]) + " there");
        return;  // the first one locates it
      }
  }

  void runChained() {
    for (const MapperNet& net : out_.nets) {
      std::vector<const MapperRound*> rounds;
      for (const MapperRound& r : net.rounds)
        if (r.isArrayRound()) rounds.push_back(&r);
      if (rounds.empty()) continue;
      // Frames: the shortest recording among the net's traces.
      std::size_t frames = 0;
      bool any = false;
      for (const MapperRound* r : rounds) {
        RoundTraces& t = traces(*r);
        for (const LayerTrace* tr : {t.input.get(), t.output.get()})
          if (tr) {
            frames = any ? std::min(frames, tr->frames) : tr->frames;
            any = true;
          }
      }
      frames = frameLimit(frames);
      std::vector<std::uint8_t> regfiles(frames * kRegfileBytes, 0);
      std::vector<std::uint8_t> written(kRegfileBytes, 0);  // byte produced by the model in this net
      bool chainExact = true;                               // every round so far matched its recorded output
      for (const MapperRound* r : rounds) {
        LayerComparison c = start(RegressionMode::Chained, *r);
        c.frames = frames;
        const RoundConfig& cfg = r->config;
        RoundTraces& t = traces(*r);
        const int rows = cfg.rows();
        int fromModel = 0;
        for (int i = 0; i < rows; ++i) fromModel += written[std::size_t(cfg.inputAddr + i)];
        if (!any || frames == 0) {
          c.skipped = true;
          c.note = "no traces for this net";
        } else if (fromModel < rows && !t.input) {
          c.skipped = true;
          c.note = "input not produced by earlier rounds and no input0 trace";
        } else if (!r->lutKnown) {
          c.skipped = true;
          c.note = "LUT contents unknown";
        } else {
          if (fromModel < rows) {
            for (std::size_t f = 0; f < frames; ++f)
              for (int i = 0; i < rows; ++i)
                if (!written[std::size_t(cfg.inputAddr + i)])
                  regfiles[f * kRegfileBytes + std::size_t(cfg.inputAddr + i)] = t.input->frame(f)[i];
          }
          c.note = "input " + std::to_string(fromModel) + "/" + std::to_string(rows) + " bytes from the model";
          // Only while the chain so far matched its recorded outputs: then what the model wrote is
          // what the earlier traces hold, and a difference is this trace's own.
          if (!opt_.nonIdeal && t.input && fromModel > 0 && chainExact)
            checkRecordedInput(*r, *t.input, regfiles, written, frames);
          core_.executeRound(cfg, regfiles.data(), frames, kRegfileBytes, &r->lut);
          for (int k = 0; k < cfg.columns(); ++k) written[std::size_t(cfg.outputAddr + k)] = 1;
          if (t.output) {
            for (std::size_t f = 0; f < frames; ++f)
              compareBytes(c.stats, *t.output, f, &regfiles[f * kRegfileBytes + std::size_t(cfg.outputAddr)], c.width);
            chainExact &= c.stats.exact() == c.stats.total();
          } else {
            c.skipped = true;
            c.note += "; no output0 trace to compare";
            chainExact = false;
          }
        }
        finish(std::move(c), "chained " + r->label());
      }
    }
  }

  void runExpected() {
    if (!out_.hasExpectedBins()) {  // listed as skipped, so that lost bins do not pass unseen
      for (const MapperRound* r : out_.arrayRounds()) {
        LayerComparison c = start(RegressionMode::Expected, *r);
        c.skipped = true;
        c.note = "no map/expected_in.bin and expected_out.bin";
        finish(std::move(c), "expected " + r->label());
      }
      return;
    }
    const ExpectedBins bins = out_.loadExpectedBins();
    if (!bins.headerNote.empty()) report_.notes.push_back(bins.headerNote);
    const auto rounds = out_.arrayRounds();
    const std::size_t frames = frameLimit(bins.frames);
    for (std::size_t l = 0; l < rounds.size(); ++l) {
      const MapperRound& r = *rounds[l];
      LayerComparison c = start(RegressionMode::Expected, r);
      c.frames = frames;
      const std::size_t cols = c.width;
      const std::size_t rows = std::size_t(r.config.rows());
      std::vector<std::int8_t> pre(frames * cols);
      core_.evaluate(r.config, bins.layers[l].inputs.data(), frames, rows, pre.data(), cols);
      for (std::size_t f = 0; f < frames; ++f)
        for (std::size_t k = 0; k < cols; ++k)
          c.stats.add(bins.layers[l].outputs[f * cols + k], pre[f * cols + k], f, k);
      finish(std::move(c), "expected " + r.label());
    }
  }

  void runBlob() {
    for (const MapperRound* r : out_.arrayRounds()) {
      if (!r->diff) continue;
      const DiffInfo& d = *r->diff;
      LayerComparison c = start(RegressionMode::Blob, *r);
      const std::size_t rows = std::size_t(r->config.rows()), cols = c.width;
      const RawSpan ins[2] = {d.expectInput0, d.expectInput1};
      const RawSpan outs[2] = {d.expectOutput0, d.expectOutput1};
      std::vector<std::uint8_t> inputs;
      std::vector<std::int8_t> expected;
      for (int s = 0; s < 2; ++s) {
        if (std::size_t(ins[s].length) != rows || std::size_t(outs[s].length) != cols) continue;
        const auto in = out_.blob.rawBytes(ins[s]);
        const auto o = out_.blob.rawBytes(outs[s]);
        inputs.insert(inputs.end(), in.begin(), in.end());
        for (std::uint8_t b : o) expected.push_back(static_cast<std::int8_t>(b));
      }
      const std::size_t frames = inputs.size() / std::max<std::size_t>(rows, 1);
      c.frames = frames;
      if (frames == 0) {
        c.skipped = true;
        c.note = "sample lengths do not match the round";
      } else {
        // Compensation samples are pre-activation (their record copy selects no LUT).
        std::vector<std::int8_t> pre(frames * cols);
        core_.evaluate(r->config, inputs.data(), frames, rows, pre.data(), cols);
        for (std::size_t f = 0; f < frames; ++f)
          for (std::size_t k = 0; k < cols; ++k) c.stats.add(expected[f * cols + k], pre[f * cols + k], f, k);
      }
      finish(std::move(c), "blob " + r->label());
    }
  }

  const MapperOutput& out_;
  const RegressionOptions& opt_;
  const ProgressCallback& progress_;
  NpuCore core_;
  RegressionReport report_;
  std::map<std::pair<int, int>, RoundTraces> traces_;
  std::size_t totalSteps_ = 0, doneSteps_ = 0;
};

}  // namespace

RegressionReport runGoldenRegression(const MapperOutput& output, const RegressionOptions& options,
                                     const ProgressCallback& progress) {
  return Runner(output, options, progress).run();
}

}  // namespace wtm::npu
