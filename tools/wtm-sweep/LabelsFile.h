// The class label of each recorded frame, for accuracy figures: integers separated by blanks,
// commas or new lines, frame 0 first ('#' starts a comment).
#pragma once
#include <string>
#include <vector>

namespace wtm::sweep {

// Throws InputError naming the file, line and cause.
std::vector<int> loadLabels(const std::string& path);

}  // namespace wtm::sweep
