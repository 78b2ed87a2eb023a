// The class label of each recorded frame, for accuracy figures: integers separated by blanks,
// commas or new lines, frame 0 first ('#' starts a comment).
#pragma once
#include <string>
#include <vector>

namespace wtm::sweep {

// Throws InputError naming the file, line and cause.
std::vector<int> loadLabels(const std::string& path);

// Class indices a net can output (a layer has at most 1024 columns).
inline constexpr int kMaxClassIndex = 1023;
// Labels given another way (Python): throws InputError("WHERE: label I: V is not a class index
// 0..1023") for the first one out of range.
void checkLabels(const std::vector<int>& labels, const std::string& where);

}  // namespace wtm::sweep
