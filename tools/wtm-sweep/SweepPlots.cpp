#include "SweepPlots.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

#include "SweepResults.h"
#include "common/InputError.h"

namespace wtm::sweep {
namespace {

namespace fs = std::filesystem;

bool isNumber(const std::string& s) {
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return !s.empty() && end && *end == '\0';
}

bool allNumeric(const std::vector<std::string>& values) {
  for (const auto& v : values)
    if (!isNumber(v)) return false;
  return true;
}

std::string quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += (c == '\'') ? std::string("''") : std::string(1, c);
  return q + "'";
}

std::string num(double v) {
  if (std::isnan(v)) return "NaN";
  std::ostringstream o;
  o.precision(8);
  o << v;
  return o.str();
}

struct Metric {
  std::string column, title;
};

std::vector<Metric> plottedMetrics(std::size_t layerCount) {
  std::vector<Metric> m;
  m.push_back({"l" + std::to_string(layerCount) + "_std", "last layer: error std (LSB)"});
  if (layerCount > 1) m.push_back({"l1_std", "first layer: error std (LSB)"});
  m.push_back({"decision_agreement", "decision agreement with ideal"});
  return m;
}

void writeFile(const fs::path& p, const std::string& text) {
  std::ofstream f(p);
  if (!f || !(f << text)) throw InputError(p.string(), "cannot write");
}

// In the script's folder: the scripts name their files relative to it, so a plots folder (the
// merge of a sharded sweep, a copy) is the same wherever it was made.
bool runGnuplot(const std::string& gnuplot, const fs::path& script) {
  auto shell = [](const std::string& w) {
    std::string q = "'";
    for (char c : w) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  const std::string name = script.filename().string();
  const std::string cmd = "cd " + shell(script.parent_path().string()) + " && " + shell(gnuplot) + " " + shell(name) +
                          " 2>" + shell(name + ".log");
  return std::system(cmd.c_str()) == 0;
}

// Curves of each metric against `axis`, one per value of `series` (may be null).
std::string plotAgainst(const ResultTable& t, const fs::path& dir, const Axis& axis, const Axis* series,
                        const std::vector<Metric>& metrics) {
  const std::string stem = "vs_" + axis.name;
  const bool numeric = allNumeric(axis.values);
  const std::vector<std::string> seriesValues = series ? series->values : std::vector<std::string>{""};
  std::ostringstream dat;
  dat << "# " << axis.name;
  for (const auto& m : metrics)
    for (const auto& s : seriesValues) dat << " " << m.column << (series ? "@" + series->name + "=" + s : "");
  dat << "\n";
  for (const auto& v : axis.values) {
    dat << v;
    for (const auto& m : metrics)
      for (const auto& s : seriesValues) {
        std::vector<std::pair<std::string, std::string>> where = {{axis.name, v}};
        if (series) where.push_back({series->name, s});
        dat << " " << num(t.meanWhere(where, m.column));
      }
    dat << "\n";
  }
  writeFile(dir / (stem + ".dat"), dat.str());

  std::ostringstream gp;
  gp << "set terminal pngcairo size " << 480 * metrics.size() << ",420 noenhanced\n"
     << "set output " << quoted(stem + ".png") << "\n"
     << "set datafile missing 'NaN'\nset grid\nset key outside bottom center horizontal\n"
     << "set multiplot layout 1," << metrics.size() << " title " << quoted("wtm-sweep: against " + axis.name) << "\n";
  const std::string x = numeric ? "1" : "0";
  const std::string xtic = numeric ? "" : ":xtic(1)";
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    gp << "set title " << quoted(metrics[m].title) << "\nset xlabel " << quoted(axis.name) << "\n";
    if (metrics[m].column == "decision_agreement") gp << "set yrange [0:1.05]\n";
    else gp << "set yrange [0:*]\n";
    gp << "plot ";
    for (std::size_t s = 0; s < seriesValues.size(); ++s) {
      const std::size_t col = 2 + m * seriesValues.size() + s;
      gp << (s ? ", " : "") << quoted(stem + ".dat") << " using " << x << ":" << col << xtic
         << " with linespoints lw 2 pt 7 title " << quoted(series ? series->name + "=" + seriesValues[s] : "");
    }
    gp << "\n";
  }
  gp << "unset multiplot\n";
  writeFile(dir / (stem + ".gp"), gp.str());
  return stem;
}

std::string heatMap(const ResultTable& t, const fs::path& dir, const Axis& a, const Axis& b,
                    const std::vector<Metric>& metrics) {
  const std::string stem = "heatmap_" + a.name + "_" + b.name;
  std::ostringstream dat;
  dat << "# index(" << a.name << ") index(" << b.name << ")";
  for (const auto& m : metrics) dat << " " << m.column;
  dat << "\n";
  for (std::size_t i = 0; i < a.values.size(); ++i) {
    for (std::size_t j = 0; j < b.values.size(); ++j) {
      dat << i << " " << j;
      for (const auto& m : metrics)
        dat << " " << num(t.meanWhere({{a.name, a.values[i]}, {b.name, b.values[j]}}, m.column));
      dat << "\n";
    }
    dat << "\n";
  }
  writeFile(dir / (stem + ".dat"), dat.str());
  auto tics = [](const Axis& axis) {
    std::ostringstream o;
    o << "(";
    for (std::size_t k = 0; k < axis.values.size(); ++k) o << (k ? ", " : "") << quoted(axis.values[k]) << " " << k;
    o << ")";
    return o.str();
  };
  std::ostringstream gp;
  gp << "set terminal pngcairo size " << 520 * metrics.size() << ",460 noenhanced\n"
     << "set output " << quoted(stem + ".png") << "\n"
     << "set datafile missing 'NaN'\nset view map\nunset key\n"
     << "set xtics " << tics(a) << "\nset ytics " << tics(b) << "\n"
     << "set xlabel " << quoted(a.name) << "\nset ylabel " << quoted(b.name) << "\n"
     << "set xrange [-0.5:" << a.values.size() - 0.5 << "]\nset yrange [-0.5:" << b.values.size() - 0.5 << "]\n"
     << "set multiplot layout 1," << metrics.size() << " title " << quoted("wtm-sweep: " + a.name + " x " + b.name)
     << "\n";
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    gp << "set title " << quoted(metrics[m].title) << "\n";
    gp << (metrics[m].column == "decision_agreement"
               ? "set palette defined (0 'dark-red', 0.5 'orange', 1 'white')\nset cbrange [0:1]\n"
               : "set palette defined (0 'white', 0.5 'orange', 1 'dark-red')\nset cbrange [0:*]\n");
    gp << "plot " << quoted(stem + ".dat") << " using 1:2:" << 3 + m << " with image\n";
  }
  gp << "unset multiplot\n";
  writeFile(dir / (stem + ".gp"), gp.str());
  return stem;
}

}  // namespace

std::string findGnuplot() {
  const char* path = std::getenv("PATH");
  if (!path) return "";
  std::istringstream in(path);
  for (std::string d; std::getline(in, d, ':');) {
    const fs::path p = fs::path(d.empty() ? "." : d) / "gnuplot";
    std::error_code ec;
    if (fs::is_regular_file(p, ec) && access(p.c_str(), X_OK) == 0) return fs::absolute(p).string();
  }
  return "";
}

PlotOutcome makePlots(const std::string& csvPath, const std::string& outDir, const std::vector<Axis>& axes,
                      std::size_t layerCount) {
  PlotOutcome outcome;
  std::vector<const Axis*> swept;
  for (const auto& a : axes)
    if (a.values.size() > 1) swept.push_back(&a);
  if (swept.empty()) {
    outcome.note = "no knob takes more than one value: nothing to plot";
    return outcome;
  }
  const ResultTable t = readResults(csvPath);
  const fs::path dir = fs::path(outDir) / "plots";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw InputError(dir.string(), "cannot create folder: " + ec.message());
  const auto metrics = plottedMetrics(layerCount);
  std::vector<std::string> stems;
  for (std::size_t k = 0; k < swept.size(); ++k)
    stems.push_back(
        plotAgainst(t, dir, *swept[k], swept.size() > 1 ? swept[(k + 1) % swept.size()] : nullptr, metrics));
  if (swept.size() > 1) stems.push_back(heatMap(t, dir, *swept[0], *swept[1], metrics));

  const std::string gnuplot = findGnuplot();
  if (gnuplot.empty()) {
    outcome.note = "gnuplot not found: data and scripts written to " + dir.string() + " (apt install gnuplot-nox)";
    return outcome;
  }
  for (const auto& stem : stems) {
    if (runGnuplot(gnuplot, dir / (stem + ".gp")) && fs::exists(dir / (stem + ".png")))
      outcome.images.push_back((dir / (stem + ".png")).string());
    else outcome.note = "gnuplot failed on " + (dir / (stem + ".gp")).string() + " (see its .log)";
  }
  return outcome;
}

}  // namespace wtm::sweep
