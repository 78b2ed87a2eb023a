// PNG plots of a sweep's CSV, drawn by gnuplot: for every swept knob the error and decision
// figures against that knob (one curve per value of the next swept knob, averaged over seeds and
// the remaining knobs), and a heat map over the first two swept knobs. The data and gnuplot
// scripts are written next to the images so a user can restyle them.
#pragma once
#include <string>
#include <vector>

#include "SweepGrid.h"

namespace wtm::sweep {

struct PlotOutcome {
  std::vector<std::string> images;  // PNGs written
  std::string note;                 // why nothing was drawn, if so
};

// Reads `csvPath` (the sweep's results) and writes plots/ under `outDir`. Axes with a single
// value are not plotted. Throws InputError when a file cannot be read or written.
PlotOutcome makePlots(const std::string& csvPath, const std::string& outDir, const std::vector<Axis>& axes,
                      std::size_t layerCount);

// The gnuplot executable on PATH, or empty.
std::string findGnuplot();

}  // namespace wtm::sweep
