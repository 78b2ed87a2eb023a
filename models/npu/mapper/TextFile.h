// File reading and the integer-text parsing every mapper text format shares. Failures throw
// wtm::InputError with a one-line "FILE: cause" message (line numbers included), never crash.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "common/Trim.h"  // wtm::trim, which the mapper parsers use

namespace wtm::npu {

bool fileExists(const std::string& path);
bool directoryExists(const std::string& path);
std::string joinPath(const std::string& dir, const std::string& relative);
// The largest mapper file read whole (the biggest real ones, weight and layer_debug text of a full
// array, are tens of MB): a larger one is an error, not an attempt to hold it in memory.
constexpr std::uint64_t kMaxMapperFileBytes = std::uint64_t{1} << 30;
// Whole-file reads through wtm::readRegularFile: a missing file, a directory, a FIFO or an
// oversized file is a one-line InputError. Empty files are returned empty (their parsers say why
// that is wrong).
std::string readTextFile(const std::string& path);
std::vector<std::uint8_t> readBinaryFile(const std::string& path);

// A dense integer matrix read from text: one row per line.
struct IntMatrix {
  std::size_t rows = 0;
  std::size_t cols = 0;
  std::vector<std::int32_t> values;  // row-major
  std::int32_t at(std::size_t r, std::size_t c) const { return values[r * cols + c]; }
};

// Parses lines of integers separated by blanks (spaces/tabs) and/or commas. Every line must
// have the same count; trailing empty lines are ignored, an empty line inside the data is an
// error (a dropped row). `path` is only used in messages. Values outside [minValue, maxValue]
// are an error naming line and column.
IntMatrix parseIntMatrix(const std::string& text, const std::string& path, std::int32_t minValue,
                         std::int32_t maxValue);

// Splits one CSV line into fields, honouring double quotes ("a,b" stays one field).
std::vector<std::string> splitCsvLine(const std::string& line);
// Parses a whole field as a decimal integer; throws InputError(path, "line N: <what> '<field>' is not an integer").
long long parseIntegerField(const std::string& field, const std::string& path, std::size_t line, const char* what);
// A piece of file content safe to quote in a one-line message: at most 20 characters, control
// and non-ASCII bytes shown as \xNN.
std::string quoteToken(const std::string& s);
// The whole text on one printable ASCII line (control and non-ASCII bytes shown as \xNN), for
// messages that embed third-party text such as a JSON parser's diagnostics or a layer name.
std::string oneLine(const std::string& s);

}  // namespace wtm::npu
