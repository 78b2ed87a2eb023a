#include "npu/frontend/NpuRoundTrace.h"

#include <filesystem>
#include <system_error>

#include "common/InputError.h"

namespace fs = std::filesystem;

namespace wtm::npu {

NpuRoundTrace::NpuRoundTrace(std::string dir) : dir_(std::move(dir)) {
  if (dir_.empty()) throw InputError("--npu-trace", "empty folder name");
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec || !fs::is_directory(dir_))
    throw InputError(dir_, "cannot create the trace folder" + (ec ? ": " + ec.message() : std::string()));
}

NpuRoundTrace::Files& NpuRoundTrace::filesOf(int round) {
  auto it = files_.find(round);
  if (it != files_.end()) return *it->second;
  const fs::path folder = fs::path(dir_) / ("round" + std::to_string(round));
  std::error_code ec;
  fs::create_directories(folder, ec);
  auto f = std::make_unique<Files>();
  f->in.open(folder / "input0.txt", std::ios::trunc);
  f->out.open(folder / "output0.txt", std::ios::trunc);
  if (ec || !f->in || !f->out) throw InputError(folder.string(), "cannot write the round trace");
  return *files_.emplace(round, std::move(f)).first->second;
}

void NpuRoundTrace::record(int round, const std::vector<std::uint8_t>& inputs,
                           const std::vector<std::uint8_t>& outputs) {
  Files& f = filesOf(round);
  for (std::size_t i = 0; i < inputs.size(); ++i) f.in << (i ? " " : "") << unsigned(inputs[i]);
  f.in << '\n';
  for (std::size_t i = 0; i < outputs.size(); ++i) f.out << (i ? " " : "") << int(static_cast<std::int8_t>(outputs[i]));
  f.out << '\n';
  f.in.flush();  // complete files even when the run ends on a fault
  f.out.flush();
  ++recorded_;
}

}  // namespace wtm::npu
