// --npu-trace DIR: every array round the board's NPU executes, written in the layout of the
// mapper's layer_debug folders (one line per execution, space-separated decimal values:
// inputs as unsigned bytes, outputs as signed int8), so a run can be diffed against the
// mapper's golden traces round by round: DIR/round<R>/input0.txt and output0.txt, R being the
// round-config SRAM index the firmware started.
#pragma once
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace wtm::npu {

class NpuRoundTrace {
 public:
  // Creates DIR (and parents); throws InputError("DIR: cause") when it cannot.
  explicit NpuRoundTrace(std::string dir);
  void record(int round, const std::vector<std::uint8_t>& inputs, const std::vector<std::uint8_t>& outputs);
  std::uint64_t recorded() const { return recorded_; }

 private:
  struct Files {
    std::ofstream in, out;
  };
  Files& filesOf(int round);

  std::string dir_;
  std::map<int, std::unique_ptr<Files>> files_;
  std::uint64_t recorded_ = 0;
};

}  // namespace wtm::npu
