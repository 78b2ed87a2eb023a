// One of N shards of a job list (--shard K/N of the tools): job i belongs to shard i mod N, so
// every shard gets a similar mix of the list.
#pragma once
#include <cstddef>
#include <string>

namespace wtm::tools {

constexpr unsigned kMaxShards = 100000;

struct Shard {
  unsigned index = 0, count = 1;
  bool owns(std::size_t job) const { return job % count == index; }
};

// "K/N" with 0 <= K < N <= kMaxShards; throws InputError naming --shard.
Shard parseShard(const std::string& text);

// The OUT of a merge, created: a merge writes a new results folder, so one already holding a
// results.csv (another run's, or this one merged before) is refused with InputError naming it.
void prepareMergeFolder(const std::string& out);

}  // namespace wtm::tools
