// The mapper's map/expected_in.bin and expected_out.bin (int16 frames of every layer). Input:
// one byte of layer count, 2 bytes per layer of shape, then expected_in.bin, "WTMSPLIT", and
// expected_out.bin.
#include "FuzzInput.h"
#include "npu/mapper/ExpectedBins.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const size_t layers = data[0] % 6;
  if (size < 1 + 2 * layers) return 0;
  std::vector<wtm::npu::LayerShape> shapes;
  for (size_t l = 0; l < layers; ++l) shapes.push_back({1 + data[1 + 2 * l] * 4, 1 + data[2 + 2 * l] * 4});
  const std::string rest = wtm::fuzz::text(data + 1 + 2 * layers, size - 1 - 2 * layers);
  const auto [in, out] = wtm::fuzz::splitAt(rest, "WTMSPLIT");
  try {
    const auto bins = wtm::npu::ExpectedBins::parse(std::vector<uint8_t>(in.begin(), in.end()),
                                                    std::vector<uint8_t>(out.begin(), out.end()), shapes,
                                                    "expected_in.bin", "expected_out.bin");
    (void)bins;
  } catch (const wtm::InputError&) {
  }
  return 0;
}
