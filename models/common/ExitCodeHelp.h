// The "Exit codes:" block of a command's --help, written from the same table as the codes, so
// that each number and its meaning are written once (the board and every tool use it).
#pragma once
#include <algorithm>
#include <cstddef>
#include <string>

namespace wtm {

struct ExitCodeMeaning {
  int code;
  const char* text;  // a '\n' continues the text on a line of its own
};

// One "  CODE  text" line per entry in the order given, the texts aligned after the widest code
// (continuation lines too).
template <std::size_t N>
std::string exitCodeHelp(const ExitCodeMeaning (&codes)[N]) {
  std::size_t width = 1;
  for (const ExitCodeMeaning& m : codes) width = std::max(width, std::to_string(m.code).size());
  const std::string indent(2 + width + 2, ' ');
  std::string out = "Exit codes:\n";
  for (const ExitCodeMeaning& m : codes) {
    const std::string code = std::to_string(m.code);
    std::string text = m.text;
    for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', nl + 1 + indent.size()))
      text.insert(nl + 1, indent);
    out += "  " + code + std::string(width - code.size() + 2, ' ') + text + "\n";
  }
  return out;
}

}  // namespace wtm
