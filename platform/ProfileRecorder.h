// --profile: the core's edges fed to a CycleProfiler (models/profile) with the ELF's functions and
// the board's peripheral names, and the three reports written when the run ends.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "FirmwareImage.h"
#include "RiscvCore.h"
#include "profile/CycleProfiler.h"

namespace wtm::platform {

class ProfileRecorder : public riscv::ExecutionObserver {
 public:
  // Creates the report files at once (a bad path is found before the run, not after it).
  // `regionName`: the peripheral an MMIO address belongs to, for the stall table.
  ProfileRecorder(const std::string& file, const std::vector<FunctionSymbol>& functions,
                  std::function<std::string(uint64_t)> regionName);

  void edge(uint64_t cycles, bool retired, uint32_t pc, uint32_t insn, bool trapEntry) override {
    profiler_.edge(cycles, retired, pc, insn, trapEntry);
  }
  void slept(uint64_t cycles) override { profiler_.slept(cycles); }
  void mmioStall(uint64_t address, uint64_t cycles) override { profiler_.mmioStall(address, cycles); }

  uint64_t totalCycles() const { return profiler_.totalCycles(); }
  // FILE (table), FILE.folded (folded stacks), FILE.svg (flame graph) and FILE.awake.svg (the
  // flame graph without sleep in wfi); throws InputError.
  void write(const std::string& title) const;
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  profile::CycleProfiler profiler_;
};

}  // namespace wtm::platform
