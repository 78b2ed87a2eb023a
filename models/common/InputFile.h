// Reading a file the user named, safely: a directory, a FIFO, a device or an oversized file is a
// one-line InputError ("PATH: cause"), never a hang, an exhausted memory or a stream exception.
// Header-only so that libraries without SystemC (audio, NPU core) can use it.
#pragma once
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <string>
#include <system_error>
#include <vector>

#include "common/InputError.h"

namespace wtm {

// readRegularFile: the whole content of the regular file `path`, at most `limit` bytes.
// requireRegularFile: throws unless `path` names an existing regular file (for files another
// library opens).

namespace input_file_detail {

inline std::string errnoText(int err) { return std::error_code(err, std::generic_category()).message(); }

inline std::string sizeText(uint64_t bytes) {
  return bytes >= (uint64_t{1} << 20) ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes";
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

inline void checkKind(const std::string& path, const struct stat& st) {
  if (S_ISDIR(st.st_mode)) throw InputError(path, "is a directory");
  if (!S_ISREG(st.st_mode)) throw InputError(path, "not a regular file");
}

}  // namespace input_file_detail

inline std::vector<uint8_t> readRegularFile(const std::string& path, uint64_t limit, bool allowEmpty = false) {
  if (path.empty()) throw InputError("(empty file name)", "no file named");
  // O_NONBLOCK: opening a FIFO given by mistake must not wait for a writer.
  using namespace input_file_detail;
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) {
    const int err = errno;
    throw InputError(path, "cannot open: " + errnoText(err));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    const int err = errno;
    throw InputError(path, "cannot stat: " + errnoText(err));
  }
  checkKind(path, st);
  const auto size = static_cast<uint64_t>(st.st_size);
  if (size == 0 && !allowEmpty) throw InputError(path, "empty file");
  if (size > limit)
    throw InputError(path, "file of " + std::to_string(size) + " bytes exceeds the limit of " + sizeText(limit));
  std::vector<uint8_t> bytes(static_cast<size_t>(size));
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      const int err = errno;
      if (err == EINTR) continue;
      throw InputError(path, "read error: " + errnoText(err));
    }
    if (n == 0) throw InputError(path, "file shrank while being read");
    done += static_cast<size_t>(n);
  }
  return bytes;
}

inline void requireRegularFile(const std::string& path) {
  using namespace input_file_detail;
  if (path.empty()) throw InputError("(empty file name)", "no file named");
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    throw InputError(path, "cannot open: " + errnoText(err));
  }
  checkKind(path, st);
}

}  // namespace wtm
