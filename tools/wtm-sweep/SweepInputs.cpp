#include "SweepInputs.h"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "common/InputError.h"

namespace wtm::sweep {

void claimResultsFolder(const std::string& dir, const SweepInputs& inputs) {
  const std::string path = (std::filesystem::path(dir) / kInputsFile).string();
  const nlohmann::json mine{{"folder", inputs.folder}, {"frames", inputs.frames}, {"labels", inputs.labels}};
  std::ifstream in(path);
  if (!in) {
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
