// register.c: the mapper's configuration blob as a C array initialiser,
// `char register_data[] = { 23, 31, 0, ... };` (optionally with a section attribute). The bytes
// are the same as register.bin (reference/mapper-formats.md §2.1.1).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace wtm::npu {

// Bytes of the first brace-enclosed initialiser. Accepts decimal, hex (0x..) and octal literals
// and negative values down to -128 (a signed char array). `path` names the file in errors.
std::vector<std::uint8_t> parseRegisterCSource(const std::string& text, const std::string& path);
std::vector<std::uint8_t> loadRegisterCSource(const std::string& path);

// The same layout the mapper writes (one line, unsigned decimals).
std::string formatRegisterCSource(const std::vector<std::uint8_t>& bytes,
                                  const std::string& arrayName = "register_data");

}  // namespace wtm::npu
