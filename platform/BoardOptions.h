// Command line of wtm2101-board, parsed with Boost.Program_options into plain data.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "DebugOptions.h"
#include "common/ExitCodeHelp.h"
#include "RiscvCore.h"
#include "KeyScript.h"
#include "X3SetupOptions.h"
#include "npu/frontend/NpuBoardSetup.h"
#include "periph/audio/AudioBoardSetup.h"

namespace wtm::platform {

// Exit codes of wtm2101-board; --help prints them from kExitCodeMeanings.
enum ExitCode : int {
  kExitOk = 0,
  kExitLimit = 1,
  kExitBadInput = 2,
  kExitFault = 3,
  kExitNoText = 4,
  kExitDiverged = 5,
  kExitInternal = 70,  // EX_SOFTWARE of sysexits.h
  kExitInterrupted = 130,
};

inline constexpr ExitCodeMeaning kExitCodeMeanings[] = {
    {kExitOk,
     "the --stop-on-uart text appeared; without one, the firmware came to rest\n"
     "(wfi with nothing left to wake it, or a jump to itself with interrupts off);\n"
     "or a debugger ended the run (kill)"},
    {kExitLimit, "--max-cycles or --max-time reached first"},
    {kExitBadInput, "bad option or input file (one-line message names it)"},
    {kExitFault,
     "firmware fault: illegal instruction, bus/access fault, misaligned access or\n"
     "ebreak, reported with its PC, that ended the run (see --on-fault)"},
    {kExitNoText,
     "the firmware came to rest without printing the --stop-on-uart text, or a\n"
     "--fail-on-uart text appeared"},
    {kExitDiverged, "--lockstep: the fast core and the RTL disagreed (both states are printed)"},
    {kExitInternal, "internal error of the board itself (a bug: please report it with the command line)"},
    {kExitInterrupted, "interrupted (Ctrl-C)"},
};

// The largest --uart0-input file. Bytes at 115200 Bd take ~87 us each: 16 MiB is over 20 minutes
// of line time.
constexpr uint64_t kMaxUartInputBytes = uint64_t{16} << 20;

// What happens when the firmware faults (illegal instruction, access fault, misaligned access,
// ebreak). Auto: the firmware's trap handler takes it when one is installed (mtvec moved from the
// reset vector), reported on one line; otherwise the run stops (or the debugger is given the
// fault, with --gdb). Stop: always end the run. Firmware: always deliver. Gdb: always halt for a
// debugger on --gdb's port, before the trap is taken.
enum class FaultPolicy { Auto, Stop, Firmware, Gdb };

struct BoardOptions {
  std::optional<std::string> elf;
  std::vector<std::pair<std::string, uint32_t>> images;  // FILE, load address
  std::optional<std::string> flashImage;
  std::optional<std::string> flashSave;  // written with the flash contents when the run ends
  uint64_t maxCycles = 0;                // 0: none
  double maxTimeSeconds = 0;             // 0: none
  std::string uart0 = "stdout";
  std::string uart1 = "none";
  std::string rtt = "stdout";
  std::string uart0Input;             // file fed to UART0 RX at its line rate (empty: none)
  double uart0InputStartSeconds = 0;  // from this simulated time (--uart0-input FILE@TIME)
  bool uartCrosswire = false;         // UART0 TX -> UART1 RX and UART1 TX -> UART0 RX
  X3SetupOptions x3;                  // --spim, --i2c-eeprom, --i2c-expander, --i2s-loopback, --speaker, --i2sN-in/out
  std::vector<std::string> stopOnUart;
  std::vector<std::string> failOnUart;
  double quantumSeconds = 10e-6;
  bool stats = false;
  FaultPolicy onFault = FaultPolicy::Auto;
  bool strictMmio = false;
  bool dmaControlWriteBack = false;  // --dma-lli-ctl-writeback
  bool fastForward = true;
  riscv::RiscvCore::Kind core = riscv::RiscvCore::Kind::Rtl;  // --core
  bool lockstep = false;                                      // --lockstep
  std::string switchToRtlAt;  // --switch-to-rtl-at: SYMBOL, 0xADDRESS or TIME (resolved once the ELF is loaded)
  bool quiet = false;
  std::string traceFile;  // instruction trace ("-" = stderr)
  std::string logLevel = "warning";
  std::vector<KeyPress> presses;  // X3 keys pressed from the command line
  std::string leds = "stderr";    // where LED changes are logged: stderr, stdout, none or a FILE
  bool keysFromStdin = false;     // X3 keys typed on standard input
  npu::NpuRunOptions npu;         // --npu-weights, --npu-flash, --nonideal and the analog model options
  periph::AudioRunOptions audio;  // --mic0, --mic1, --audio-end, --mic-path
  DebugRunOptions debug;          // --gdb, --gdb-wait, --vcd/--fst, --wave-from/to, --profile
};

// Returns std::nullopt after printing --help / --version (exit 0). Throws InputError on bad
// arguments.
std::optional<BoardOptions> parseBoardOptions(int argc, const char* const* argv);

// "10us", "2.5ms", "1s", "300ns", "2e-3" (a bare number is seconds) -> seconds; throws
// InputError naming `where` (an option as "--max-time", or "FILE:LINE"). Zero only where `allowZero` (a point in time,
// not a length); at most 1e6 s (sc_time wraps around beyond 2^63 ps, 106 days).
double parseDuration(const std::string& where, const std::string& text, bool allowZero = false);

}  // namespace wtm::platform
