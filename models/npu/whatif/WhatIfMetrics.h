// Error statistics of a what-if run against the ideal run, per layer and for each net's decision:
// the figures the vendor's programming tool and the TCAD paper report (reference/npu.md §4.2):
// mean, std and max |error| in output LSBs, cosine similarity; plus the bit-exact rate and the
// decision agreement (argmax equal to the ideal one) and, with labels, accuracy.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "npu/whatif/WhatIfEvaluator.h"

namespace wtm::npu {

struct LayerErrorMetrics {
  double mean = 0, std = 0, maxAbs = 0, cosine = 1, exactRate = 1;
};

struct WhatIfMetrics {
  std::vector<LayerErrorMetrics> layers;
  double decisionAgreement = 1;    // over all nets' final layers and frames
  std::optional<double> accuracy;  // fraction of frames whose first net's argmax equals the label
};

// Index of the largest value of each frame's row (first one on ties).
std::vector<int> argmaxPerFrame(const std::vector<std::int8_t>& values, std::size_t frames, std::size_t columns);

WhatIfMetrics compareWithIdeal(const WhatIfEvaluator& evaluator, const WhatIfRun& ideal, const WhatIfRun& run,
                               const std::vector<int>* labels = nullptr);

}  // namespace wtm::npu
