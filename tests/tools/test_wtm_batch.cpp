// wtm-batch: the job list syntax, the results CSV round trip, the runner (exit codes, time-out,
// statistics, a program that is not there), resume, shards and merge equal to the single run.
#include <gtest/gtest.h>

#include "CommandRunner.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include "BatchResults.h"
#include "BatchRunner.h"
#include "JobList.h"
#include "common/InputError.h"

namespace fs = std::filesystem;
using namespace wtm;
using namespace wtm::batch;

namespace {

fs::path freshDir(const std::string& name) {
  const fs::path d = fs::path(::testing::TempDir()) / (name + "_" + std::to_string(getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kExe = WTM_BATCH_EXE;

}  // namespace

TEST(JobList, WordsQuotesCommentsAndErrors) {
  const auto jobs = parseJobList("# a comment\n\nprog a 'b c' \"d \\\"e\\\"\" f#g # tail\n  second  \n", "l.txt");
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_EQ(jobs[0].args, (std::vector<std::string>{"prog", "a", "b c", "d \"e\"", "f#g"}));
  EXPECT_EQ(jobs[0].line, 3u);
  EXPECT_EQ(jobs[1].index, 1u);
  EXPECT_EQ(commandLine(jobs[0]), "prog a 'b c' 'd \"e\"' 'f#g'");
  for (const auto& [text, message] :
       std::vector<std::pair<std::string, std::string>>{{"a 'b\n", "l.txt:1: unterminated ' quote"},
                                                        {"ok\nb \"c\n", "l.txt:2: unterminated \" quote"},
                                                        {"# nothing\n", "l.txt: no jobs (one command a line)"}}) {
    try {
      parseJobList(text, "l.txt");
      ADD_FAILURE() << text;
    } catch (const InputError& e) {
      EXPECT_EQ(std::string(e.what()), message);
    }
  }
}

TEST(BatchResults, StatisticsAndTailsAndTheCsvRoundTrip) {
  const JobResult r = summarize(3, 1, "first\nlast line\n\n",
                                "--- statistics ---\nsimulated time   : 1.5 s\nhost time        : 0.2 s\n"
                                "simulation speed : 9 M\nwtm2101-board: time limit reached\n");
  EXPECT_EQ(r.stdoutTail, "last line");
  EXPECT_EQ(r.stderrTail, "wtm2101-board: time limit reached");
  EXPECT_EQ(r.stats, "simulated time=1.5 s");  // host-dependent lines left out
  const fs::path d = freshDir("batch-csv");
  Job job{3, 7, {"prog", "a,b", "say \"hi\"\nthere"}};
  const ResultRow row = rowFor(job, r);
  writeResults((d / "r.csv").string(), {{3, row}});
  const auto back = readResults((d / "r.csv").string());
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back.at(3).command, row.command);
  EXPECT_EQ(back.at(3).stats, row.stats);
  EXPECT_EQ(back.at(3).line, 7u);
  std::ofstream(d / "bad.csv") << "job,exit\n1,0\n";
  EXPECT_THROW(readResults((d / "bad.csv").string()), InputError);
}

TEST(BatchCli, RunsTheListWithExitCodesTimeOutsAndResumes) {
  const fs::path d = freshDir("batch-cli");
  std::ofstream(d / "list.txt") << "sh -c 'echo one; exit 0'\n"
                                   "sh -c 'echo two >&2; exit 3'\n"
                                   "sleep 10\n"
                                   "no-such-program-here\n";
  const std::string cmd =
      kExe + " " + (d / "list.txt").string() + " --jobs 2 --timeout 0.5 --no-progress --out " + (d / "out").string();
  const CommandResult first = runCommand(cmd);
  EXPECT_EQ(first.status, 1) << first.output;  // not every exit code is 0
  EXPECT_NE(first.output.find("4 job(s): exit 0 x1 exit 3 x1 exit 124 x1 exit 127 x1"), std::string::npos)
      << first.output;
  const auto rows = readResults((d / "out" / "results.csv").string());
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows.at(0).stdoutTail, "one");
  EXPECT_EQ(rows.at(1).stderrTail, "two");
  EXPECT_EQ(rows.at(2).exitCode, 124);
  EXPECT_EQ(rows.at(3).exitCode, 127);
  EXPECT_NE(readFile(d / "out" / "logs" / "job-1.err").find("two"), std::string::npos);
  // Accepted exit codes; a re-run keeps every row and runs nothing.
  const CommandResult again = runCommand(cmd + " --ok-exits 0,3,124,127");
  EXPECT_EQ(again.status, 0) << again.output;
  EXPECT_NE(again.output.find("0 to run, 4 done before"), std::string::npos) << again.output;
  // A changed line is a new job.
  std::ofstream(d / "list.txt") << "sh -c 'echo one; exit 0'\nsh -c 'exit 0'\nsleep 10\nno-such-program-here\n";
  const CommandResult changed = runCommand(cmd + " --ok-exits 0,124,127");
  EXPECT_NE(changed.output.find("1 to run, 3 done before"), std::string::npos) << changed.output;
  EXPECT_EQ(changed.status, 0) << changed.output;
}

TEST(BatchCli, ShardsMergeIntoTheSingleRunsFile) {
  const fs::path d = freshDir("batch-shards");
  {
    std::ofstream list(d / "list.txt");
    for (int i = 0; i < 7; ++i)
      list << "sh -c 'echo job " << i << "; echo \"value : " << i * i << "\" >&2; exit " << i % 2 << "'\n";
  }
  const std::string base = kExe + " " + (d / "list.txt").string() + " --no-progress -q --ok-exits 0,1 --out ";
  ASSERT_EQ(runCommand(base + (d / "single").string()).status, 0);
  std::string shards;
  for (int k = 0; k < 3; ++k) {
    const fs::path s = d / ("s" + std::to_string(k));
    ASSERT_EQ(runCommand(base + s.string() + " --shard " + std::to_string(k) + "/3").status, 0);
    shards += " " + s.string();
  }
  const CommandResult merged = runCommand(kExe + " merge " + (d / "merged").string() + shards + " --ok-exits 0,1");
  ASSERT_EQ(merged.status, 0) << merged.output;
  EXPECT_EQ(readFile(d / "single" / "results.csv"), readFile(d / "merged" / "results.csv"));
  EXPECT_NE(readFile(d / "merged" / "results.csv").find("value=36"), std::string::npos);
  const CommandResult missing = runCommand(kExe + " merge " + (d / "m2").string() + " " + (d / "s0").string());
  EXPECT_EQ(missing.status, 3);
  EXPECT_NE(missing.output.find("job(s) missing from the shards"), std::string::npos) << missing.output;
  // A merge does not overwrite a results folder; its --help is the merge's.
  const CommandResult over = runCommand(kExe + " merge " + (d / "merged").string() + shards + " --ok-exits 0,1");
  EXPECT_EQ(over.status, 3) << over.output;
  EXPECT_NE(over.output.find("merged/results.csv: exists"), std::string::npos) << over.output;
  const CommandResult help = runCommand(kExe + " merge --help");
  EXPECT_EQ(help.status, 0) << help.output;
  EXPECT_NE(help.output.find("Usage: wtm-batch merge OUT SHARD_DIR"), std::string::npos) << help.output;
  const CommandResult twice = runCommand(kExe + " merge " + (d / "m3").string() + shards + " " + (d / "s2").string());
  EXPECT_EQ(twice.status, 3);
  EXPECT_NE(twice.output.find("is also in"), std::string::npos) << twice.output;
}

TEST(BatchCli, SlurmScriptsAndBadCommandLines) {
  const fs::path d = freshDir("batch-slurm");
  std::ofstream(d / "list.txt") << "true\ntrue\n";
  const CommandResult r = runCommand("PATH=/nonexistent " + kExe + " " + (d / "list.txt").string() +
                                     " --slurm 2 --timeout 60 -q --out " + (d / "out").string());
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string array = readFile(d / "out" / "slurm" / "wtm-batch-array.sbatch");
  EXPECT_NE(array.find("#SBATCH --array=0-1"), std::string::npos) << array;
  EXPECT_NE(array.find("--shard ${SLURM_ARRAY_TASK_ID}/2"), std::string::npos) << array;
  EXPECT_NE(readFile(d / "out" / "slurm" / "wtm-batch-final.sbatch").find(" merge "), std::string::npos);
  for (const char* bad : {"--ok-exits x", "--shard 3/2", "--jobs 0", "--timeout -1", "--slurm 2 --shard 0/2"}) {
    const CommandResult b =
        runCommand(kExe + " " + (d / "list.txt").string() + " " + bad + " --out " + (d / "b").string());
    EXPECT_EQ(b.status, 2) << bad << "\n" << b.output;
  }
  const CommandResult noList = runCommand(kExe + " /nonexistent/list.txt --out " + (d / "b").string());
  EXPECT_EQ(noList.status, 3);
  EXPECT_NE(noList.output.find("/nonexistent/list.txt: cannot open"), std::string::npos) << noList.output;
}
