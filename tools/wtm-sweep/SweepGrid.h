// The points of a sweep: every knob of WhatIfConfig as an axis with a list of values (from the
// command line: "a,b,c" or ranges "start:end[:step]"), combined as a full grid, or an explicit
// list of points from a CSV file whose header names the knobs.
#pragma once
#include <string>
#include <vector>

#include "npu/whatif/WhatIfConfig.h"

namespace wtm::sweep {

struct Axis {
  std::string name;                 // the option name, e.g. "adc-bits"
  std::vector<std::string> values;  // canonical texts, in the order given
};

// Every knob the sweep knows, in CSV column order.
const std::vector<std::string>& knobNames();
// Sets one knob of `config` from text; throws InputError("--NAME", cause) on a bad value.
void setKnob(npu::WhatIfConfig& config, const std::string& name, const std::string& value);
// The knob's value in `config`, as text (for the CSV).
std::string knobValue(const npu::WhatIfConfig& config, const std::string& name);

// "4:10" -> 4,5,...,10; "0:1:0.25" -> 0,0.25,...,1; "256,512" -> 256,512; names pass through.
std::vector<std::string> expandValues(const std::string& option, const std::string& spec);

// A noise level without a noise model means the NORMAL law, a sigma without one the constant-
// sigma model (the same on the command line, in a points file and in Python). Throws InputError
// when both are given without a model: they imply different ones.
void implyNoiseModel(npu::WhatIfConfig& config, bool modelGiven, bool levelGiven, bool sigmaGiven);

// The full grid over the axes (the first axis varies slowest).
std::vector<npu::WhatIfConfig> gridPoints(const std::vector<Axis>& axes);
// Points from a CSV file: a header of knob names, then one point per line; unnamed knobs keep
// their ideal values, the noise model as implyNoiseModel says. Spaces around fields and CRLF line
// ends are allowed. Throws InputError naming the file and line (also for a knob named twice in
// the header and for a point given twice).
std::vector<npu::WhatIfConfig> pointsFromCsv(const std::string& path);

}  // namespace wtm::sweep
