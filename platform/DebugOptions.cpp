#include "DebugOptions.h"

#include <boost/program_options.hpp>

#include "BoardOptions.h"
#include "common/InputError.h"

namespace po = boost::program_options;

namespace wtm::platform {

po::options_description debugOptionsDescription() {
  po::options_description d("Debugging (docs/debugging.md)");
  // clang-format off
  d.add_options()
      ("gdb", po::value<std::string>(),
       "[HOST:]PORT: serve GDB's remote protocol on HOST (default 127.0.0.1) at PORT (0: any free\n"
       "port, printed); connect with gdb-multiarch FW.elf -ex 'target remote :PORT'")
      ("gdb-wait", po::bool_switch(), "with --gdb: hold the core at reset until a debugger attaches and continues")
      ("vcd", po::value<std::string>(), "write the RTL core's signals to FILE as VCD (GTKWave); see --wave-from/--wave-to")
      ("fst", po::value<std::string>(), "write the RTL core's signals to FILE as FST (GTKWave's compact format)")
      ("wave-from", po::value<std::string>(), "waveforms start at this simulated time (e.g. 10ms; default 0)")
      ("wave-to", po::value<std::string>(), "waveforms end at this simulated time (default: the end of the run)")
      ("profile", po::value<std::string>(),
       "cycle profile: cycles and instructions per function of the ELF to FILE (a table), FILE.folded\n"
       "(folded stacks for flamegraph.pl / speedscope), FILE.svg (a flame graph) and FILE.awake.svg\n"
       "(the same without sleep in wfi); sleep and MMIO stall cycles per peripheral included; the\n"
       "table's total equals the run's cycle count");
  // clang-format on
  return d;
}

DebugRunOptions debugOptionsFrom(const po::variables_map& vm) {
  DebugRunOptions o;
  if (vm.count("gdb")) {
    std::string spec = vm["gdb"].as<std::string>();
    const auto colon = spec.rfind(':');
    if (colon != std::string::npos) {
      o.gdbHost = spec.substr(0, colon);
      spec = spec.substr(colon + 1);
      if (o.gdbHost.empty()) o.gdbHost = "127.0.0.1";
    }
    const bool digits = !spec.empty() && spec.size() <= 5 && spec.find_first_not_of("0123456789") == std::string::npos;
    const unsigned long port = digits ? std::stoul(spec) : 70000;
    if (port > 65535)
      throw InputError("--gdb", "'" + vm["gdb"].as<std::string>() + "' is not [HOST:]PORT with PORT 0..65535");
    o.gdbPort = static_cast<uint16_t>(port);
  }
  o.gdbWait = vm.count("gdb-wait") && vm["gdb-wait"].as<bool>();
  if (o.gdbWait && !o.gdbPort) throw InputError("--gdb-wait", "needs --gdb PORT");
  if (vm.count("vcd") && vm.count("fst")) throw InputError("--vcd", "give either --vcd or --fst, not both");
  if (vm.count("vcd")) {
    o.waveFormat = DebugRunOptions::WaveFormat::Vcd;
    o.waveFile = vm["vcd"].as<std::string>();
  } else if (vm.count("fst")) {
    o.waveFormat = DebugRunOptions::WaveFormat::Fst;
    o.waveFile = vm["fst"].as<std::string>();
  }
  const bool waves = o.waveFormat != DebugRunOptions::WaveFormat::None;
  if (waves && o.waveFile.empty())
    throw InputError(o.waveFormat == DebugRunOptions::WaveFormat::Vcd ? "--vcd" : "--fst", "empty file name");
  if (vm.count("wave-from")) {
    if (!waves) throw InputError("--wave-from", "needs --vcd or --fst");
    o.waveFromSeconds = parseDuration("--wave-from", vm["wave-from"].as<std::string>(), /*allowZero=*/true);
  }
  if (vm.count("wave-to")) {
    if (!waves) throw InputError("--wave-to", "needs --vcd or --fst");
    o.waveToSeconds = parseDuration("--wave-to", vm["wave-to"].as<std::string>(), /*allowZero=*/true);
    if (*o.waveToSeconds < o.waveFromSeconds) throw InputError("--wave-to", "ends before --wave-from");
  }
  if (vm.count("profile")) {
    o.profileFile = vm["profile"].as<std::string>();
    if (o.profileFile->empty()) throw InputError("--profile", "empty file name");
  }
  return o;
}

}  // namespace wtm::platform
