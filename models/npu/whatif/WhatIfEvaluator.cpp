#include "WhatIfEvaluator.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include <Eigen/Dense>

#include "common/InputError.h"
#include "npu/ActivationLut.h"
#include "npu/AdcModel.h"
#include "npu/ArrayGeometry.h"
#include "npu/NonIdealConfig.h"
#include "npu/RandomSource.h"
#include "npu/mapper/ExpectedBins.h"
#include "npu/mapper/LayerTrace.h"
#include "npu/mapper/MapperOutput.h"
#include "npu/whatif/EvalNoise.h"

namespace wtm::npu {

namespace {

struct LayerData {
  WhatIfLayer info;
  RoundConfig round;
  Matrix weights;  // rows x columns, the mapper's target values
  Matrix bias;     // bias rows x columns
  bool applyLut = false;
  ActivationLut lut{};
  std::vector<std::uint8_t> traceInputs;   // frames x rows as recorded (empty: none)
  std::vector<std::uint8_t> traceOutputs;  // frames x columns as recorded (empty: none)
  std::size_t outputFrames = 0;
  // Without layer_debug traces: map/expected_{in,out}.bin (inputs; pre-activation outputs).
  std::vector<std::int8_t> expectedPre;
};

// Independent random streams per layer and purpose, fixed by (seed, layer).
RandomSource layerStream(std::uint64_t seed, std::size_t layer, std::uint64_t purpose) {
  return RandomSource::derive(seed, purpose + 0x9E3779B97F4A7C15ull * (layer + 1));
}

}  // namespace

struct WhatIfEvaluator::Impl {
  std::vector<LayerData> layers;
  std::vector<WhatIfLayer> infos;
  std::vector<int> netOfLayer;
  std::size_t frames = 0;
  std::size_t longestRecording = 0;
};

WhatIfEvaluator::WhatIfEvaluator(const MapperOutput& model, std::size_t maxFrames) : impl_(std::make_unique<Impl>()) {
  std::size_t frames = SIZE_MAX;
  // The expected bins drive the nets when layer_debug traces are missing (one layer per array
  // round, in the order of MapperOutput::arrayRounds()).
  std::optional<ExpectedBins> bins;
  bool anyTraceMissing = false;
  for (const MapperRound* r : model.arrayRounds()) anyTraceMissing |= r->inputTrace.empty();
  if (anyTraceMissing && model.hasExpectedBins()) bins = model.loadExpectedBins();
  std::size_t arrayIndex = 0;
  for (const MapperNet& net : model.nets) {
    bool firstOfNet = true;
    for (const MapperRound& r : net.rounds) {
      if (!r.isArrayRound()) continue;
      LayerData d;
      d.info = {r.label(), net.index, r.config.rows(), r.config.columns(), r.config.gain()};
      d.round = r.config;
      d.weights.resize(d.info.rows, d.info.columns);
      for (int i = 0; i < d.info.rows; ++i)
        for (int j = 0; j < d.info.columns; ++j)
          d.weights(i, j) = model.array.weight(r.config.rowStart + i, r.config.columnStart + j);
      const int nb = r.config.biasRowCount();
      d.bias.resize(std::max(nb, 0), d.info.columns);
      for (int z = 0; z < nb; ++z)
        for (int j = 0; j < d.info.columns; ++j)
          d.bias(z, j) = model.array.bias(r.config.biasStart + z, r.config.columnStart + j);
      d.applyLut = r.config.lut != LutSelect::None;
      d.lut = r.lut;
      const std::size_t thisArray = arrayIndex++;
      if (!r.inputTrace.empty()) {
        const LayerTrace t = LayerTrace::load(r.inputTrace, TraceKind::Input, std::size_t(d.info.rows));
        d.traceInputs = t.bytes;
        frames = std::min(frames, t.frames);
        impl_->longestRecording = std::max(impl_->longestRecording, t.frames);
      } else if (bins && thisArray < bins->layers.size()) {
        d.traceInputs = bins->layers[thisArray].inputs;
        d.expectedPre = bins->layers[thisArray].outputs;
        d.outputFrames = bins->frames;
        frames = std::min(frames, bins->frames);
        impl_->longestRecording = std::max(impl_->longestRecording, bins->frames);
      } else if (firstOfNet) {
        throw InputError(model.directory, "no recorded inputs (layer_debug input0.txt or map/expected_in.bin) for " +
                                              r.label() + ": nothing to drive the net with");
      }
      if (!r.outputTrace.empty()) {
        const LayerTrace t = LayerTrace::load(r.outputTrace, TraceKind::Output, std::size_t(d.info.columns));
        d.traceOutputs = t.bytes;
        d.outputFrames = t.frames;
      }
      firstOfNet = false;
      impl_->infos.push_back(d.info);
      impl_->layers.push_back(std::move(d));
      impl_->netOfLayer.push_back(net.index);
    }
  }
  if (impl_->layers.empty()) throw InputError(model.directory, "no array rounds to evaluate");
  if (maxFrames) frames = std::min(frames, maxFrames);
  impl_->frames = frames;
}

WhatIfEvaluator::~WhatIfEvaluator() = default;

std::size_t WhatIfEvaluator::frames() const { return impl_->frames; }
std::size_t WhatIfEvaluator::longestRecording() const { return impl_->longestRecording; }

const std::vector<WhatIfLayer>& WhatIfEvaluator::layers() const { return impl_->infos; }

std::vector<std::size_t> WhatIfEvaluator::finalLayers() const {
  std::vector<std::size_t> out;
  for (std::size_t l = 0; l < impl_->layers.size(); ++l)
    if (l + 1 == impl_->layers.size() || impl_->netOfLayer[l + 1] != impl_->netOfLayer[l]) out.push_back(l);
  return out;
}

std::vector<std::size_t> WhatIfEvaluator::firstLayers() const {
  std::vector<std::size_t> first;
  for (std::size_t l = 0; l < impl_->layers.size(); ++l)
    if (l == 0 || impl_->netOfLayer[l] != impl_->netOfLayer[l - 1]) first.push_back(l);
  return first;
}

std::vector<int> WhatIfEvaluator::netInputRows() const {
  std::vector<int> rows;
  for (std::size_t l : firstLayers()) rows.push_back(impl_->layers[l].info.rows);
  return rows;
}

std::vector<std::uint8_t> WhatIfEvaluator::recordedInputs(std::size_t net) const {
  const std::vector<std::size_t> first = firstLayers();
  if (net >= first.size()) throw InputError("net " + std::to_string(net), "no such net");
  const LayerData& d = impl_->layers[first[net]];
  const std::size_t bytes = impl_->frames * std::size_t(d.info.rows);
  std::vector<std::uint8_t> out(bytes, 0);
  std::copy_n(d.traceInputs.begin(), std::min(bytes, d.traceInputs.size()), out.begin());
  return out;
}

WhatIfRun WhatIfEvaluator::run(const WhatIfConfig& cfg, std::uint64_t seed, const FrameInputs* inputs) const {
  cfg.validate();
  const auto& layers = impl_->layers;
  const std::vector<int> netRows = netInputRows();
  if (inputs) {
    if (inputs->perNet.size() != netRows.size())
      throw InputError("inputs", "one array per net: " + std::to_string(netRows.size()) + " net(s), " +
                                     std::to_string(inputs->perNet.size()) + " given");
    for (std::size_t n = 0; n < netRows.size(); ++n)
      if (inputs->perNet[n].size() != inputs->frames * std::size_t(netRows[n]))
        throw InputError("inputs",
                         "net " + std::to_string(n) + " takes frames x " + std::to_string(netRows[n]) + " bytes");
  }
  const std::size_t F = inputs ? inputs->frames : impl_->frames;
  WhatIfRun result;
  result.frames = F;
  result.preActivation.resize(layers.size());
  result.stored.resize(layers.size());
  result.fits.resize(layers.size());

  AdcConfig adcConfig;
  adcConfig.bits = cfg.adcBits;
  adcConfig.fullScale = cfg.adcFullScale;
  adcConfig.offsetMean = cfg.adcOffset;
  adcConfig.offsetSigma = cfg.adcOffsetSigma;
  adcConfig.gainErrorMean = cfg.adcGain;
  adcConfig.gainErrorSigma = cfg.adcGainSigma;
  const AdcModel adc(adcConfig, seed);  // one converter per column of the chip, for every layer

  const int rowLimit = cfg.rows ? cfg.rows : kInputRows;
  const int usableColumns = (cfg.columns ? cfg.columns : kColumns) - cfg.reservedColumns;
  const unsigned inputMask = (0xFFu << (8 - cfg.inputBits)) & 0xFFu;
  const EvalNoise noise(cfg);

  std::vector<std::uint8_t> regfiles;
  std::vector<std::uint8_t> written;
  int currentNet = -1;
  std::size_t netOrdinal = 0;
  const std::vector<std::uint8_t> none;
  for (std::size_t l = 0; l < layers.size(); ++l) {
    const LayerData& d = layers[l];
    bool firstOfNet = false;
    if (impl_->netOfLayer[l] != currentNet) {
      if (currentNet != -1) ++netOrdinal;
      currentNet = impl_->netOfLayer[l];
      regfiles.assign(F * kRegfileBytes, 0);
      written.assign(kRegfileBytes, 0);
      firstOfNet = true;
    }
    // The bytes this layer reads that no earlier layer wrote.
    const std::vector<std::uint8_t>& source = !inputs ? d.traceInputs : firstOfNet ? inputs->perNet[netOrdinal] : none;
    const int R = d.info.rows, C = d.info.columns, Z = static_cast<int>(d.bias.rows());
    const int G = cfg.gain ? cfg.gain : d.info.gain;

    // Inputs: regfile bytes earlier rounds wrote, else the recording.
    Matrix X(F, R);
    for (std::size_t f = 0; f < F; ++f)
      for (int i = 0; i < R; ++i) {
        const int addr = d.round.inputAddr + i;
        const std::uint8_t byte = (addr < kRegfileBytes && written[addr])
                                      ? regfiles[f * kRegfileBytes + addr]
                                      : (source.empty() ? 0 : source[f * std::size_t(R) + i]);
        X(f, i) = byte & inputMask;
      }

    // The cells as programmed for this seed: stuck cells, then programming error.
    Matrix Wp = d.weights, Bp = d.bias;
    if (cfg.stuckRate > 0) {
      RandomSource rs = layerStream(seed, l, stream::kStuckCells);
      for (int i = 0; i < R; ++i)
        for (int j = 0; j < C; ++j)
          if (rs.uniform() < cfg.stuckRate) Wp(i, j) = 0;
      for (int z = 0; z < Z; ++z)
        for (int j = 0; j < C; ++j)
          if (rs.uniform() < cfg.stuckRate) Bp(z, j) = 0;
    }
    if (cfg.programmingLevel > 0) {
      const CellNoiseLaw law = CellNoiseLaw::witinLevel(cfg.programmingLevel);
      RandomSource rp = layerStream(seed, l, stream::kProgramming);
      for (int i = 0; i < R; ++i)
        for (int j = 0; j < C; ++j) Wp(i, j) += law.sigma(d.weights(i, j)) * rp.normal();
      for (int z = 0; z < Z; ++z)
        for (int j = 0; j < C; ++j) Bp(z, j) += law.sigma(d.bias(z, j)) * rp.normal();
    }

    // Column sums per row chunk (one chunk when the layer fits the array's rows), each read by
    // the ADC; codes of several chunks are added digitally (ASSUMPTION for split layers).
    const int rowChunks = (R + rowLimit - 1) / rowLimit;
    const int columnChunks = (C + usableColumns - 1) / usableColumns;
    result.fits[l] = {rowChunks == 1 && columnChunks == 1, rowChunks * columnChunks};
    RandomSource rn = layerStream(seed, l, stream::kReadNoise);
    const double step = adc.step(G);
    Matrix codes = Matrix::Zero(F, C);
    for (int k = 0; k < rowChunks; ++k) {
      const int r0 = k * rowLimit, n = std::min(rowLimit, R - r0);
      Matrix acc = X.middleCols(r0, n) * Wp.middleRows(r0, n);
      const bool withBias = (k == 0);
      if (withBias && Z > 0) acc.rowwise() += 128.0 * Bp.colwise().sum();
      noise.apply(acc, X.middleCols(r0, n), d.weights.middleRows(r0, n), Wp.middleRows(r0, n),
                  withBias ? d.bias : Matrix(0, C), G, rn);
      for (std::size_t f = 0; f < F; ++f)
        for (int j = 0; j < C; ++j) {
          const int physical = cfg.reservedColumns + (j % usableColumns);
          double code = std::trunc((acc(f, j) * (1.0 + adc.gainError(physical))) / step + adc.offset(physical));
          code = std::clamp(code, double(adc.minCode()), double(adc.maxCode()));
          codes(f, j) += code;
        }
    }
    // Digital stage: the golden rounding of the code to the 8-bit pre-activation, LUT, store.
    std::vector<std::int8_t>& y = result.preActivation[l];
    y.resize(F * std::size_t(C));
    std::vector<std::uint8_t>& out = result.stored[l];
    out.resize(F * std::size_t(C));
    for (std::size_t f = 0; f < F; ++f)
      for (int j = 0; j < C; ++j) {
        const double v = std::clamp(std::floor(codes(f, j) * step / G + 0.5), -128.0, 127.0);
        const auto pre = static_cast<std::int8_t>(v);
        y[f * C + j] = pre;
        const std::uint8_t byte = d.applyLut ? applyLut(d.lut, pre) : static_cast<std::uint8_t>(pre);
        out[f * C + j] = byte;
        const int addr = d.round.outputAddr + j;
        if (addr < kRegfileBytes) {
          regfiles[f * kRegfileBytes + addr] = byte;
          written[addr] = 1;
        }
      }
  }
  return result;
}

RecordedAgreement WhatIfEvaluator::compareWithRecorded(const WhatIfRun& run) const {
  RecordedAgreement a;
  if (run.frames != impl_->frames) return a;  // driven by other inputs than the recording
  for (std::size_t l = 0; l < impl_->layers.size(); ++l) {
    const LayerData& d = impl_->layers[l];
    if ((d.traceOutputs.empty() && d.expectedPre.empty()) || l >= run.stored.size()) continue;
    const std::size_t C = std::size_t(d.info.columns);
    const std::size_t F = std::min(impl_->frames, d.outputFrames);
    if (!d.traceOutputs.empty())
      for (std::size_t k = 0; k < F * C; ++k) a.equal += (run.stored[l][k] == d.traceOutputs[k]);
    else
      for (std::size_t k = 0; k < F * C; ++k) a.equal += (run.preActivation[l][k] == d.expectedPre[k]);
    a.compared += F * C;
    ++a.layersCompared;
  }
  return a;
}

}  // namespace wtm::npu
