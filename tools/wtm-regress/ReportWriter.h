// Renderings of a RegressionReport: the per-layer text table, JSON and CSV.
#pragma once
#include <ostream>

#include "npu/GoldenRegression.h"

namespace wtm::regress {

void writeTextReport(const npu::RegressionReport& report, std::ostream& os, bool verbose);
void writeJsonReport(const npu::RegressionReport& report, std::ostream& os);
void writeCsvReport(const npu::RegressionReport& report, std::ostream& os);

}  // namespace wtm::regress
