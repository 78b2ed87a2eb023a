#include "npu/frontend/NpuRoundTrace.h"

#include <filesystem>
#include <system_error>

#include "common/InputError.h"

namespace fs = std::filesystem;

namespace wtm::npu {

namespace {

// The same layer round: array window, regfile ranges, gain, activation table and the runtime-table
// flag (clear in compensation copies). Other bits the runtime may set in the words it stores (the
// pause bit) do not count.
bool sameRound(const RoundConfig& a, const RoundConfig& b) {
  return a.kind == b.kind && a.columnStart == b.columnStart && a.columnEnd == b.columnEnd && a.rowStart == b.rowStart &&
         a.rowEnd == b.rowEnd && a.biasStart == b.biasStart && a.biasEnd == b.biasEnd && a.inputAddr == b.inputAddr &&
         a.inputEndAddr == b.inputEndAddr && a.outputAddr == b.outputAddr && a.gainCode == b.gainCode &&
         a.lut == b.lut && a.systemFlag == b.systemFlag;
}

}  // namespace

NpuRoundTrace::NpuRoundTrace(std::string dir, std::vector<NamedRound> names)
    : dir_(std::move(dir)), names_(std::move(names)) {
  if (dir_.empty()) throw InputError("--npu-trace", "empty folder name");
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec || !fs::is_directory(dir_))
    throw InputError(dir_, "cannot create the trace folder" + (ec ? ": " + ec.message() : std::string()));
}

std::string NpuRoundTrace::folderOf(int round, const RoundConfig& config) const {
  for (const NamedRound& n : names_)
    if (sameRound(n.config, config)) return n.path;
  return "round" + std::to_string(round);
}

NpuRoundTrace::Files& NpuRoundTrace::filesOf(const std::string& relative) {
  auto it = files_.find(relative);
  if (it != files_.end()) return *it->second;
  const fs::path folder = fs::path(dir_) / relative;
  std::error_code ec;
  fs::create_directories(folder, ec);
  auto f = std::make_unique<Files>();
  f->in.open(folder / "input0.txt", std::ios::trunc);
  f->out.open(folder / "output0.txt", std::ios::trunc);
  if (ec || !f->in || !f->out) throw InputError(folder.string(), "cannot write the round trace");
  return *files_.emplace(relative, std::move(f)).first->second;
}

void NpuRoundTrace::record(int round, const RoundConfig& config, const std::vector<std::uint8_t>& inputs,
                           const std::vector<std::uint8_t>& outputs) {
  Files& f = filesOf(folderOf(round, config));
  for (std::size_t i = 0; i < inputs.size(); ++i) f.in << (i ? " " : "") << unsigned(inputs[i]);
  f.in << '\n';
  for (std::size_t i = 0; i < outputs.size(); ++i) f.out << (i ? " " : "") << int(static_cast<std::int8_t>(outputs[i]));
  f.out << '\n';
  f.in.flush();  // complete files even when the run ends on a fault
  f.out.flush();
  ++recorded_;
}

}  // namespace wtm::npu
