// The board's debugging options: GDB server, RTL waveforms, cycle profile. Parsed with the
// rest of the command line (BoardOptions) into plain data.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>

namespace wtm::platform {

struct DebugRunOptions {
  std::optional<uint16_t> gdbPort;  // --gdb [HOST:]PORT (0: any free port, printed)
  std::string gdbHost = "127.0.0.1";
  bool gdbWait = false;  // --gdb-wait: hold at reset until a debugger continues
  enum class WaveFormat { None, Vcd, Fst } waveFormat = WaveFormat::None;
  std::string waveFile;                    // --vcd FILE / --fst FILE
  double waveFromSeconds = 0;              // --wave-from
  std::optional<double> waveToSeconds;     // --wave-to
  std::optional<std::string> profileFile;  // --profile FILE (+ FILE.folded, FILE.svg)
};

boost::program_options::options_description debugOptionsDescription();
// Throws InputError naming the option on a bad value.
DebugRunOptions debugOptionsFrom(const boost::program_options::variables_map& vm);

}  // namespace wtm::platform
