// A finished cycle profile as the report writers read it: the frames (functions and the
// profiler's own leaves) and the calling-context tree with each stack's own cycles. The cycles
// of all nodes add up to `totalCycles` exactly.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace wtm::profile {

enum class FrameKind : uint8_t {
  Function,   // a symbol of the firmware
  Unknown,    // code without a symbol: "[0x00001234]" (where it was entered) or "[unknown]"
  Reset,      // "[reset]": cycles before the first instruction retired
  Sleep,      // "[wfi]": asleep in wfi
  Mmio,       // "[mmio UART0]": waiting for a peripheral's registers
  Truncated,  // "[truncated]": stacks beyond the profiler's node limit
};

struct ProfileFrame {
  std::string name;
  FrameKind kind;
  std::string region;  // Mmio: the peripheral's name
};

struct ProfileNode {
  uint32_t parent;        // nodes[0] is the root: no frame, parent of the outermost frames
  uint32_t frame;         // index into frames
  uint64_t cycles;        // charged to this stack itself (for Mmio leaves: after clamping)
  uint64_t instructions;  // retired with this stack
  uint64_t entries;       // calls; sleeps ([wfi]) or accesses ([mmio ...])
};

struct ProfileData {
  std::vector<ProfileFrame> frames;
  std::vector<ProfileNode> nodes;  // a parent always before its children
  uint64_t totalCycles = 0;
  uint64_t instructions = 0;
  uint64_t sleepCycles = 0;
  uint64_t sleeps = 0;
  uint64_t mmioStallCycles = 0;  // as charged to [mmio ...] leaves
  uint64_t mmioAccesses = 0;
  uint64_t mmioUnattributedCycles = 0;  // reported stalls larger than their stack's own cycles
  bool awakeOnly = false;               // awakeOnly() made it:
  uint64_t sleepLeftOut = 0;            // the [wfi] cycles taken out of the total
};

// The profile without its [wfi] leaves: where the core spends the cycles it is awake, for a
// flame graph of firmware that mostly sleeps.
ProfileData awakeOnly(ProfileData data);

// Cycles of each node's whole subtree: its own and all its descendants'.
std::vector<uint64_t> subtreeCycles(const ProfileData& data);

// Each node's children, by frame name (the order of flame graphs and folded stacks).
std::vector<std::vector<uint32_t>> childrenByName(const ProfileData& data);

// A frame's totals over every stack it is in.
struct FrameTotals {
  uint64_t exclusive = 0;     // cycles of the stacks it is the top of
  uint64_t inclusive = 0;     // cycles of the stacks it is in, once per stack even when recursive
  uint64_t instructions = 0;  // retired while it was the top
  uint64_t entries = 0;       // calls; sleeps or accesses for leaves
};
std::vector<FrameTotals> frameTotals(const ProfileData& data);

}  // namespace wtm::profile
