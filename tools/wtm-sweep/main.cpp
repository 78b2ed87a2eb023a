// wtm-sweep: how a mapped network degrades across ADC, noise, gain and array options. Thin CLI
// over npu::WhatIfEvaluator (the what-if NPU model) and the sweep library of this folder.
#include <boost/program_options.hpp>
#include <csignal>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <optional>
#include <thread>

#include "ExitCodes.h"
#include "LabelsFile.h"
#include "ProgressBar.h"
#include "SweepGrid.h"
#include "SweepInputs.h"
#include "SweepPlots.h"
#include "SweepResults.h"
#include "SweepRunner.h"
#include "SweepShards.h"
#include "ShardedSlurm.h"
#include "SlurmArray.h"
#include "ToolMain.h"
#include "common/InputError.h"
#include "npu/mapper/MapperOutput.h"
#include "common/OptionChecks.h"

namespace po = boost::program_options;
using namespace wtm;
using namespace wtm::sweep;

namespace {

const char* kUsage = R"(Usage: wtm-sweep [options] DIR

Evaluates the mapped network of a witin_mapper output folder DIR (as wtm-regress reads it; the
nets are driven by the layer_debug input traces, else by map/expected_in.bin) at every point of a grid of NPU knobs,
against the ideal model, and writes one CSV row per point and seed plus PNG plots.

Each knob takes a list of values: "a,b,c", a range "start:end[:step]" (step 1 by default), or
both ("4:8,10"). The points are the full grid over the knobs given (the first knob on the
command line varies slowest), or the rows of --points FILE.CSV (a header of knob names).
Knobs not given keep their ideal value, so with no knob the single point is the ideal model.

Per point and seed: for every array layer the mean, std and max |error| in output LSBs and the
cosine similarity of the pre-activation outputs against the ideal model, the bit-exact rate,
whether the layer fits the array geometry (and in how many rounds it runs when it does not),
the decision agreement (argmax of each net's last layer equal to the ideal one) and, with
--labels, the accuracy of the first net. Layers read their inputs from the regfile bytes the
earlier layers of the same run wrote, so errors propagate as on the chip.

The non-ideal models are APPROXIMATE (see docs/npu-model.md and docs/sweep.md): the noise laws
are the vendor's training-time noise models (reference/npu.md section 4.1), not chip
measurements; a layer split over several rounds is assumed to add the ADC codes digitally.
Results are deterministic per (point, seed) whatever --jobs is. Deterministic points (no
noise, no spread, no stuck cells) are run once, with the first seed.

Re-running with the same --out skips the (point, seed) rows already in results.csv; a wider
grid or more seeds computes only the new runs. Rows of another sweep (other mapper folder,
frames or labels, recorded in sweep-inputs.json; points or seeds not asked for) are refused.

On several machines: --shard K/N runs every N-th (point, seed) job from the K-th (0-based) into
its own --out folder; "wtm-sweep merge OUT SHARD_DIR..." joins the shards, checks that every
(point, seed) is there exactly once, and writes OUT as the single run would have (same CSV, byte
for byte, summary and plots). --slurm N does both on a Slurm cluster: it writes an sbatch job
array of N shard tasks and a merge job that waits for them (afterok) under OUT/slurm/, submits
them when sbatch is on the PATH (else prints how), and tells how to follow them.

)";

std::atomic<bool> gStop{false};
void onSignal(int) { gStop = true; }

std::string fmt(double v, int precision = 4) {
  if (std::isnan(v)) return "-";
  std::ostringstream o;
  o << std::setprecision(precision) << v;
  return o.str();
}

// The knob options in command-line order (parsed_options keeps it).
std::vector<std::string> knobOrder(const po::parsed_options& parsed) {
  std::vector<std::string> order;
  for (const auto& o : parsed.options)
    for (const auto& k : knobNames())
      if (o.string_key == k && std::find(order.begin(), order.end(), k) == order.end()) order.push_back(k);
  return order;
}

// The canonical text of a value (as the CSV prints it), so plots match rows whatever the
// user typed ("04" and "4").
std::string canonical(const std::string& knob, const std::string& value) {
  npu::WhatIfConfig c;
  setKnob(c, knob, value);
  return knobValue(c, knob);
}

void printSummary(const ResultTable& t, const std::vector<npu::WhatIfConfig>& points, const std::vector<Axis>& axes,
                  std::size_t layerCount, std::ostream& out) {
  std::vector<std::string> shown;
  for (const auto& a : axes)
    if (a.values.size() > 1) shown.push_back(a.name);
  if (shown.empty())
    for (const auto& a : axes) shown.push_back(a.name);
  const std::string last = "l" + std::to_string(layerCount);
  out << std::left;
  for (const auto& s : shown) out << std::setw(std::max<int>(10, int(s.size()) + 2)) << s;
  out << std::setw(7) << "seeds" << std::setw(6) << "fit" << std::setw(12) << "l1 std" << std::setw(12)
      << (last + " std") << std::setw(12) << (last + " max") << std::setw(12) << (last + " cos") << std::setw(10)
      << "agree";
  if (t.column.count("accuracy") && !t.rows.empty() && !t.rows.front()[t.column.at("accuracy")].empty())
    out << std::setw(10) << "accuracy";
  out << "\n";
  const std::size_t pointCol = t.column.at("point");
  for (std::size_t p = 0; p < points.size(); ++p) {
    const std::vector<std::pair<std::string, std::string>> where = {{"point", std::to_string(p)}};
    std::size_t seeds = 0;
    std::string fit = "-";
    for (const auto& row : t.rows)
      if (row[pointCol] == where[0].second) {
        ++seeds;
        fit = row[t.column.at("all_layers_fit")] == "1" ? "yes" : "no";
      }
    for (const auto& s : shown) out << std::setw(std::max<int>(10, int(s.size()) + 2)) << knobValue(points[p], s);
    out << std::setw(7) << seeds << std::setw(6) << fit << std::setw(12) << fmt(t.meanWhere(where, "l1_std"))
        << std::setw(12) << fmt(t.meanWhere(where, last + "_std")) << std::setw(12)
        << fmt(t.meanWhere(where, last + "_max")) << std::setw(12) << fmt(t.meanWhere(where, last + "_cos"), 6)
        << std::setw(10) << fmt(t.meanWhere(where, "decision_agreement"));
    if (t.column.count("accuracy") && !t.rows.empty() && !t.rows.front()[t.column.at("accuracy")].empty())
      out << std::setw(10) << fmt(t.meanWhere(where, "accuracy"));
    out << "\n";
  }
}

// One spelling per path: "traces/dnn_yxt/" and "./traces/dnn_yxt" are the same folder.
std::string absolute(const std::string& path) {
  std::filesystem::path p = std::filesystem::absolute(path).lexically_normal();
  if (!p.has_filename() && p.has_relative_path()) p = p.parent_path();  // a trailing slash
  return p.string();
}

// The arguments that define a sweep (its folder, points, seeds, frames, labels, knobs), in a form
// that reproduces it anywhere: what shards record and merge replays.
std::vector<std::string> sweepDefinition(const po::variables_map& vm, const std::vector<std::string>& order) {
  std::vector<std::string> args{absolute(vm["dir"].as<std::string>())};
  if (vm.count("points")) args.insert(args.end(), {"--points", absolute(vm["points"].as<std::string>())});
  args.insert(args.end(), {"--seeds", std::to_string(vm["seeds"].as<unsigned>()), "--seed-base",
                           std::to_string(vm["seed-base"].as<std::uint64_t>()), "--frames",
                           std::to_string(vm["frames"].as<std::size_t>())});
  if (vm.count("labels")) args.insert(args.end(), {"--labels", absolute(vm["labels"].as<std::string>())});
  for (const auto& k : order) args.insert(args.end(), {"--" + k, vm[k].as<std::string>()});
  return args;
}

// What a run must do beyond the sweep itself.
struct RunMode {
  bool merging = false;  // `merge`: every job must already be in the results
};

// Ends a run early with this exit code (its message already printed).
struct ExitWith {
  int code;
};

// A message on stderr, then the exit code.
[[noreturn]] void fail(int code, const std::string& message) {
  std::cerr << "wtm-sweep: " << message << "\n";
  throw ExitWith{code};
}

// The command line, checked.
struct SweepCommand {
  po::variables_map vm;
  std::vector<std::string> order;  // knob options in command-line order
  unsigned seeds = 1, threads = 1;
  std::optional<Shard> shard;
  std::optional<tools::SlurmRequest> slurm;
  bool quiet = false;
  std::string dir;
};

SweepCommand parseCommand(int argc, char** argv) {
  po::options_description general("Options");
  // clang-format off
  general.add_options()
      ("help,h", "show this help and exit")
      ("points", po::value<std::string>(), "evaluate the points of this CSV (header: knob names) instead of a grid")
      ("seeds", po::value<unsigned>()->default_value(1), "seeds per random point")
      ("seed-base", po::value<std::uint64_t>()->default_value(1), "first seed")
      ("frames", po::value<std::size_t>()->default_value(0), "use at most N recorded frames (0 = all)")
      ("labels", po::value<std::string>(), "class label per frame (integers) for an accuracy column")
      ("out,o", po::value<std::string>()->default_value("sweep-out"), "output folder: results.csv, plots/")
      ("jobs,j", po::value<unsigned>()->default_value(std::max(1u, std::thread::hardware_concurrency())),
       "worker threads (default: all cores)")
      ("no-plot", "write results.csv only")
      ("no-progress", "never draw the progress bar (drawn only when stderr is a terminal)")
      ("quiet,q", "no summary table")
      ("shard", po::value<std::string>(), "K/N: run only the jobs of shard K of N (0 <= K < N), for merge");
  // clang-format on
  tools::addSlurmOptions(general, "the sweep");
  po::options_description knobs("Knobs (each a list: a,b,c or start:end[:step]; ideal value in brackets)");
  // clang-format off
  knobs.add_options()
      ("noise-model", po::value<std::string>(),
       "per-evaluation noise law: none, normal, simple, mbs (witin_nn laws) or sigma [none; normal when "
       "--noise-level is given, sigma when --sigma is]")
      ("noise-level", po::value<std::string>(), "noise level of the law (witin_nn levels, 4 = the chip's) [0]")
      ("sigma", po::value<std::string>(), "constant per-cell read noise sigma, weight LSBs (model sigma) [0]")
      ("prog-level", po::value<std::string>(), "programming error: witin_nn NORMAL law at this level, fixed per seed [0]")
      ("adc-bits", po::value<std::string>(), "ADC resolution [10]")
      ("adc-full-scale", po::value<std::string>(), "ADC full scale, +/- output LSBs [128]")
      ("adc-offset", po::value<std::string>(), "ADC offset common to all columns, ADC LSBs [0]")
      ("adc-offset-sigma", po::value<std::string>(), "ADC offset spread per column, ADC LSBs [0]")
      ("adc-gain", po::value<std::string>(), "ADC gain error common to all columns, relative [0]")
      ("adc-gain-sigma", po::value<std::string>(), "ADC gain error spread per column, relative [0]")
      ("g", po::value<std::string>(), "gain G of every round, a power of two >= 4 (0 = the mapper's) [0]")
      ("input-bits", po::value<std::string>(), "input precision: inputs keep this many MSBs [8]")
      ("stuck-rate", po::value<std::string>(), "fraction of cells stuck at 0, per seed [0]")
      ("rows", po::value<std::string>(), "array input rows (0 = 1792) [0]")
      ("columns", po::value<std::string>(), "array columns (0 = 1024) [0]")
      ("reserved-columns", po::value<std::string>(), "columns not usable by layers [0]");
  // clang-format on
  po::options_description hidden;
  hidden.add_options()("dir", po::value<std::string>(), "mapper output folder");
  po::options_description all;
  all.add(general).add(knobs).add(hidden);
  po::positional_options_description positional;
  positional.add("dir", 1);

  SweepCommand cmd;
  po::variables_map& vm = cmd.vm;
  try {
    const auto parsed = po::command_line_parser(argc, argv).options(all).positional(positional).run();
    wtm::rejectNegativeUnsigned(parsed);
    po::store(parsed, vm);
    po::notify(vm);
    cmd.order = knobOrder(parsed);
  } catch (const po::error& e) {
    fail(kExitUsage, std::string(e.what()) + " (try --help)");
  }
  if (vm.count("help")) {
    std::cout << kUsage << tools::exit_code::exitCodeHelp(kExitCodeMeanings) << "\n"
              << general << "\n"
              << knobs << "\n";
    throw ExitWith{kExitOk};
  }
  if (!vm.count("dir")) fail(kExitUsage, "missing DIR (try --help)");
  cmd.dir = vm["dir"].as<std::string>();
  cmd.seeds = vm["seeds"].as<unsigned>();
  cmd.threads = vm["jobs"].as<unsigned>();
  cmd.quiet = vm.count("quiet") > 0;
  if (cmd.seeds == 0 || cmd.threads == 0) fail(kExitUsage, "--seeds and --jobs must be at least 1");
  if (vm.count("points") && !cmd.order.empty())
    fail(kExitUsage, "--points cannot be combined with knob options (put the knobs in the CSV)");
  try {
    if (vm.count("shard")) cmd.shard = parseShard(vm["shard"].as<std::string>());
    cmd.slurm = tools::slurmRequest(vm);
  } catch (const InputError& e) {
    fail(kExitUsage, e.what());
  }
  return cmd;
}

// The points of the sweep and the axes that vary across them (for the summary and plots).
struct SweepPoints {
  std::vector<Axis> axes;
  std::vector<npu::WhatIfConfig> points;
};

SweepPoints sweepPoints(const SweepCommand& cmd) {
  const po::variables_map& vm = cmd.vm;
  SweepPoints sp;
  try {
    for (const auto& k : cmd.order) {
      Axis a{k, {}};
      for (const auto& v : expandValues(k, vm[k].as<std::string>())) {
        const std::string c = canonical(k, v);
        if (std::find(a.values.begin(), a.values.end(), c) == a.values.end()) a.values.push_back(c);
      }
      sp.axes.push_back(std::move(a));
    }
    if (!vm.count("noise-model") && vm.count("noise-level") && vm.count("sigma"))
      throw InputError("command line",
                       "--noise-level implies --noise-model normal and --sigma the model sigma: "
                       "give --noise-model");
    if (!vm.count("noise-model") && vm.count("noise-level")) sp.axes.push_back({"noise-model", {"normal"}});
    if (!vm.count("noise-model") && vm.count("sigma")) sp.axes.push_back({"noise-model", {"sigma"}});
    if (vm.count("points")) {
      sp.points = pointsFromCsv(vm["points"].as<std::string>());
      // Every knob that varies across the file is an axis, for the summary and plots.
      for (const auto& k : knobNames()) {
        Axis a{k, {}};
        for (const auto& p : sp.points) {
          const std::string v = knobValue(p, k);
          if (std::find(a.values.begin(), a.values.end(), v) == a.values.end()) a.values.push_back(v);
        }
        if (a.values.size() > 1) sp.axes.push_back(std::move(a));
      }
    } else {
      // The implied noise model goes first so it does not change the point order of the others.
      std::stable_partition(sp.axes.begin(), sp.axes.end(),
                            [&](const Axis& a) { return a.name == "noise-model" && !vm.count("noise-model"); });
      sp.points = gridPoints(sp.axes);
    }
    for (std::size_t p = 0; p < sp.points.size(); ++p) {
      try {
        sp.points[p].validate();
      } catch (const std::invalid_argument& e) {
        throw InputError("point " + std::to_string(p) + " (" + sp.points[p].key() + ")", e.what());
      }
    }
  } catch (const InputError& e) {
    const bool inPointsFile = vm.count("points") && std::string(e.what()).rfind(vm["points"].as<std::string>(), 0) == 0;
    fail(inPointsFile ? kExitBadInput : kExitUsage, e.what());
  }
  return sp;
}

// The mapped network, its evaluator and the ideal run the points are compared with.
struct SweepModel {
  std::vector<int> labels;
  std::unique_ptr<npu::MapperOutput> model;
  std::unique_ptr<npu::WhatIfEvaluator> evaluator;
  npu::WhatIfRun ideal;
  npu::RecordedAgreement recorded;
  std::size_t layerCount() const { return evaluator->layers().size(); }
  bool idealDiffers() const { return recorded.compared && !recorded.exact(); }
};

std::unique_ptr<SweepModel> loadModel(const SweepCommand& cmd) {
  const po::variables_map& vm = cmd.vm;
  auto m = std::make_unique<SweepModel>();
  try {
    if (vm.count("labels")) m->labels = loadLabels(vm["labels"].as<std::string>());
    m->model = std::make_unique<npu::MapperOutput>(npu::MapperOutput::load(cmd.dir));
    m->evaluator = std::make_unique<npu::WhatIfEvaluator>(*m->model, vm["frames"].as<std::size_t>());
  } catch (const InputError& e) {
    fail(kExitBadInput, e.what());
  }
  if (!m->model->disagreements.empty())
    std::cerr << "wtm-sweep: warning: " << m->model->disagreements.size()
              << " disagreement(s) between the folder's files (wtm-regress lists them)\n";
  const std::size_t asked = vm["frames"].as<std::size_t>();
  if (m->evaluator->longestRecording() > m->evaluator->frames() && (asked == 0 || asked > m->evaluator->frames()))
    std::cerr << "wtm-sweep: note: the layers' recordings differ in length (up to " << m->evaluator->longestRecording()
              << " frames): every run uses the first " << m->evaluator->frames() << ", the length of the shortest\n";
  if (!m->labels.empty() && m->labels.size() < m->evaluator->frames())
    std::cerr << "wtm-sweep: warning: " << m->labels.size() << " labels for " << m->evaluator->frames()
              << " frames; accuracy counts the labelled frames only\n";
  m->ideal = m->evaluator->run(npu::WhatIfConfig{}, vm["seed-base"].as<std::uint64_t>());
  m->recorded = m->evaluator->compareWithRecorded(m->ideal);
  const npu::RecordedAgreement& recorded = m->recorded;
  if (!cmd.quiet) {
    std::cout << "wtm-sweep: " << cmd.dir << ": " << m->layerCount() << " array layer(s), " << m->evaluator->frames()
              << " frame(s); ideal model vs recorded outputs: ";
    if (recorded.compared)
      std::cout << recorded.equal << "/" << recorded.compared << " equal over " << recorded.layersCompared
                << " layer(s)" << (recorded.exact() ? " (bit-exact)" : "") << "\n";
    else std::cout << "no recorded outputs\n";
  }
  if (m->idealDiffers())
    std::cerr << "wtm-sweep: warning: the ideal model differs from the recorded outputs in "
              << recorded.compared - recorded.equal << " value(s): errors below are against the model, not the chip\n";
  return m;
}

// The shards of this sweep and their merge, submitted to the cluster.
void submitToSlurm(const SweepCommand& cmd) {
  try {
    std::string args;
    for (const auto& a : sweepDefinition(cmd.vm, cmd.order)) args += (args.empty() ? "" : " ") + tools::shellWord(a);
    tools::submitShards("wtm-sweep", *cmd.slurm, cmd.vm["out"].as<std::string>(), args, "",
                        cmd.vm.count("no-plot") ? " --no-plot" : "", std::cout);
  } catch (const InputError& e) {
    fail(kExitBadInput, e.what());
  }
}

// What the rows depend on besides their point and seed.
SweepInputs sweepInputs(const SweepCommand& cmd, const SweepModel& m) {
  return {absolute(cmd.dir), m.evaluator->frames(),
          cmd.vm.count("labels") ? absolute(cmd.vm["labels"].as<std::string>()) : std::string()};
}

// The (point, seed) jobs not yet in results.csv (of this shard), and how many were.
struct PendingJobs {
  std::vector<SweepJob> jobs;
  std::size_t skipped = 0;
};

PendingJobs pendingJobs(const SweepCommand& cmd, const SweepPoints& sp, const SweepInputs& inputs,
                        const std::string& outDir, const std::string& csvPath, const std::string& header) {
  PendingJobs pending;
  try {
    std::error_code ec;
    std::filesystem::create_directories(outDir, ec);
    if (ec) throw InputError(outDir, "cannot create folder: " + ec.message());
    auto done = finishedRows(csvPath, header);
    // Without a saved row nothing ties the folder to its earlier inputs (a run that failed or was
    // interrupted before its first row): the claim is this run's.
    claimResultsFolder(outDir, inputs, /*replace=*/done.empty());
    std::size_t index = 0;  // of the job in the whole sweep, for the shards
    for (std::size_t p = 0; p < sp.points.size(); ++p)
      for (std::uint64_t s : seedsFor(sp.points[p], cmd.vm["seed-base"].as<std::uint64_t>(), cmd.seeds)) {
        if (cmd.shard && !cmd.shard->owns(index++)) continue;
        if (done.erase({sp.points[p].key(), s})) {
          ++pending.skipped;
          continue;
        }
        pending.jobs.push_back({p, s, sp.points[p]});
      }
    // Rows of other points or seeds would be summarised and plotted as if they belonged here.
    if (!done.empty())
      throw InputError(csvPath, std::to_string(done.size()) + " row(s) are not runs of this sweep (e.g. " +
                                    done.begin()->first + " seed " + std::to_string(done.begin()->second) +
                                    "): give a grid and seeds that include them, or another --out");
    if (cmd.shard) writeSweepCommand(outDir, sweepDefinition(cmd.vm, cmd.order));
  } catch (const InputError& e) {
    fail(kExitBadInput, e.what());
  }
  return pending;
}

// Runs the jobs on the worker threads, appending one flushed CSV row per finished job (an
// interrupted sweep resumes from the rows written).
void runJobs(const SweepCommand& cmd, const SweepModel& m, const std::vector<SweepJob>& jobs,
             const std::string& csvPath, const std::string& header) {
  std::ofstream csv;
  const bool fresh = !std::filesystem::exists(csvPath) || std::filesystem::file_size(csvPath) == 0;
  csv.open(csvPath, std::ios::app);
  if (!csv) fail(kExitBadInput, csvPath + ": cannot write");
  if (fresh) csv << header << "\n" << std::flush;

  std::signal(SIGINT, onSignal);
  tools::ProgressBar bar(!cmd.vm.count("no-progress"));
  std::size_t finished = 0;
  SweepRunOptions options;
  options.threads = cmd.threads;
  options.labels = m.labels.empty() ? nullptr : &m.labels;
  options.stop = &gStop;
  options.onRow = [&](const SweepRow& row) {
    csv << csvRow(row) << "\n" << std::flush;
    bar.update(++finished, jobs.size(), "point " + std::to_string(row.point) + " seed " + std::to_string(row.seed));
  };
  runSweep(*m.evaluator, m.ideal, jobs, options);
  bar.finish();
  csv.close();
  if (gStop)
    fail(kExitInterrupted, "interrupted after " + std::to_string(finished) + " of " + std::to_string(jobs.size()) +
                               " run(s); re-run to resume");
}

// Sorted results, then (unless this is a shard, whose summary and plots come with the merge)
// the summary table and the plots.
void reportResults(const SweepCommand& cmd, const SweepPoints& sp, const SweepModel& m, const std::string& outDir,
                   const std::string& csvPath) {
  try {
    sortResults(csvPath, sp.points);
    if (cmd.shard) {
      if (!cmd.quiet)
        std::cout << "wtm-sweep: shard " << cmd.shard->index << "/" << cmd.shard->count << ": results in " << csvPath
                  << "\n";
      return;
    }
    const ResultTable table = readResults(csvPath);
    if (!cmd.quiet) printSummary(table, sp.points, sp.axes, m.layerCount(), std::cout);
    std::cout << "wtm-sweep: results in " << csvPath << "\n";
    if (!cmd.vm.count("no-plot")) {
      const PlotOutcome plots = makePlots(csvPath, outDir, sp.axes, m.layerCount());
      for (const auto& img : plots.images) std::cout << "wtm-sweep: plot " << img << "\n";
      if (!plots.note.empty()) std::cerr << "wtm-sweep: " << plots.note << "\n";
    }
  } catch (const InputError& e) {
    fail(kExitBadInput, e.what());
  }
}

int run(int argc, char** argv, const RunMode& mode = {}) {
  try {
    const SweepCommand cmd = parseCommand(argc, argv);
    const SweepPoints sp = sweepPoints(cmd);
    const auto model = loadModel(cmd);
    if (cmd.slurm) {
      submitToSlurm(cmd);
      return kExitOk;
    }
    const std::string outDir = cmd.vm["out"].as<std::string>();
    const std::string csvPath = (std::filesystem::path(outDir) / "results.csv").string();
    const std::string header = csvHeader(model->layerCount());
    const PendingJobs pending = pendingJobs(cmd, sp, sweepInputs(cmd, *model), outDir, csvPath, header);
    if (mode.merging && !pending.jobs.empty())
      fail(kExitBadInput, "merge: " + std::to_string(pending.jobs.size()) +
                              " run(s) missing from the shards, e.g. point " +
                              std::to_string(pending.jobs.front().point) + " seed " +
                              std::to_string(pending.jobs.front().seed) + " (a shard that did not finish? re-run it)");
    if (!cmd.quiet)
      std::cout << "wtm-sweep: " << sp.points.size() << " point(s), " << pending.jobs.size() << " run(s) to do"
                << (pending.skipped ? ", " + std::to_string(pending.skipped) + " already in " + csvPath : std::string())
                << ", " << std::min<std::size_t>(cmd.threads, std::max<std::size_t>(1, pending.jobs.size()))
                << " thread(s)\n";
    runJobs(cmd, *model, pending.jobs, csvPath, header);
    reportResults(cmd, sp, *model, outDir, csvPath);
    return model->idealDiffers() ? kExitIdealDiffers : kExitOk;
  } catch (const ExitWith& e) {
    return e.code;
  }
}

// What a merge that failed has written into its (new) OUT: nothing half-merged is left behind.
void removeMergeOutputs(const std::string& out) {
  std::error_code ec;
  for (const char* f : {"results.csv", kInputsFile}) std::filesystem::remove(std::filesystem::path(out) / f, ec);
}

// wtm-sweep merge OUT SHARD_DIR... [--no-plot] [-q]
int merge(int argc, char** argv) {
  std::vector<std::string> shardDirs;
  std::vector<std::string> passOn;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--no-plot" || a == "-q" || a == "--quiet" || a == "--no-progress") passOn.push_back(a);
    else if (a == "-h" || a == "--help") {
      std::cout << "Usage: wtm-sweep merge OUT SHARD_DIR... [--no-plot] [-q]\n\nJoins the results of the shards "
                   "(wtm-sweep ... --shard K/N --out SHARD_DIR) into OUT: every (point, seed) of the\nsweep exactly "
                   "once, the CSV identical to the single run's, then its summary and plots.\n";
      return kExitOk;
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "wtm-sweep merge: unknown option " << a << " (try --help)\n";
      return kExitUsage;
    } else shardDirs.push_back(a);
  }
  if (shardDirs.size() < 2) {
    std::cerr << "wtm-sweep merge: give OUT and at least one SHARD_DIR (try --help)\n";
    return kExitUsage;
  }
  const std::string out = shardDirs.front();
  shardDirs.erase(shardDirs.begin());
  bool writing = false;  // past the checks: OUT is this merge's
  std::vector<std::string> definition;
  try {
    definition = readSweepCommand(shardDirs.front());
    for (const auto& d : shardDirs)
      if (readSweepCommand(d) != definition)
        throw InputError((std::filesystem::path(d) / kCommandFile).string(),
                         "another sweep than " + shardDirs.front() + " (different command)");
    tools::prepareMergeFolder(out);
    // The shards' inputs (all the same, or refused) before any row is written; the run below
    // checks them against this machine's.
    writing = true;
    copySameInputs(shardDirs, out);
    mergeShardResults(shardDirs, (std::filesystem::path(out) / "results.csv").string());
  } catch (const InputError& e) {
    std::cerr << "wtm-sweep merge: " << e.what() << "\n";
    if (writing) removeMergeOutputs(out);
    return kExitBadInput;
  }
  std::vector<std::string> args{argv[0]};
  args.insert(args.end(), definition.begin(), definition.end());
  args.insert(args.end(), {"--out", out, "--jobs", "1", "--no-progress"});
  args.insert(args.end(), passOn.begin(), passOn.end());
  std::vector<char*> cargs;
  for (auto& a : args) cargs.push_back(a.data());
  cargs.push_back(nullptr);
  const int code = run(static_cast<int>(args.size()), cargs.data(), RunMode{true});
  if (code != kExitOk && code != kExitIdealDiffers) removeMergeOutputs(out);
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  return tools::toolMain(
      "wtm-sweep", argc, argv, [](int c, char** v) { return run(c, v); }, merge, kExitBadInput, kExitInternal);
}
