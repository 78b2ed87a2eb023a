// What every row of a results folder depends on besides its point and seed: the mapper folder,
// the number of frames evaluated and the labels file. Kept beside results.csv so that a re-run
// with other inputs into the same --out is refused instead of reusing rows that no longer match.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace wtm::sweep {

struct SweepInputs {
  std::string folder;      // absolute, normalised
  std::size_t frames = 0;  // evaluated, after --frames
  std::string labels;      // absolute, normalised; empty without --labels
};

constexpr const char* kInputsFile = "sweep-inputs.json";

// Records `inputs` in DIR/sweep-inputs.json when the file is absent (or `replace`); when
// present, throws InputError "DIR/sweep-inputs.json: ..." naming the first input that differs.
void claimResultsFolder(const std::string& dir, const SweepInputs& inputs, bool replace = false);

// For merge: every shard folder's sweep-inputs.json must be the same (else InputError naming
// the odd one); it is copied into OUT.
void copySameInputs(const std::vector<std::string>& shardDirs, const std::string& out);

}  // namespace wtm::sweep
