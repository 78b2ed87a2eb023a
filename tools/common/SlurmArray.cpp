#include "SlurmArray.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>

#include "common/InputError.h"

namespace wtm::tools {

namespace fs = std::filesystem;

std::string shellWord(const std::string& word) {
  const bool safe = !word.empty() && word.find_first_not_of(
                                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                         "0123456789_-+=/.,:@%") == std::string::npos;
  if (safe) return word;
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::vector<std::string> parseSlurmOptions(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> options;
  for (std::string word; in >> word;) {
    if (word[0] != '-')
      throw InputError("--slurm-opts", "'" + word + "' is not an sbatch option (e.g. --partition=NAME)");
    options.push_back(word);
  }
  return options;
}

namespace {

void writeScript(const std::string& path, const std::vector<std::string>& directives, const std::string& command) {
  std::ofstream out(path);
  if (!out) throw InputError(path, "cannot create the file");
  out << "#!/bin/bash\n";
  for (const auto& d : directives) out << "#SBATCH " << d << "\n";
  out << "set -euo pipefail\n" << command << "\n";
  if (!out) throw InputError(path, "write failed");
  fs::permissions(path, fs::perms::owner_exec | fs::perms::group_exec, fs::perm_options::add);
}

// Runs `command`, returns its standard output; InputError with its output when it fails.
std::string capture(const std::string& command) {
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) throw InputError("sbatch", "cannot run");
  std::string output;
  char buf[512];
  while (std::fgets(buf, sizeof buf, pipe)) output += buf;
  const int status = ::pclose(pipe);
  while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    // One line: sbatch's error line (no controller, a bad option...), else its first.
    std::string line = output.substr(0, output.find('\n'));
    if (const auto e = output.find("error:"); e != std::string::npos) {
      line = output.substr(e + 6, output.find('\n', e) - (e + 6));
      line.erase(0, line.find_first_not_of(' '));
    } else if (line.rfind("sbatch: ", 0) == 0) {
      line.erase(0, 8);
    }
    throw InputError("sbatch", line.empty() ? "failed" : line);
  }
  return output;
}

bool onPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "");
  for (std::string d; std::getline(dirs, d, ':');)
    if (!d.empty() && ::access((fs::path(d) / program).c_str(), X_OK) == 0) return true;
  return false;
}

}  // namespace

SlurmScripts writeSlurmScripts(const SlurmArray& job, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw InputError(dir, "cannot create folder: " + ec.message());
  const std::string base = (fs::absolute(dir) / job.name).string();
  std::vector<std::string> common = {"--job-name=" + job.name};
  std::vector<std::string> array = common;
  array.push_back("--array=0-" + std::to_string(job.tasks - 1) +
                  (job.concurrentLimit ? "%" + std::to_string(job.concurrentLimit) : ""));
  array.push_back("--cpus-per-task=" + std::to_string(job.cpusPerTask));
  array.push_back("--output=" + base + "-%a.log");
  array.insert(array.end(), job.options.begin(), job.options.end());
  std::vector<std::string> final = common;
  final.push_back("--output=" + base + "-final.log");
  final.insert(final.end(), job.options.begin(), job.options.end());
  SlurmScripts s{base + "-array.sbatch", base + "-final.sbatch"};
  writeScript(s.arrayScript, array, job.taskCommand);
  writeScript(s.finalScript, final, job.finalCommand);
  return s;
}

std::optional<SlurmSubmission> submitSlurmScripts(const SlurmScripts& scripts) {
  if (!onPath("sbatch")) return std::nullopt;
  SlurmSubmission s;
  try {
    s.arrayJob = capture("sbatch --parsable " + shellWord(scripts.arrayScript));
  } catch (const InputError& e) {
    throw InputError(std::string(e.what()) + " (the scripts are written: submit them once the cluster answers, " +
                     "jobid=$(sbatch --parsable " + shellWord(scripts.arrayScript) +
                     ") && sbatch --dependency=afterok:$jobid " + shellWord(scripts.finalScript) + ")");
  }
  s.arrayJob = s.arrayJob.substr(0, s.arrayJob.find(';'));  // "id;cluster" on federated sites
  try {
    s.finalJob = capture("sbatch --parsable --dependency=afterok:" + s.arrayJob + " " + shellWord(scripts.finalScript));
  } catch (const InputError& e) {  // the array is queued: only the merge is left to submit
    throw InputError(std::string(e.what()) + " (the shard tasks are queued as job " + s.arrayJob +
                     "; submit the merge: sbatch --dependency=afterok:" + s.arrayJob + " " +
                     shellWord(scripts.finalScript) + ")");
  }
  s.finalJob = s.finalJob.substr(0, s.finalJob.find(';'));
  return s;
}

void submitAndReport(const SlurmScripts& scripts, const std::string& tool, unsigned tasks, const std::string& results,
                     std::ostream& out) {
  const std::optional<SlurmSubmission> submitted = submitSlurmScripts(scripts);
  if (!submitted) {
    out << tool << ": sbatch is not on the PATH; on the cluster submit\n  jobid=$(sbatch --parsable "
        << scripts.arrayScript << ")\n  sbatch --dependency=afterok:$jobid " << scripts.finalScript << "\n";
    return;
  }
  const std::string both = submitted->arrayJob + "," + submitted->finalJob;
  out << tool << ": submitted " << tasks << " shard task(s) as job " << submitted->arrayJob << " and the merge as job "
      << submitted->finalJob << " (afterok)\n  follow: squeue -j " << both << "   history: sacct -j " << both
      << "\n  logs: " << fs::path(scripts.arrayScript).parent_path().string() << "/   results: " << results
      << " once job " << submitted->finalJob << " has ended\n";
}

}  // namespace wtm::tools
