// A line or field of a text file without the blanks around it (spaces, tabs and the CR/LF of a
// line end): one definition for every parser of user text.
#pragma once
#include <string>

namespace wtm {

inline std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace wtm
