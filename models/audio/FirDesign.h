// Linear-phase FIR designs for the decimation stages after the CIC. Frequencies are fractions
// of the filter's input rate (0 … 0.5). Coefficients are normalised to unit DC gain.
#pragma once
#include <cstddef>
#include <functional>
#include <vector>

namespace wtm::audio {

std::vector<double> kaiserWindow(size_t taps, double beta);

// Low-pass whose pass band follows `passResponse(f)` (e.g. 1/|CIC(f)| to undo the CIC droop)
// up to `passEdge`, falls off with a raised-cosine transition to zero at `stopEdge`, designed by
// frequency sampling of that zero-phase response and a Kaiser window. `taps` must be odd.
std::vector<double> designShapedLowPass(size_t taps, double passEdge, double stopEdge, double beta,
                                        const std::function<double(double)>& passResponse);

// Half-band low-pass (cut-off at a quarter of the input rate, every other tap zero): a Kaiser-
// windowed sinc. `taps` must be 4k + 3.
std::vector<double> designHalfBand(size_t taps, double beta);

// |H(f)| of an order-N, ratio-R CIC at the frequency `f` given as a fraction of its OUTPUT rate.
double cicMagnitude(unsigned order, unsigned decimation, double fOfOutputRate);

// |H(f)| of an FIR (f as a fraction of its input rate).
double firMagnitude(const std::vector<double>& h, double f);

}  // namespace wtm::audio
