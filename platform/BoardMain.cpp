// wtm2101-board: command-line front end of the virtual X3 board.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <unistd.h>

#include <systemc>

#include "AddressMap.h"
#include "BoardOptions.h"
#include "FirmwareImage.h"
#include "TrapNames.h"
#include "HostConsole.h"
#include "RttConsole.h"
#include "TerminalKeys.h"
#include "UartHostLink.h"
#include "X3Board.h"
#include "audio/WavSink.h"
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
volatile std::sig_atomic_t g_interrupted = 0;

void onSigint(int) {
  g_interrupted = 1;
  if (g_core) g_core->requestStop();
}

void boardMessage(const std::string& text) { std::cerr << "wtm2101-board: " << text << std::endl; }

// When a run ends without finishing, a long run of the same register read is firmware waiting
// for a bit the board does not set: name the register.
void reportPolling() {
  const MmioRun& run = MmioActivity::current();
  if (run.count < 1000 || !run.isRead) return;
  boardMessage("the firmware was polling " + run.block + (run.reg[0] == '+' ? "" : ".") + run.reg + " (read " + std::to_string(run.count) +
               " times in a row at pc " + hex32(run.pc) + ", last value " + hex32(run.lastValue) + ")");
}

void printStats(const Wtm2101Soc& soc, double hostSeconds) {
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
                simSeconds, cycles, soc.hclk.frequency() / 1e6, instr, instr > 0 ? cycles / instr : 0.0,
                hostSeconds, hostSeconds > 0 ? cycles / hostSeconds / 1e6 : 0.0,
                hostSeconds > 0 ? instr / hostSeconds / 1e6 : 0.0, hostSeconds > 0 ? simSeconds / hostSeconds : 0.0);
  std::cerr << buf;
  std::cerr << soc.npu.statsReport();
}

int runBoard(int argc, char** argv) {
  std::optional<BoardOptions> parsed = parseBoardOptions(argc, argv);
  if (!parsed) return kExitOk;
  const BoardOptions& opt = *parsed;
  if (opt.quiet) log::setThreshold(log::Level::Error);
  else if (opt.logLevel == "error") log::setThreshold(log::Level::Error);
  else if (opt.logLevel == "info") log::setThreshold(log::Level::Info);
  else if (opt.logLevel == "debug") log::setThreshold(log::Level::Debug);
  MmioDevice::setStrictDecode(opt.strictMmio);

  // The board reports how a run ended itself; SystemC's own "stopped by user" note is noise.
  sc_core::sc_report_handler::set_actions("/OSCI/SystemC", sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
  // Several ends may meet (audio played out, stop text, watchdog): stopping twice is harmless.
  sc_core::sc_report_handler::set_actions(sc_core::SC_ID_SIMULATION_STOP_CALLED_TWICE_, sc_core::SC_DO_NOTHING);
  Wtm2101Soc::Config cfg;
  cfg.core.quantum = sc_core::sc_time(opt.quantumSeconds, sc_core::SC_SEC);
  cfg.core.maxCycles = opt.maxCycles;
  cfg.core.fastForward = opt.fastForward;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> trace(nullptr, std::fclose);
  if (opt.traceFile == "-") {
    cfg.core.trace = stderr;
  } else if (!opt.traceFile.empty()) {
    trace.reset(std::fopen(opt.traceFile.c_str(), "w"));
    if (!trace) throw InputError(opt.traceFile, "cannot create the trace file");
    cfg.core.trace = trace.get();
  }
  Wtm2101Soc soc("soc", cfg);
  g_core = &soc.cpu;

  // The X3 board around the SoC: LEDs logged, keys from --press / the terminal.
  std::ofstream ledFile;
  std::ostream* ledLog = nullptr;
  if (opt.leds == "stderr") ledLog = opt.quiet ? nullptr : &std::cerr;
  else if (opt.leds == "stdout") ledLog = &std::cout;
  else if (opt.leds != "none") {
    ledFile.open(opt.leds);
    if (!ledFile) throw InputError(opt.leds, "cannot create the LED log");
    ledLog = &ledFile;
  }
  X3Board x3("x3", [&soc](unsigned gpio, bool level) { soc.gpio.setInput(gpio, level); }, ledLog, opt.presses);
  soc.gpio.onOutputChange([&x3](unsigned pin, bool level, const sc_core::sc_time& at) { x3.outputChanged(pin, level, at); });
  std::unique_ptr<TerminalKeys> terminalKeys;
  if (opt.keysFromStdin) terminalKeys = std::make_unique<TerminalKeys>("terminal_keys", x3, STDIN_FILENO);

  if (opt.flashImage) soc.loadFlash(*opt.flashImage);
  npu::setupBoardNpu(soc.npu, opt.npu);  // --npu-weights / --npu-flash / analog model
  bool audioEnded = false;  // --audio-end stop: every recording has played out
  periph::setupBoardAudio(soc.audio, opt.audio, [&] {
    audioEnded = true;
    soc.cpu.requestStop();
    sc_core::sc_stop();  // also when the core already rests in wfi
  });
  std::optional<uint32_t> rttSymbol;
  if (opt.elf) {
    const FirmwareImage image = loadElfImage(*opt.elf);
    soc.load(image);
    rttSymbol = image.symbol("_SEGGER_RTT");
  }
  for (const auto& [file, addr] : opt.images) soc.load(loadFlatImage(file, addr));

  // A UART's host side: an output console, plus a live link for stdio / tcp:PORT.
  auto consoleTarget = [](const std::string& spec) {
    if (spec == "stdio") return std::string("stdout");
    if (spec.rfind("tcp:", 0) == 0) return std::string("none");
    return spec;
  };
  HostConsole console0(consoleTarget(opt.uart0), "uart0"), console1(consoleTarget(opt.uart1), "uart1"),
      rttConsole(opt.rtt, "rtt");
  std::vector<std::unique_ptr<UartHostLink>> links;
  auto linkFor = [&](const std::string& spec, periph::Uart16550& uart, const char* name) -> UartHostLink* {
    if (spec == "stdio") links.push_back(std::make_unique<UartHostLink>(name, uart, UartHostLink::Kind::Stdin));
    else if (spec.rfind("tcp:", 0) == 0)
      links.push_back(std::make_unique<UartHostLink>(name, uart, UartHostLink::Kind::Tcp, spec.substr(4)));
    else return nullptr;
    return links.back().get();
  };
  UartHostLink* link0 = linkFor(opt.uart0, soc.uart0, "uart0_host");
  UartHostLink* link1 = linkFor(opt.uart1, soc.uart1, "uart1_host");
  if (!opt.uart0Input.empty()) {
    std::string file = opt.uart0Input;
    sc_core::sc_time start = sc_core::SC_ZERO_TIME;
    const auto at = file.rfind('@');
    if (at != std::string::npos && file.find('/', at) == std::string::npos) {
      start = sc_core::sc_time(parseDuration("uart0-input", file.substr(at + 1), /*allowZero=*/true), sc_core::SC_SEC);
      file.resize(at);
    }
    links.push_back(std::make_unique<UartHostLink>("uart0_input", soc.uart0, UartHostLink::Kind::File, file, start));
  }
  soc.cpu.setExternalActivity([&links, &terminalKeys] {
    for (const auto& l : links)
      if (l->active()) return true;
    return terminalKeys && terminalKeys->active();
  });
  if (opt.uartCrosswire) {
    soc.uart0.connectTxTo(soc.uart1);
    soc.uart1.connectTxTo(soc.uart0);
  }
  if (opt.i2sLoopback) soc.i2s1.connectPeer(soc.i2s0);
  // The X3's MAX98357 amplifier on I2S1: what it plays goes to --speaker FILE.wav.
  std::unique_ptr<audio::WavSink> speaker;
  if (opt.audio.speaker) {
    speaker = std::make_unique<audio::WavSink>(*opt.audio.speaker, 2);
    soc.i2s1.setTxSink([&speaker](const periph::I2sFrame& f, const periph::I2sFormat& fmt, const sc_core::sc_time&) {
      // Samples arrive sign-extended at the programmed word length; the file keeps 16 bits.
      const int shift = static_cast<int>(fmt.wordBits ? fmt.wordBits : 16) - 16;
      auto to16 = [shift](int32_t v) {
        const int64_t s = shift >= 0 ? (int64_t{v} >> shift) : (int64_t{v} << -shift);
        return static_cast<int16_t>(std::clamp<int64_t>(s, -32768, 32767));
      };
      const int16_t frame[2] = {to16(f.left), to16(f.right)};
      speaker->write(frame, 1, fmt.frameRate);
    });
  }
  enum class TextResult { None, Stop, Fail } textResult = TextResult::None;
  std::string matchedText;
  std::vector<std::string> watched = opt.stopOnUart;
  watched.insert(watched.end(), opt.failOnUart.begin(), opt.failOnUart.end());
  auto onText = [&](size_t i) {
    if (textResult != TextResult::None) return;
    textResult = i < opt.stopOnUart.size() ? TextResult::Stop : TextResult::Fail;
    matchedText = watched[i];
    soc.cpu.requestStop();
  };
  console0.watch(watched, onText);
  rttConsole.watch(watched, onText);
  RttConsole rtt([&soc](uint64_t a) { return soc.backingStore(a); }, soc.sram.storage(), soc.sram.storageSize(),
                 rttConsole);
  if (rttSymbol) rtt.setControlBlockAddress(*rttSymbol);
  soc.cpu.setSyncHook([&rtt] { rtt.poll(); });
  soc.uart0.setTxSink([&](uint8_t c) {
    console0.put(c);
    if (link0) link0->send(c);
  });
  soc.uart1.setTxSink([&](uint8_t c) {
    console1.put(c);
    if (link1) link1->send(c);
  });

  bool faulted = false;
  std::string faultText;
  soc.cpu.setEventHandler([&](const riscv::CoreEvent& ev) {
    if (ev.kind != riscv::CoreEvent::Kind::Trap) return;
    const std::string what = trapName(ev.cause) + " at pc " + hex32(ev.pc) + " (mtval " + hex32(ev.tval) + ")";
    if (isFaultCause(ev.cause) && opt.onFault == FaultPolicy::Stop) {
      if (!faulted) {
        faulted = true;
        faultText = what;
        soc.cpu.requestStop();
      }
    } else {
      log::info("trap: ", what, " -> firmware handler");
    }
  });

  std::signal(SIGINT, onSigint);
  const auto t0 = std::chrono::steady_clock::now();
  if (opt.maxTimeSeconds > 0) sc_core::sc_start(sc_core::sc_time(opt.maxTimeSeconds, sc_core::SC_SEC));
  else sc_core::sc_start();
  const double host = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  soc.cpu.noteSimulationStarved();
  rtt.poll();
  console0.flush();
  console1.flush();
  rttConsole.flush();
  if (!console0.atLineStart() && opt.uart0 == "stdout" && isatty(STDOUT_FILENO)) std::cout << std::endl;

  int code;
  const auto reason = soc.cpu.endReason();
  if (g_interrupted) {
    boardMessage("interrupted at pc " + hex32(soc.cpu.pc()));
    reportPolling();
    code = kExitInterrupted;
  } else if (faulted) {
    boardMessage("firmware fault: " + faultText);
    code = kExitFault;
  } else if (textResult == TextResult::Fail) {
    boardMessage("failure text \"" + matchedText + "\" appeared on the console");
    code = kExitNoText;
  } else if (textResult == TextResult::Stop) {
    if (!opt.quiet) log::info("stop text \"", matchedText, "\" appeared on the console");
    code = kExitOk;
  } else if (soc.wdt.resetOccurred()) {
    // Chip resets are not simulated: the watchdog's reset is where the run ends.
    char when[64];
    std::snprintf(when, sizeof when, "%.6f ms", soc.wdt.resetTime().to_seconds() * 1e3);
    boardMessage(std::string("watchdog reset at ") + when + " (pc " + hex32(soc.cpu.pc()) + "); the run ends here");
    code = opt.stopOnUart.empty() ? kExitOk : kExitNoText;
  } else if (soc.softwareReset().occurred) {
    char when[64];
    std::snprintf(when, sizeof when, "%.6f ms", soc.softwareReset().at.to_seconds() * 1e3);
    boardMessage("software reset (" + soc.softwareReset().source + ") at " + when + " (pc " +
                 hex32(soc.softwareReset().pc) + "); the run ends here");
    code = opt.stopOnUart.empty() ? kExitOk : kExitNoText;
  } else if (audioEnded) {
    if (!opt.quiet) boardMessage("the microphone recordings have played out (--audio-end stop); the run ends here");
    code = opt.stopOnUart.empty() ? kExitOk : kExitNoText;
  } else if (reason == riscv::CoreEndReason::Halted) {
    if (!opt.stopOnUart.empty()) {
      boardMessage("firmware came to rest (" + soc.cpu.haltDescription() + ") without printing the stop text");
      code = kExitNoText;
    } else {
      if (!opt.quiet) boardMessage("firmware came to rest: " + soc.cpu.haltDescription());
      code = kExitOk;
    }
  } else {
    const std::string limit = reason == riscv::CoreEndReason::CycleLimit ? "cycle limit" : "time limit";
    boardMessage(limit + " reached at pc " + hex32(soc.cpu.pc()) + " after " + std::to_string(soc.cpu.cycles()) +
                 " cycles");
    reportPolling();
    code = kExitLimit;
  }
  if (opt.stats) {
    printStats(soc, host);
    std::cerr << x3.summary();
  }
  if (opt.flashSave) soc.saveFlash(*opt.flashSave);  // whatever way the run ended
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
    return 70;
  }
}
