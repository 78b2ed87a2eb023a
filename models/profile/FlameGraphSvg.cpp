#include "profile/FlameGraphSvg.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "common/XmlText.h"

namespace wtm::profile {
namespace {

using Layout = FlameGraphLayout;
constexpr double kTop = 56;         // below the title lines
constexpr double kCharWidth = 7.0;  // of 12 px Verdana, roughly, for fitting labels
constexpr double kGraphWidth = Layout::kWidth - 2 * Layout::kMargin;

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

std::string percentText(uint64_t part, uint64_t total) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f%%", total == 0 ? 0.0 : 100.0 * static_cast<double>(part) / total);
  return text;
}

// Warm colours for functions, stable per name (FNV-1a); fixed ones for the profiler's leaves.
std::string colour(const ProfileData& data, uint32_t node) {
  if (node == 0) return "rgb(225,225,225)";
  const ProfileFrame& frame = data.frames[data.nodes[node].frame];
  switch (frame.kind) {
    case FrameKind::Sleep: return "rgb(130,180,235)";
    case FrameKind::Mmio: return "rgb(180,130,225)";
    case FrameKind::Unknown: return "rgb(175,175,175)";
    case FrameKind::Reset: return "rgb(200,200,200)";
    case FrameKind::Truncated: return "rgb(130,130,130)";
    case FrameKind::Function: break;
  }
  uint32_t hash = 2166136261u;
  for (const char c : frame.name) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  char text[32];
  std::snprintf(text, sizeof text, "rgb(%u,%u,%u)", 205 + hash % 50, (hash >> 8) % 230, (hash >> 16) % 55);
  return text;
}

// The name cut to what fits into `width` pixels ("vfpr.."), or nothing when even that is too long.
std::string label(const std::string& name, double width) {
  const auto fits = static_cast<size_t>(std::max(0.0, (width - 6) / kCharWidth));
  if (name.size() <= fits) return name;
  if (fits < 3) return {};
  return name.substr(0, fits - 2) + "..";
}

}  // namespace

void writeFlameGraphSvg(const ProfileData& data, std::ostream& out, const std::string& title) {
  const std::vector<uint64_t> subtree = subtreeCycles(data);
  const std::vector<std::vector<uint32_t>> children = childrenByName(data);
  const uint64_t total = subtree.empty() ? 0 : subtree[0];
  auto widthOf = [&](uint32_t node) {
    return total == 0 ? (node == 0 ? kGraphWidth : 0.0) : kGraphWidth * static_cast<double>(subtree[node]) / total;
  };

  // Depth of every node drawn, for the image height.
  std::vector<uint32_t> depth(data.nodes.size(), 0);
  uint32_t maxDepth = 0;
  for (uint32_t i = 1; i < data.nodes.size(); ++i) {
    depth[i] = depth[data.nodes[i].parent] + 1;
    if (widthOf(i) >= Layout::kMinWidth) maxDepth = std::max(maxDepth, depth[i]);
  }
  const double height = kTop + (maxDepth + 1) * Layout::kFrameHeight + Layout::kMargin;

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" << number(Layout::kWidth)
      << "\" height=\"" << number(height) << "\" viewBox=\"0 0 " << number(Layout::kWidth) << " " << number(height)
      << "\" style=\"background-color:#ffffff\">\n"
      << "<style>text { font-family: Verdana, sans-serif; font-size: 12px; fill: #000000; }"
         " .frame:hover rect { stroke: #000000; stroke-width: 0.5; }</style>\n"
      << "<text x=\"" << number(Layout::kWidth / 2) << "\" y=\"22\" text-anchor=\"middle\" style=\"font-size:16px\">"
      << xmlEscape(title) << "</text>\n"
      << "<text x=\"" << number(Layout::kWidth / 2) << "\" y=\"42\" text-anchor=\"middle\">" << data.totalCycles
      << " cycles, " << data.instructions << " instructions; "
      << (data.awakeOnly ? "awake cycles only (" + std::to_string(data.sleepLeftOut) + " asleep in wfi left out)"
                         : "asleep in wfi " + percentText(data.sleepCycles, data.totalCycles))
      << ", MMIO stalls " << percentText(data.mmioStallCycles, data.totalCycles)
      << " (hover over a frame for its numbers)</text>\n";

  // Pre-order walk; each child starts where its previous sibling ended.
  struct Place {
    uint32_t node;
    double x;
  };
  std::vector<Place> pending{{0, Layout::kMargin}};
  while (!pending.empty()) {
    const Place place = pending.back();
    pending.pop_back();
    const uint32_t node = place.node;
    const double width = widthOf(node);
    if (node != 0 && width < Layout::kMinWidth) continue;
    const std::string name = node == 0 ? "all" : data.frames[data.nodes[node].frame].name;
    const double y = kTop + (maxDepth - depth[node]) * Layout::kFrameHeight;
    const uint64_t self = data.nodes[node].cycles;
    out << "<g class=\"frame\"><title>" << xmlEscape(name) << ": " << subtree[node] << " cycles, "
        << percentText(subtree[node], total);
    if (node != 0 && self != subtree[node]) out << " (" << self << " in itself)";
    out << "</title><rect x=\"" << number(place.x) << "\" y=\"" << number(y) << "\" width=\"" << number(width)
        << "\" height=\"" << number(Layout::kFrameHeight - 1) << "\" rx=\"2\" fill=\"" << colour(data, node) << "\"/>";
    const std::string text = label(name, width);
    if (!text.empty()) {
      out << "<text x=\"" << number(place.x + 3) << "\" y=\"" << number(y + Layout::kFrameHeight - 5) << "\">"
          << xmlEscape(text) << "</text>";
    }
    out << "</g>\n";
    // Pushed in reverse so that they come off the stack left to right.
    double x = place.x + width;
    for (auto child = children[node].rbegin(); child != children[node].rend(); ++child) {
      x -= widthOf(*child);
      pending.push_back({*child, x});
    }
  }
  out << "</svg>\n";
}

}  // namespace wtm::profile
