#include "Shard.h"

#include <filesystem>

#include "common/InputError.h"

namespace wtm::tools {

Shard parseShard(const std::string& text) {
  const auto slash = text.find('/');
  auto number = [&text](const std::string& digits) {
    if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos)
      throw InputError("--shard", "'" + text + "' is not K/N (e.g. 0/4: the first of four shards)");
    return static_cast<unsigned>(std::stoul(digits));
  };
  if (slash == std::string::npos) number("");
  Shard s{number(text.substr(0, slash)), number(text.substr(slash + 1))};
  if (s.count == 0 || s.count > kMaxShards || s.index >= s.count)
    throw InputError("--shard", "'" + text + "' needs 0 <= K < N <= " + std::to_string(kMaxShards));
  return s;
}

void prepareMergeFolder(const std::string& out) {
  const std::filesystem::path csv = std::filesystem::path(out) / "results.csv";
  if (std::filesystem::exists(csv))
    throw InputError(csv.string(), "exists: merge writes a new results folder (remove it, or choose another OUT)");
  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  if (ec) throw InputError(out, "cannot create folder: " + ec.message());
}

}  // namespace wtm::tools
