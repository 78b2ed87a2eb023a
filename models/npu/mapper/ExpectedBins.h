// map/expected_in.bin and expected_out.bin (reference/mapper-formats.md §2.7): int16 LE.
// expected_in: frame count N, then for every layer of every net in order N x in_dim inputs.
// expected_out: no header; per layer N x out_dim pre-activation outputs (-128..127).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace wtm::npu {

struct LayerShape {
  int inputs = 0;   // rows of the layer's round
  int outputs = 0;  // columns
};

struct ExpectedLayer {
  std::vector<std::uint8_t> inputs;  // frames x inputs
  std::vector<std::int8_t> outputs;  // frames x outputs
};

struct ExpectedBins {
  std::string inputSource, outputSource;
  std::size_t frames = 0;
  std::vector<LayerShape> shapes;
  std::vector<ExpectedLayer> layers;
  // Set when the header's frame count disagreed with the file sizes and the size-derived
  // count was used (the mapper's *_complete files have this quirk).
  std::string headerNote;

  // The layer shapes come from the rounds (the bins do not carry them). Size mismatches, odd
  // byte counts and values out of range throw InputError naming the file.
  static ExpectedBins load(const std::string& inputPath, const std::string& outputPath,
                           const std::vector<LayerShape>& shapes);
  static ExpectedBins parse(const std::vector<std::uint8_t>& inputBytes, const std::vector<std::uint8_t>& outputBytes,
                            const std::vector<LayerShape>& shapes, const std::string& inputPath,
                            const std::string& outputPath);
};

}  // namespace wtm::npu
