// --slurm N, --slurm-limit L and --slurm-opts "..." of the tools that run in shards (wtm-sweep,
// wtm-batch): the options, their checks, and the Slurm job array of shards with the merge that
// waits for them.
#pragma once
#include <boost/program_options.hpp>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace wtm::tools {

struct SlurmRequest {
  unsigned shards = 1;
  unsigned limit = 0;                // tasks at once (0: no limit)
  std::vector<std::string> options;  // extra sbatch options
};

// Adds the three options; `what` names what runs ("the sweep", "the list").
void addSlurmOptions(boost::program_options::options_description& options, const std::string& what);

// std::nullopt without --slurm. InputError for a shard count outside 1..kMaxShards, an sbatch
// option that is not one, or --slurm together with --shard.
std::optional<SlurmRequest> slurmRequest(const boost::program_options::variables_map& vm);

// Writes OUT/slurm/<tool>-array.sbatch, whose task T runs this executable as
//   <exe> <shardArgs> --shard T/N --out OUT/shards/T --jobs ${SLURM_CPUS_PER_TASK:-1} --no-progress -q<taskSuffix>
// and OUT/slurm/<tool>-final.sbatch running `<exe> merge OUT OUT/shards/*<mergeSuffix>` after
// them; submits both when sbatch is there and says on `report` how to follow them (or how to
// submit them). `shardArgs`, `taskSuffix` and `mergeSuffix` are shell text (quoted by the caller).
void submitShards(const std::string& tool, const SlurmRequest& request, const std::filesystem::path& out,
                  const std::string& shardArgs, const std::string& taskSuffix, const std::string& mergeSuffix,
                  std::ostream& report);

}  // namespace wtm::tools
