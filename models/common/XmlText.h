// Text placed in XML documents (the GDB server's target description, the profiler's SVG).
#pragma once
#include <string>
#include <string_view>

namespace wtm {

// `text` with &, <, >, " and ' escaped, and the control characters XML 1.0 does not allow
// replaced by '?'.
inline std::string xmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '?' : c;
    }
  }
  return out;
}

}  // namespace wtm
