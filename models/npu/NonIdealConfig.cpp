#include "npu/NonIdealConfig.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "npu/ArrayGeometry.h"

namespace wtm::npu {

NonIdealConfig NonIdealConfig::allOff() {
  NonIdealConfig c;
  c.programming.enabled = false;
  c.readNoise.enabled = false;
  c.stuck.fraction = 0.0;
  c.adc = AdcConfig{};
  return c;
}

void NonIdealConfig::validate() const {
  auto nonNegative = [](double v, const char* name) {
    if (!(v >= 0.0) || !std::isfinite(v))
      throw std::invalid_argument(std::string(name) + " must be a finite value >= 0");
  };
  nonNegative(programming.law.perWeight, "programming error per-weight coefficient");
  nonNegative(programming.law.floor, "programming error floor");
  nonNegative(readNoise.law.perWeight, "read noise per-weight coefficient");
  nonNegative(readNoise.law.floor, "read noise floor");
  if (!(stuck.fraction >= 0.0 && stuck.fraction <= 1.0))
    throw std::invalid_argument("stuck-cell fraction must be in 0..1");
  if (stuck.value < -kMaxCellMagnitude || stuck.value > kMaxCellMagnitude)
    throw std::invalid_argument("stuck-cell value must be within ±275");
  if (stuck.extreme < 0 || stuck.extreme > kMaxCellMagnitude)
    throw std::invalid_argument("stuck-cell extreme must be within 0..275");
  if (adc.bits < 2 || adc.bits > 24) throw std::invalid_argument("ADC bits must be in 2..24");
  if (!(adc.fullScale > 0.0) || !std::isfinite(adc.fullScale))
    throw std::invalid_argument("ADC full scale must be > 0");
  nonNegative(adc.offsetSigma, "ADC offset sigma");
  nonNegative(adc.gainErrorSigma, "ADC gain-error sigma");
  if (!std::isfinite(adc.offsetMean) || !std::isfinite(adc.gainErrorMean) || adc.gainErrorMean <= -1.0)
    throw std::invalid_argument("ADC offset/gain-error mean must be finite (gain error > -1)");
}

std::string NonIdealConfig::describe() const {
  std::ostringstream os;
  os << "seed " << seed << "\n";
  os << "programming error: ";
  if (programming.enabled)
    os << "sigma = " << programming.law.perWeight << "*|W| + " << programming.law.floor << " LSB per cell, fixed\n";
  else os << "off\n";
  os << "read noise: ";
  if (readNoise.enabled)
    os << "sigma = " << readNoise.law.perWeight << "*|W| + " << readNoise.law.floor << " LSB per cell per read\n";
  else os << "off\n";
  os << "stuck cells: ";
  if (stuck.fraction > 0) {
    os << stuck.fraction << " of cells, ";
    if (stuck.mode == StuckCellConfig::Mode::Value) os << "stuck at " << stuck.value << "\n";
    else os << "stuck at +/-" << stuck.extreme << "\n";
  } else {
    os << "none\n";
  }
  os << "ADC: " << adc.bits << " bits, full scale +/-" << adc.fullScale << " output LSB, offset " << adc.offsetMean
     << " (sigma " << adc.offsetSigma << ") LSB, gain error " << adc.gainErrorMean << " (sigma " << adc.gainErrorSigma
     << ")\n";
  return os.str();
}

}  // namespace wtm::npu
