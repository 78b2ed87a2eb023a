// A flame graph of a cycle profile as one self-contained SVG file: a rectangle per stack (the
// root "all" at the bottom, callees above their callers), as wide as the stack's inclusive
// cycles, with a <title> tooltip giving function, cycles and percent. No script, no external
// resources: any browser or SVG viewer shows it. Stacks narrower than kMinWidth pixels are left
// out, with everything above them.
#pragma once
#include <ostream>
#include <string>

#include "profile/ProfileData.h"

namespace wtm::profile {

struct FlameGraphLayout {
  static constexpr double kWidth = 1200;  // pixels, the whole image
  static constexpr double kMargin = 10;   // left and right of the graph
  static constexpr double kFrameHeight = 17;
  static constexpr double kMinWidth = 0.1;
};

void writeFlameGraphSvg(const ProfileData& data, std::ostream& out, const std::string& title);

}  // namespace wtm::profile
