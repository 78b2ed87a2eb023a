// wtm-regress: run the NPU model on a witin_mapper output folder and compare with its golden
// traces. Thin CLI over npu::MapperOutput and npu::runGoldenRegression.
#include <boost/program_options.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "ExitCodes.h"
#include "ProgressBar.h"
#include "ToolOptions.h"
#include "ReportWriter.h"
#include "common/InputError.h"
#include "npu/GoldenRegression.h"
#include "npu/NonIdealOptions.h"
#include "npu/mapper/MapperOutput.h"
#include "common/OptionChecks.h"

namespace po = boost::program_options;
using namespace wtm;
using namespace wtm::regress;

namespace {

const char* kUsage = R"(Usage: wtm-regress [options] DIR

Runs the WTM2101 NPU model on a witin_mapper output folder DIR (register.bin or register.c,
params/ or map/map.csv, and whatever of BoardConfigDebug.json, addr.csv, map/layers.txt,
layer_debug/, map/expected_{in,out}.bin it holds) and compares with the recorded values:
  layer_debug  every array round on its recorded input0.txt vs its output0.txt
  chained      each net end to end, every round fed by the model's own earlier outputs
  expected     map/expected_in.bin -> pre-activation outputs vs map/expected_out.bin
  blob         the compensation samples stored in the register blob
The files are cross-checked first; disagreements are listed.

Ideal mode (default) is the mapper's bit-exact integer arithmetic. --nonideal runs the analog
model instead (programming error, read noise, ADC, stuck cells; see docs/npu-model.md). The
non-ideal model is APPROXIMATE: its defaults come from the vendor's training noise model and
stated assumptions, not from measurements of a chip; it reports error statistics, not a
pass/fail. Same --seed, same options -> bit-identical results.

)";

std::ostream* openReport(const std::string& path, std::ofstream& file) {
  if (path == "-") return &std::cout;
  file.open(path);
  if (!file) throw InputError(path, std::string("cannot create report file: ") + std::strerror(errno));
  return &file;
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description general("Options");
  // clang-format off
  general.add_options()
      ("help,h", "show this help and exit")
      ("modes", po::value<std::string>()->default_value("all"),
       "comma-separated subset of layer_debug,chained,expected,blob (or all)")
      ("frames", po::value<std::size_t>()->default_value(0), "compare at most N frames per layer (0 = all)")
      ("json", po::value<std::string>(), "write a JSON report to FILE ('-' = stdout; the text report then goes to stderr)")
      ("csv", po::value<std::string>(), "write a CSV report (one row per layer and mode) to FILE ('-' = stdout, as --json)")
      ("verbose,v", "also print notes and how each chained round was fed")
      ("quiet,q", "print only the summary lines")
      ("strict", "a comparison skipped for missing golden data (a deleted trace or bin) fails the run (exit 1)")
      ("no-progress", "never draw the progress bar (it is drawn only when stderr is a terminal)");
  // clang-format on
  po::options_description analog("Non-ideal model (approximate; all draws from --seed)");
  // clang-format off
  analog.add_options()
      ("nonideal", "evaluate with the non-ideal analog model instead of the golden arithmetic")
      ("seed", po::value<std::uint64_t>()->default_value(1), "random seed");
  // clang-format on
  npu::addNonIdealKnobs(analog);
  po::options_description hidden;
  hidden.add_options()("dir", po::value<std::string>(), "mapper output folder");
  po::options_description all;
  all.add(general).add(analog).add(hidden);
  po::positional_options_description positional;
  positional.add("dir", 1);

  po::variables_map vm;
  if (!tools::parseToolOptions("wtm-regress", argc, argv, all, positional, vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << kUsage << tools::exit_code::exitCodeHelp(kExitCodeMeanings) << "\n"
              << general << "\n"
              << analog << "\n";
    return kExitMatched;
  }
  if (!vm.count("dir")) {
    std::cerr << "wtm-regress: missing DIR (try --help)\n";
    return kExitUsage;
  }

  npu::RegressionOptions options;
  options.maxFrames = vm["frames"].as<std::size_t>();
  {
    const std::string modes = vm["modes"].as<std::string>();
    if (modes.empty()) {
      std::cerr << "wtm-regress: --modes: empty (layer_debug, chained, expected, blob, all)\n";
      return kExitUsage;
    }
    if (modes != "all") {
      options.layerDebug = options.chained = options.expected = options.blob = false;
      std::stringstream ss(modes);
      for (std::string m; std::getline(ss, m, ',');) {
        if (m == "all") options.layerDebug = options.chained = options.expected = options.blob = true;
        else if (m == "layer_debug") options.layerDebug = true;
        else if (m == "chained") options.chained = true;
        else if (m == "expected") options.expected = true;
        else if (m == "blob") options.blob = true;
        else {
          std::cerr << "wtm-regress: --modes: unknown mode '" << m << "' (layer_debug, chained, expected, blob, all)\n";
          return kExitUsage;
        }
      }
    }
  }
  if ((!npu::firstNonIdealKnobGiven(vm).empty() || !vm["seed"].defaulted()) && !vm.count("nonideal")) {
    std::cerr << "wtm-regress: non-ideal model options (and --seed) need --nonideal\n";
    return kExitUsage;
  }
  if (vm.count("nonideal")) {
    npu::NonIdealConfig c;
    c.seed = vm["seed"].as<std::uint64_t>();
    try {
      npu::applyNonIdealKnobs(vm, c);
      c.validate();
    } catch (const std::exception& e) {  // InputError naming the knob, or invalid_argument
      std::cerr << "wtm-regress: " << e.what() << "\n";
      return kExitUsage;
    }
    options.nonIdeal = c;
  }

  if (vm.count("json") && vm.count("csv") && vm["json"].as<std::string>() == "-" &&
      vm["csv"].as<std::string>() == "-") {
    std::cerr << "wtm-regress: --json and --csv cannot both write to stdout\n";
    return kExitUsage;
  }
  const std::string dir = vm["dir"].as<std::string>();
  try {
    const npu::MapperOutput output = npu::MapperOutput::load(dir);
    // Report files are opened before the run, so a bad path fails at once, not after it.
    std::ofstream jsonFile, csvFile;
    std::ostream* jsonOut = vm.count("json") ? openReport(vm["json"].as<std::string>(), jsonFile) : nullptr;
    std::ostream* csvOut = vm.count("csv") ? openReport(vm["csv"].as<std::string>(), csvFile) : nullptr;
    tools::ProgressBar bar(!vm.count("no-progress"));
    const npu::RegressionReport report = npu::runGoldenRegression(
        output, options,
        [&](std::size_t done, std::size_t total, const std::string& what) { bar.update(done, total, what); });
    bar.finish();

    // A machine-readable report on stdout replaces the text report there (which goes to stderr).
    const bool reportOnStdout = (vm.count("json") && vm["json"].as<std::string>() == "-") ||
                                (vm.count("csv") && vm["csv"].as<std::string>() == "-");
    std::ostream& text = reportOnStdout ? std::cerr : std::cout;
    if (vm.count("quiet")) {
      std::ostringstream full;
      writeTextReport(report, full, false);
      std::istringstream lines(full.str());
      for (std::string line; std::getline(lines, line);)
        if (line.rfind("total ", 0) == 0 || line.rfind("overall", 0) == 0 || line.rfind("DISAGREEMENT", 0) == 0)
          text << line << "\n";
    } else {
      writeTextReport(report, text, vm.count("verbose") > 0);
    }
    if (jsonOut) writeJsonReport(report, *jsonOut);
    if (csvOut) writeCsvReport(report, *csvOut);
    if (report.total().total() == 0) {
      std::cerr << "wtm-regress: " << dir << ": nothing to compare (no traces, bins or samples found)\n";
      return kExitMismatch;
    }
    // A differing value is the regression itself: it wins over the folder's contradictions.
    if (!report.nonIdeal && !report.allExact()) return kExitMismatch;
    if (vm.count("strict")) {
      if (const std::size_t skipped = report.skippedCount()) {
        std::cerr << "wtm-regress: --strict: " << skipped
                  << " comparison(s) skipped (golden data missing or not comparable: the table says why)\n";
        return kExitMismatch;
      }
    }
    return report.disagreements.empty() ? kExitMatched : kExitInconsistent;
  } catch (const InputError& e) {
    std::cerr << "wtm-regress: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "wtm-regress: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
}
