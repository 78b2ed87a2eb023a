#include "BoardOptions.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <iostream>
#include <vector>

#include <boost/program_options.hpp>

#include "FirmwareImage.h"
#include "common/InputError.h"
#include "common/OptionChecks.h"

namespace po = boost::program_options;

namespace wtm::platform {

double parseDuration(const std::string& where, const std::string& text, bool allowZero) {
  size_t pos = 0;
  double v = 0;
  try {
    v = std::stod(text, &pos);
  } catch (const std::exception&) {
    throw InputError(where, "'" + text + "' is not a duration (e.g. 10us, 5ms, 1.5s)");
  }
  const std::string unit = text.substr(pos);
  double scale;
  if (unit.empty() || unit == "s") scale = 1;
  else if (unit == "ms") scale = 1e-3;
  else if (unit == "us") scale = 1e-6;
  else if (unit == "ns") scale = 1e-9;
  else throw InputError(where, "unknown time unit '" + unit + "' (use s, ms, us or ns)");
  if (!std::isfinite(v) || v < 0 || (v == 0 && !allowZero))
    throw InputError(where, allowZero ? "a time cannot be negative" : "duration must be positive");
  // The board turns durations into sc_time, whose conversion from seconds goes wrong beyond 2^63 ps
  // (106 days): a longer duration would wrap around to a short or negative one.
  constexpr double kMaxSeconds = 1e6;
  if (v * scale > kMaxSeconds)
    throw InputError(where, "'" + text + "' is longer than the longest simulated time, 1e6 s (11.5 days)");
  // Below the simulator's 1 ps resolution a length would become zero (a quantum of zero never ends).
  constexpr double kResolutionSeconds = 1e-12;
  if (v != 0 && v * scale < kResolutionSeconds)
    throw InputError(where, "'" + text + "' is shorter than the simulated time resolution, 1 ps");
  return v * scale;
}

namespace {

// Edits (insert, delete, replace) between a and b; both are short option words.
std::size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// An output option takes keywords or a FILE: a bare word close to a keyword ("stdoutt"), or a
// stream keyword the option does not take (`stderr` for a UART), is a slip far more often than a
// file name, and would silently send the output to a file. One edit counts as close for short
// keywords, two for longer ones, so words such as "audio" stay file names.
void rejectMisspeltKeyword(const char* option, const std::string& value, std::initializer_list<const char*> keywords) {
  if (value.find_first_of("/.:") != std::string::npos) return;
  for (const char* k : keywords)
    if (value == k) return;
  const std::string hint = " (for a file of that name, write ./" + value + ")";
  for (const char* stream : {"stdout", "stderr", "stdin"})
    if (value == stream) throw InputError(option, "'" + value + "' is not an output this option takes" + hint);
  for (const char* k : keywords) {
    const std::size_t close = std::string(k).size() <= 5 ? 1 : 2;
    if (editDistance(value, k) <= close) throw InputError(option, "'" + value + "' looks like a misspelt " + k + hint);
  }
}

}  // namespace

static const char* kAccuracyHelp =
    "What is exact and what is approximate (details in docs/):\n"
    "  exact        RV32IMAFC instruction semantics (checked against QEMU) and the vendor DSP\n"
    "               instructions the libraries use, the register behaviour the firmware relies\n"
    "               on, the NPU's golden arithmetic (ideal mode, bit-exact with mapper traces)\n"
    "  approximate  core cycle timing (docs/core-timing.md); NPU round, DMA and flash-operation\n"
    "               durations; the analog NPU model (--nonideal); the PDM microphone and AUDIO\n"
    "               decimation filters; FBANK magnitude/mel scaling; peripheral timing beyond\n"
    "               baud rates, timer ticks and frame periods\n"
    "\n";

std::optional<BoardOptions> parseBoardOptions(int argc, const char* const* argv) {
  BoardOptions o;
  std::vector<std::string> images;
  std::string maxTime, maxCycles, uart0Input, quantum, onFault = "auto", coreName = "rtl";
  std::vector<std::string> presses;
  po::options_description desc(
      "wtm2101-board: the virtual WTM2101 / X3 evaluation board.\n"
      "Runs unmodified WTM2101 firmware on a Verilated RISC-V core (our RTL) in a SystemC/TLM-2.0\n"
      "model of the SoC. The core resets to 0x0000_0000 as the chip does in SRAM boot.\n\n"
      "Usage: wtm2101-board [--elf] FW.elf [options]\n"
      "       wtm2101-board --image FW.bin[@ADDR] [options]\n\nOptions");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help and exit")
      ("elf", po::value<std::string>(), "ELF32 RISC-V firmware; PT_LOAD segments go to their load (physical) addresses")
      ("image", po::value<std::vector<std::string>>(&images)->composing(),
       "flat binary FILE[@ADDR] (ADDR decimal or 0x-hex, default 0); may be repeated")
      ("flash", po::value<std::string>(), "QSPI NOR flash contents (up to 2 MB), readable at 0x6000_0000")
      ("flash-save", po::value<std::string>(),
       "write the 2 MB QSPI flash to FILE when the run ends (may equal --flash: the board keeps its flash,\n"
       "erased while FILE does not exist yet)")
      ("max-cycles", po::value<std::string>(&maxCycles), "stop after N core cycles (exit 1)")
      ("max-time", po::value<std::string>(&maxTime), "stop after this much simulated time, e.g. 50ms (units s, ms, us, ns; a bare number is seconds) (exit 1)")
      ("uart0", po::value<std::string>(&o.uart0)->default_value("stdout"),
       "UART0 host side: stdout, none or a FILE (output only); stdio (output to stdout, input from\n"
       "stdin); tcp:PORT (a TCP client on 127.0.0.1:PORT for both directions)")
      ("uart1", po::value<std::string>(&o.uart1)->default_value("none"), "UART1 host side, as --uart0")
      ("uart0-input", po::value<std::string>(&uart0Input),
       "FILE[@TIME]: feed the bytes of FILE to UART0 RX at its line rate, from simulated TIME\n"
       "(e.g. 5ms; default 0)")
      ("uart-crosswire", po::bool_switch(&o.uartCrosswire),
       "connect UART0 TX to UART1 RX and UART1 TX to UART0 RX (as the vendor UART examples need)")
      ("spim", po::value<std::string>(&o.x3.spim)->default_value("none"),
       "what answers on SPI master chip select 0: none (frames loop back), spis (jumpers from the\n"
       "SPIM pins GPIO0-3 to the SPIS pins GPIO14-17, as the vendor spi master/slave examples\n"
       "need), flash (an erased 2 MB ZD25WQ16-class serial NOR flash with its chip select on\n"
       "GPIO1, as the vendor spi_flash example drives it), lcd (an ILI9341 240x320 TFT: chip\n"
       "select GPIO1, D/C GPIO11, reset GPIO10, backlight GPIO12, as the vendor spi_lcd example\n"
       "wires it; see --lcd-out)")
      ("lcd-out", po::value<std::string>(),
       "with --spim lcd: write what the LCD shows at the end of the run to FILE as a PPM image")
      ("i2c-eeprom", po::bool_switch(&o.x3.i2cEeprom),
       "a 24C02 EEPROM (256 bytes, 8-byte pages, 5 ms write cycle) at I2C address 0x50, as the\n"
       "vendor i2c_dma example expects")
      ("i2c-expander", po::bool_switch(&o.x3.i2cExpander),
       "a PCF8574 I/O expander at I2C address 0x27, as the vendor io_expand_pcf8574 example expects;\n"
       "its pin changes go to the --leds log ([x3 T ms] PCF8574 P0 low)")
      ("jumper", po::value<std::vector<std::string>>()->composing(),
       "GPIOa-GPIOb: a wire between two pins; what the chip drives on one end is the input of the\n"
       "other (the vendor pwm example: --jumper GPIO1-GPIO10 --jumper GPIO4-GPIO11); may be repeated")
      ("pins-vcd", po::value<std::string>(),
       "record every GPIO pad change (outputs, peripherals through the pin mux such as PWM, keys,\n"
       "jumpers) to FILE as a VCD for GTKWave")
      ("i2c-master", po::value<std::string>(),
       "FILE of transfers an external I2C master runs against the chip's I2C in slave mode, one a\n"
       "line: [at TIME|after TIME] write ADDR BYTE... [read N] | read ADDR N (hex address and\n"
       "bytes; 'speed 400k' first for another SCL rate, default 100k); each result goes to the\n"
       "--leds log ([x3 T ms] I2C master: 0x50 wrote 10 bytes)")
      ("i2s-loopback", po::bool_switch(&o.x3.i2sLoopback),
       "wire the I2S0 and I2S1 pins together (SDO to SDI both ways, the master's SCLK/LRCLK clock the "
       "slave), as the vendor i2s examples' jumpers do")
      ("speaker", po::value<std::string>(),
       "write what I2S1 sends to the X3's MAX98357 amplifier to FILE.wav (16-bit stereo at the I2S\n"
       "frame rate the firmware programs)")
      ("i2s0-out", po::value<std::string>(),
       "record every frame I2S0 transmits (its SDO pin) to FILE: FILE.csv or .txt gives one line per\n"
       "frame (time_s,left,right, the words in hex); any other name a 32-bit stereo WAV at the frame\n"
       "rate, each word left-justified")
      ("i2s1-out", po::value<std::string>(), "the same for I2S1 (besides --speaker)")
      ("i2s0-in", po::value<std::string>(),
       "sound FILE sent to I2S0's SDI pin, one stereo frame per LRCLK period (mono: the same on both\n"
       "sides), scaled to the receive word length; resampled when recorded at another rate; silence\n"
       "after its end")
      ("i2s1-in", po::value<std::string>(), "the same for I2S1")
      ("rtt", po::value<std::string>(&o.rtt)->default_value("stdout"),
       "SEGGER RTT up-buffer 0 (drained as a J-Link would): stdout, none or a FILE")
      ("stop-on-uart", po::value<std::vector<std::string>>(&o.stopOnUart)->composing(),
       "end the run (exit 0) once TEXT has appeared on UART0 (or on RTT); may be repeated (any)")
      ("fail-on-uart", po::value<std::vector<std::string>>(&o.failOnUart)->composing(),
       "end the run with exit 4 once TEXT has appeared on UART0 (or on RTT); may be repeated")
      ("quantum", po::value<std::string>(&quantum),
       "temporal-decoupling quantum of the core (the core also syncs at every pending SystemC event,\n"
       "so results do not depend on it); default 10us with --core rtl, 100us with --core fast")
      ("stats", po::bool_switch(&o.stats), "print simulated cycles, instructions, host time and speed at the end")
      ("on-fault", po::value<std::string>(&onFault)->default_value("auto"),
       "what a firmware fault (illegal instruction, access fault, misaligned access, ebreak) does:\n"
       "auto: the firmware's trap handler takes it if one is installed (mtvec moved from the reset\n"
       "vector; reported on stderr), else as stop (or as gdb, with --gdb); stop: report it with its PC\n"
       "and end the run (exit 3); firmware: always let the handler take it; gdb: halt before the trap\n"
       "is taken and wait for a debugger on --gdb's port (post-mortem). ecall always goes to the firmware")
      ("dma-lli-ctl-writeback", po::bool_switch(&o.dmaControlWriteBack),
       "linked-list DMA writes CTL (DONE, item count) back into each list item at block end, as a\n"
       "DW_ahb_dmac built with CTL write-back does; off by default: the vendor's linked-list example\n"
       "only works without it (evidence in models/periph/dma/README.md)")
      ("strict-mmio", po::bool_switch(&o.strictMmio),
       "accesses to unimplemented registers are bus errors instead of reading 0 (they are always reported)")
      ("core", po::value<std::string>(&coreName)->default_value("rtl"),
       "which core executes the firmware:\n"
       "rtl: our Verilated RTL, cycle-accurate: the reference, for timing questions and waveforms;\n"
       "fast: an instruction-set simulator charged the RTL's cycle table, ~20x faster (faster than the\n"
       "chip): the same peripherals, interrupts and debugger, identical cycles on our firmware (a run\n"
       "cut by a limit may end a few cycles later); for daily work and long runs (docs/fast-core.md)")
      ("switch-to-rtl-at", po::value<std::string>(&o.switchToRtlAt),
       "with --core fast: run on the fast core up to WHERE, then hand the state (registers, CSRs,\n"
       "counters, interrupt state) to the RTL core and go on cycle-accurately: SYMBOL (an ELF\n"
       "function, e.g. main), 0xADDRESS (before that instruction executes) or TIME (e.g. 250ms)")
      ("lockstep", po::bool_switch(&o.lockstep),
       "run the RTL core with the fast core following it, comparing registers, CSRs and cycles\n"
       "after every instruction; the first difference ends the run (exit 5) with both states and the\n"
       "last instructions. Peripherals see the RTL only. Slower than the RTL alone; for checking")
      ("no-fast-forward", po::bool_switch(), "clock every idle cycle through the RTL (slower; same results)")
      ("trace", po::value<std::string>(&o.traceFile),
       "write an instruction trace to FILE ('-' = stderr): cycle, pc, instruction; interrupts and\n"
       "exceptions; slow, for debugging")
      ("press", po::value<std::vector<std::string>>(&presses)->composing(),
       "X3 board key press KEY@TIME[:HOLD]: K2 / K3 (GPIO2 / GPIO3, active low) or GPIOn, pressed at\n"
       "simulated TIME and released after HOLD (default 50ms), e.g. K2@15ms or K3@1s:200ms; may be repeated")
      ("keys-stdin", po::bool_switch(&o.keysFromStdin),
       "press X3 keys from the terminal: each line on standard input (K2, K3 or GPIOn, optionally\n"
       ":HOLD, e.g. K2:300ms) presses that key at the current simulated time")
      ("leds", po::value<std::string>(&o.leds)->default_value("stderr"),
       "log X3 board LED changes (LED0/1 on GPIO0/1, LED2 on GPIO11, active low) with their simulated\n"
       "time to stderr, stdout, none or a FILE")
      ("quiet,q", po::bool_switch(&o.quiet), "no board messages on stderr except errors (nor the LED log,\nunless --leds is given)")
      ("log-level", po::value<std::string>(&o.logLevel)->default_value("warning"), "error, warning, info or debug");
  // clang-format on

  desc.add(npu::npuOptionsDescription());
  desc.add(periph::audioOptionsDescription());
  desc.add(debugOptionsDescription());
  po::variables_map vm;
  // Boost.Program_options (1.74) builds its error messages by replacing %canonical_option%,
  // %value%, ... with the user's text, again and again while the token is found: an argument
  // holding such a token makes what() loop forever (found by tests/fuzz/fuzz_board_options).
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    for (const char* token : {"%canonical_option%", "%option%", "%value%", "%prefix%", "%original_token%"})
      if (arg.find(token) != std::string::npos)
        throw InputError("command line",
                         "argument '" + arg + "' contains '" + token + "', which this command line cannot take");
  }
  try {
    // A bare file name is the ELF, as with --elf (what users of other simulators type first).
    po::positional_options_description firmware;
    firmware.add("elf", 1);
    const auto parsed = po::command_line_parser(argc, argv).options(desc).positional(firmware).run();
    rejectNegativeUnsigned(parsed);
    po::store(parsed, vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw InputError(std::string("command line: ") + e.what() + " (see --help)");
  }
  if (vm.count("help")) {
    std::cout << desc << "\n"
              << kAccuracyHelp << exitCodeHelp(kExitCodeMeanings)
              << "\nModel notes: the core's timing follows the documented cost table (docs/core-timing.md);\n"
                 "peripherals without a model yet answer as reporting placeholders (each access is\n"
                 "reported once with its PC).\n";
    return std::nullopt;
  }
  if (vm.count("elf")) o.elf = vm["elf"].as<std::string>();
  // -q silences the LED log it would print by default, not one asked for.
  if (o.quiet && vm["leds"].defaulted()) o.leds = "none";
  o.npu = npu::npuOptionsFrom(vm);
  o.audio = periph::audioOptionsFrom(vm);
  o.debug = debugOptionsFrom(vm);
  for (const auto& spec : images) o.images.push_back(parseImageSpec(spec));
  if (vm.count("flash")) o.flashImage = vm["flash"].as<std::string>();
  if (vm.count("flash-save")) o.flashSave = vm["flash-save"].as<std::string>();
  if (!o.elf && o.images.empty())
    throw InputError("command line: no firmware given: use --elf FILE or --image FILE[@ADDR] (see --help)");
  if (!maxTime.empty()) o.maxTimeSeconds = parseDuration("--max-time", maxTime);
  if (o.x3.spim != "none" && o.x3.spim != "spis" && o.x3.spim != "flash" && o.x3.spim != "lcd")
    throw InputError("--spim", "'" + o.x3.spim + "' is not one of none, spis, flash, lcd");
  auto fileOption = [&vm](const char* name, std::optional<std::string>& into) {
    if (!vm.count(name)) return;
    into = vm[name].as<std::string>();
    if (into->empty()) throw InputError(std::string("--") + name, "empty file name");
  };
  fileOption("i2c-master", o.x3.i2cMaster);
  fileOption("pins-vcd", o.x3.pinsVcd);
  fileOption("lcd-out", o.x3.lcdImage);
  if (o.x3.lcdImage && o.x3.spim != "lcd") throw InputError("--lcd-out", "needs --spim lcd (no LCD otherwise)");
  if (vm.count("jumper"))
    for (const auto& spec : vm["jumper"].as<std::vector<std::string>>()) o.x3.jumpers.push_back(parseJumper(spec));
  fileOption("speaker", o.x3.speaker);
  fileOption("i2s0-out", o.x3.i2sOut[0]);
  fileOption("i2s1-out", o.x3.i2sOut[1]);
  fileOption("i2s0-in", o.x3.i2sIn[0]);
  fileOption("i2s1-in", o.x3.i2sIn[1]);
  if (!uart0Input.empty()) {
    // FILE@TIME; an '@' inside a directory name of FILE is part of the name
    const auto at = uart0Input.rfind('@');
    o.uart0Input = uart0Input;
    if (at != std::string::npos && uart0Input.find('/', at) == std::string::npos) {
      o.uart0InputStartSeconds = parseDuration("--uart0-input", uart0Input.substr(at + 1), /*allowZero=*/true);
      o.uart0Input.resize(at);
    }
    if (o.uart0Input.empty()) throw InputError("--uart0-input", "'" + uart0Input + "' names no file");
  }
  if (!maxCycles.empty()) {
    const bool digits = maxCycles.find_first_not_of("0123456789") == std::string::npos;
    try {
      o.maxCycles = digits ? std::stoull(maxCycles) : 0;
    } catch (const std::exception&) {
      o.maxCycles = 0;  // out of range
    }
    if (o.maxCycles == 0)
      throw InputError("--max-cycles", "'" + maxCycles + "' is not a positive whole number of cycles");
  }
  if (onFault == "auto") o.onFault = FaultPolicy::Auto;
  else if (onFault == "stop") o.onFault = FaultPolicy::Stop;
  else if (onFault == "firmware") o.onFault = FaultPolicy::Firmware;
  else if (onFault == "gdb") o.onFault = FaultPolicy::Gdb;
  else throw InputError("--on-fault", "'" + onFault + "' is not one of auto, stop, firmware, gdb");
  if (o.onFault == FaultPolicy::Gdb && !o.debug.gdbPort) throw InputError("--on-fault", "gdb needs --gdb PORT");
  o.fastForward = !vm["no-fast-forward"].as<bool>();
  if (coreName == "rtl") o.core = riscv::RiscvCore::Kind::Rtl;
  else if (coreName == "fast") o.core = riscv::RiscvCore::Kind::Fast;
  else throw InputError("--core", "'" + coreName + "' is not one of rtl, fast");
  // The fast core executes a quantum in a few microseconds: a longer one keeps the syncs cheap.
  if (quantum.empty()) quantum = o.core == riscv::RiscvCore::Kind::Fast ? "100us" : "10us";
  o.quantumSeconds = parseDuration("--quantum", quantum);
  if (o.lockstep && o.core == riscv::RiscvCore::Kind::Fast)
    throw InputError("--lockstep", "runs the RTL with the fast core following it: leave out --core fast");
  if (o.lockstep && o.debug.gdbPort) throw InputError("--lockstep", "cannot be combined with --gdb");
  if (o.lockstep && o.debug.waveFormat != DebugRunOptions::WaveFormat::None)
    throw InputError("--lockstep", "cannot be combined with --vcd/--fst");
  if (!o.switchToRtlAt.empty() && o.core != riscv::RiscvCore::Kind::Fast)
    throw InputError("--switch-to-rtl-at", "needs --core fast (the run starts on the fast core)");
  if (o.core == riscv::RiscvCore::Kind::Fast && o.switchToRtlAt.empty() &&
      o.debug.waveFormat != DebugRunOptions::WaveFormat::None)
    throw InputError(o.debug.waveFormat == DebugRunOptions::WaveFormat::Vcd ? "--vcd" : "--fst",
                     "waveforms are the RTL core's signals: use --core rtl (or --switch-to-rtl-at)");
  if (o.logLevel != "error" && o.logLevel != "warning" && o.logLevel != "info" && o.logLevel != "debug")
    throw InputError("--log-level", "'" + o.logLevel + "' is not one of error, warning, info, debug");
  for (const auto& p : presses) o.presses.push_back(parseKeyPress(p));
  if (o.keysFromStdin && (o.uart0 == "stdio" || o.uart1 == "stdio"))
    throw InputError("--keys-stdin", "standard input is already the UART's (--uart0/--uart1 stdio)");
  rejectMisspeltKeyword("--uart0", o.uart0, {"stdout", "stdio", "none"});
  rejectMisspeltKeyword("--uart1", o.uart1, {"stdout", "stdio", "none"});
  rejectMisspeltKeyword("--leds", o.leds, {"stderr", "stdout", "none"});
  rejectMisspeltKeyword("--rtt", o.rtt, {"stdout", "none"});
  for (const auto& t : o.stopOnUart)
    if (t.empty()) throw InputError("--stop-on-uart", "empty text");
  for (const auto& t : o.failOnUart)
    if (t.empty()) throw InputError("--fail-on-uart", "empty text");
  return o;
}

}  // namespace wtm::platform
