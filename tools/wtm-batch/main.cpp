// wtm-batch: a list of commands (board runs of firmware x seeds x options, wtm-regress over many
// mapper folders, anything) run a few at a time, on one machine, in shards, or as a Slurm job
// array, into one CSV of exit codes, last output lines and statistics.
#include <boost/program_options.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include <nlohmann/json.hpp>

#include "BatchResults.h"
#include "BatchRunner.h"
#include "ExitCodes.h"
#include "JobList.h"
#include "ProgressBar.h"
#include "ToolOptions.h"
#include "Shard.h"
#include "ShardedSlurm.h"
#include "SlurmArray.h"
#include "ToolMain.h"
#include "common/InputError.h"
#include "common/OptionChecks.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace wtm;
using namespace wtm::batch;

namespace {

const char* kUsage = R"(Usage: wtm-batch [options] LIST
       wtm-batch merge OUT SHARD_DIR... [--ok-exits CODES]

Runs the commands of LIST, one a line (words split at blanks; '...' or "..." keep blanks; '#'
starts a comment), a few at a time, and writes OUT/results.csv: one row per job in list order
with its exit code, the last line of its standard output and of its standard error, and the
"name : value" statistics it printed on stderr (wtm2101-board --stats), host-dependent ones (host
time, speed) left out, so the same list gives the same file byte for byte. Each job's output is
kept in OUT/logs/job-N.out and .err. A re-run keeps the rows of unchanged jobs and runs the rest.

Typical lists: board runs (wtm2101-board --elf fw.elf --seed 3 --max-time 2s --stats),
regressions of many mapper folders (wtm-regress DIR -q), anything a shell would run.

Several machines: --shard K/N runs the jobs whose index is K modulo N into its own --out folder;
"wtm-batch merge OUT SHARD_DIR..." joins the shards (every job exactly once) into OUT.
--slurm N writes and, when sbatch is on the PATH, submits a Slurm job array of N shards and the
merge as a dependent job (afterok), under OUT/slurm/ (docs/cluster.md).

)";

std::atomic<bool> gStop{false};
void onSignal(int) { gStop = true; }

constexpr const char* kListFile = "batch-list.json";

std::vector<int> parseExitCodes(const std::string& text) {
  std::vector<int> codes;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    if (item.empty() || item.size() > 3 || item.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(item) > 255)
      throw InputError("--ok-exits", "'" + text + "' is not a list of exit codes 0..255 (e.g. 0,1)");
    codes.push_back(std::stoi(item));
  }
  if (codes.empty()) throw InputError("--ok-exits", "no exit code given");
  return codes;
}

void writeListFile(const fs::path& dir, const std::string& list, const std::vector<Job>& jobs) {
  nlohmann::json commands = nlohmann::json::array();
  for (const auto& j : jobs) commands.push_back(j.args);
  std::ofstream out(dir / kListFile);
  out << nlohmann::json{{"tool", "wtm-batch"}, {"list", list}, {"jobs", commands}}.dump(1) << "\n";
  if (!out) throw InputError((dir / kListFile).string(), "cannot write");
}

std::vector<Job> readListFile(const fs::path& dir) {
  const std::string path = (dir / kListFile).string();
  std::ifstream in(path);
  if (!in) throw InputError(path, "cannot open (not a wtm-batch --shard folder?)");
  try {
    const nlohmann::json j = nlohmann::json::parse(in);
    if (j.at("tool") != "wtm-batch") throw InputError(path, "not written by wtm-batch");
    std::vector<Job> jobs;
    for (const auto& args : j.at("jobs")) jobs.push_back({jobs.size(), 0, args.get<std::vector<std::string>>()});
    return jobs;
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path, std::string("malformed: ") + e.what());
  }
}

// Counts per exit code, the first jobs outside `ok`; the tool's exit code.
int report(const std::map<std::size_t, ResultRow>& rows, const std::vector<int>& ok, const std::string& csv,
           bool quiet) {
  std::map<int, std::size_t> counts;
  std::vector<const ResultRow*> bad;
  for (const auto& [job, r] : rows) {
    ++counts[r.exitCode];
    if (std::find(ok.begin(), ok.end(), r.exitCode) == ok.end()) bad.push_back(&r);
  }
  if (!quiet) {
    std::cout << "wtm-batch: " << rows.size() << " job(s):";
    for (const auto& [code, n] : counts) std::cout << " exit " << code << " x" << n;
    std::cout << "; results in " << csv << "\n";
  }
  for (std::size_t i = 0; i < bad.size() && i < 10; ++i)
    std::cerr << "wtm-batch: job " << bad[i]->job << " (line " << bad[i]->line << ") exited " << bad[i]->exitCode
              << (bad[i]->stderrTail.empty() ? "" : ": " + bad[i]->stderrTail) << "\n";
  if (bad.size() > 10) std::cerr << "wtm-batch: ... and " << bad.size() - 10 << " more\n";
  return bad.empty() ? kExitOk : kExitJobsFailed;
}

int run(int argc, char** argv) {
  po::options_description general("Options");
  // clang-format off
  general.add_options()
      ("help,h", "show this help and exit")
      ("out,o", po::value<std::string>()->default_value("batch-out"), "output folder: results.csv, logs/")
      ("jobs,j", po::value<unsigned>()->default_value(std::max(1u, std::thread::hardware_concurrency())),
       "commands run at once (default: all cores)")
      ("timeout", po::value<double>()->default_value(0), "kill a job (and what it started) after SECONDS; exit 124 (0: never)")
      ("ok-exits", po::value<std::string>()->default_value("0"), "exit codes that count as success, e.g. 0,1")
      ("shard", po::value<std::string>(), "K/N: run only the jobs of shard K of N (0 <= K < N), for merge")
      ("no-progress", "never draw the progress bar (drawn only when stderr is a terminal)")
      ("quiet,q", "no summary line");
  // clang-format on
  tools::addSlurmOptions(general, "the list");
  po::options_description hidden;
  hidden.add_options()("list", po::value<std::string>(), "job list");
  po::options_description all;
  all.add(general).add(hidden);
  po::positional_options_description positional;
  positional.add("list", 1);
  po::variables_map vm;
  if (!tools::parseToolOptions("wtm-batch", argc, argv, all, positional, vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << kUsage << tools::exit_code::exitCodeHelp(kExitCodeMeanings) << "\n" << general << "\n";
    return kExitOk;
  }
  std::vector<int> ok;
  std::optional<tools::Shard> shard;
  std::optional<tools::SlurmRequest> slurm;
  try {
    if (!vm.count("list")) throw InputError("command line", "missing LIST (try --help)");
    ok = parseExitCodes(vm["ok-exits"].as<std::string>());
    if (vm.count("shard")) shard = tools::parseShard(vm["shard"].as<std::string>());
    if (vm["jobs"].as<unsigned>() == 0) throw InputError("--jobs", "must be at least 1");
    const double t = vm["timeout"].as<double>();
    if (!(t >= 0 && t <= 1e6)) throw InputError("--timeout", "must be 0..1e6 seconds");
    slurm = tools::slurmRequest(vm);
  } catch (const InputError& e) {
    std::cerr << "wtm-batch: " << e.what() << "\n";
    return kExitUsage;
  }
  const std::string list = fs::absolute(vm["list"].as<std::string>()).lexically_normal().string();
  const bool quiet = vm.count("quiet") > 0;
  std::vector<Job> jobs;
  std::map<std::size_t, ResultRow> rows;
  const fs::path out = vm["out"].as<std::string>();
  const std::string csv = (out / "results.csv").string();
  try {
    jobs = readJobList(list);
    if (slurm) {  // the shards of this list and their merge, on the cluster
      std::string timeout;
      if (vm["timeout"].as<double>() > 0) timeout = " --timeout " + std::to_string(vm["timeout"].as<double>());
      // Jobs that end outside --ok-exits are results, not a failed task: the merge judges them.
      tools::submitShards("wtm-batch", *slurm, out, tools::shellWord(list), timeout + " || [ $? -eq 1 ]",
                          " --ok-exits " + tools::shellWord(vm["ok-exits"].as<std::string>()), std::cout);
      return kExitOk;
    }
    std::error_code ec;
    fs::create_directories(out / "logs", ec);
    if (ec) throw InputError(out.string(), "cannot create folder: " + ec.message());
    // Rows of jobs that are still the same job (same index and command) are kept.
    for (auto& [job, r] : readResults(csv))
      if (job < jobs.size() && r.command == commandLine(jobs[job]) && (!shard || shard->owns(job))) rows[job] = r;
    writeListFile(out, list, jobs);
    writeResults(csv, rows);
  } catch (const InputError& e) {
    std::cerr << "wtm-batch: " << e.what() << "\n";
    return kExitBadInput;
  }
  std::vector<const Job*> todo;
  std::size_t owned = 0;
  for (const auto& j : jobs)
    if (!shard || shard->owns(j.index)) {
      ++owned;
      if (!rows.count(j.index)) todo.push_back(&j);
    }
  if (!quiet)
    std::cout << "wtm-batch: " << list << ": " << jobs.size() << " job(s)"
              << (shard ? ", shard " + std::to_string(shard->index) + "/" + std::to_string(shard->count) + " has " +
                              std::to_string(owned)
                        : std::string())
              << ", " << todo.size() << " to run"
              << (rows.empty() ? "" : ", " + std::to_string(rows.size()) + " done before") << ", "
              << std::min<std::size_t>(vm["jobs"].as<unsigned>(), std::max<std::size_t>(1, todo.size()))
              << " at once\n";

  std::ofstream append(csv, std::ios::app | std::ios::binary);
  std::signal(SIGINT, onSignal);
  tools::ProgressBar bar(!vm.count("no-progress"));
  std::size_t done = 0;
  BatchOptions options;
  options.parallel = vm["jobs"].as<unsigned>();
  options.timeoutSeconds = vm["timeout"].as<double>();
  options.logDir = (out / "logs").string();
  options.stop = &gStop;
  options.onResult = [&](const JobResult& result) {
    const ResultRow row = rowFor(jobs[result.index], result);
    rows[row.job] = row;
    append << csvLine(row) << "\n" << std::flush;  // an interrupted batch resumes from here
    bar.update(++done, todo.size(), "job " + std::to_string(result.index) + " exit " + std::to_string(result.exitCode));
  };
  runJobs(todo, options);
  bar.finish();
  append.close();
  writeResults(csv, rows);  // in job order
  if (gStop) {
    std::cerr << "wtm-batch: interrupted after " << done << " of " << todo.size() << " job(s); re-run to resume\n";
    return kExitInterrupted;
  }
  return report(rows, ok, csv, quiet);
}

// wtm-batch merge OUT SHARD_DIR... [--ok-exits CODES] [-q]
int merge(int argc, char** argv) {
  std::vector<std::string> dirs;
  std::string okText = "0";
  bool quiet = false;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--ok-exits" && i + 1 < argc) okText = argv[++i];
    else if (a == "-q" || a == "--quiet") quiet = true;
    else if (a == "-h" || a == "--help") {
      std::cout << "Usage: wtm-batch merge OUT SHARD_DIR... [--ok-exits CODES] [-q]\n\nJoins the results of the "
                   "shards (wtm-batch LIST --shard K/N --out SHARD_DIR) into OUT, a new folder: every\njob of the "
                   "list exactly once, results.csv as the single run writes it.\n";
      return kExitOk;
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "wtm-batch merge: unknown option " << a
                << " (usage: wtm-batch merge OUT SHARD_DIR... [--ok-exits CODES] [-q])\n";
      return kExitUsage;
    } else dirs.push_back(a);
  }
  if (dirs.size() < 2) {
    std::cerr << "wtm-batch merge: give OUT and at least one SHARD_DIR\n";
    return kExitUsage;
  }
  const fs::path out = dirs.front();
  dirs.erase(dirs.begin());
  try {
    const std::vector<int> ok = parseExitCodes(okText);
    const std::vector<Job> jobs = readListFile(dirs.front());
    std::map<std::size_t, ResultRow> rows;
    std::map<std::size_t, std::string> from;
    for (const auto& d : dirs) {
      const auto other = readListFile(d);
      bool same = other.size() == jobs.size();
      for (std::size_t i = 0; same && i < jobs.size(); ++i) same = other[i].args == jobs[i].args;
      if (!same) throw InputError((fs::path(d) / kListFile).string(), "another job list than " + dirs.front());
      const std::string csv = (fs::path(d) / "results.csv").string();
      for (const auto& [job, r] : readResults(csv)) {
        if (job >= jobs.size() || r.command != commandLine(jobs[job]))
          throw InputError(csv, "job " + std::to_string(job) + " is not the list's");
        if (from.count(job)) throw InputError(csv, "job " + std::to_string(job) + " is also in " + from[job]);
        from[job] = csv;
        rows[job] = r;
      }
    }
    for (const auto& j : jobs)
      if (!rows.count(j.index))
        throw InputError(out.string(), std::to_string(jobs.size() - rows.size()) +
                                           " job(s) missing from the shards, e.g. job " + std::to_string(j.index) +
                                           " (a shard that did not finish? re-run it)");
    tools::prepareMergeFolder(out.string());
    std::ifstream listFile(fs::path(dirs.front()) / kListFile);
    std::ofstream(out / kListFile) << listFile.rdbuf();
    writeResults((out / "results.csv").string(), rows);
    return report(rows, ok, (out / "results.csv").string(), quiet);
  } catch (const InputError& e) {
    std::cerr << "wtm-batch merge: " << e.what() << "\n";
    return kExitBadInput;
  }
}

}  // namespace

int main(int argc, char** argv) {
  return tools::toolMain(
      "wtm-batch", argc, argv, [](int c, char** v) { return run(c, v); }, merge, kExitBadInput, kExitInternal);
}
