#include "SweepResults.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "SweepGrid.h"
#include "common/InputError.h"

namespace wtm::sweep {
namespace {

std::vector<std::string> splitCsv(const std::string& line) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(line);
  while (std::getline(in, item, ',')) out.push_back(item);
  if (!line.empty() && line.back() == ',') out.push_back("");
  return out;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// The (key, seed) of a data line under the standard header.
std::pair<std::string, std::uint64_t> rowIdentity(const std::vector<std::string>& fields) {
  npu::WhatIfConfig c;
  const auto& knobs = knobNames();
  for (std::size_t k = 0; k < knobs.size(); ++k) setKnob(c, knobs[k], fields.at(2 + k));
  return {c.key(), std::stoull(fields.at(1))};
}

}  // namespace

std::pair<std::string, std::uint64_t> rowKey(const std::string& line) { return rowIdentity(splitCsv(line)); }

std::string csvHeader(std::size_t layerCount) {
  std::string h = "point,seed";
  for (const auto& k : knobNames()) h += "," + k;
  h += ",all_layers_fit,rounds";
  for (std::size_t l = 1; l <= layerCount; ++l) {
    const std::string p = ",l" + std::to_string(l) + "_";
    h += p + "mean" + p + "std" + p + "max" + p + "cos" + p + "exact";
  }
  h += ",decision_agreement,accuracy";
  return h;
}

std::string csvRow(const SweepRow& row) {
  std::string s = std::to_string(row.point) + "," + std::to_string(row.seed);
  for (const auto& k : knobNames()) s += "," + knobValue(row.config, k);
  bool allFit = true;
  int rounds = 0;
  for (const auto& f : row.fits) {
    allFit &= f.fits;
    rounds += f.rounds;
  }
  s += std::string(",") + (allFit ? "1" : "0") + "," + std::to_string(rounds);
  for (const auto& m : row.metrics.layers)
    s += "," + num(m.mean) + "," + num(m.std) + "," + num(m.maxAbs) + "," + num(m.cosine) + "," + num(m.exactRate);
  s += "," + num(row.metrics.decisionAgreement) + "," + (row.metrics.accuracy ? num(*row.metrics.accuracy) : "");
  return s;
}

std::set<std::pair<std::string, std::uint64_t>> finishedRows(const std::string& path, const std::string& header) {
  std::set<std::pair<std::string, std::uint64_t>> done;
  std::ifstream f(path);
  if (!f) return done;
  std::string line;
  if (!std::getline(f, line)) return done;
  if (line != header) throw InputError(path, "exists with another header (another model?): remove it or choose --out");
  int lineNo = 1;
  while (std::getline(f, line)) {
    ++lineNo;
    if (line.empty()) continue;
    try {
      done.insert(rowIdentity(splitCsv(line)));
    } catch (const std::exception&) {
      // A line cut short by an interrupted run: that point is simply computed again.
    }
  }
  return done;
}

ResultTable readResults(const std::string& path) {
  std::ifstream f(path);
  if (!f) throw InputError(path, "cannot read the results");
  ResultTable t;
  std::string line;
  if (!std::getline(f, line) || line.empty()) throw InputError(path, "empty results file");
  t.header = splitCsv(line);
  for (std::size_t i = 0; i < t.header.size(); ++i) t.column[t.header[i]] = i;
  while (std::getline(f, line)) {
    auto fields = splitCsv(line);
    if (fields.size() == t.header.size()) t.rows.push_back(std::move(fields));
  }
  return t;
}

double ResultTable::meanWhere(const std::vector<std::pair<std::string, std::string>>& where,
                              const std::string& metric) const {
  const auto m = column.find(metric);
  if (m == column.end()) return NAN;
  std::vector<std::size_t> idx;
  for (const auto& w : where) {
    const auto c = column.find(w.first);
    if (c == column.end()) return NAN;
    idx.push_back(c->second);
  }
  double sum = 0;
  std::size_t n = 0;
  for (const auto& row : rows) {
    bool match = true;
    for (std::size_t k = 0; k < where.size() && match; ++k) match = row[idx[k]] == where[k].second;
    if (!match || row[m->second].empty()) continue;
    sum += std::strtod(row[m->second].c_str(), nullptr);
    ++n;
  }
  return n ? sum / double(n) : NAN;
}

void sortResults(const std::string& path, const std::vector<npu::WhatIfConfig>& order) {
  std::ifstream in(path);
  std::string header, line;
  if (!std::getline(in, header)) return;
  std::map<std::string, std::size_t> rank;
  for (std::size_t i = 0; i < order.size(); ++i) rank.emplace(order[i].key(), i);
  std::vector<std::tuple<std::size_t, std::uint64_t, std::string>> rows;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    try {
      const auto id = rowIdentity(splitCsv(line));
      const auto it = rank.find(id.first);
      const std::size_t r = it == rank.end() ? order.size() : it->second;
      // The point column follows the current grid's numbering.
      std::string fixed = line.substr(line.find(','));
      rows.emplace_back(r, id.second, std::to_string(r) + fixed);
    } catch (const std::exception&) {
    }
  }
  in.close();
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
  });
  std::ofstream out(path, std::ios::trunc);
  out << header << "\n";
  for (const auto& r : rows) out << std::get<2>(r) << "\n";
}

}  // namespace wtm::sweep
