// wtm2101-board: command-line front end of the virtual X3 board.
#include <cctype>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <unistd.h>

#include <systemc>

#include "AddressMap.h"
#include "BoardConsoles.h"
#include "BoardMonitor.h"
#include "BoardOptions.h"
#include "CoreCsrs.h"
#include "FaultReporter.h"
#include "FirmwareImage.h"
#include "GdbBridge.h"
#include "ProfileRecorder.h"
#include "TerminalKeys.h"
#include "TrapNames.h"
#include "X3Board.h"
#include "X3Setup.h"
#include "Wtm2101Soc.h"
#include "common/Hex.h"
#include "common/InputError.h"
#include "common/Log.h"
#include "common/MmioActivity.h"
#include "common/MmioDevice.h"

using namespace wtm;
using namespace wtm::platform;

namespace {

riscv::RiscvCore* g_core = nullptr;
GdbBridge* g_gdb = nullptr;
volatile std::sig_atomic_t g_interrupted = 0;

void onSigint(int) {
  g_interrupted = 1;
  if (g_core) g_core->requestStop();
  if (g_gdb) g_gdb->abortWaits();  // a debugger holding the core would otherwise keep the run alive
}

void boardMessage(const std::string& text) { std::cerr << "wtm2101-board: " << text << std::endl; }

// When a run ends without finishing, a long run of the same register read is firmware waiting
// for a bit the board does not set: name the register.
void reportPolling() {
  const MmioRun& run = MmioActivity::current();
  if (run.count < 1000 || !run.isRead) return;
  boardMessage("the firmware was polling " + run.block + (run.reg[0] == '+' ? "" : ".") + run.reg + " (read " +
               std::to_string(run.count) + " times in a row at pc " + hex32(run.pc) + ", last value " +
               hex32(run.lastValue) + ")");
}

std::string millis(const sc_core::sc_time& t) {
  char when[64];
  std::snprintf(when, sizeof when, "%.6f ms", t.to_seconds() * 1e3);
  return when;
}

void setLogLevel(const BoardOptions& opt) {
  if (opt.quiet) log::setThreshold(log::Level::Error);
  else if (opt.logLevel == "error") log::setThreshold(log::Level::Error);
  else if (opt.logLevel == "info") log::setThreshold(log::Level::Info);
  else if (opt.logLevel == "debug") log::setThreshold(log::Level::Debug);
}

// --switch-to-rtl-at: 0xADDRESS, a duration, or a symbol of the ELF.
riscv::RiscvCore::SwitchPoint switchPoint(const std::string& where, const std::vector<FirmwareImage>& images) {
  riscv::RiscvCore::SwitchPoint p;
  if (where.rfind("0x", 0) == 0 || where.rfind("0X", 0) == 0) {
    char* end = nullptr;
    const unsigned long v = std::strtoul(where.c_str() + 2, &end, 16);
    if (where.size() == 2 || *end != '\0' || v > 0xFFFFFFFFul)
      throw InputError("--switch-to-rtl-at", "'" + where + "' is not a 32-bit hexadecimal address");
    if (v & 1u) throw InputError("--switch-to-rtl-at", "'" + where + "' is odd: instructions start on even addresses");
    p.pc = static_cast<uint32_t>(v);
    return p;
  }
  if (std::isdigit(static_cast<unsigned char>(where[0]))) {
    p.time = sc_core::sc_time(parseDuration("--switch-to-rtl-at", where, true), sc_core::SC_SEC);
    return p;
  }
  for (const FirmwareImage& image : images) {
    if (auto a = image.symbol(where)) {
      p.pc = *a & ~1u;
      return p;
    }
  }
  throw InputError("--switch-to-rtl-at",
                   "no symbol '" + where + "' in the firmware" +
                       (images.empty() || images.front().symbols.empty() ? " (a flat image has none)" : ""));
}

riscv::WaveformConfig waveformConfig(const DebugRunOptions& d) {
  riscv::WaveformConfig w;
  if (d.waveFormat == DebugRunOptions::WaveFormat::None) return w;
  w.format = d.waveFormat == DebugRunOptions::WaveFormat::Vcd ? riscv::WaveformConfig::Format::Vcd
                                                              : riscv::WaveformConfig::Format::Fst;
  w.file = d.waveFile;
  // The writer opens the file when the run starts; find a bad path now, with a clear message.
  if (!std::ofstream(w.file)) throw InputError(w.file, "cannot create the waveform file");
  w.from = sc_core::sc_time(d.waveFromSeconds, sc_core::SC_SEC);
  if (d.waveToSeconds) w.to = sc_core::sc_time(*d.waveToSeconds, sc_core::SC_SEC);
  return w;
}

// --trace FILE ("-": stderr), open for the run.
class TraceFile {
 public:
  explicit TraceFile(const std::string& name) {
    if (name == "-") {
      stream_ = stderr;
    } else if (!name.empty()) {
      owned_.reset(std::fopen(name.c_str(), "w"));
      if (!owned_) throw InputError(name, "cannot create the trace file");
      stream_ = owned_.get();
    }
  }
  std::FILE* stream() const { return stream_; }

 private:
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned_{nullptr, std::fclose};
  std::FILE* stream_ = nullptr;
};

// The SoC the options ask for: the core's kind, quantum, limits, waveforms and trace.
Wtm2101Soc::Config socConfig(const BoardOptions& opt, std::FILE* trace) {
  Wtm2101Soc::Config cfg;
  cfg.core.quantum = sc_core::sc_time(opt.quantumSeconds, sc_core::SC_SEC);
  cfg.core.maxCycles = opt.maxCycles;
  cfg.core.fastForward = opt.fastForward;
  cfg.core.kind = opt.core;
  cfg.core.lockstep = opt.lockstep;
  cfg.core.waveform = waveformConfig(opt.debug);
  cfg.core.trace = trace;
  return cfg;
}

// Where --leds logs the LED changes (null: nowhere); `file` holds a named log open.
std::ostream* openLedLog(const BoardOptions& opt, std::ofstream& file) {
  if (opt.leds == "stderr") return &std::cerr;
  if (opt.leds == "stdout") return &std::cout;
  if (opt.leds == "none") return nullptr;
  file.open(opt.leds);
  if (!file) throw InputError(opt.leds, "cannot create the LED log");
  return &file;
}

// The firmware of --elf (first) and every --image.
std::vector<FirmwareImage> loadFirmware(const BoardOptions& opt) {
  std::vector<FirmwareImage> images;
  if (opt.elf) images.push_back(loadElfImage(*opt.elf));
  for (const auto& [file, addr] : opt.images) images.push_back(loadFlatImage(file, addr));
  return images;
}

// How the run ended: the exit code, after the message that explains it.
struct RunEnd {
  const BoardOptions& opt;
  Wtm2101Soc& soc;
  const FaultReporter& faults;
  bool audioEnded;
  bool killedByDebugger;
  using TextResult = BoardConsoles::TextResult;
  TextResult textResult;
  std::string matchedText;

  // msubm.TYP (Nuclei): the core is inside an exception handler.
  bool restsInExceptionHandler() const {
    uint32_t msubm = 0;
    return soc.cpu.readRegister(riscv::DebugRegister::csr(riscv::csr::msubm), msubm) && ((msubm >> 6) & 3u) == 2u;
  }

  int exitCode() const {
    const auto reason = soc.cpu.endReason();
    const int noText = opt.stopOnUart.empty() ? kExitOk : kExitNoText;
    if (g_interrupted) {
      boardMessage("interrupted at pc " + hex32(soc.cpu.pc()));
      reportPolling();
      return kExitInterrupted;
    }
    if (reason == riscv::CoreEndReason::Diverged) {
      std::cerr << soc.cpu.haltDescription();
      return kExitDiverged;
    }
    if (killedByDebugger) {
      boardMessage("the debugger ended the run at pc " + hex32(soc.cpu.pc()));
      return kExitOk;
    }
    if (faults.ended()) {
      boardMessage("firmware fault: " + faults.endingFault());
      return kExitFault;
    }
    if (textResult == TextResult::Fail) {
      boardMessage("failure text \"" + matchedText + "\" appeared on the console");
      return kExitNoText;
    }
    if (textResult == TextResult::Stop) {
      if (!opt.quiet) log::info("stop text \"", matchedText, "\" appeared on the console");
      return kExitOk;
    }
    if (soc.wdt.resetOccurred()) {
      // Chip resets are not simulated: the watchdog's reset is where the run ends.
      boardMessage("watchdog reset at " + millis(soc.wdt.resetTime()) + " (pc " + hex32(soc.cpu.pc()) +
                   "); the run ends here");
      return noText;
    }
    if (soc.softwareReset().occurred) {
      boardMessage("software reset (" + soc.softwareReset().source + ") at " + millis(soc.softwareReset().at) +
                   " (pc " + hex32(soc.softwareReset().pc) + "); the run ends here");
      return noText;
    }
    if (audioEnded) {
      if (!opt.quiet) boardMessage("the microphone recordings have played out (--audio-end stop); the run ends here");
      return noText;
    }
    if (reason == riscv::CoreEndReason::Halted) {
      if (faults.delivered() > 0 && restsInExceptionHandler()) {
        // The firmware's handler took a fault and parked there: the run failed.
        boardMessage("firmware fault: " + faults.firstDelivered() +
                     "; the firmware came to rest in its trap handler (" + soc.cpu.haltDescription() + ")");
        return kExitFault;
      }
      if (!opt.stopOnUart.empty()) {
        boardMessage("firmware came to rest (" + soc.cpu.haltDescription() + ") without printing the stop text");
        return kExitNoText;
      }
      if (!opt.quiet) boardMessage("firmware came to rest: " + soc.cpu.haltDescription());
      return kExitOk;
    }
    const std::string limit = reason == riscv::CoreEndReason::CycleLimit ? "cycle limit" : "time limit";
    boardMessage(limit + " reached at pc " + hex32(soc.cpu.pc()) + " after " + std::to_string(soc.cpu.cycles()) +
                 " cycles");
    reportPolling();
    return kExitLimit;
  }
};

// --profile FILE: the cycle profile recorder, observing the core (none without the option).
std::unique_ptr<ProfileRecorder> makeProfile(const BoardOptions& opt, Wtm2101Soc& soc,
                                             const std::vector<FirmwareImage>& images) {
  if (!opt.debug.profileFile) return nullptr;
  auto profile = std::make_unique<ProfileRecorder>(*opt.debug.profileFile,
                                                   opt.elf ? images.front().functions : std::vector<FunctionSymbol>{},
                                                   [&soc](uint64_t address) {
                                                     const bus::RouterRegion* r = soc.router.decode(address);
                                                     return r ? r->name : hex32(static_cast<uint32_t>(address));
                                                   });
  soc.cpu.setObserver(profile.get());
  return profile;
}

// --gdb PORT: the GDB server on the core's debug port, its monitor commands served by `monitor`
// (none without the option).
std::unique_ptr<GdbBridge> makeGdbServer(const BoardOptions& opt, Wtm2101Soc& soc, BoardMonitor& monitor) {
  if (!opt.debug.gdbPort) return nullptr;
  GdbBridge::Config g;
  g.host = opt.debug.gdbHost;
  g.port = *opt.debug.gdbPort;
  g.faultCauses = faultCauseMask();
  g.haltOnAllFaults = opt.onFault == FaultPolicy::Gdb;
  g.haltOnUnhandled = opt.onFault == FaultPolicy::Auto;
  auto gdb = std::make_unique<GdbBridge>(
      soc.cpu, g, [&monitor](const std::string& c) { return monitor.run(c); }, [] { return g_interrupted != 0; });
  soc.cpu.setDebugger(gdb.get(), opt.debug.gdbWait);
  g_gdb = gdb.get();
  if (!opt.debug.gdbWait && !opt.quiet)
    boardMessage("GDB server on " + g.host + ":" + std::to_string(gdb->port()) +
                 " (gdb-multiarch: target remote :" + std::to_string(gdb->port()) + ")");
  return gdb;
}

// The board reports how a run ended itself; SystemC's own notes about stopping are noise.
void silenceSystemCNotes() {
  sc_core::sc_report_handler::set_actions("/OSCI/SystemC", sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
  // Several ends may meet (audio played out, stop text, watchdog): stopping twice is harmless.
  sc_core::sc_report_handler::set_actions(sc_core::SC_ID_SIMULATION_STOP_CALLED_TWICE_, sc_core::SC_DO_NOTHING);
}

// What a run leaves behind, whatever way it ended: statistics, the cycle profile, the saved
// flash, the external parts' final state (the LCD's image).
void writeRunOutputs(const BoardOptions& opt, Wtm2101Soc& soc, X3Board& x3, X3Setup& x3Setup, ProfileRecorder* profile,
                     double hostSeconds) {
  if (opt.stats) {
    std::cerr << runStatistics(soc, hostSeconds) << soc.npu.statsReport();
    std::cerr << x3.summary();
    if (!x3Setup.summary().empty()) std::cerr << "setup  : " << x3Setup.summary() << "\n";
  }
  if (profile) {
    profile->write(opt.elf ? *opt.elf : opt.images.front().first);
    if (!opt.quiet)
      boardMessage("cycle profile of " + std::to_string(profile->totalCycles()) + " cycles in " +
                   *opt.debug.profileFile + " (+ .folded, .svg, .awake.svg)");
  }
  if (opt.flashSave) soc.saveFlash(*opt.flashSave);
  x3Setup.finish();
}

int runBoard(int argc, char** argv) {
  std::optional<BoardOptions> parsed = parseBoardOptions(argc, argv);
  if (!parsed) return kExitOk;
  const BoardOptions& opt = *parsed;
  setLogLevel(opt);
  MmioDevice::setStrictDecode(opt.strictMmio);

  silenceSystemCNotes();
  TraceFile trace(opt.traceFile);
  Wtm2101Soc soc("soc", socConfig(opt, trace.stream()));
  g_core = &soc.cpu;
  soc.dma.setControlWriteBack(opt.dmaControlWriteBack);

  // The X3 board around the SoC: LEDs logged, keys from --press / the terminal.
  std::ofstream ledFile;
  std::ostream* ledLog = openLedLog(opt, ledFile);
  X3Board x3(
      "x3", [&soc](unsigned gpio, bool level) { soc.gpio.setInput(gpio, level); }, ledLog, opt.presses);
  X3Setup x3Setup(soc, opt.x3, ledLog);
  soc.gpio.onOutputChange([&x3, &soc](unsigned pin, bool level, const sc_core::sc_time& at) {
    x3.outputChanged(pin, level, at, soc.gpio.isAlternate(pin));
  });
  std::unique_ptr<TerminalKeys> terminalKeys;
  if (opt.keysFromStdin) terminalKeys = std::make_unique<TerminalKeys>("terminal_keys", x3, STDIN_FILENO);

  // A flash the board keeps (--flash F --flash-save F) starts erased until F exists.
  const auto samePath = [](const std::string& a, const std::string& b) {
    return std::filesystem::weakly_canonical(a) == std::filesystem::weakly_canonical(b);
  };
  const bool keptFlashNotYetSaved = opt.flashImage && opt.flashSave && !std::filesystem::exists(*opt.flashImage) &&
                                    samePath(*opt.flashImage, *opt.flashSave);
  if (opt.flashImage && !keptFlashNotYetSaved) soc.loadFlash(*opt.flashImage);
  npu::setupBoardNpu(soc.npu, opt.npu);  // --npu-weights / --npu-flash / analog model
  bool audioEnded = false;               // --audio-end stop: every recording has played out
  periph::setupBoardAudio(soc.audio, opt.audio, [&] {
    audioEnded = true;
    soc.cpu.requestStop();
    sc_core::sc_stop();  // also when the core already rests in wfi
  });
  const std::vector<FirmwareImage> images = loadFirmware(opt);
  for (const FirmwareImage& image : images) soc.load(image);
  const std::optional<uint32_t> rttSymbol = opt.elf ? images.front().symbol("_SEGGER_RTT") : std::nullopt;
  if (!opt.switchToRtlAt.empty()) soc.cpu.setSwitchToRtl(switchPoint(opt.switchToRtlAt, images));

  // The host side of UART0/1 and RTT; the first stop/fail text seen ends the run.
  BoardConsoles consoles(opt, soc, rttSymbol, [&soc] { soc.cpu.requestStop(); });
  soc.cpu.setExternalActivity([&consoles, &terminalKeys, &x3Setup] {
    return consoles.linksActive() || (terminalKeys && terminalKeys->active()) || x3Setup.externalActivity();
  });

  // Debugging: GDB server, cycle profile.
  std::unique_ptr<ProfileRecorder> profile = makeProfile(opt, soc, images);
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<GdbBridge> gdb;
  // Nothing a signal handler could reach outlives this scope (the SoC and the bridge go with it).
  struct SignalScope {
    ~SignalScope() {
      std::signal(SIGINT, SIG_DFL);
      g_gdb = nullptr;
      g_core = nullptr;
    }
  } signalScope;
  // Host time running the simulation: time halted for a debugger is not the board's.
  auto hostSeconds = [&t0, &gdb] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() -
           (gdb ? gdb->haltedSeconds() : 0);
  };
  BoardMonitor monitor(soc, hostSeconds, [&soc, &images] {
    soc.chipReset();
    for (const FirmwareImage& image : images) soc.load(image);
  });
  gdb = makeGdbServer(opt, soc, monitor);
  FaultReporter faults(
      opt.onFault, [&gdb] { return gdb && gdb->attached(); }, [&soc] { soc.cpu.requestStop(); });
  soc.cpu.setEventHandler([&faults](const riscv::CoreEvent& ev) { faults.onTrap(ev); });

  // Ctrl-C ends the run (unless this process was started with it ignored, as a debugger's
  // background child is, so that Ctrl-C in the debugger does not end the board).
  if (std::signal(SIGINT, onSigint) == SIG_IGN) std::signal(SIGINT, SIG_IGN);
  t0 = std::chrono::steady_clock::now();
  if (opt.maxTimeSeconds > 0) sc_core::sc_start(sc_core::sc_time(opt.maxTimeSeconds, sc_core::SC_SEC));
  else sc_core::sc_start();
  const double host = hostSeconds();
  soc.cpu.noteSimulationStarved();
  soc.cpu.finishRun();
  consoles.finish();

  const RunEnd end{
      opt, soc, faults, audioEnded, gdb && gdb->killedByDebugger(), consoles.textResult(), consoles.matchedText()};
  const int code = end.exitCode();
  if (!opt.switchToRtlAt.empty() && !soc.cpu.switchedAt() && !opt.quiet)
    boardMessage("warning: the run ended before --switch-to-rtl-at " + opt.switchToRtlAt +
                 " was reached: it ran on the fast core throughout");
  if (faults.delivered() > FaultReporter::kReportedDeliveries)
    boardMessage(std::to_string(faults.delivered()) + " firmware faults were taken by the firmware's trap handler");
  if (gdb) gdb->runEnded(code);
  writeRunOutputs(opt, soc, x3, x3Setup, profile.get(), host);
  return code;
}

}  // namespace

// Our own main: SystemC's banner would otherwise be mixed into the UART output on stdout.
int main(int argc, char** argv) {
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 1);
  return sc_core::sc_elab_and_sim(argc, argv);
}

int sc_main(int argc, char** argv) {
  try {
    return runBoard(argc, argv);
  } catch (const InputError& e) {
    boardMessage(std::string("error: ") + e.what());
    return kExitBadInput;
  } catch (const std::exception& e) {
    boardMessage(std::string("internal error: ") + e.what());
    return kExitInternal;
  }
}
