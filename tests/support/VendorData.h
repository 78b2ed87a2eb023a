// Where the vendor's firmware builds, mapper outputs and sources are on this machine — all outside
// the repository: ../shared/vendor-fw fetches and builds them into ~/.cache/wtm2101-vendor-fw
// (README "Vendor firmware"). A test whose data is missing skips and says which path it looked at.
#pragma once
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace wtm::test {

// $envVar when it is set, else <cache>/<sub>; the cache is $WTM_VENDOR_CACHE, else
// $HOME/.cache/wtm2101-vendor-fw.
inline std::string vendorPath(const char* envVar, const std::string& sub) {
  if (envVar != nullptr)
    if (const char* dir = std::getenv(envVar)) return dir;
  if (const char* cache = std::getenv("WTM_VENDOR_CACHE")) return std::string(cache) + "/" + sub;
  const char* home = std::getenv("HOME");
  return std::string(home ? home : ".") + "/.cache/wtm2101-vendor-fw/" + sub;
}

// A file of witmemtech/Algorithm-Deployed-in-WTM2101 as the vendor build extracted it (src/alg,
// or $WTM_VENDOR_ALG_DIR); "" when it is not there.
inline std::string vendorAlgFile(const std::string& pathInRepo) {
  std::ifstream in(vendorPath("WTM_VENDOR_ALG_DIR", "src/alg") + "/" + pathInRepo, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace wtm::test
