#include "WhatIfConfig.h"

#include <cstdio>
#include <stdexcept>

#include "npu/ArrayGeometry.h"

namespace wtm::npu {

const char* evalNoiseModelName(EvalNoiseModel m) {
  switch (m) {
    case EvalNoiseModel::None: return "none";
    case EvalNoiseModel::Normal: return "normal";
    case EvalNoiseModel::Simple: return "simple";
    case EvalNoiseModel::Mbs: return "mbs";
    case EvalNoiseModel::Sigma: return "sigma";
  }
  return "?";
}

EvalNoiseModel parseEvalNoiseModel(const std::string& name) {
  for (EvalNoiseModel m : {EvalNoiseModel::None, EvalNoiseModel::Normal, EvalNoiseModel::Simple, EvalNoiseModel::Mbs,
                           EvalNoiseModel::Sigma})
    if (name == evalNoiseModelName(m)) return m;
  throw std::invalid_argument("noise model '" + name + "' is not one of none, normal, simple, mbs, sigma");
}

void WhatIfConfig::validate() const {
  auto need = [](bool ok, const char* what) {
    if (!ok) throw std::invalid_argument(what);
  };
  need(noiseLevel >= 0, "noise level must be >= 0");
  need(sigma >= 0, "sigma must be >= 0");
  need(noiseLevel == 0 || (noiseModel != EvalNoiseModel::None && noiseModel != EvalNoiseModel::Sigma),
       "a noise level needs the noise model normal, simple or mbs");
  need(sigma == 0 || noiseModel == EvalNoiseModel::Sigma, "a sigma needs the noise model sigma");
  need(programmingLevel >= 0, "programming level must be >= 0");
  need(adcBits >= 2 && adcBits <= 24, "ADC bits must be 2..24");
  need(adcFullScale > 0, "ADC full scale must be > 0");
  need(adcOffsetSigma >= 0 && adcGainSigma >= 0, "ADC sigmas must be >= 0");
  need(gain == 0 || (gain >= 4 && (gain & (gain - 1)) == 0), "G must be a power of two >= 4");
  need(inputBits >= 1 && inputBits <= 8, "input bits must be 1..8");
  need(stuckRate >= 0 && stuckRate <= 1, "stuck rate must be 0..1");
  need(rows >= 0 && rows <= kInputRows, "rows must be 0..1792");
  need(columns >= 0 && columns <= kColumns, "columns must be 0..1024");
  need(reservedColumns >= 0 && reservedColumns < (columns ? columns : kColumns), "reserved columns must leave some");
}

bool WhatIfConfig::isIdeal() const {
  const WhatIfConfig ideal;
  return key() == ideal.key();
}

bool WhatIfConfig::isRandom() const {
  const bool evalNoise =
      noiseModel == EvalNoiseModel::Sigma ? sigma > 0 : (noiseModel != EvalNoiseModel::None && noiseLevel > 0);
  return evalNoise || programmingLevel > 0 || adcOffsetSigma > 0 || adcGainSigma > 0 || stuckRate > 0;
}

std::string WhatIfConfig::key() const {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "model=%s level=%g sigma=%g prog=%g adc_bits=%d fs=%g offset=%g offset_sigma=%g gain_err=%g "
                "gain_sigma=%g g=%d input_bits=%d stuck=%g rows=%d columns=%d reserved=%d",
                evalNoiseModelName(noiseModel), noiseLevel, sigma, programmingLevel, adcBits, adcFullScale, adcOffset,
                adcOffsetSigma, adcGain, adcGainSigma, gain, inputBits, stuckRate, rows, columns, reservedColumns);
  return buf;
}

}  // namespace wtm::npu
