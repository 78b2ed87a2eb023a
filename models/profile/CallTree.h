// The calling-context tree of a profile: one node per distinct stack (path of frames from the
// root), with what was charged to that exact stack. Node 0 is the root, which has no frame; a
// node's parent always has a lower index.
#pragma once
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace wtm::profile {

class CallTree {
 public:
  static constexpr uint32_t kRoot = 0;

  struct Node {
    uint32_t parent;
    uint32_t frame;
    uint64_t cycles = 0;        // charged to this stack itself
    uint64_t instructions = 0;  // retired with this stack
    uint64_t entries = 0;       // calls into it; sleeps or MMIO accesses for those leaves
    uint64_t stallCycles = 0;   // MMIO leaves: the stall cycles reported, before clamping
  };

  // `maxNodes` bounds the memory a pathological run can take; stacks beyond it all share the
  // node child(kRoot, overflowFrame).
  CallTree(size_t maxNodes, uint32_t overflowFrame);

  // The node of stack `parent` + `frame`, created when new.
  uint32_t child(uint32_t parent, uint32_t frame) {
    const Slot& p = nodes_[parent];
    if (p.lastChildFrame == frame && p.lastChild != 0) return p.lastChild;
    const uint32_t found = lookup(parent, frame);
    nodes_[parent].lastChildFrame = frame;  // lookup() may have moved the nodes
    nodes_[parent].lastChild = found;
    return found;
  }

  Node& operator[](uint32_t node) { return nodes_[node]; }
  const Node& operator[](uint32_t node) const { return nodes_[node]; }
  size_t size() const { return nodes_.size(); }

 private:
  struct Slot : Node {
    uint32_t lastChildFrame = UINT32_MAX;  // a one-entry cache of child()
    uint32_t lastChild = 0;
  };
  uint32_t lookup(uint32_t parent, uint32_t frame);

  std::vector<Slot> nodes_;
  std::unordered_map<uint64_t, uint32_t> children_;  // (parent << 32 | frame) -> node
  size_t maxNodes_;
  uint32_t overflowFrame_;
};

}  // namespace wtm::profile
