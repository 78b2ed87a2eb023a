// Writes complete synthetic mapper output folders (every format the loaders read) for networks
// described in a few lines, together with their golden values computed here by an independent
// scalar implementation of the documented arithmetic (reference/mapper-formats.md §3). The
// round records are packed by this file's own bit packer, not by the library's encoder, so the
// loaders and the decoder are tested against an independent writer.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace wtm::npu::test {

struct SynthLayer {
  int inputs = 64;  // logical inputs (physical rows double when pnInput on the net's first layer)
  int outputs = 32;
  int gainCode = 2;  // G = 256 << gainCode
  int biasRows = 0;  // 0 = no bias
  bool relu = true;  // LUT slot 1 = ReLU, slot 2 = identity
  int weightMax = 127;
};

struct SynthNet {
  std::vector<SynthLayer> layers;
  int frames = 12;
  bool pnInput = false;  // first layer reads a PN-expanded signed input: rows [x+; (-x)+], weights [W; -W]
};

struct SynthOptions {
  std::vector<SynthNet> nets;
  std::uint32_t seed = 1;
  bool writeRegisterBin = true;
  bool writeRegisterC = true;
  bool writeDebugJson = true;
  bool writeAddrCsv = true;
  bool writeLayersTxt = true;
  bool writeParams = true;
  bool writeMapCsv = false;
  bool writeTraces = true;
  bool writeExpectedBins = true;
  int expectedFrames = 8;  // frames per layer in expected_{in,out}.bin (<= every net's frames)
};

// Golden data of one array round as generated.
struct SynthRound {
  int net = 0;
  int index = 0;
  int rows = 0, columns = 0;
  int rowStart = 0, columnStart = 0, biasStart = 0, biasEnd = 0;
  int gain = 0;
  int inputAddr = 0, outputAddr = 0;
  bool relu = true;
  std::string name;
  std::vector<std::vector<int>> weights;  // rows x columns (physical)
  std::vector<std::vector<int>> bias;     // biasRows x columns
  std::vector<std::vector<int>> inputs;   // frames x rows (bytes)
  std::vector<std::vector<int>> preAct;   // frames x columns (int8)
  std::vector<std::vector<int>> stored;   // frames x columns (after LUT, as signed byte)
};

struct SynthOutput {
  std::string dir;
  std::vector<SynthRound> rounds;  // all nets, in order
  std::size_t totalTraceValues() const;
};

// Generates the folder `dir` (created). Throws std::runtime_error if the networks do not fit.
SynthOutput writeSyntheticMapperOutput(const std::string& dir, const SynthOptions& options);

// Independent reference of the golden post-processing (for tests of the library's version).
int referencePreActivation(long long acc, int gain);

// Round record words packed from fields (stream order, 10 words).
std::vector<std::uint32_t> packRoundRecord(int gainCode, bool system, int lutSlot, int fetchAddr, int biasStart,
                                           int biasEnd, int columnStart, int columnEnd, int outputAddr, int rowStart,
                                           int rowEnd, int inputAddr, int inputEnd);

}  // namespace wtm::npu::test
