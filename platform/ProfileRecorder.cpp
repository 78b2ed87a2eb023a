#include "ProfileRecorder.h"

#include <fstream>

#include "common/InputError.h"
#include "profile/FlameGraphSvg.h"

namespace wtm::platform {

namespace {

std::vector<profile::ProfileFunction> profileFunctions(const std::vector<FunctionSymbol>& functions) {
  std::vector<profile::ProfileFunction> out;
  out.reserve(functions.size());
  for (const FunctionSymbol& f : functions) out.push_back({f.name, f.address, f.size});
  return out;
}

template <class Write>
void writeFile(const std::string& path, Write&& write) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw InputError(path, "cannot create the profile file");
  write(out);
  if (!out) throw InputError(path, "cannot write the profile file");
}

// The report files, after FILE itself.
const char* const kSuffixes[] = {"", ".folded", ".svg", ".awake.svg"};

}  // namespace

ProfileRecorder::ProfileRecorder(const std::string& file, const std::vector<FunctionSymbol>& functions,
                                 std::function<std::string(uint64_t)> regionName)
    : file_(file), profiler_(profileFunctions(functions), std::move(regionName)) {
  for (const char* suffix : kSuffixes) writeFile(file_ + suffix, [](std::ostream&) {});
}

void ProfileRecorder::write(const std::string& title) const {
  const std::string& file = file_;
  writeFile(file, [&](std::ostream& o) { profiler_.writeTable(o); });
  writeFile(file + ".folded", [&](std::ostream& o) { profiler_.writeFolded(o); });
  writeFile(file + ".svg", [&](std::ostream& o) { profiler_.writeSvg(o, title); });
  writeFile(file + ".awake.svg",
            [&](std::ostream& o) { profile::writeFlameGraphSvg(profile::awakeOnly(profiler_.data()), o, title); });
}

}  // namespace wtm::platform
