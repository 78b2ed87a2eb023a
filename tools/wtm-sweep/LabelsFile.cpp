#include "LabelsFile.h"

#include <fstream>
#include <sstream>

#include "common/InputError.h"

namespace wtm::sweep {

std::vector<int> loadLabels(const std::string& path) {
  std::ifstream f(path);
  if (!f) throw InputError(path, "cannot open the labels file");
  std::vector<int> labels;
  std::string line;
  for (int lineNo = 1; std::getline(f, line); ++lineNo) {
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    for (char& c : line)
      if (c == ',' || c == ';' || c == '\t' || c == '\r') c = ' ';
    std::istringstream in(line);
    for (std::string token; in >> token;) {
      std::size_t used = 0;
      long v = -1;
      try {
        v = std::stol(token, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != token.size() || v < 0 || v > kMaxClassIndex)
        throw InputError(path, "line " + std::to_string(lineNo) + ": '" + token + "' is not a class index 0.." +
                                   std::to_string(kMaxClassIndex));
      labels.push_back(static_cast<int>(v));
    }
  }
  if (labels.empty()) throw InputError(path, "no labels");
  return labels;
}

void checkLabels(const std::vector<int>& labels, const std::string& where) {
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] < 0 || labels[i] > kMaxClassIndex)
      throw InputError(where, "label " + std::to_string(i) + ": " + std::to_string(labels[i]) +
                                  " is not a class index 0.." + std::to_string(kMaxClassIndex));
}

}  // namespace wtm::sweep
