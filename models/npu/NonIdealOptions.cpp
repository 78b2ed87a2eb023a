#include "npu/NonIdealOptions.h"

#include <stdexcept>
#include <utility>

#include "common/InputError.h"

namespace po = boost::program_options;

namespace wtm::npu {

void addNonIdealKnobs(po::options_description& d) {
  // clang-format off
  d.add_options()
      ("prog-level", po::value<double>(), "programming error = witin_nn NORMAL law at level L (default 4)")
      ("prog-k", po::value<double>(), "programming error sigma per |W| (LSB/LSB)")
      ("prog-b", po::value<double>(), "programming error sigma floor (LSB)")
      ("no-prog-error", po::bool_switch(), "no programming error")
      ("read-level", po::value<double>(), "read noise = witin_nn law at level L (default 1, an assumption)")
      ("read-k", po::value<double>(), "read noise sigma per |W| (LSB/LSB)")
      ("read-b", po::value<double>(), "read noise sigma floor (LSB)")
      ("no-read-noise", po::bool_switch(), "no read noise")
      ("adc-bits", po::value<int>(), "ADC resolution in bits (default 10)")
      ("adc-full-scale", po::value<double>(), "ADC full scale, +/- output LSBs (default 128)")
      ("adc-offset", po::value<double>(), "ADC offset common to all columns, ADC LSBs (default 0)")
      ("adc-offset-sigma", po::value<double>(), "ADC offset spread per column, ADC LSBs (default 0)")
      ("adc-gain", po::value<double>(), "ADC gain error common to all columns, relative (default 0)")
      ("adc-gain-sigma", po::value<double>(), "ADC gain error spread per column, relative (default 0)")
      ("stuck-fraction", po::value<double>(), "fraction of cells stuck (default 0)")
      ("stuck-value", po::value<int>(), "stuck cells read this weight code (default 0)")
      ("stuck-extreme", po::value<int>(), "stuck cells read +E or -E at random (instead of --stuck-value)");
  // clang-format on
}

namespace {

// Given on the command line: present, not a default, and a switch only when set.
bool given(const po::variables_map& vm, const char* name) {
  if (!vm.count(name) || vm[name].defaulted()) return false;
  const auto* b = boost::any_cast<bool>(&vm[name].value());
  return b ? *b : true;
}

}  // namespace

std::string firstNonIdealKnobGiven(const po::variables_map& vm) {
  po::options_description knobs;
  addNonIdealKnobs(knobs);
  for (const auto& o : knobs.options())
    if (given(vm, o->long_name().c_str())) return o->long_name();
  return "";
}

void applyNonIdealKnobs(const po::variables_map& vm, NonIdealConfig& c) {
  auto number = [&](const char* name) { return vm[name].as<double>(); };
  // Each knob is checked as it is applied, so a bad value is reported under its option's name.
  auto knob = [&](const char* name, auto apply) {
    if (!given(vm, name)) return;
    apply();
    try {
      c.validate();
    } catch (const std::invalid_argument& e) {
      throw InputError(std::string("--") + name, e.what());
    }
  };
  // Switching an error off while setting its law is a contradiction, not a choice to make silently.
  for (const auto& [off, law] :
       {std::pair<const char*, const char*>{"no-prog-error", "prog"}, {"no-read-noise", "read"}})
    for (const char* part : {"-level", "-k", "-b"})
      if (given(vm, off) && given(vm, (std::string(law) + part).c_str()))
        throw InputError(std::string("--") + off, std::string("cannot be combined with --") + law + part);
  knob("prog-level", [&] { c.programming.law = CellNoiseLaw::witinLevel(number("prog-level")); });
  knob("prog-k", [&] { c.programming.law.perWeight = number("prog-k"); });
  knob("prog-b", [&] { c.programming.law.floor = number("prog-b"); });
  knob("no-prog-error", [&] { c.programming.enabled = false; });
  knob("read-level", [&] { c.readNoise.law = CellNoiseLaw::witinLevel(number("read-level")); });
  knob("read-k", [&] { c.readNoise.law.perWeight = number("read-k"); });
  knob("read-b", [&] { c.readNoise.law.floor = number("read-b"); });
  knob("no-read-noise", [&] { c.readNoise.enabled = false; });
  knob("adc-bits", [&] { c.adc.bits = vm["adc-bits"].as<int>(); });
  knob("adc-full-scale", [&] { c.adc.fullScale = number("adc-full-scale"); });
  knob("adc-offset", [&] { c.adc.offsetMean = number("adc-offset"); });
  knob("adc-offset-sigma", [&] { c.adc.offsetSigma = number("adc-offset-sigma"); });
  knob("adc-gain", [&] { c.adc.gainErrorMean = number("adc-gain"); });
  knob("adc-gain-sigma", [&] { c.adc.gainErrorSigma = number("adc-gain-sigma"); });
  knob("stuck-fraction", [&] { c.stuck.fraction = number("stuck-fraction"); });
  knob("stuck-value", [&] { c.stuck.value = vm["stuck-value"].as<int>(); });
  knob("stuck-extreme", [&] {
    c.stuck.mode = StuckCellConfig::Mode::RandomExtreme;
    c.stuck.extreme = vm["stuck-extreme"].as<int>();
  });
}

}  // namespace wtm::npu
