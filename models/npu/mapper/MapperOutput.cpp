#include "npu/mapper/MapperOutput.h"

#include <algorithm>
#include <filesystem>

#include "common/InputError.h"
#include "npu/mapper/LayerParams.h"
#include "npu/mapper/MapCsv.h"
#include "npu/mapper/TextFile.h"

namespace wtm::npu {

namespace {

namespace fs = std::filesystem;

const DebugRound* findDebugRound(const MapperOutput& out, int net, int round) {
  if (!out.debug) return nullptr;
  for (const DebugNet& n : out.debug->nets)
    if (n.index == net)
      for (const DebugRound& r : n.rounds)
        if (r.roundIndex == round) return &r;
  return nullptr;
}

const DebugNet* findDebugNet(const MapperOutput& out, int net) {
  if (!out.debug) return nullptr;
  for (const DebugNet& n : out.debug->nets)
    if (n.index == net) return &n;
  return nullptr;
}

// layer_debug/net<n>/<k>_<name>/round<r>/<file>, found by scanning when no index file names it.
std::string scanTrace(const std::string& dir, int net, int round, const char* file) {
  const fs::path netDir = fs::path(dir) / "layer_debug" / ("net" + std::to_string(net));
  std::error_code ec;
  if (!fs::is_directory(netDir, ec)) return "";
  std::vector<std::string> hits;
  for (const auto& entry : fs::directory_iterator(netDir, ec)) {
    const fs::path candidate = entry.path() / ("round" + std::to_string(round)) / file;
    if (fs::is_regular_file(candidate, ec)) hits.push_back(candidate.string());
  }
  std::sort(hits.begin(), hits.end());
  return hits.size() == 1 ? hits.front() : "";
}

// Where a round's LUT bytes come from: its compensation record (the table the runtime loads
// before the round), else the debug JSON's copy of the LUT area.
void resolveLut(MapperOutput& out, MapperRound& r) {
  const LutSelect sel = r.config.lut;
  if (sel == LutSelect::None) {
    r.lut = identityLut();
    r.lutKnown = true;
    r.lutOrigin = "none (pre-activation stored)";
    return;
  }
  if (r.diff && r.diff->lut.length == 256) {
    const auto bytes = out.blob.rawBytes(r.diff->lut);
    std::copy(bytes.begin(), bytes.end(), r.lut.begin());
    r.lutKnown = true;
    r.lutOrigin = "register diff";
    return;
  }
  if (const DebugNet* dn = findDebugNet(out, r.net)) {
    const std::size_t at = (static_cast<std::size_t>(sel) - 1) * 256;
    if (dn->lutBytes.size() >= at + 256) {
      std::copy(dn->lutBytes.begin() + long(at), dn->lutBytes.begin() + long(at + 256), r.lut.begin());
      r.lutKnown = true;
      r.lutOrigin = "BoardConfigDebug";
      return;
    }
  }
  r.lut = identityLut();
  r.lutKnown = false;
  r.lutOrigin = "missing";
  out.notes.push_back(
      out.blobPath + ": " + r.label() + " selects LUT slot " + std::to_string(static_cast<int>(sel)) +
      " but no table was found (no diff record, no diff_lookup_table); outputs of this round cannot be checked");
}

void buildRounds(MapperOutput& out) {
  for (const BlobNet& bn : out.blob.nets) {
    MapperNet net;
    net.index = bn.index;
    net.inputs = bn.inputs;
    net.outputs = bn.outputs;
    int ordinal = 0;
    for (std::size_t i = 0; i < bn.rounds.size(); ++i) {
      MapperRound r;
      r.net = bn.index;
      r.index = static_cast<int>(i);
      r.config = bn.rounds[i];
      if (r.isArrayRound()) r.layerOrdinal = ++ordinal;
      for (const BlobFlow& flow : bn.flows)
        for (const DiffInfo& d : flow.diffs)
          if (d.roundIndex == r.index) r.diff = d;
      if (const DebugRound* dr = findDebugRound(out, r.net, r.index)) {
        r.layerName = dr->layerName;
        if (!dr->inputs.empty() && !dr->inputs[0].filePath.empty())
          r.inputTrace = joinPath(out.directory, dr->inputs[0].filePath);
        if (!dr->outputs.empty() && !dr->outputs[0].filePath.empty())
          r.outputTrace = joinPath(out.directory, dr->outputs[0].filePath);
      }
      if (out.addr) {
        if (const AddrCsvRow* in = out.addr->find(r.net, r.index, true)) {
          if (r.layerName.empty()) r.layerName = in->layerName;
          if (r.inputTrace.empty() && !in->file.empty()) r.inputTrace = joinPath(out.directory, in->file);
        }
        if (const AddrCsvRow* o = out.addr->find(r.net, r.index, false))
          if (r.outputTrace.empty() && !o->file.empty()) r.outputTrace = joinPath(out.directory, o->file);
      }
      if (r.inputTrace.empty()) r.inputTrace = scanTrace(out.directory, r.net, r.index, "input0.txt");
      if (r.outputTrace.empty()) r.outputTrace = scanTrace(out.directory, r.net, r.index, "output0.txt");
      // An index file may name a trace that was not shipped: treat it as absent, but say so.
      for (std::string* p : {&r.inputTrace, &r.outputTrace})
        if (!p->empty() && !fileExists(*p)) {
          out.notes.push_back(*p + ": listed for " + r.label() + " but missing; that check is skipped");
          p->clear();
        }
      net.rounds.push_back(std::move(r));
    }
    for (MapperRound& r : net.rounds) {
      if (!r.isArrayRound()) continue;
      // A record that addresses outside the array or regfile cannot be modelled at all.
      const auto problems = r.config.problems();
      if (!problems.empty()) throw InputError(out.blobPath, r.label() + " record is not runnable: " + problems.front());
      resolveLut(out, r);
    }
    out.nets.push_back(std::move(net));
  }
}

// Writes one layer's params into the array at the round's rectangle.
void placeParams(MapperOutput& out, const MapperRound& r, const LayerParams& p, std::vector<std::uint8_t>& owner,
                 std::vector<std::string>& conflicts) {
  const RoundConfig& c = r.config;
  const std::string wPath = joinPath(p.directory, "weight.txt");
  if (p.weights.rows != std::size_t(c.rows()) || p.weights.cols != std::size_t(c.columns()))
    throw InputError(wPath, std::to_string(p.weights.rows) + " x " + std::to_string(p.weights.cols) + " values but " +
                                r.label() + " uses " + std::to_string(c.rows()) + " rows x " +
                                std::to_string(c.columns()) + " columns (truncated or wrong layer?)");
  const std::string bPath = joinPath(p.directory, "bias.txt");
  if (p.bias.rows != 0 && p.bias.rows != std::size_t(c.biasRowCount()))
    throw InputError(bPath, std::to_string(p.bias.rows) + " bias rows but " + r.label() + " uses bias rows " +
                                std::to_string(c.biasStart) + ".." + std::to_string(c.biasEnd));
  if (p.bias.rows == 0 && c.biasRowCount() > 0)
    out.notes.push_back(bPath + ": absent or empty; bias rows of " + r.label() + " left at 0");
  if (p.hasNonZeroBiasHigh())
    out.notes.push_back(joinPath(p.directory, "bias_high.txt") +
                        ": non-zero values; their meaning is unknown and they are ignored");
  auto place = [&](int storageRow, int col, int value) {
    const std::size_t i = std::size_t(storageRow) * kColumns + col;
    const int before =
        storageRow < kInputRows ? out.array.weight(storageRow, col) : out.array.bias(storageRow - kInputRows, col);
    if (owner[i] && before != value && conflicts.size() < 1000)
      conflicts.push_back(p.directory + ": cell (row " + std::to_string(storageRow) + ", col " + std::to_string(col) +
                          ") = " + std::to_string(value) + " but another layer programs it to " +
                          std::to_string(before));
    owner[i] = 1;
    if (storageRow < kInputRows) out.array.setWeight(storageRow, col, value);
    else out.array.setBias(storageRow - kInputRows, col, value);
  };
  for (int i = 0; i < c.rows(); ++i)
    for (int j = 0; j < c.columns(); ++j)
      place(c.rowStart + i, c.columnStart + j, p.weights.at(std::size_t(i), std::size_t(j)));
  for (std::size_t z = 0; z < p.bias.rows; ++z)
    for (int j = 0; j < c.columns(); ++j)
      place(kInputRows + c.biasStart + int(z), c.columnStart + j, p.bias.at(z, std::size_t(j)));
}

void programArray(MapperOutput& out) {
  const std::string paramsDir = joinPath(out.directory, "params");
  const std::string mapPath = joinPath(out.directory, "map/map.csv");
  const bool haveParams = directoryExists(paramsDir);
  const bool haveMap = fileExists(mapPath);
  if (!haveParams && !haveMap)
    throw InputError(out.directory, "neither params/ nor map/map.csv present: the array cannot be programmed");
  if (haveParams) {
    std::vector<std::uint8_t> owner(std::size_t(CrossbarArray::kStorageRows) * kColumns, 0);
    std::vector<std::string> conflicts;
    for (const MapperNet& net : out.nets)
      for (const MapperRound& r : net.rounds) {
        if (!r.isArrayRound()) continue;
        const std::string dir =
            joinPath(paramsDir, "net" + std::to_string(r.net) + "/layer" + std::to_string(r.layerOrdinal));
        if (!directoryExists(dir))
          throw InputError(dir, "missing: " + r.label() + " is array layer " + std::to_string(r.layerOrdinal) +
                                    " of net " + std::to_string(r.net));
        placeParams(out, r, LayerParams::load(dir), owner, conflicts);
      }
    for (const std::string& c : conflicts) out.disagreements.push_back(c);
    out.arraySource = "params/";
  }
  if (haveMap) {
    const MapCsv csv = MapCsv::load(mapPath);
    const CrossbarArray mapArray = csv.toArray();
    if (!haveParams) {
      out.array = mapArray;
      out.arraySource = "map/map.csv";
    } else {
      std::size_t differ = 0;
      for (int row = 0; row < CrossbarArray::kStorageRows; ++row) {
        const std::int16_t* a = out.array.rowData(row);
        const std::int16_t* b = mapArray.rowData(row);
        for (int col = 0; col < kColumns; ++col) {
          if (a[col] == b[col]) continue;
          if (++differ <= 5) {
            const int phys = row < kInputRows ? row : physicalRowOfBias(row - kInputRows);
            out.disagreements.push_back(mapPath + ": cell (col " + std::to_string(col) + ", row " +
                                        std::to_string(phys) + ") = " + std::to_string(b[col]) + " but params/ gives " +
                                        std::to_string(a[col]));
          }
        }
      }
      if (differ > 5)
        out.disagreements.push_back(mapPath + ": " + std::to_string(differ) + " cells differ from params/ in total");
      out.arraySource = "params/ (checked against map/map.csv)";
    }
  }
}

}  // namespace

std::string MapperRound::label() const {
  std::string s = "net" + std::to_string(net) + " round" + std::to_string(index);
  if (!layerName.empty()) s += " (" + layerName + ")";
  return s;
}

std::vector<const MapperRound*> MapperOutput::arrayRounds() const {
  std::vector<const MapperRound*> out;
  for (const MapperNet& n : nets)
    for (const MapperRound& r : n.rounds)
      if (r.isArrayRound()) out.push_back(&r);
  return out;
}

std::vector<LayerShape> MapperOutput::layerShapes() const {
  std::vector<LayerShape> shapes;
  for (const MapperRound* r : arrayRounds()) shapes.push_back({r->config.rows(), r->config.columns()});
  return shapes;
}

ExpectedBins MapperOutput::loadExpectedBins() const {
  return ExpectedBins::load(expectedInPath, expectedOutPath, layerShapes());
}

MapperOutput MapperOutput::load(const std::string& directory) {
  if (!directoryExists(directory)) throw InputError(directory, "not a directory");
  MapperOutput out;
  out.directory = directory;

  const std::string binPath = joinPath(directory, "register.bin");
  const std::string cPath = joinPath(directory, "register.c");
  if (fileExists(binPath)) {
    out.blobPath = binPath;
    out.blob = RegisterBlob::loadBin(binPath);
    if (fileExists(cPath)) {
      const RegisterBlob fromC = RegisterBlob::loadCSource(cPath);
      if (fromC.json != out.blob.json || fromC.raw != out.blob.raw)
        out.disagreements.push_back(cPath + ": bytes differ from register.bin");
    }
  } else if (fileExists(cPath)) {
    out.blobPath = cPath;
    out.blob = RegisterBlob::loadCSource(cPath);
  } else {
    throw InputError(directory, "neither register.bin nor register.c found (not a mapper output folder?)");
  }

  if (const std::string p = joinPath(directory, "BoardConfigDebug.json"); fileExists(p))
    out.debug = BoardConfigDebug::load(p);
  if (const std::string p = joinPath(directory, "addr.csv"); fileExists(p)) out.addr = AddrCsv::load(p);
  if (const std::string p = joinPath(directory, "map/layers.txt"); fileExists(p)) out.layers = LayersTxt::load(p);
  const std::string inBin = joinPath(directory, "map/expected_in.bin");
  const std::string outBin = joinPath(directory, "map/expected_out.bin");
  if (fileExists(inBin) && fileExists(outBin)) {
    out.expectedInPath = inBin;
    out.expectedOutPath = outBin;
  } else if (fileExists(inBin) != fileExists(outBin)) {
    out.notes.push_back(directory +
                        ": only one of map/expected_in.bin and map/expected_out.bin present; expected mode skipped");
  }

  buildRounds(out);
  programArray(out);
  crossCheckMapperOutput(out);
  return out;
}

}  // namespace wtm::npu
