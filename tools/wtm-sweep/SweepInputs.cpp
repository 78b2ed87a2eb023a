#include "SweepInputs.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/InputError.h"

namespace wtm::sweep {

namespace {

std::string inputsPath(const std::string& dir) { return (std::filesystem::path(dir) / kInputsFile).string(); }

std::string readWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open (not a wtm-sweep results folder?)");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

void copySameInputs(const std::vector<std::string>& shardDirs, const std::string& out) {
  const std::string first = readWhole(inputsPath(shardDirs.at(0)));
  for (const std::string& d : shardDirs)
    if (readWhole(inputsPath(d)) != first)
      throw InputError(inputsPath(d), "other inputs than " + inputsPath(shardDirs[0]) +
                                          " (another mapper folder, frame count or labels file)");
  std::ofstream o(inputsPath(out), std::ios::binary | std::ios::trunc);
  o << first;
  if (!o) throw InputError(inputsPath(out), "cannot write");
}

void claimResultsFolder(const std::string& dir, const SweepInputs& inputs, bool replace) {
  const std::string path = inputsPath(dir);
  const nlohmann::json mine{{"folder", inputs.folder}, {"frames", inputs.frames}, {"labels", inputs.labels}};
  std::ifstream in(path);
  if (!in || replace) {
    std::ofstream out(path);
    out << mine.dump(2) << "\n";
    if (!out) throw InputError(path, "cannot write");
    return;
  }
  nlohmann::json theirs;
  try {
    theirs = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path, std::string("malformed (remove it with results.csv, or choose another --out): ") + e.what());
  }
  for (const char* field : {"folder", "frames", "labels"}) {
    if (theirs.contains(field) && theirs[field] == mine[field]) continue;
    const auto shown = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
    throw InputError(path, std::string("the results here are of another sweep (") + field + " " +
                               (theirs.contains(field) ? shown(theirs[field]) : "missing") + ", now " +
                               shown(mine[field]) + "): choose another --out, or remove this folder");
  }
}

}  // namespace wtm::sweep
