#include "BatchResults.h"

#include <fstream>

#include "common/InputError.h"

namespace wtm::batch {

namespace {

std::string quoted(const std::string& field) {
  if (field.find_first_of(",\"\n\r") == std::string::npos) return field;
  std::string q = "\"";
  for (char c : field) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

// One record (it may span lines inside quotes); false at the end of the input.
bool readRecord(std::istream& in, std::vector<std::string>& fields) {
  fields.clear();
  std::string field;
  bool quotedField = false, any = false;
  for (int c; (c = in.get()) != EOF;) {
    any = true;
    if (quotedField) {
      if (c == '"') {
        if (in.peek() == '"') field += static_cast<char>(in.get());
        else quotedField = false;
      } else {
        field += static_cast<char>(c);
      }
    } else if (c == '"') {
      quotedField = true;
    } else if (c == ',') {
      fields.push_back(field);
      field.clear();
    } else if (c == '\n') {
      fields.push_back(field);
      return true;
    } else if (c != '\r') {
      field += static_cast<char>(c);
    }
  }
  if (any) fields.push_back(field);
  return any;
}

}  // namespace

ResultRow rowFor(const Job& job, const JobResult& result) {
  return {job.index, job.line, result.exitCode, result.stdoutTail, result.stderrTail, result.stats, commandLine(job)};
}

std::string csvLine(const ResultRow& r) {
  return std::to_string(r.job) + "," + std::to_string(r.line) + "," + std::to_string(r.exitCode) + "," +
         quoted(r.stdoutTail) + "," + quoted(r.stderrTail) + "," + quoted(r.stats) + "," + quoted(r.command);
}

std::map<std::size_t, ResultRow> readResults(const std::string& path) {
  std::map<std::size_t, ResultRow> rows;
  std::ifstream in(path, std::ios::binary);
  if (!in) return rows;
  std::string header;
  if (!std::getline(in, header)) return rows;
  if (header != kResultsHeader) throw InputError(path, "not a wtm-batch results file (another header)");
  std::vector<std::string> f;
  for (unsigned record = 2; readRecord(in, f); ++record) {
    if (f.size() == 1 && f[0].empty()) continue;
    if (f.size() != 7)
      throw InputError(path,
                       "record " + std::to_string(record) + " has " + std::to_string(f.size()) + " fields, not 7");
    try {
      ResultRow r{std::stoull(f[0]), static_cast<unsigned>(std::stoul(f[1])), std::stoi(f[2]), f[3], f[4], f[5], f[6]};
      rows[r.job] = r;
    } catch (const std::exception&) {
      throw InputError(path, "record " + std::to_string(record) + ": malformed numbers");
    }
  }
  return rows;
}

void writeResults(const std::string& path, const std::map<std::size_t, ResultRow>& rows) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << kResultsHeader << "\n";
  for (const auto& [job, r] : rows) out << csvLine(r) << "\n";
  if (!out) throw InputError(path, "cannot write");
}

}  // namespace wtm::batch
