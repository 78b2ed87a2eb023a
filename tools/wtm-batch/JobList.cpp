#include "JobList.h"

#include <sstream>

#include "SlurmArray.h"
#include "common/InputError.h"
#include "common/InputFile.h"

namespace wtm::batch {

std::vector<Job> parseJobList(const std::string& text, const std::string& name) {
  std::vector<Job> jobs;
  std::istringstream lines(text);
  std::string line;
  for (unsigned number = 1; std::getline(lines, line); ++number) {
    const std::string where = name + ":" + std::to_string(number);
    Job job;
    job.line = number;
    std::string word;
    bool inWord = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (c == ' ' || c == '\t' || c == '\r') {
        if (inWord) job.args.push_back(word), word.clear(), inWord = false;
      } else if (c == '#' && !inWord) {
        break;
      } else if (c == '\'' || c == '"') {
        const std::size_t close = line.find(c, i + 1);
        std::size_t j = i + 1;
        if (c == '\'') {
          if (close == std::string::npos) throw InputError(where, "unterminated ' quote");
          word += line.substr(j, close - j);
          i = close;
        } else {
          for (; j < line.size() && line[j] != '"'; ++j) {
            if (line[j] == '\\' && j + 1 < line.size() && (line[j + 1] == '"' || line[j + 1] == '\\')) ++j;
            word += line[j];
          }
          if (j >= line.size()) throw InputError(where, "unterminated \" quote");
          i = j;
        }
        inWord = true;
      } else {
        word += c;
        inWord = true;
      }
    }
    if (inWord) job.args.push_back(word);
    if (job.args.empty()) continue;
    if (jobs.size() >= kMaxJobs) throw InputError(where, "more than " + std::to_string(kMaxJobs) + " jobs");
    job.index = jobs.size();
    jobs.push_back(std::move(job));
  }
  if (jobs.empty()) throw InputError(name, "no jobs (one command a line)");
  return jobs;
}

std::vector<Job> readJobList(const std::string& path) {
  const auto bytes = readRegularFile(path, kMaxListBytes);
  return parseJobList(std::string(bytes.begin(), bytes.end()), path);
}

std::string commandLine(const Job& job) {
  std::string s;
  for (const auto& a : job.args) s += (s.empty() ? "" : " ") + tools::shellWord(a);
  return s;
}

}  // namespace wtm::batch
