#include "npu/frontend/NpuBoardSetup.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "common/InputError.h"
#include "common/Log.h"
#include "npu/NonIdealOptions.h"
#include "npu/frontend/NpuDevice.h"
#include "npu/mapper/LayersTxt.h"
#include "npu/mapper/MapCsv.h"
#include "npu/mapper/MapperOutput.h"

namespace po = boost::program_options;

namespace wtm::npu {

namespace {

namespace fs = std::filesystem;

void copyArray(const CrossbarArray& from, CrossbarArray& to) {
  to.clear();
  for (int s = 0; s < CrossbarArray::kStorageRows; ++s) {
    const std::int16_t* row = from.rowData(s);
    for (int c = 0; c < kColumns; ++c) {
      if (!row[c]) continue;
      if (s < kInputRows) to.setWeight(s, c, row[c]);
      else to.setBias(s - kInputRows, c, row[c]);
    }
  }
}

std::string readName(const std::string& path) {
  std::ifstream f(path);
  std::string name;
  if (f) std::getline(f, name);
  while (!name.empty() && (name.back() == '\r' || name.back() == ' ')) name.pop_back();
  return name;
}

ProgrammedLayer layerOf(const LayerPlacement& p) {
  return {p.columnStart, p.columnEnd, p.rowStart, p.rowEnd, p.biasStart, p.biasEnd, p.gain};
}

}  // namespace

po::options_description npuOptionsDescription() {
  po::options_description d("NPU (weights, flash, analog model; the analog options are those of wtm-regress)");
  // clang-format off
  d.add_options()
      ("npu-weights", po::value<std::string>(),
       "program the NPU array from a mapper output DIR (register.bin/.c with params/ or map/map.csv) or a "
       "WitinProgramTool folder (layers.txt + map.csv), as WitinProgramTool would")
      ("npu-trace", po::value<std::string>(),
       "write every NPU round the firmware runs to DIR/round<R>/{input0,output0}.txt, the mapper's "
       "layer_debug format (one line per execution), to diff a run against the golden traces")
      ("npu-flash", po::value<std::string>(),
       "the board's NPU flash FILE (programmed array + trims): loaded when it exists and no --npu-weights is "
       "given; written after --npu-weights programming")
      ("nonideal", po::bool_switch(), "evaluate NPU rounds with the non-ideal analog model (approximate) instead of "
                                      "the golden arithmetic; programming error is drawn once per programming")
      ("seed", po::value<std::uint64_t>(), "random seed of the analog model (default 1)");
  // clang-format on
  addNonIdealKnobs(d);
  return d;
}

NpuRunOptions npuOptionsFrom(const po::variables_map& vm) {
  NpuRunOptions o;
  if (vm.count("npu-weights")) {
    o.weightsDir = vm["npu-weights"].as<std::string>();
    if (o.weightsDir.empty()) throw InputError("--npu-weights", "empty folder name");
  }
  if (vm.count("npu-trace")) {
    o.traceDir = vm["npu-trace"].as<std::string>();
    if (o.traceDir.empty()) throw InputError("--npu-trace", "empty folder name");
  }
  if (vm.count("npu-flash")) o.flashFile = vm["npu-flash"].as<std::string>();
  o.nonIdeal = vm.count("nonideal") && vm["nonideal"].as<bool>();
  const std::string knob = firstNonIdealKnobGiven(vm);
  if (!knob.empty() && !o.nonIdeal) throw InputError("--" + knob, "analog model options need --nonideal");
  NonIdealConfig& c = o.config;
  if (vm.count("seed")) {
    c.seed = vm["seed"].as<std::uint64_t>();
    o.seedGiven = true;
  }
  applyNonIdealKnobs(vm, c);
  try {
    c.validate();
  } catch (const std::invalid_argument& e) {
    throw InputError("command line", e.what());
  }
  return o;
}

std::vector<std::string> programFromMapperFolder(const std::string& dir, CrossbarArray& array, NpuFlashContent& content,
                                                 std::vector<NamedRound>* roundNames) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InputError(dir, "not a folder (--npu-weights expects a mapper output folder)");
  std::vector<std::string> warnings;
  const bool hasBlob = fs::exists(fs::path(dir) / "register.bin", ec) || fs::exists(fs::path(dir) / "register.c", ec);
  std::string nameFile;
  if (hasBlob) {
    const MapperOutput out = MapperOutput::load(dir);
    warnings = out.disagreements;
    copyArray(out.array, array);
    content.layers.clear();
    if (out.layers) {
      for (const LayerPlacement& p : out.layers->layers) content.layers.push_back(layerOf(p));
    } else {
      for (const MapperRound* r : out.arrayRounds()) {
        const RoundConfig& c = r->config;
        content.layers.push_back({c.columnStart, c.columnEnd, c.rowStart, c.rowEnd, c.biasStart, c.biasEnd, c.gain()});
      }
    }
    nameFile = (fs::path(dir) / "map" / "name.txt").string();
    if (roundNames) {
      // The folder of each round's golden trace, as the mapper output names it; a path that
      // would leave the trace folder is not used.
      roundNames->clear();
      for (const MapperRound* r : out.arrayRounds()) {
        if (r->inputTrace.empty()) continue;
        const fs::path rel = fs::path(r->inputTrace)
                                 .parent_path()
                                 .lexically_normal()
                                 .lexically_relative(fs::path(out.directory).lexically_normal());
        if (rel.empty() || rel.is_absolute() || *rel.begin() == "..") continue;
        roundNames->push_back({r->config, rel.string()});
      }
    }
  } else {
    // WitinProgramTool's own input: layers.txt and map.csv side by side.
    fs::path base = dir;
    if (!fs::exists(base / "layers.txt", ec) && fs::exists(base / "map" / "layers.txt", ec)) base /= "map";
    const fs::path layersPath = base / "layers.txt", csvPath = base / "map.csv";
    if (!fs::exists(layersPath, ec) || !fs::exists(csvPath, ec))
      throw InputError(dir, "no register.bin/register.c and no layers.txt + map.csv: not a mapper output folder");
    const LayersTxt layers = LayersTxt::load(layersPath.string());
    const MapCsv csv = MapCsv::load(csvPath.string());
    content.layers.clear();
    for (const LayerPlacement& p : layers.layers) content.layers.push_back(layerOf(p));
    // Every programmed cell must belong to a layer of layers.txt (the tool programs per layer);
    // the cells come in storage order, so the first offending one is reported.
    for (const MapCsv::Cell& cell : csv.cells) {
      const int s = cell.storageRow, c = cell.column;
      bool inside = false;
      for (const ProgrammedLayer& l : content.layers) {
        const bool col = c >= l.columnStart && c <= l.columnEnd;
        const bool row = s < kInputRows ? (s >= l.rowStart && s <= l.rowEnd)
                                        : (s - kInputRows >= l.biasStart && s - kInputRows <= l.biasEnd);
        if (col && row) inside = true;
      }
      if (!inside) {
        const int physical = s < kInputRows ? s : physicalRowOfBias(s - kInputRows);
        throw InputError(csvPath.string(), "cell (column " + std::to_string(c) + ", row " + std::to_string(physical) +
                                               ") lies outside every layer of " + layersPath.string());
      }
    }
    csv.programInto(array);
    nameFile = (base / "name.txt").string();
  }
  if (content.layers.empty()) throw InputError(dir, "no layer to program (empty layers.txt / no array rounds)");
  const std::string name = readName(nameFile);
  content.trims.setMapName(name.empty() ? fs::path(dir).filename().string().substr(0, 8) : name);
  content.programming.source = dir;
  return warnings;
}

void setupBoardNpu(NpuDevice& npu, const NpuRunOptions& o) {
  NpuFlashContent& flash = npu.flash();
  std::error_code ec;
  std::vector<NamedRound> roundNames;  // for --npu-trace: the mapper's own layout
  if (!o.weightsDir.empty()) {
    for (const std::string& w : programFromMapperFolder(o.weightsDir, npu.array(), flash, &roundNames))
      log::warn("npu: ", w);
    flash.programming.withError = o.nonIdeal && o.config.programming.enabled;
    flash.programming.seed = o.config.seed;
    flash.programming.programming = o.config.programming;
    flash.programming.stuck = o.config.stuck;
    log::info(
        "npu: programmed ", flash.layers.size(), " layers from ", o.weightsDir,
        flash.programming.withError ? " with programming error (seed " + std::to_string(o.config.seed) + ")" : "");
    if (!o.flashFile.empty()) saveNpuFlash(o.flashFile, flash, npu.array());
  } else if (!o.flashFile.empty() && fs::exists(o.flashFile, ec)) {
    loadNpuFlash(o.flashFile, flash, npu.array());
    if (const int crc = flash.trims.crcStatus())
      log::warn("npu: ", o.flashFile, ": trim CRC check fails (NPU_READ_TRIM will return ", crc, ")");
    log::info("npu: flash ", o.flashFile, " holds ", flash.layers.size(), " layers programmed from ",
              flash.programming.source);
  } else if (!o.flashFile.empty()) {
    saveNpuFlash(o.flashFile, flash, npu.array());  // a blank chip: erased array, factory trims
    log::info("npu: created blank NPU flash ", o.flashFile);
  }
  if (!o.traceDir.empty()) npu.traceRoundsTo(o.traceDir, std::move(roundNames));
  if (!o.nonIdeal) {
    npu.useIdeal();
    return;
  }
  NonIdealConfig c = o.config;
  if (o.weightsDir.empty() && !o.flashFile.empty()) {
    // The cells were programmed in an earlier run: their error is the recorded one.
    if (o.seedGiven && c.seed != flash.programming.seed)
      log::warn("npu: --seed ", c.seed, " differs from the seed ", flash.programming.seed, " the flash in ",
                o.flashFile, " was programmed with; the programming error keeps the recorded seed");
    c.seed = flash.programming.seed;
    c.programming = flash.programming.programming;
    c.programming.enabled = flash.programming.withError && flash.programming.programming.enabled;
    c.stuck = flash.programming.stuck;
  }
  try {
    npu.useNonIdeal(c);
  } catch (const std::invalid_argument& e) {
    throw InputError("command line", e.what());
  }
}

}  // namespace wtm::npu
