#include "profile/CallTree.h"

#include <algorithm>

namespace wtm::profile {

CallTree::CallTree(size_t maxNodes, uint32_t overflowFrame)
    : maxNodes_(std::max<size_t>(maxNodes, 2)), overflowFrame_(overflowFrame) {
  Slot root;
  root.parent = kRoot;
  root.frame = UINT32_MAX;
  nodes_.push_back(root);
  nodes_.reserve(std::min<size_t>(maxNodes_, 4096));
  children_.reserve(4096);
}

uint32_t CallTree::lookup(uint32_t parent, uint32_t frame) {
  const uint64_t key = uint64_t{parent} << 32 | frame;
  auto it = children_.find(key);
  if (it != children_.end()) return it->second;
  if (nodes_.size() + 1 >= maxNodes_ && frame != overflowFrame_) return lookup(kRoot, overflowFrame_);
  const auto node = static_cast<uint32_t>(nodes_.size());
  Slot slot;
  slot.parent = parent;
  slot.frame = frame;
  nodes_.push_back(slot);
  children_.emplace(key, node);
  return node;
}

}  // namespace wtm::profile
