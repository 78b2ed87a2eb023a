// Typed access to a mapper JSON file (the register blob's, BoardConfigDebug.json) with one-line
// errors that name the file and the JSON path: "FILE: PREFIXpath.key: cause".
#pragma once
#include <cstdint>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/InputError.h"

namespace wtm::npu {

class JsonReader {
 public:
  using Json = nlohmann::json;

  // `source` names the file in errors; `prefix` comes before the JSON path (e.g. "JSON ").
  explicit JsonReader(std::string source, std::string prefix = "")
      : source_(std::move(source)), prefix_(std::move(prefix)) {}

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw InputError(source_, prefix_ + where + ": " + what);
  }
  const Json& member(const Json& obj, const std::string& where, const char* key) const {
    if (!obj.is_object()) fail(where, "is not an object");
    auto it = obj.find(key);
    if (it == obj.end()) fail(where, std::string("missing \"") + key + "\"");
    return *it;
  }
  // An int32 (a boolean counts as 0 / 1); anything else, or out of range, is an error.
  int integer(const Json& obj, const std::string& where, const char* key) const {
    const Json& v = member(obj, where, key);
    if (v.is_boolean()) return v.get<bool>() ? 1 : 0;
    if (!v.is_number_integer()) fail(where + "." + key, "is not an integer");
    const auto x = v.get<long long>();
    if (x < INT32_MIN || x > INT32_MAX) fail(where + "." + key, "out of range");
    return static_cast<int>(x);
  }
  int integerOr(const Json& obj, const std::string& where, const char* key, int fallback) const {
    return obj.is_object() && obj.contains(key) ? integer(obj, where, key) : fallback;
  }
  std::string string(const Json& obj, const std::string& where, const char* key) const {
    const Json& v = member(obj, where, key);
    if (!v.is_string()) fail(where + "." + key, "is not a string");
    return v.get<std::string>();
  }
  // The string at `key`, or "" when it is absent or not a string.
  std::string stringOr(const Json& obj, const char* key) const {
    if (obj.is_object() && obj.contains(key) && obj[key].is_string()) return obj[key].get<std::string>();
    return "";
  }
  const Json& array(const Json& obj, const std::string& where, const char* key) const {
    const Json& v = member(obj, where, key);
    if (!v.is_array()) fail(where + "." + key, "is not an array");
    return v;
  }
  const std::string& source() const { return source_; }

 private:
  std::string source_;
  std::string prefix_;
};

}  // namespace wtm::npu
