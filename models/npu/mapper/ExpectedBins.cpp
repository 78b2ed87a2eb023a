#include "npu/mapper/ExpectedBins.h"

#include "common/InputError.h"
#include "npu/mapper/TextFile.h"

namespace wtm::npu {

namespace {
std::int16_t readI16(const std::vector<std::uint8_t>& b, std::size_t index) {
  return static_cast<std::int16_t>(std::uint16_t(b[2 * index]) | (std::uint16_t(b[2 * index + 1]) << 8));
}
}  // namespace

ExpectedBins ExpectedBins::load(const std::string& inputPath, const std::string& outputPath,
                                const std::vector<LayerShape>& shapes) {
  // Read in a fixed order so a missing input file is reported before a missing output file.
  const auto in = readBinaryFile(inputPath);
  const auto out = readBinaryFile(outputPath);
  return parse(in, out, shapes, inputPath, outputPath);
}

ExpectedBins ExpectedBins::parse(const std::vector<std::uint8_t>& in, const std::vector<std::uint8_t>& out,
                                 const std::vector<LayerShape>& shapes, const std::string& inputPath,
                                 const std::string& outputPath) {
  if (shapes.empty()) throw InputError(inputPath, "no layers to read");
  std::size_t sumIn = 0, sumOut = 0;
  for (const LayerShape& s : shapes) {
    sumIn += std::size_t(s.inputs);
    sumOut += std::size_t(s.outputs);
  }
  if (in.size() < 2) throw InputError(inputPath, "shorter than the 2-byte frame-count header");
  if (in.size() % 2) throw InputError(inputPath, "odd size " + std::to_string(in.size()) + " (int16 data)");
  if (out.size() % 2) throw InputError(outputPath, "odd size " + std::to_string(out.size()) + " (int16 data)");
  const int header = readI16(in, 0);
  ExpectedBins bins;
  bins.inputSource = inputPath;
  bins.outputSource = outputPath;
  bins.shapes = shapes;
  const std::size_t inValues = in.size() / 2 - 1;
  const std::size_t outValues = out.size() / 2;
  if (header > 0 && inValues == std::size_t(header) * sumIn) {
    bins.frames = std::size_t(header);
  } else if (inValues % sumIn == 0 && inValues / sumIn > 0) {
    bins.frames = inValues / sumIn;
    bins.headerNote = inputPath + ": header says " + std::to_string(header) + " frames, size holds " +
                      std::to_string(bins.frames) + "; using the size";
  } else {
    throw InputError(inputPath, "size " + std::to_string(in.size()) + " bytes does not hold N frames x " +
                                    std::to_string(sumIn) + " inputs (header N = " + std::to_string(header) +
                                    "; truncated or layers differ?)");
  }
  if (outValues != bins.frames * sumOut)
    throw InputError(outputPath, "size " + std::to_string(out.size()) + " bytes, expected " +
                                     std::to_string(2 * bins.frames * sumOut) + " (" + std::to_string(bins.frames) +
                                     " frames x " + std::to_string(sumOut) + " outputs; truncated?)");
  std::size_t inAt = 1, outAt = 0;
  for (std::size_t l = 0; l < shapes.size(); ++l) {
    ExpectedLayer layer;
    const std::size_t ni = bins.frames * std::size_t(shapes[l].inputs);
    const std::size_t no = bins.frames * std::size_t(shapes[l].outputs);
    layer.inputs.resize(ni);
    layer.outputs.resize(no);
    for (std::size_t i = 0; i < ni; ++i) {
      const int v = readI16(in, inAt + i);
      if (v < 0 || v > 255)
        throw InputError(inputPath, "layer " + std::to_string(l + 1) + " value " + std::to_string(i) + " is " +
                                        std::to_string(v) + ", inputs must be 0..255 (corrupted?)");
      layer.inputs[i] = static_cast<std::uint8_t>(v);
    }
    for (std::size_t i = 0; i < no; ++i) {
      const int v = readI16(out, outAt + i);
      if (v < -128 || v > 127)
        throw InputError(outputPath, "layer " + std::to_string(l + 1) + " value " + std::to_string(i) + " is " +
                                         std::to_string(v) + ", outputs must be -128..127 (corrupted?)");
      layer.outputs[i] = static_cast<std::int8_t>(v);
    }
    inAt += ni;
    outAt += no;
    bins.layers.push_back(std::move(layer));
  }
  return bins;
}

}  // namespace wtm::npu
