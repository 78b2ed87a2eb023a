// wtm-sweep's points: the value lists and ranges of the knob options ("4:10", "0:1:0.25",
// "256,512") combined into a grid, and a --points CSV file. The input is "KNOB=SPEC" lines (the
// axes), then WTMSPLIT, then the CSV file. Only InputError may come out.
#include "FuzzInput.h"
#include "SweepGrid.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static wtm::fuzz::TempFile file(".csv");
  const auto [axesText, csv] = wtm::fuzz::splitAt(wtm::fuzz::text(data, size), "WTMSPLIT");
  try {
    std::vector<wtm::sweep::Axis> axes;
    std::string rest = axesText;
    while (!rest.empty() && axes.size() < 8) {
      auto [line, after] = wtm::fuzz::splitAt(rest, "\n");
      const auto [name, spec] = wtm::fuzz::splitAt(line, "=");
      axes.push_back({name, wtm::sweep::expandValues(name, spec)});
      if (rest.find('\n') == std::string::npos) break;
      rest = after;
    }
    // Grids up to the 1e6-point limit are valid and take seconds to build under ASan: the
    // harness builds the small ones (the limit itself has a unit test).
    double points = 1;
    for (const auto& axis : axes) points *= static_cast<double>(axis.values.size());
    if (points <= 1e4) (void)wtm::sweep::gridPoints(axes);
  } catch (const wtm::InputError&) {
  }
  file.write(reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
  try {
    (void)wtm::sweep::pointsFromCsv(file.path());
  } catch (const wtm::InputError&) {
  }
  return 0;
}
