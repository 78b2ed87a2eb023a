// Measurement helpers for the audio tests: sound files written with libsndfile, tone frequency
// and level, SINAD from a least-squares sine fit, and comparison of two recordings after
// removing a known (fractional) delay. Double precision throughout; nothing here is modelled.
#pragma once
#include <sndfile.h>

#include <unsupported/Eigen/FFT>

#include <cmath>
#include <complex>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace audio_test {

const double kPi = std::acos(-1.0);

// Writes interleaved float samples; `format` e.g. SF_FORMAT_WAV | SF_FORMAT_PCM_16.
inline void writeSoundFile(const std::string& path, const std::vector<float>& interleaved, int rate, int channels,
                           int format = SF_FORMAT_WAV | SF_FORMAT_PCM_16) {
  SF_INFO info{};
  info.samplerate = rate;
  info.channels = channels;
  info.format = format;
  SNDFILE* f = sf_open(path.c_str(), SFM_WRITE, &info);
  if (!f) throw std::runtime_error("cannot write " + path + ": " + sf_strerror(nullptr));
  sf_writef_float(f, interleaved.data(), static_cast<sf_count_t>(interleaved.size() / channels));
  sf_close(f);
}

inline std::vector<float> tone(double freq, double amplitude, double rate, double seconds) {
  std::vector<float> s(static_cast<size_t>(seconds * rate));
  for (size_t i = 0; i < s.size(); ++i) s[i] = static_cast<float>(amplitude * std::sin(2 * kPi * freq * i / rate));
  return s;
}

// Linear chirp f0 → f1 over the whole length.
inline std::vector<float> chirp(double f0, double f1, double amplitude, double rate, double seconds) {
  std::vector<float> s(static_cast<size_t>(seconds * rate));
  const double k = (f1 - f0) / seconds;
  for (size_t i = 0; i < s.size(); ++i) {
    const double t = i / rate;
    s[i] = static_cast<float>(amplitude * std::sin(2 * kPi * (f0 * t + 0.5 * k * t * t)));
  }
  return s;
}

inline std::vector<double> toDouble(const std::vector<int16_t>& v, size_t skip = 0) {
  return std::vector<double>(v.begin() + static_cast<std::ptrdiff_t>(skip), v.end());
}

struct SineFit {
  double frequency = 0;  // Hz
  double amplitude = 0;  // same units as the input
  double sinadDb = 0;    // signal power over everything else (noise + distortion + DC)
};

// Frequency from a Hann-windowed DFT peak refined by golden-section search on the least-squares
// sine fit (amplitude/phase/DC solved in closed form for each trial frequency).
inline SineFit fitSine(const std::vector<double>& x, double rate) {
  const size_t n = x.size();
  auto residual = [&](double f, double* amp) {
    // solve x ≈ a·sin + b·cos + c (normal equations, 3×3)
    double s[3][3] = {}, r[3] = {};
    for (size_t i = 0; i < n; ++i) {
      const double ph = 2 * kPi * f * i / rate;
      const double v[3] = {std::sin(ph), std::cos(ph), 1.0};
      for (int a = 0; a < 3; ++a) {
        r[a] += v[a] * x[i];
        for (int b = 0; b < 3; ++b) s[a][b] += v[a] * v[b];
      }
    }
    // Cramer's rule
    auto det3 = [](double m[3][3]) {
      return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
             m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    };
    const double d = det3(s);
    double coef[3];
    for (int c = 0; c < 3; ++c) {
      double m[3][3];
      for (int a = 0; a < 3; ++a)
        for (int b = 0; b < 3; ++b) m[a][b] = b == c ? r[a] : s[a][b];
      coef[c] = det3(m) / d;
    }
    double err = 0;
    for (size_t i = 0; i < n; ++i) {
      const double ph = 2 * kPi * f * i / rate;
      const double e = x[i] - coef[0] * std::sin(ph) - coef[1] * std::cos(ph);  // DC counts as error
      err += e * e;
    }
    if (amp) *amp = std::hypot(coef[0], coef[1]);
    return err;
  };
  // coarse: peak of the Hann-windowed spectrum, zero-padded 4× (a quarter-bin grid)
  const size_t padded = 4 * n;
  std::vector<double> windowed(padded, 0.0);
  for (size_t i = 0; i < n; ++i) windowed[i] = x[i] * (0.5 - 0.5 * std::cos(2 * kPi * i / (n - 1)));
  std::vector<std::complex<double>> spectrum;
  Eigen::FFT<double> fft;
  fft.fwd(spectrum, windowed);
  size_t peak = 1;
  for (size_t k = 1; k < padded / 2; ++k)
    if (std::abs(spectrum[k]) > std::abs(spectrum[peak])) peak = k;
  const double bin = rate / n;
  const double best = peak * rate / padded;
  double lo = best - bin / 2, hi = best + bin / 2;
  const double g = (std::sqrt(5.0) - 1) / 2;
  for (int it = 0; it < 40; ++it) {
    const double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
    (residual(a, nullptr) < residual(b, nullptr) ? hi : lo) = (residual(a, nullptr) < residual(b, nullptr) ? b : a);
  }
  SineFit fit;
  fit.frequency = 0.5 * (lo + hi);
  const double err = residual(fit.frequency, &fit.amplitude);
  const double signal = fit.amplitude * fit.amplitude / 2 * n;
  fit.sinadDb = 10 * std::log10(signal / err);
  return fit;
}

// Delays `x` by `delaySamples` (fractional) with a frequency-domain phase ramp (circular; the
// caller ignores the ends).
inline std::vector<double> delayed(const std::vector<double>& x, double delaySamples) {
  const size_t n = x.size();
  Eigen::FFT<double> fft;
  std::vector<std::complex<double>> spectrum;
  fft.fwd(spectrum, x);
  for (size_t k = 0; k < n; ++k) {
    const double kk = k <= n / 2 ? static_cast<double>(k) : static_cast<double>(k) - static_cast<double>(n);
    spectrum[k] *= std::polar(1.0, -2 * kPi * kk * delaySamples / n);
  }
  std::vector<double> y;
  fft.inv(y, spectrum);
  return y;
}

// 10·log10(Σ ref² / Σ (test − ref)²) over [from, to).
inline double agreementDb(const std::vector<double>& ref, const std::vector<double>& test, size_t from, size_t to) {
  double s = 0, e = 0;
  for (size_t i = from; i < to; ++i) {
    s += ref[i] * ref[i];
    e += (test[i] - ref[i]) * (test[i] - ref[i]);
  }
  return 10 * std::log10(s / e);
}

inline double rms(const std::vector<double>& x, size_t from, size_t to) {
  double s = 0;
  for (size_t i = from; i < to; ++i) s += x[i] * x[i];
  return std::sqrt(s / static_cast<double>(to - from));
}

}  // namespace audio_test
