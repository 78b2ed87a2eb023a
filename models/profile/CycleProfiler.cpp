#include "profile/CycleProfiler.h"

#include <algorithm>
#include <cstdio>

#include "profile/FlameGraphSvg.h"
#include "profile/ProfileReport.h"

namespace wtm::profile {
namespace {

std::string hexName(uint32_t address) {
  char text[16];
  std::snprintf(text, sizeof text, "[0x%08x]", address);
  return text;
}

// Static functions of different files may share a name: those get their address appended.
std::vector<std::string> displayNames(const std::vector<ProfileFunction>& functions) {
  std::map<std::string, unsigned> uses;
  for (const ProfileFunction& f : functions) ++uses[f.name];
  std::vector<std::string> names;
  names.reserve(functions.size());
  for (const ProfileFunction& f : functions) {
    if (f.name.empty()) {
      names.push_back(hexName(f.address));
    } else if (uses[f.name] > 1) {
      char suffix[16];
      std::snprintf(suffix, sizeof suffix, "@0x%08x", f.address);
      names.push_back(f.name + suffix);
    } else {
      names.push_back(f.name);
    }
  }
  return names;
}

// The functions' frames by their index, then the profiler's own (see the constructor).
std::vector<ProfileFrame> initialFrames(const std::vector<ProfileFunction>& functions) {
  std::vector<ProfileFrame> frames;
  for (std::string& name : displayNames(functions)) frames.push_back({std::move(name), FrameKind::Function, {}});
  frames.push_back({"[reset]", FrameKind::Reset, {}});
  frames.push_back({"[wfi]", FrameKind::Sleep, {}});
  frames.push_back({"[unknown]", FrameKind::Unknown, {}});
  frames.push_back({"[truncated]", FrameKind::Truncated, {}});
  return frames;
}

}  // namespace

CycleProfiler::CycleProfiler(std::vector<ProfileFunction> functions, std::function<std::string(uint64_t)> regionName)
    : functions_(functions),
      regionName_(std::move(regionName)),
      frames_(initialFrames(functions)),
      frameSegment_(frames_.size(), FunctionMap::kNoFunction),
      resetFrame_(static_cast<uint32_t>(functions.size())),
      sleepFrame_(resetFrame_ + 1),
      unknownCatchAll_(resetFrame_ + 2),
      truncatedFrame_(resetFrame_ + 3),
      tree_(kMaxNodes, truncatedFrame_) {
  stack_[0] = CallTree::kRoot;
  stack_[1] = tree_.child(CallTree::kRoot, resetFrame_);  // until the first instruction retires
  tree_[stack_[1]].entries = 1;
}

uint32_t CycleProfiler::addFrame(std::string name, FrameKind kind, uint32_t segment) {
  frames_.push_back(ProfileFrame{std::move(name), kind, {}});
  frameSegment_.push_back(segment);
  return static_cast<uint32_t>(frames_.size() - 1);
}

void CycleProfiler::flushPending() {
  CallTree::Node& top = tree_[stack_[depth_]];
  top.cycles += pendingCycles_;
  top.instructions += pendingInstructions_;
  flushedCycles_ += pendingCycles_;
  pendingCycles_ = 0;
  pendingInstructions_ = 0;
}

void CycleProfiler::setTop(uint32_t depth, uint32_t node) {
  flushPending();
  depth_ = depth;
  stack_[depth] = node;
}

void CycleProfiler::setRange(uint32_t segment) {
  rangeStart_ = functions_.segmentStart(segment);
  rangeSpan_ = functions_.segmentSpan(segment);
}

void CycleProfiler::replaceTop(uint32_t frame) {
  const uint32_t node = tree_.child(stack_[depth_ - 1], frame);
  setTop(depth_, node);
  ++tree_[node].entries;
}

uint32_t CycleProfiler::unknownFrame(uint32_t pc, uint32_t segment) {
  auto it = unknownFrames_.find(pc);
  if (it != unknownFrames_.end()) return it->second;
  if (unknownFrames_.size() >= kMaxUnknownFrames) return unknownCatchAll_;
  const uint32_t frame = addFrame(hexName(pc), FrameKind::Unknown, segment);
  unknownFrames_.emplace(pc, frame);
  return frame;
}

// The decision for the instruction retired before this one (at lastPc_), now that the next
// pc is known. Mret can chain: the instruction before the trap is decided after it.
void CycleProfiler::changeStack(uint32_t pc) {
  if (trapEntered_) {
    enterTrap(pc);
    return;
  }
  if (!hadLast_) {  // the first instruction: [reset] gives way to its function
    hadLast_ = true;
    follow(pc);
    return;
  }
  uint32_t fromPc = lastPc_;
  uint32_t insn = lastInsn_;
  for (;;) {
    const TransferKind kind = transferKind(insn);
    if (kind == TransferKind::Call || (kind == TransferKind::Jalmnxti && pc != fromPc + 4)) {
      call(pc);
      return;
    }
    if (kind == TransferKind::Return) {
      if (overflow_ > 0) {
        --overflow_;  // its call replaced the top instead of pushing
      } else if (depth_ > protectedDepth()) {
        setTop(depth_ - 1, stack_[depth_ - 1]);
      }
    } else if (kind == TransferKind::Mret && trapCount_ > 0) {
      const TrapRecord trap = traps_[--trapCount_];
      overflow_ = trap.overflow;
      setTop(trap.depth - 1, stack_[trap.depth - 1]);
      if (trap.hadLast) {
        fromPc = trap.lastPc;
        insn = trap.lastInsn;
        continue;
      }
    }
    break;
  }
  follow(pc);
}

void CycleProfiler::enterTrap(uint32_t pc) {
  trapEntered_ = false;
  TrapRecord trap{0, overflow_, hadLast_, lastPc_, lastInsn_};
  hadLast_ = true;
  const uint32_t segment = functions_.segmentAt(pc);
  if (!push(pc, segment)) replaceTop(frameAt(pc, segment));
  trap.depth = depth_;
  overflow_ = 0;
  if (trapCount_ < traps_.size()) traps_[trapCount_++] = trap;
  setRange(segment);
}

void CycleProfiler::call(uint32_t pc) {
  const uint32_t segment = functions_.segmentAt(pc);
  if (!push(pc, segment)) {
    ++overflow_;
    replaceTop(frameAt(pc, segment));
  }
  setRange(segment);
}

uint32_t CycleProfiler::frameAt(uint32_t pc, uint32_t segment) {
  const uint32_t function = functions_.functionOf(segment);
  return function != FunctionMap::kNoFunction ? function : unknownFrame(pc, segment);
}

bool CycleProfiler::push(uint32_t pc, uint32_t segment) {
  if (depth_ >= kMaxDepth) return false;
  setTop(depth_ + 1, tree_.child(stack_[depth_], frameAt(pc, segment)));
  ++tree_[stack_[depth_]].entries;
  return true;
}

void CycleProfiler::follow(uint32_t pc) {
  const uint32_t segment = functions_.segmentAt(pc);
  const uint32_t top = tree_[stack_[depth_]].frame;
  uint32_t frame = functions_.functionOf(segment);
  if (frame == FunctionMap::kNoFunction) {
    // Still in the same stretch of unknown code: the same frame.
    const bool sameUnknown =
        frames_[top].kind == FrameKind::Unknown && (top == unknownCatchAll_ || frameSegment_[top] == segment);
    frame = sameUnknown ? top : unknownFrame(pc, segment);
  }
  if (frame != top) replaceTop(frame);
  setRange(segment);
}

void CycleProfiler::slept(uint64_t cycles) {
  CallTree::Node& leaf = tree_[tree_.child(stack_[depth_], sleepFrame_)];
  leaf.cycles += cycles;
  ++leaf.entries;
  sleepCycles_ += cycles;
}

uint32_t CycleProfiler::mmioFrame(uint64_t address) {
  auto cached = mmioFrameOfAddress_.find(address);
  if (cached != mmioFrameOfAddress_.end()) return cached->second;
  std::string region = regionName_ ? regionName_(address) : std::string();
  if (region.empty()) region = "unknown region";
  auto [it, inserted] = mmioFrameOfRegion_.emplace(region, 0);
  if (inserted) {
    it->second = addFrame("[mmio " + region + "]", FrameKind::Mmio);
    frames_.back().region = region;
  }
  // Bounded: a firmware sweeping a memory-mapped buffer asks regionName() again past this.
  if (mmioFrameOfAddress_.size() < 65536) mmioFrameOfAddress_.emplace(address, it->second);
  return it->second;
}

void CycleProfiler::mmioStall(uint64_t address, uint64_t cycles) {
  CallTree::Node& leaf = tree_[tree_.child(stack_[depth_], mmioFrame(address))];
  leaf.stallCycles += cycles;
  ++leaf.entries;
}

uint64_t CycleProfiler::totalCycles() const { return flushedCycles_ + pendingCycles_ + sleepCycles_; }

ProfileData CycleProfiler::data() const {
  ProfileData d;
  d.frames = frames_;
  d.nodes.reserve(tree_.size());
  for (uint32_t i = 0; i < tree_.size(); ++i) {
    const CallTree::Node& n = tree_[i];
    d.nodes.push_back(ProfileNode{n.parent, n.frame, n.cycles, n.instructions, n.entries});
  }
  d.nodes[stack_[depth_]].cycles += pendingCycles_;
  d.nodes[stack_[depth_]].instructions += pendingInstructions_;
  // MMIO stalls move out of their stack's own cycles, never more than it has (parents come
  // before their children, so a parent's cycles are final when its leaves take from them).
  for (uint32_t i = 1; i < d.nodes.size(); ++i) {
    ProfileNode& node = d.nodes[i];
    d.instructions += node.instructions;
    const FrameKind kind = frames_[node.frame].kind;
    if (kind == FrameKind::Sleep) d.sleeps += node.entries;
    if (kind != FrameKind::Mmio) continue;
    const uint64_t reported = tree_[i].stallCycles;
    const uint64_t moved = std::min(reported, d.nodes[node.parent].cycles);
    d.nodes[node.parent].cycles -= moved;
    node.cycles = moved;
    d.mmioStallCycles += moved;
    d.mmioUnattributedCycles += reported - moved;
    d.mmioAccesses += node.entries;
  }
  d.totalCycles = totalCycles();
  d.sleepCycles = sleepCycles_;
  return d;
}

void CycleProfiler::writeTable(std::ostream& out) const { writeProfileTable(data(), out); }

void CycleProfiler::writeFolded(std::ostream& out) const { writeFoldedStacks(data(), out); }

void CycleProfiler::writeSvg(std::ostream& out, const std::string& title) const {
  writeFlameGraphSvg(data(), out, title);
}

}  // namespace wtm::profile
