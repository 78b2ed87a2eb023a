// A whole mapper output folder, loaded and cross-checked: the rounds of every net (from the
// register blob, the runtime's own source of truth) with their LUTs, layer names and golden trace
// files, the crossbar programmed from params/ (or map.csv), and every disagreement between the
// redundant descriptions (round records vs layers.txt vs addr.csv vs BoardConfigDebug.json vs
// map.csv). Nothing here knows a particular model.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "npu/ActivationLut.h"
#include "npu/CrossbarArray.h"
#include "npu/RoundConfig.h"
#include "npu/mapper/AddrCsv.h"
#include "npu/mapper/BoardConfigDebug.h"
#include "npu/mapper/ExpectedBins.h"
#include "npu/mapper/LayersTxt.h"
#include "npu/mapper/RegisterBlob.h"

namespace wtm::npu {

struct MapperRound {
  int net = 0;
  int index = 0;  // round index within the net (layer_debug's round<r>)
  RoundConfig config;
  int layerOrdinal = 0;  // 1-based among the net's array rounds (params/net<n>/layer<k>); 0 otherwise
  std::string layerName;
  ActivationLut lut{};
  bool lutKnown = false;   // false: LUT slot selected but no table found anywhere
  std::string lutOrigin;   // "register diff", "BoardConfigDebug", "none (pre-activation)"
  std::string inputTrace;  // layer_debug paths (full), empty when absent
  std::string outputTrace;
  std::optional<DiffInfo> diff;

  bool isArrayRound() const { return config.isMatrixVector(); }
  std::string label() const;  // "net0 round1 (linear_2)"
};

struct MapperNet {
  int index = 0;
  std::vector<MapperRound> rounds;
  std::vector<RegfileRegion> inputs, outputs;
};

struct MapperOutput {
  std::string directory;
  std::string blobPath;
  RegisterBlob blob;
  std::optional<BoardConfigDebug> debug;
  std::optional<AddrCsv> addr;
  std::optional<LayersTxt> layers;
  CrossbarArray array;
  std::string arraySource;  // which files programmed the array
  std::vector<MapperNet> nets;
  std::string expectedInPath, expectedOutPath;  // empty when absent
  // Redundant descriptions that contradict each other: one line each, "FILE: what".
  std::vector<std::string> disagreements;
  // Things worth knowing that are not contradictions (unused files, unsupported features).
  std::vector<std::string> notes;

  // Array rounds of all nets in order (the order of layers.txt and the expected bins).
  std::vector<const MapperRound*> arrayRounds() const;
  std::vector<LayerShape> layerShapes() const;
  bool hasExpectedBins() const { return !expectedInPath.empty() && !expectedOutPath.empty(); }
  ExpectedBins loadExpectedBins() const;

  // Loads and cross-checks the folder. A file that cannot be read or parsed, or data that make
  // the model impossible to build (params of the wrong size...), throw InputError naming it.
  static MapperOutput load(const std::string& directory);
};

// Appends every disagreement between the loaded descriptions to out.disagreements
// (called by MapperOutput::load; separate so each check is readable on its own).
void crossCheckMapperOutput(MapperOutput& out);

}  // namespace wtm::npu
