// BoardConfigDebug.json: the mapper's plain-text view of the configuration (reference/
// mapper-formats.md §2.3): per net the rounds with their layer names, regfile inputs/outputs,
// layer_debug file paths, and the LUT bytes used by compensation.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "npu/mapper/RegisterBlob.h"

namespace wtm::npu {

struct DebugPort {
  int startAddr = 0;
  int length = 0;
  std::string dataType;  // net_input / layer_input / layer_output / net_output
  std::string filePath;  // store_file_path, relative to the output folder
};

struct DebugRound {
  int flowIndex = 0;
  int roundIndex = 0;
  int roundConfigStart = 0;  // word index into the net's round table
  int packageLen = 0;        // 64-bit commands
  std::string layerName;
  std::string layerType;
  std::vector<DebugPort> inputs;
  std::vector<DebugPort> outputs;
};

struct DebugNet {
  int index = 0;
  int roundTotal = 0;
  std::vector<DebugRound> rounds;  // all flows, in order
  std::vector<RegfileRegion> netInputs, netOutputs;
  // diff_lookup_table: LUT bytes (slot 1 first, then slot 2 if present) and their raw offset.
  std::vector<std::uint8_t> lutBytes;
  int lutOffset = -1;
};

struct BoardConfigDebug {
  std::string source;
  std::string chip, modelName, version;
  std::vector<DebugNet> nets;

  // Throws InputError(path, ...) for unreadable/invalid JSON or malformed entries.
  static BoardConfigDebug load(const std::string& path);
  static BoardConfigDebug parse(const std::string& text, const std::string& path);
};

}  // namespace wtm::npu
