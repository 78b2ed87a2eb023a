// Host side of the board's NPU: the command-line options (same names as wtm-regress for the
// analog model), programming a mapper output into the array as WitinProgramTool would, and the
// --npu-flash file that keeps the programmed array and trims across runs.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "npu/CrossbarArray.h"
#include "npu/NonIdealConfig.h"
#include "npu/frontend/NpuFlash.h"
#include "npu/frontend/NpuRoundTrace.h"

namespace wtm::npu {

class NpuDevice;

struct NpuRunOptions {
  std::string weightsDir;  // --npu-weights DIR
  std::string flashFile;   // --npu-flash FILE
  std::string traceDir;    // --npu-trace DIR
  bool nonIdeal = false;   // --nonideal
  NonIdealConfig config;   // analog model options (meaningful with nonIdeal)
  bool seedGiven = false;
};

// The option group "NPU" for the board's command line.
boost::program_options::options_description npuOptionsDescription();
// Reads the group back; throws InputError for inconsistent values (analog options without
// --nonideal, an invalid analog configuration).
NpuRunOptions npuOptionsFrom(const boost::program_options::variables_map& vm);

// Programs `array` from a mapper output folder: a full mapper output (register.bin/.c with
// params/ or map/map.csv, cross-checked by MapperOutput) or a WitinProgramTool folder
// (layers.txt + map.csv, at DIR or DIR/map). Fills content.layers and the map name in the trims.
// Throws InputError("FILE: cause"); contradictions between the folder's files are returned as
// warnings (one line each). `roundNames`, when given, receives where each array round of a full
// mapper output keeps its layer_debug trace (none for a WitinProgramTool folder).
std::vector<std::string> programFromMapperFolder(const std::string& dir, CrossbarArray& array, NpuFlashContent& content,
                                                 std::vector<NamedRound>* roundNames = nullptr);

// Everything --npu-weights / --npu-flash / --nonideal ask of the board's NPU, in order: load the
// flash file (when it exists and no weights are given), program the weights (and save the flash
// file when one is named), choose ideal or non-ideal evaluation (the programming error of a
// loaded flash file is the one recorded in it). Messages go to the log. Throws InputError.
void setupBoardNpu(NpuDevice& npu, const NpuRunOptions& options);

}  // namespace wtm::npu
