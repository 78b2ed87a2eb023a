#include "BatchRunner.h"

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "common/InputError.h"
#include "common/Trim.h"

namespace wtm::batch {

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// "simulated time   : 1.2 s": a statistic unless its name says it depends on the host.
bool statistic(const std::string& line, std::string& name, std::string& value) {
  const auto colon = line.find(" : ");
  if (colon == std::string::npos || colon == 0 || line[0] == ' ') return false;
  name = trim(line.substr(0, colon));
  value = trim(line.substr(colon + 3));
  return !name.empty() && name.find(':') == std::string::npos;
}

bool hostDependent(const std::string& name) { return name == "host time" || name == "simulation speed"; }

struct Running {
  const Job* job;
  std::chrono::steady_clock::time_point start;
  bool killed = false, interrupted = false;
};

pid_t start(const Job& job, const std::string& logDir) {
  const std::string base = logDir + "/job-" + std::to_string(job.index);
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  // Child: its own process group (a time-out kills what it started too), logs, no stdin.
  ::setpgid(0, 0);
  const int in = ::open("/dev/null", O_RDONLY);
  const int out = ::open((base + ".out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int err = ::open((base + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (in < 0 || out < 0 || err < 0) ::_exit(127);
  ::dup2(in, 0);
  ::dup2(out, 1);
  ::dup2(err, 2);
  std::vector<char*> argv;
  for (const auto& a : job.args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  ::execvp(argv[0], argv.data());
  const std::string msg = "wtm-batch: cannot run " + job.args[0] + "\n";
  (void)!::write(2, msg.data(), msg.size());
  ::_exit(127);
}

}  // namespace

JobResult summarize(std::size_t index, int exitCode, const std::string& out, const std::string& err) {
  JobResult r;
  r.index = index;
  r.exitCode = exitCode;
  std::istringstream o(out), e(err);
  for (std::string line; std::getline(o, line);)
    if (!trim(line).empty()) r.stdoutTail = trim(line);
  for (std::string line; std::getline(e, line);) {
    std::string name, value;
    if (statistic(line, name, value)) {
      if (!hostDependent(name)) r.stats += (r.stats.empty() ? "" : " | ") + name + "=" + value;
    } else if (!trim(line).empty() && line.rfind("---", 0) != 0) {
      r.stderrTail = trim(line);
    }
  }
  return r;
}

std::size_t runJobs(const std::vector<const Job*>& jobs, const BatchOptions& options) {
  std::map<pid_t, Running> running;
  std::size_t next = 0, finished = 0;
  const unsigned parallel = std::max(1u, options.parallel);
  while (true) {
    const bool stopping = options.stop && options.stop->load();
    while (!stopping && next < jobs.size() && running.size() < parallel) {
      const pid_t pid = start(*jobs[next], options.logDir);
      if (pid < 0) throw InputError("wtm-batch", "cannot start a process (fork failed)");
      running.emplace(pid, Running{jobs[next], std::chrono::steady_clock::now()});
      ++next;
    }
    if (running.empty()) break;
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, WNOHANG);
    if (pid > 0 && running.count(pid)) {
      const Running r = running.at(pid);
      running.erase(pid);
      int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      if (r.killed) code = 124;
      const std::string base = options.logDir + "/job-" + std::to_string(r.job->index);
      JobResult result = summarize(r.job->index, code, readFile(base + ".out"), readFile(base + ".err"));
      if (r.killed) {
        std::ostringstream t;
        t << "time-out after " << options.timeoutSeconds << " s";
        result.stderrTail = t.str();
      }
      ++finished;
      if (options.onResult) options.onResult(result);
      continue;
    }
    const auto now = std::chrono::steady_clock::now();
    for (auto& [p, r] : running)
      if (!r.killed && options.timeoutSeconds > 0 &&
          std::chrono::duration<double>(now - r.start).count() > options.timeoutSeconds) {
        ::kill(-p, SIGKILL);
        r.killed = true;
      }
    if (stopping)
      for (auto& [p, r] : running)
        if (!r.interrupted) ::kill(-p, SIGINT), r.interrupted = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return finished;
}

}  // namespace wtm::batch
