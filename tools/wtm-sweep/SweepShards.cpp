#include "SweepShards.h"

#include <filesystem>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "SweepResults.h"
#include "common/InputError.h"

namespace wtm::sweep {

namespace fs = std::filesystem;

void writeSweepCommand(const std::string& dir, const std::vector<std::string>& args) {
  const std::string path = (fs::path(dir) / kCommandFile).string();
  std::ofstream out(path);
  out << nlohmann::json{{"tool", "wtm-sweep"}, {"args", args}}.dump(2) << "\n";
  if (!out) throw InputError(path, "cannot write");
}

std::vector<std::string> readSweepCommand(const std::string& dir) {
  const std::string path = (fs::path(dir) / kCommandFile).string();
  std::ifstream in(path);
  if (!in) throw InputError(path, "cannot open (not a wtm-sweep --shard folder?)");
  try {
    const nlohmann::json j = nlohmann::json::parse(in);
    if (j.at("tool") != "wtm-sweep") throw InputError(path, "not written by wtm-sweep");
    return j.at("args").get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path, std::string("malformed: ") + e.what());
  }
}

MergedRows mergeShardResults(const std::vector<std::string>& shardDirs, const std::string& outCsv) {
  std::string header;
  std::vector<std::string> rows;
  std::map<std::pair<std::string, std::uint64_t>, std::string> owner;  // row -> the file it came from
  for (const auto& dir : shardDirs) {
    const std::string path = (fs::path(dir) / "results.csv").string();
    std::ifstream in(path);
    std::string first;
    if (!in || !std::getline(in, first)) throw InputError(path, "cannot read (has the shard run?)");
    if (header.empty()) header = first;
    else if (first != header)
      throw InputError(path, "another header than " + shardDirs.front() + " (another model or version)");
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      std::pair<std::string, std::uint64_t> key;
      try {
        key = rowKey(line);
      } catch (const std::exception&) {
        continue;  // a line cut short by an interrupted shard: the merge reports the row missing
      }
      const auto [it, fresh] = owner.emplace(key, path);
      if (!fresh)
        throw InputError(path,
                         "point " + key.first + " seed " + std::to_string(key.second) + " is also in " + it->second);
      rows.push_back(line);
    }
  }
  std::ofstream out(outCsv, std::ios::trunc);
  out << header << "\n";
  for (const auto& r : rows) out << r << "\n";
  if (!out) throw InputError(outCsv, "cannot write");
  return {rows.size()};
}

}  // namespace wtm::sweep
