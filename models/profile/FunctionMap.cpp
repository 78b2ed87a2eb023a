#include "profile/FunctionMap.h"

#include <algorithm>
#include <queue>

namespace wtm::profile {
namespace {

struct Range {
  uint64_t start;
  uint64_t end;  // exclusive, up to 2^32
  uint32_t function;
};

// Size-0 functions end where the next function at a higher address starts.
std::vector<Range> rangesOf(const std::vector<ProfileFunction>& functions) {
  std::vector<Range> ranges;
  ranges.reserve(functions.size());
  for (size_t i = 0; i < functions.size(); ++i) {
    ranges.push_back(
        {functions[i].address, uint64_t{functions[i].address} + functions[i].size, static_cast<uint32_t>(i)});
  }
  std::stable_sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) { return a.start < b.start; });
  for (size_t i = 0; i < ranges.size(); ++i) {
    if (ranges[i].end != ranges[i].start) continue;
    size_t next = i + 1;
    while (next < ranges.size() && ranges[next].start == ranges[i].start) ++next;
    ranges[i].end = next < ranges.size() ? ranges[next].start : ranges[i].start + 1;
  }
  return ranges;
}

}  // namespace

// A sweep over the range boundaries: between two boundaries the owner is the open range that
// started last (ties: the earlier one given), found with a heap whose ended ranges are dropped lazily.
FunctionMap::FunctionMap(const std::vector<ProfileFunction>& functions) {
  const std::vector<Range> ranges = rangesOf(functions);
  std::vector<uint64_t> bounds{0};
  for (const Range& r : ranges) {
    bounds.push_back(r.start);
    bounds.push_back(r.end);
  }
  std::sort(bounds.begin(), bounds.end());
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());

  // Heap order: later start first, then lower index (the earlier one given) first.
  auto later = [&](size_t a, size_t b) {
    if (ranges[a].start != ranges[b].start) return ranges[a].start < ranges[b].start;
    return ranges[a].function > ranges[b].function;
  };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> open(later);
  size_t nextRange = 0;
  for (const uint64_t at : bounds) {
    if (at >= (uint64_t{1} << 32)) break;
    while (nextRange < ranges.size() && ranges[nextRange].start <= at) open.push(nextRange++);
    while (!open.empty() && ranges[open.top()].end <= at) open.pop();
    const uint32_t owner = open.empty() ? kNoFunction : ranges[open.top()].function;
    if (!segments_.empty() && segments_.back().function == owner) continue;
    segments_.push_back({static_cast<uint32_t>(at), owner});
  }
}

uint32_t FunctionMap::search(uint32_t pc) const {
  auto after = std::upper_bound(segments_.begin(), segments_.end(), pc,
                                [](uint32_t value, const Segment& s) { return value < s.start; });
  return static_cast<uint32_t>(after - segments_.begin() - 1);
}

}  // namespace wtm::profile
