#include "WhatIfMetrics.h"

#include <algorithm>
#include <stdexcept>
#include <cmath>

namespace wtm::npu {

std::vector<int> argmaxPerFrame(const std::vector<std::int8_t>& values, std::size_t frames, std::size_t columns) {
  std::vector<int> out(frames, 0);
  for (std::size_t f = 0; f < frames; ++f) {
    const std::int8_t* row = &values[f * columns];
    out[f] = static_cast<int>(std::max_element(row, row + columns) - row);
  }
  return out;
}

WhatIfMetrics compareWithIdeal(const WhatIfEvaluator& evaluator, const WhatIfRun& ideal, const WhatIfRun& run,
                               const std::vector<int>* labels) {
  WhatIfMetrics m;
  const auto& layers = evaluator.layers();
  if (ideal.frames != run.frames) throw std::invalid_argument("compareWithIdeal: the runs have different frames");
  const std::size_t F = run.frames;
  for (std::size_t l = 0; l < layers.size(); ++l) {
    const auto& a = ideal.preActivation[l];
    const auto& b = run.preActivation[l];
    double sum = 0, sumSq = 0, maxAbs = 0, dot = 0, na = 0, nb = 0;
    std::size_t exact = 0;
    for (std::size_t k = 0; k < a.size(); ++k) {
      const double e = double(b[k]) - double(a[k]);
      sum += e;
      sumSq += e * e;
      maxAbs = std::max(maxAbs, std::abs(e));
      exact += (e == 0);
      dot += double(a[k]) * double(b[k]);
      na += double(a[k]) * double(a[k]);
      nb += double(b[k]) * double(b[k]);
    }
    LayerErrorMetrics lm;
    const double n = double(a.size());
    lm.mean = sum / n;
    lm.std = std::sqrt(std::max(0.0, sumSq / n - lm.mean * lm.mean));
    lm.maxAbs = maxAbs;
    lm.exactRate = double(exact) / n;
    lm.cosine = (na > 0 && nb > 0) ? dot / std::sqrt(na * nb) : (na == nb ? 1.0 : 0.0);
    m.layers.push_back(lm);
  }
  std::size_t agree = 0, total = 0;
  const auto finals = evaluator.finalLayers();
  for (std::size_t idx = 0; idx < finals.size(); ++idx) {
    const std::size_t l = finals[idx];
    const std::size_t C = static_cast<std::size_t>(layers[l].columns);
    const auto ia = argmaxPerFrame(ideal.preActivation[l], F, C);
    const auto ib = argmaxPerFrame(run.preActivation[l], F, C);
    for (std::size_t f = 0; f < F; ++f) agree += (ia[f] == ib[f]);
    total += F;
    if (idx == 0 && labels) {
      std::size_t correct = 0, counted = 0;
      for (std::size_t f = 0; f < F && f < labels->size(); ++f, ++counted) correct += (ib[f] == (*labels)[f]);
      if (counted) m.accuracy = double(correct) / double(counted);
    }
  }
  m.decisionAgreement = total ? double(agree) / double(total) : 1.0;
  return m;
}

}  // namespace wtm::npu
