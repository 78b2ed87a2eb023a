// Helpers shared by the libFuzzer harnesses of tests/fuzz.
#pragma once
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/InputError.h"

namespace wtm::fuzz {

inline std::string text(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}
inline std::vector<uint8_t> bytes(const uint8_t* data, size_t size) { return std::vector<uint8_t>(data, data + size); }

// For loaders that only take a path: one file per process, rewritten with every input. In
// /dev/shm when there is one (no disk writes at thousands of executions per second).
class TempFile {
 public:
  explicit TempFile(const std::string& suffix) {
    const char* dir =
        ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp");
    path_ = std::string(dir) + "/wtm-fuzz-" + std::to_string(::getpid()) + suffix;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& write(const uint8_t* data, size_t size) {
    FILE* f = std::fopen(path_.c_str(), "wb");
    if (!f) std::abort();
    if (size && std::fwrite(data, 1, size, f) != size) std::abort();
    std::fclose(f);
    return path_;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Splits the input at the first occurrence of `separator`: {before, after} (after is empty when
// the separator is absent). Lets one input carry two files or an option and a file.
inline std::pair<std::string, std::string> splitAt(const std::string& s, const std::string& separator) {
  const size_t at = s.find(separator);
  if (at == std::string::npos) return {s, std::string()};
  return {s.substr(0, at), s.substr(at + separator.size())};
}

}  // namespace wtm::fuzz
