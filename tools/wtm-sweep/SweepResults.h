// The sweep's CSV: one row per point and seed with every knob, how each layer fits the array,
// the per-layer error metrics and the decision figures. Re-running a sweep skips the
// (point, seed) pairs already in the file.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "npu/whatif/WhatIfMetrics.h"

namespace wtm::sweep {

struct SweepRow {
  std::size_t point = 0;
  std::uint64_t seed = 0;
  npu::WhatIfConfig config;
  std::vector<npu::LayerFit> fits;
  npu::WhatIfMetrics metrics;
};

std::string csvHeader(std::size_t layerCount);
// The (config key, seed) of a data line; throws (std::exception) on a malformed line.
std::pair<std::string, std::uint64_t> rowKey(const std::string& line);
std::string csvRow(const SweepRow& row);

// (config key, seed) of every row already in `path`; empty when the file does not exist.
// Throws InputError when the file exists with another header (a different model or version).
std::set<std::pair<std::string, std::uint64_t>> finishedRows(const std::string& path, const std::string& header);

// A results CSV read back (for plots and summaries): cells as text, columns by header name.
struct ResultTable {
  std::vector<std::string> header;
  std::map<std::string, std::size_t> column;
  std::vector<std::vector<std::string>> rows;

  // Mean of the numeric column `metric` over the rows whose columns equal every (name, value) of
  // `where`; NaN when no row matches or a column is missing.
  double meanWhere(const std::vector<std::pair<std::string, std::string>>& where, const std::string& metric) const;
};
// Throws InputError when the file cannot be read or has no header. Rows of the wrong width are
// skipped (a line cut short by an interrupted run).
ResultTable readResults(const std::string& path);

// Rewrites `path` with its rows ordered by the point order of `order` (rows of other points last).
void sortResults(const std::string& path, const std::vector<npu::WhatIfConfig>& order);

}  // namespace wtm::sweep
