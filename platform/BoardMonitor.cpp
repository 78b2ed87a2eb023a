#include "BoardMonitor.h"

#include <cstdio>
#include <sstream>

#include "AddressMap.h"
#include "common/Hex.h"
#include "common/RegisterDump.h"
#include "common/Trim.h"
#include "CoreCsrs.h"
#include "riscv/CoreDebug.h"

namespace wtm::platform {

namespace {

const char* const kHelp =
    "Board commands (monitor CMD):\n"
    "  help          this list\n"
    "  stats         simulated time, cycles, instructions, CPI, host time and speed\n"
    "  cycles        the core's mcycle and minstret, and the simulated time\n"
    "  npu           NPU rounds, inferences and busy time\n"
    "  regs [BLOCK]  BLOCK's registers decoded from its register table, read without side effects\n"
    "                (no BLOCK: the blocks there are)\n"
    "  reset         chip reset: every block and the core back to their reset state, the firmware\n"
    "                loaded again; the core waits at 0x0 (simulated time goes on)\n";

// Which core ran: RTL, fast, a switch between them, or the lockstep check.
std::string coreLine(const riscv::RiscvCore& cpu) {
  std::string line = "core             : ";
  if (auto at = cpu.switchedAt()) {
    line += "fast, switched to the RTL at cycle " + std::to_string(*at);
  } else if (cpu.coreKind() == riscv::RiscvCore::Kind::Fast) {
    line += "fast (instruction-set simulator, RTL cycle table)";
  } else if (cpu.lockstepChecked() > 0) {
    line += "RTL in lockstep with the fast core: " + std::to_string(cpu.lockstepChecked()) +
            " steps (instructions, interrupt and trap entries) compared, no difference";
  } else {
    line += "RTL (Verilated, cycle-accurate)";
  }
  return line + "\n";
}

}  // namespace

std::string runStatistics(const Wtm2101Soc& soc, double hostSeconds) {
  const double cycles = static_cast<double>(soc.cpu.cycles());
  const double instr = static_cast<double>(soc.cpu.instructions());
  // Simulated time from the kernel: the core's clock may have changed during the run (PLL).
  const double simSeconds = sc_core::sc_time_stamp().to_seconds();
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "--- statistics ---\n"
                "simulated time   : %.6f s (%.0f cycles, HCLK now %.3f MHz)\n"
                "instructions     : %.0f (CPI %.3f)\n"
                "host time        : %.3f s\n"
                "simulation speed : %.2f M cycles/s, %.2f M instructions/s (%.3fx real time)\n",
                simSeconds, cycles, soc.hclk.frequency() / 1e6, instr, instr > 0 ? cycles / instr : 0.0, hostSeconds,
                hostSeconds > 0 ? cycles / hostSeconds / 1e6 : 0.0, hostSeconds > 0 ? instr / hostSeconds / 1e6 : 0.0,
                hostSeconds > 0 ? simSeconds / hostSeconds : 0.0);
  return buf + coreLine(soc.cpu);
}

BoardMonitor::BoardMonitor(Wtm2101Soc& soc, std::function<double()> hostSeconds, std::function<void()> chipReset)
    : soc_(soc), hostSeconds_(std::move(hostSeconds)), chipReset_(std::move(chipReset)) {}

std::optional<std::string> BoardMonitor::run(const std::string& line) {
  std::istringstream in(trim(line));
  std::string cmd, arg;
  in >> cmd >> arg;
  if (cmd.empty() || cmd == "help") return std::string(kHelp);
  if (cmd == "stats") return runStatistics(soc_, hostSeconds_()) + soc_.npu.statsReport();
  if (cmd == "npu") return soc_.npu.statsReport();
  if (cmd == "cycles") {
    uint32_t lo = 0, hi = 0, ilo = 0, ihi = 0;
    soc_.cpu.readRegister(riscv::DebugRegister::csr(riscv::csr::mcycle), lo);
    soc_.cpu.readRegister(riscv::DebugRegister::csr(riscv::csr::mcycleh), hi);
    soc_.cpu.readRegister(riscv::DebugRegister::csr(riscv::csr::minstret), ilo);
    soc_.cpu.readRegister(riscv::DebugRegister::csr(riscv::csr::minstreth), ihi);
    char buf[256];
    std::snprintf(buf, sizeof buf, "mcycle %llu, minstret %llu, simulated time %.9f s (HCLK %.3f MHz)\n",
                  static_cast<unsigned long long>((uint64_t{hi} << 32) | lo),
                  static_cast<unsigned long long>((uint64_t{ihi} << 32) | ilo), sc_core::sc_time_stamp().to_seconds(),
                  soc_.hclk.frequency() / 1e6);
    return std::string(buf);
  }
  if (cmd == "regs") return registers(arg);
  if (cmd == "reset") {
    chipReset_();
    return std::string("chip reset: the core waits at 0x00000000 with the firmware loaded again\n");
  }
  return std::nullopt;
}

std::string BoardMonitor::registers(const std::string& block) {
  if (!block.empty()) {
    if (MmioDevice* d = soc_.device(block)) {
      const RegionSpec region = *soc_.deviceRegion(block);
      return formatRegisters(*d, region.base, region.description);
    }
  }
  std::string out = block.empty() ? "" : "no block '" + block + "'. ";
  out += "Blocks with registers:";
  for (const std::string& n : soc_.deviceNames()) out += " " + n;
  return out + "\n";
}

}  // namespace wtm::platform
