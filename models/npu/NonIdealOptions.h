// The analog-model knobs of the command line (--prog-*, --read-*, --adc-*, --stuck-*), one
// definition for every tool that offers them (wtm-regress, the board's NPU options), so their
// names, help texts and meaning cannot drift apart. --nonideal and --seed stay with each tool:
// their defaults and wording differ.
#pragma once
#include <string>

#include <boost/program_options.hpp>

#include "npu/NonIdealConfig.h"

namespace wtm::npu {

void addNonIdealKnobs(boost::program_options::options_description& d);
// The first knob given on the command line ("" when none).
std::string firstNonIdealKnobGiven(const boost::program_options::variables_map& vm);
// Applies the knobs that were given to `c` (the others keep c's values). Throws InputError
// "--KNOB: cause" for the first knob whose value `c` cannot take.
void applyNonIdealKnobs(const boost::program_options::variables_map& vm, NonIdealConfig& c);

}  // namespace wtm::npu
