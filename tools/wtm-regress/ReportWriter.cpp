#include "ReportWriter.h"

#include <cstdio>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

namespace wtm::regress {

namespace {

using npu::ErrorStats;
using npu::LayerComparison;
using npu::RegressionMode;
using npu::RegressionReport;

std::string firstMismatch(const ErrorStats& s) {
  if (!s.firstMismatch()) return "-";
  const auto& m = *s.firstMismatch();
  std::ostringstream os;
  os << "frame " << m.frame << " col " << m.column << ": expected " << m.expected << ", got " << m.got;
  return os.str();
}

std::string layerName(const LayerComparison& c) {
  return "net" + std::to_string(c.net) + " r" + std::to_string(c.round) + (c.layer.empty() ? "" : " " + c.layer);
}

std::string fixed(double v, int digits) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(digits) << v;
  return os.str();
}

}  // namespace

void writeTextReport(const RegressionReport& r, std::ostream& os, bool verbose) {
  for (const auto& d : r.disagreements) os << "DISAGREEMENT " << d << "\n";
  if (verbose)
    for (const auto& n : r.notes) os << "note: " << n << "\n";
  if (r.nonIdeal) {
    os << "NON-IDEAL MODE (approximate analog model; errors are expected):\n";
    std::istringstream lines(r.nonIdealDescription);
    for (std::string line; std::getline(lines, line);) os << "  " << line << "\n";
  }
  os << std::left << std::setw(12) << "mode" << std::setw(24) << "layer" << std::right << std::setw(7) << "frames"
     << std::setw(20) << "exact/total" << std::setw(9) << "max|err|";
  if (r.nonIdeal) os << std::setw(9) << "mean" << std::setw(8) << "std" << std::setw(9) << "<=1 %";
  os << "  first mismatch\n";
  for (const auto& c : r.comparisons) {
    os << std::left << std::setw(12) << npu::regressionModeName(c.mode) << std::setw(24) << layerName(c);
    if (c.comparedNothing()) {
      os << "skipped: " << c.note << "\n";
      continue;
    }
    const ErrorStats& s = c.stats;
    os << std::right << std::setw(7) << c.frames << std::setw(20)
       << (std::to_string(s.exact()) + "/" + std::to_string(s.total())) << std::setw(9) << s.maxAbsError();
    if (r.nonIdeal)
      os << std::setw(9) << fixed(s.meanError(), 3) << std::setw(8) << fixed(s.stdError(), 3) << std::setw(9)
         << fixed(s.total() ? 100.0 * double(s.withinOne()) / double(s.total()) : 0.0, 2);
    os << "  " << firstMismatch(s);
    if (verbose && !c.note.empty()) os << "  [" << c.note << "]";
    os << "\n";
  }
  for (RegressionMode m :
       {RegressionMode::LayerDebug, RegressionMode::Chained, RegressionMode::Expected, RegressionMode::Blob}) {
    const ErrorStats s = r.total(m);
    if (s.total() == 0) continue;
    os << "total " << std::left << std::setw(12) << npu::regressionModeName(m) << std::right << s.exact() << "/"
       << s.total() << " exact, max |err| " << s.maxAbsError();
    if (r.nonIdeal)
      os << ", mean " << fixed(s.meanError(), 3) << ", std " << fixed(s.stdError(), 3) << ", rms "
         << fixed(s.rmsError(), 3);
    os << "\n";
  }
  if (const std::size_t skipped =
          r.skippedCount())  // also under -q (a "total" line): lost golden files must not pass unseen
    os << "total skipped     " << skipped << " of " << r.comparisons.size()
       << " comparisons (golden data missing or not comparable, the table says why; --strict fails the run)\n";
  const ErrorStats all = r.total();
  // The host time on a line of its own: the result lines stay the same from run to run (-q keeps
  // only those, and wtm-batch records the last line).
  os << "host time: " << fixed(r.seconds, 3) << " s\n";
  os << "overall: " << all.exact() << "/" << all.total() << " values exact";
  if (!r.nonIdeal) os << (r.allExact() ? " -- PASS" : " -- FAIL");
  os << "\n";
}

void writeJsonReport(const RegressionReport& r, std::ostream& os) {
  nlohmann::ordered_json j;
  j["directory"] = r.directory;
  j["non_ideal"] = r.nonIdeal;
  if (r.nonIdeal) j["non_ideal_config"] = r.nonIdealDescription;
  j["disagreements"] = r.disagreements;
  j["notes"] = r.notes;
  auto stats = [](const ErrorStats& s) {
    nlohmann::ordered_json o;
    o["exact"] = s.exact();
    o["total"] = s.total();
    o["max_abs_error"] = s.maxAbsError();
    o["mean_error"] = s.meanError();
    o["std_error"] = s.stdError();
    o["rms_error"] = s.rmsError();
    o["within_one"] = s.withinOne();
    if (s.firstMismatch()) {
      const auto& m = *s.firstMismatch();
      o["first_mismatch"] = {{"frame", m.frame}, {"column", m.column}, {"expected", m.expected}, {"got", m.got}};
    } else {
      o["first_mismatch"] = nullptr;
    }
    return o;
  };
  nlohmann::ordered_json layers = nlohmann::ordered_json::array();
  for (const auto& c : r.comparisons) {
    nlohmann::ordered_json o;
    o["mode"] = npu::regressionModeName(c.mode);
    o["net"] = c.net;
    o["round"] = c.round;
    o["layer"] = c.layer;
    o["frames"] = c.frames;
    o["width"] = c.width;
    o["skipped"] = c.skipped;
    o["note"] = c.note;
    o["stats"] = stats(c.stats);
    layers.push_back(o);
  }
  j["layers"] = layers;
  nlohmann::ordered_json totals;
  for (RegressionMode m :
       {RegressionMode::LayerDebug, RegressionMode::Chained, RegressionMode::Expected, RegressionMode::Blob})
    totals[npu::regressionModeName(m)] = stats(r.total(m));
  totals["all"] = stats(r.total());
  j["totals"] = totals;
  j["all_exact"] = r.allExact();
  j["seconds"] = r.seconds;
  os << j.dump(2) << "\n";
}

void writeCsvReport(const RegressionReport& r, std::ostream& os) {
  os << "mode,net,round,layer,frames,width,skipped,exact,total,max_abs_error,mean_error,std_error,rms_error,"
        "within_one,first_frame,first_column,first_expected,first_got,note\n";
  auto quote = [](const std::string& s) {
    std::string q = "\"";
    for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
  };
  for (const auto& c : r.comparisons) {
    const ErrorStats& s = c.stats;
    os << npu::regressionModeName(c.mode) << ',' << c.net << ',' << c.round << ',' << quote(c.layer) << ',' << c.frames
       << ',' << c.width << ',' << (c.skipped ? 1 : 0) << ',' << s.exact() << ',' << s.total() << ',' << s.maxAbsError()
       << ',' << s.meanError() << ',' << s.stdError() << ',' << s.rmsError() << ',' << s.withinOne() << ',';
    if (s.firstMismatch()) {
      const auto& m = *s.firstMismatch();
      os << m.frame << ',' << m.column << ',' << m.expected << ',' << m.got;
    } else {
      os << ",,,";
    }
    os << ',' << quote(c.note) << "\n";
  }
}

}  // namespace wtm::regress
