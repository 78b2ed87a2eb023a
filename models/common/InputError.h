// Error type for bad user input (files, options). Its message is one line that names the
// offending file or option and the cause; tools print it and exit with the bad-input code.
#pragma once
#include <stdexcept>
#include <string>

namespace wtm {

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  // "FILE: cause"
  InputError(const std::string& file, const std::string& cause) : std::runtime_error(file + ": " + cause) {}
};

}  // namespace wtm
