#include "ShardedSlurm.h"

#include "Shard.h"
#include "SlurmArray.h"
#include "common/InputError.h"

namespace wtm::tools {

namespace po = boost::program_options;
namespace fs = std::filesystem;

void addSlurmOptions(po::options_description& options, const std::string& what) {
  // clang-format off
  options.add_options()
      ("slurm", po::value<unsigned>(), ("N: run " + what + " as a Slurm job array of N shards and a merge job").c_str())
      ("slurm-opts", po::value<std::string>()->default_value(""),
       "extra sbatch options for --slurm, e.g. \"--partition=short --time=2:00:00\"")
      ("slurm-limit", po::value<unsigned>()->default_value(0), "at most this many shard tasks at once (0: no limit)");
  // clang-format on
}

std::optional<SlurmRequest> slurmRequest(const po::variables_map& vm) {
  if (!vm.count("slurm")) return std::nullopt;
  if (vm.count("shard")) throw InputError("--shard", "cannot be combined with --slurm");
  SlurmRequest r;
  r.shards = vm["slurm"].as<unsigned>();
  if (r.shards == 0 || r.shards > kMaxShards)
    throw InputError("--slurm", "the shard count must be 1.." + std::to_string(kMaxShards));
  r.limit = vm["slurm-limit"].as<unsigned>();
  r.options = parseSlurmOptions(vm["slurm-opts"].as<std::string>());
  return r;
}

void submitShards(const std::string& tool, const SlurmRequest& request, const fs::path& out,
                  const std::string& shardArgs, const std::string& taskSuffix, const std::string& mergeSuffix,
                  std::ostream& report) {
  const fs::path dir = fs::absolute(out).lexically_normal();
  // The tasks would resume into an earlier run's shard folders and the merge refuse them: caught
  // here rather than after the queue.
  std::error_code ec;
  const bool earlierShards = fs::is_directory(dir / "shards", ec) && !fs::is_empty(dir / "shards", ec);
  if (fs::exists(dir / "results.csv", ec) || earlierShards)
    throw InputError(dir.string(),
                     "holds an earlier cluster run (results.csv or shards/): to finish or redo it, "
                     "sbatch its scripts in slurm/ again (finished shards keep their rows); for a "
                     "new run, remove it or choose another --out");
  const std::string exe = shellWord(fs::canonical("/proc/self/exe").string());
  const std::string shards = shellWord((dir / "shards").string());
  SlurmArray job;
  job.name = tool;
  job.tasks = request.shards;
  job.concurrentLimit = request.limit;
  job.options = request.options;
  job.taskCommand = exe + " " + shardArgs + " --shard ${SLURM_ARRAY_TASK_ID}/" + std::to_string(request.shards) +
                    " --out " + shards + "/${SLURM_ARRAY_TASK_ID} --jobs ${SLURM_CPUS_PER_TASK:-1} --no-progress -q" +
                    taskSuffix;
  job.finalCommand = exe + " merge " + shellWord(dir.string()) + " " + shards + "/*" + mergeSuffix;
  submitAndReport(writeSlurmScripts(job, (dir / "slurm").string()), tool, request.shards,
                  (dir / "results.csv").string(), report);
}

}  // namespace wtm::tools
