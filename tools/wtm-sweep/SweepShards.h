// Splitting a sweep over machines: `--shard K/N` runs the (point, seed) jobs whose index in the
// whole sweep's job order is K modulo N, each shard in its own folder with the sweep's command
// (sweep-command.json); `wtm-sweep merge OUT SHARD...` joins the shards' rows, checks that each
// (point, seed) came exactly once, and finishes the sweep in OUT as a single run would.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "Shard.h"

namespace wtm::sweep {

using tools::kMaxShards;
using tools::parseShard;
using tools::Shard;

// The file a shard leaves beside its results: the sweep's canonical arguments.
constexpr const char* kCommandFile = "sweep-command.json";
void writeSweepCommand(const std::string& dir, const std::vector<std::string>& args);
// InputError "DIR/sweep-command.json: cause" when missing or malformed.
std::vector<std::string> readSweepCommand(const std::string& dir);

struct MergedRows {
  std::size_t rows = 0;
};
// Writes `outCsv` = the header of the shards' results.csv and every row of all of them. Throws
// InputError when a shard has no results, another header, or a (point, seed) another shard
// already has.
MergedRows mergeShardResults(const std::vector<std::string>& shardDirs, const std::string& outCsv);

}  // namespace wtm::sweep
