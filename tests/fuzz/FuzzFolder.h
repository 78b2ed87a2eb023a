// One fuzz input as a folder of files: "=== relative/path\n" starts a file, whose bytes run up to
// the next "\n=== " (so any byte sequence, binary files included, can be packed; pack_folder.sh
// writes seeds in this form). Paths are kept inside the folder: no "..", no absolute paths, only
// [A-Za-z0-9_.-/], at most 64 files, 8 levels.
#pragma once
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace wtm::fuzz {

class FuzzFolder {
 public:
  FuzzFolder() {
    const char* base = ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    root_ = std::filesystem::path(base) / ("wtm-fuzz-folder-" + std::to_string(::getpid()));
  }
  ~FuzzFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  FuzzFolder(const FuzzFolder&) = delete;
  FuzzFolder& operator=(const FuzzFolder&) = delete;

  // Empties the folder and writes the files packed in `data`. Returns the folder's path.
  std::string unpack(const uint8_t* data, size_t size) {
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
    const std::string in(reinterpret_cast<const char*>(data), size);
    const std::string marker = "=== ";
    size_t at = in.rfind(marker, 0) == 0 ? 0 : in.find("\n" + marker);
    if (at != std::string::npos && at != 0) ++at;
    for (int files = 0; at != std::string::npos && files < 64; ++files) {
      const size_t nameStart = at + marker.size(), nameEnd = in.find('\n', nameStart);
      if (nameEnd == std::string::npos) break;
      const size_t next = in.find("\n" + marker, nameEnd);
      const size_t end = next == std::string::npos ? in.size() : next;
      // "=== a\n=== b": the newline ending a's name also starts b's marker, a is empty
      write(in.substr(nameStart, nameEnd - nameStart), end > nameEnd ? in.substr(nameEnd + 1, end - nameEnd - 1) : "");
      at = next == std::string::npos ? next : next + 1;
    }
    return root_.string();
  }

 private:
  static bool safe(const std::string& path) {
    if (path.empty() || path.size() > 200 || path[0] == '/' || path.find("..") != std::string::npos) return false;
    int depth = 0;
    for (char c : path) {
      if (c == '/') ++depth;
      else if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-') return false;
    }
    return depth <= 8 && path.back() != '/';
  }
  void write(const std::string& path, const std::string& bytes) {
    if (!safe(path)) return;
    const auto file = root_ / path;
    std::error_code error;
    std::filesystem::create_directories(file.parent_path(), error);
    if (error || std::filesystem::is_directory(file)) return;
    std::ofstream(file, std::ios::binary) << bytes;
  }

  std::filesystem::path root_;
};

}  // namespace wtm::fuzz
