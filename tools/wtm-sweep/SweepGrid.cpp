#include "SweepGrid.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "common/InputError.h"
#include "common/InputFile.h"
#include "common/Trim.h"

namespace wtm::sweep {
namespace {

double parseNumber(const std::string& option, const std::string& text) {
  size_t used = 0;
  double v = 0;
  try {
    v = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || !std::isfinite(v))
    throw InputError("--" + option, "'" + text + "' is not a number");
  return v;
}

int parseInt(const std::string& option, const std::string& text) {
  const double v = parseNumber(option, text);
  if (v != std::floor(v) || std::abs(v) > 1e9) throw InputError("--" + option, "'" + text + "' is not an integer");
  return static_cast<int>(v);
}

std::string formatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(s);
  while (std::getline(in, item, sep)) out.push_back(item);
  if (!s.empty() && s.back() == sep) out.push_back("");
  return out;
}

}  // namespace

const std::vector<std::string>& knobNames() {
  static const std::vector<std::string> names = {"noise-model", "noise-level",    "sigma",      "prog-level",
                                                 "adc-bits",    "adc-full-scale", "adc-offset", "adc-offset-sigma",
                                                 "adc-gain",    "adc-gain-sigma", "g",          "input-bits",
                                                 "stuck-rate",  "rows",           "columns",    "reserved-columns"};
  return names;
}

void setKnob(npu::WhatIfConfig& c, const std::string& name, const std::string& v) {
  if (name == "noise-model") {
    try {
      c.noiseModel = npu::parseEvalNoiseModel(v);
    } catch (const std::invalid_argument& e) {
      throw InputError("--noise-model", e.what());
    }
  } else if (name == "noise-level") c.noiseLevel = parseNumber(name, v);
  else if (name == "sigma") c.sigma = parseNumber(name, v);
  else if (name == "prog-level") c.programmingLevel = parseNumber(name, v);
  else if (name == "adc-bits") c.adcBits = parseInt(name, v);
  else if (name == "adc-full-scale") c.adcFullScale = parseNumber(name, v);
  else if (name == "adc-offset") c.adcOffset = parseNumber(name, v);
  else if (name == "adc-offset-sigma") c.adcOffsetSigma = parseNumber(name, v);
  else if (name == "adc-gain") c.adcGain = parseNumber(name, v);
  else if (name == "adc-gain-sigma") c.adcGainSigma = parseNumber(name, v);
  else if (name == "g") c.gain = parseInt(name, v);
  else if (name == "input-bits") c.inputBits = parseInt(name, v);
  else if (name == "stuck-rate") c.stuckRate = parseNumber(name, v);
  else if (name == "rows") c.rows = parseInt(name, v);
  else if (name == "columns") c.columns = parseInt(name, v);
  else if (name == "reserved-columns") c.reservedColumns = parseInt(name, v);
  else throw InputError("--" + name, "not a sweep knob");
}

std::string knobValue(const npu::WhatIfConfig& c, const std::string& name) {
  if (name == "noise-model") return npu::evalNoiseModelName(c.noiseModel);
  if (name == "noise-level") return formatNumber(c.noiseLevel);
  if (name == "sigma") return formatNumber(c.sigma);
  if (name == "prog-level") return formatNumber(c.programmingLevel);
  if (name == "adc-bits") return std::to_string(c.adcBits);
  if (name == "adc-full-scale") return formatNumber(c.adcFullScale);
  if (name == "adc-offset") return formatNumber(c.adcOffset);
  if (name == "adc-offset-sigma") return formatNumber(c.adcOffsetSigma);
  if (name == "adc-gain") return formatNumber(c.adcGain);
  if (name == "adc-gain-sigma") return formatNumber(c.adcGainSigma);
  if (name == "g") return std::to_string(c.gain);
  if (name == "input-bits") return std::to_string(c.inputBits);
  if (name == "stuck-rate") return formatNumber(c.stuckRate);
  if (name == "rows") return std::to_string(c.rows);
  if (name == "columns") return std::to_string(c.columns);
  if (name == "reserved-columns") return std::to_string(c.reservedColumns);
  return "";
}

std::vector<std::string> expandValues(const std::string& option, const std::string& spec) {
  // An empty list would make the grid empty (0 points) and hide the size of the other axes.
  if (spec.empty()) throw InputError("--" + option, "no values given");
  std::vector<std::string> out;
  for (const std::string& item : split(spec, ',')) {
    if (item.empty()) throw InputError("--" + option, "empty value in '" + spec + "'");
    const auto parts = split(item, ':');
    if (parts.size() == 1) {
      out.push_back(item);
      continue;
    }
    if (parts.size() > 3) throw InputError("--" + option, "'" + item + "' is not start:end[:step]");
    const double a = parseNumber(option, parts[0]), b = parseNumber(option, parts[1]);
    const double step = parts.size() == 3 ? parseNumber(option, parts[2]) : 1.0;
    if (step <= 0 || b < a) throw InputError("--" + option, "'" + item + "' needs start <= end and a positive step");
    const double count = std::floor((b - a) / step + 1e-9) + 1;
    if (count > 100000) throw InputError("--" + option, "'" + item + "' expands to too many values");
    for (int k = 0; k < int(count); ++k) out.push_back(formatNumber(a + k * step));
  }
  return out;
}

void implyNoiseModel(npu::WhatIfConfig& config, bool modelGiven, bool levelGiven, bool sigmaGiven) {
  if (modelGiven) return;
  if (levelGiven && sigmaGiven)
    throw InputError("knobs",
                     "a noise level implies the noise model normal, a sigma the model sigma: name the "
                     "noise model");
  if (levelGiven) setKnob(config, "noise-model", "normal");
  if (sigmaGiven) setKnob(config, "noise-model", "sigma");
}

std::vector<npu::WhatIfConfig> gridPoints(const std::vector<Axis>& axes) {
  // A sweep of a million points already runs for days; a bigger grid is a typing error that
  // would otherwise exhaust the memory before the first point runs.
  constexpr double kMaxPoints = 1e6;
  double total = 1;
  for (size_t i = 0; i < axes.size(); ++i) {
    for (size_t j = 0; j < i; ++j)
      if (axes[j].name == axes[i].name) throw InputError("command line", "--" + axes[i].name + " is given twice");
    if (axes[i].values.empty()) throw InputError("command line", "--" + axes[i].name + " has no values");
    total *= static_cast<double>(axes[i].values.size());
  }
  if (total > kMaxPoints)
    throw InputError("command line",
                     "the grid has " + formatNumber(total) + " points, more than 1e+06: give fewer values");
  std::vector<npu::WhatIfConfig> points(1);
  for (const Axis& axis : axes) {
    std::vector<npu::WhatIfConfig> next;
    for (const auto& p : points)
      for (const std::string& v : axis.values) {
        npu::WhatIfConfig c = p;
        setKnob(c, axis.name, v);
        next.push_back(c);
      }
    points = std::move(next);
  }
  return points;
}

// A header field as it may appear in a message: printable and short.
static std::string shown(const std::string& text) {
  std::string out;
  for (char c : text.substr(0, 40)) out += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  return text.size() > 40 ? out + "..." : out;
}

namespace {

std::vector<std::string> csvFields(const std::string& line) {
  std::vector<std::string> fields = split(line, ',');
  for (auto& f : fields) f = trim(f);
  return fields;
}

}  // namespace

std::vector<npu::WhatIfConfig> pointsFromCsv(const std::string& path) {
  const std::vector<uint8_t> bytes = readRegularFile(path, uint64_t{64} << 20);
  for (uint8_t b : bytes)
    if (b == 0 || (b < 0x20 && b != '\n' && b != '\r' && b != '\t')) throw InputError(path, "not a text (CSV) file");
  std::string text(bytes.begin(), bytes.end());
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // a UTF-8 mark from a spreadsheet
  std::istringstream f(text);
  std::string line;
  int lineNo = 0;
  do {
    if (!std::getline(f, line)) throw InputError(path, "empty points file");
    ++lineNo;
  } while (trim(line).empty());
  const std::string headerLine = "line " + std::to_string(lineNo) + ": ";
  const auto header = csvFields(line);
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i].empty()) throw InputError(path, headerLine + "empty column name (a trailing comma?)");
    bool known = false;
    for (const auto& k : knobNames()) known |= (k == header[i]);
    if (!known) throw InputError(path, headerLine + "unknown knob '" + shown(header[i]) + "'");
    for (size_t j = 0; j < i; ++j)
      if (header[j] == header[i]) throw InputError(path, headerLine + "knob '" + header[i] + "' named twice");
  }
  auto named = [&](const char* knob) { return std::find(header.begin(), header.end(), knob) != header.end(); };
  const bool modelGiven = named("noise-model"), levelGiven = named("noise-level"), sigmaGiven = named("sigma");
  std::vector<npu::WhatIfConfig> points;
  std::map<std::string, int> lineOf;  // point key -> the line that gave it
  while (std::getline(f, line)) {
    ++lineNo;
    if (trim(line).empty()) continue;
    const auto fields = csvFields(line);
    if (fields.size() != header.size())
      throw InputError(path, "line " + std::to_string(lineNo) + ": " + std::to_string(fields.size()) +
                                 " fields, header has " + std::to_string(header.size()));
    npu::WhatIfConfig c;
    try {
      for (size_t i = 0; i < header.size(); ++i) setKnob(c, header[i], fields[i]);
      implyNoiseModel(c, modelGiven, levelGiven, sigmaGiven);
      c.validate();
    } catch (const std::exception& e) {
      throw InputError(path, "line " + std::to_string(lineNo) + ": " + e.what());
    }
    // A repeated point would run (and count in the summary) twice, and break a sharded merge.
    const auto [it, fresh] = lineOf.emplace(c.key(), lineNo);
    if (!fresh)
      throw InputError(path,
                       "line " + std::to_string(lineNo) + ": the same point as line " + std::to_string(it->second));
    points.push_back(c);
  }
  if (points.empty()) throw InputError(path, "no points");
  return points;
}

}  // namespace wtm::sweep
