// Standard base64 (RFC 4648, '+' '/' alphabet, '=' padding), as the mapper uses for the binary
// structs inside the register JSON.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wtm::npu {

// Decoded bytes, or nullopt for text that is not valid base64 (bad character, bad length/padding).
std::optional<std::vector<std::uint8_t>> decodeBase64(const std::string& text);
std::string encodeBase64(const std::vector<std::uint8_t>& bytes);

// Little-endian int32 array <-> base64, the form of BaseInfo/DiffInfo/event payloads.
std::optional<std::vector<std::int32_t>> decodeBase64Int32(const std::string& text);
std::string encodeBase64Int32(const std::vector<std::int32_t>& values);

}  // namespace wtm::npu
