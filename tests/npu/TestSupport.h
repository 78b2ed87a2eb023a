// Helpers shared by the NPU tests: a self-deleting temporary directory, file writing, and a
// check that a callable throws wtm::InputError whose one-line message names a file and a cause.
#pragma once
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

#include "common/InputError.h"

namespace wtm::npu::test {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "wtm-npu-test-XXXXXX").string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (!::mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed");
    path_ = buf.data();
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline void writeFile(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

inline void writeBytes(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream f(path, std::ios::binary);
  f.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

inline std::string readFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

inline std::vector<std::uint8_t> readBytes(const std::string& path) {
  const std::string s = readFile(path);
  return std::vector<std::uint8_t>(s.begin(), s.end());
}

// The message of the InputError thrown by f, or "" if none was thrown.
template <typename F>
std::string inputErrorOf(F&& f) {
  try {
    f();
  } catch (const wtm::InputError& e) {
    return e.what();
  }
  return "";
}

// Expects f to throw InputError with a single-line message starting with `file` and
// containing `cause`.
#define EXPECT_INPUT_ERROR(statement, file, cause)                                                           \
  do {                                                                                                       \
    const std::string wtmMsg = ::wtm::npu::test::inputErrorOf([&] { statement; });                           \
    EXPECT_FALSE(wtmMsg.empty()) << "no InputError thrown";                                                  \
    EXPECT_EQ(wtmMsg.rfind(std::string(file), 0), 0u) << "message does not start with the file: " << wtmMsg; \
    EXPECT_NE(wtmMsg.find(cause), std::string::npos) << "cause '" << (cause) << "' missing: " << wtmMsg;     \
    EXPECT_EQ(wtmMsg.find('\n'), std::string::npos) << "message is not one line: " << wtmMsg;                \
  } while (0)

// A malformed file content and what the loader's error must name.
struct BadText {
  std::string text, cause;
};

// Writes each text to `path` in turn and expects `load(path)` to reject it as EXPECT_INPUT_ERROR
// describes.
template <typename Load>
void expectRejects(const std::string& path, Load&& load, std::initializer_list<BadText> cases) {
  for (const BadText& c : cases) {
    SCOPED_TRACE("content: '" + c.text + "'");
    writeFile(path, c.text);
    EXPECT_INPUT_ERROR(load(path), path, c.cause);
  }
}

}  // namespace wtm::npu::test
