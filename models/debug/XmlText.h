// Text placed in the XML documents the stub hands to the debugger.
#pragma once
#include <string>
#include <string_view>

namespace wtm::debug {

// Escapes the characters XML reserves in attribute values and text.
inline std::string xmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace wtm::debug
