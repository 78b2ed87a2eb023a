// A Slurm job array and the job that follows it: what the tools' --slurm writes and submits.
// Task t of the array runs `taskCommand` with ${SLURM_ARRAY_TASK_ID} = t; once every task has
// ended well, `finalCommand` runs as a dependent job (sbatch --dependency=afterok). The scripts
// are plain sbatch files, so they can also be submitted by hand or edited for a site.
#pragma once
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace wtm::tools {

struct SlurmArray {
  std::string name;              // job name
  unsigned tasks = 1;            // array tasks 0..tasks-1
  unsigned concurrentLimit = 0;  // %limit of --array (0: none)
  unsigned cpusPerTask = 1;
  std::vector<std::string> options;  // extra sbatch options, one per #SBATCH line ("--partition=x")
  std::string taskCommand;           // shell command line, may use ${SLURM_ARRAY_TASK_ID}
  std::string finalCommand;          // shell command line run after all tasks succeeded
};

struct SlurmScripts {
  std::string arrayScript, finalScript;  // paths of the two sbatch files
};

// Splits the text of --slurm-opts ("--partition=x --time=1:00:00") into options; throws
// InputError naming --slurm-opts for an option that does not start with '-'.
std::vector<std::string> parseSlurmOptions(const std::string& text);

// Writes DIR/NAME-array.sbatch and DIR/NAME-final.sbatch (logs go to DIR). InputError when DIR
// cannot be written.
SlurmScripts writeSlurmScripts(const SlurmArray& job, const std::string& dir);

struct SlurmSubmission {
  std::string arrayJob, finalJob;  // job ids
};
// Submits both with sbatch (the final one afterok on the array); nullopt when sbatch is not on
// PATH. Throws InputError with sbatch's message when a submission fails.
std::optional<SlurmSubmission> submitSlurmScripts(const SlurmScripts& scripts);

// Submits the scripts (when sbatch is on the PATH) and tells `out` what happened: the job ids and
// how to follow them, or the two sbatch commands to run on the cluster. `results` names what the
// final job leaves.
void submitAndReport(const SlurmScripts& scripts, const std::string& tool, unsigned tasks, const std::string& results,
                     std::ostream& out);

// A word for a shell command line: quoted when it holds anything but safe characters.
std::string shellWord(const std::string& word);

}  // namespace wtm::tools
