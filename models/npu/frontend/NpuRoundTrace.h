// --npu-trace OUT: every array round the board's NPU executes, in the mapper's layer_debug file
// format (one line per execution, space-separated decimal values: inputs as unsigned bytes,
// outputs as signed int8). When the mapper folder that defines the rounds is known (the board's
// --npu-weights MAPPER), a round it recognises goes to the same place under OUT as its golden
// trace under MAPPER, OUT/layer_debug/net<n>/<k>_<layer>/round<r>/{input0,output0}.txt, so
// `diff -r` compares a run with the golden traces; any other round goes to OUT/round<R>/, R
// being the round-config SRAM index the firmware started. Two mapper rounds of the same
// configuration cannot be told apart: the first one's path is used.
#pragma once
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "npu/RoundConfig.h"

namespace wtm::npu {

// A round of a mapper folder and where its trace goes under DIR.
struct NamedRound {
  RoundConfig config;
  std::string path;  // relative to OUT: "layer_debug/net0/1_linear_1/round0"
};

class NpuRoundTrace {
 public:
  // Creates OUT (and parents); throws InputError("OUT: cause") when it cannot.
  explicit NpuRoundTrace(std::string dir, std::vector<NamedRound> names = {});
  void record(int round, const RoundConfig& config, const std::vector<std::uint8_t>& inputs,
              const std::vector<std::uint8_t>& outputs);
  std::uint64_t recorded() const { return recorded_; }

 private:
  struct Files {
    std::ofstream in, out;
  };
  Files& filesOf(const std::string& folder);
  std::string folderOf(int round, const RoundConfig& config) const;

  std::string dir_;
  std::vector<NamedRound> names_;
  std::map<std::string, std::unique_ptr<Files>> files_;
  std::uint64_t recorded_ = 0;
};

}  // namespace wtm::npu
