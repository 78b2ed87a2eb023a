// Which function a code address belongs to. The symbols (in any order, possibly overlapping,
// aliased or of size 0) are flattened once into segments that tile the whole 32-bit address
// space: each segment belongs to one function or to none (a gap).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace wtm::profile {

struct ProfileFunction {
  std::string name;
  uint32_t address;
  uint32_t size;  // 0: up to the next function's address (only its own address if none follows)
};

class FunctionMap {
 public:
  static constexpr uint32_t kNoFunction = UINT32_MAX;

  struct Segment {
    uint32_t start;
    uint32_t function;  // index into the constructor's vector, or kNoFunction
  };

  // Where functions overlap, the one starting last owns the overlap (a label inside a routine
  // starts a new piece of it); of functions at the same address the first one given wins.
  explicit FunctionMap(const std::vector<ProfileFunction>& functions);

  // The segment holding `pc`: the last one used, else a binary search.
  uint32_t segmentAt(uint32_t pc) const {
    if (pc - segmentStart(lastHit_) < segmentSpan(lastHit_)) return lastHit_;
    lastHit_ = search(pc);
    return lastHit_;
  }
  uint32_t functionOf(uint32_t segment) const { return segments_[segment].function; }
  uint32_t segmentStart(uint32_t segment) const { return segments_[segment].start; }
  // Bytes in the segment (up to 2^32 for a map without functions).
  uint64_t segmentSpan(uint32_t segment) const {
    const uint64_t end = segment + 1 < segments_.size() ? segments_[segment + 1].start : uint64_t{1} << 32;
    return end - segments_[segment].start;
  }
  size_t segmentCount() const { return segments_.size(); }

 private:
  uint32_t search(uint32_t pc) const;
  std::vector<Segment> segments_;  // by ascending start, the first at 0
  mutable uint32_t lastHit_ = 0;
};

}  // namespace wtm::profile
