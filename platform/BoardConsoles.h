// The host side of the board's text outputs and serial links: a console per UART and for SEGGER
// RTT (the terminal, a file or nothing), the live links of --uartN stdio / tcp:PORT, the
// --uart0-input file, UART0<->UART1 cross-wiring, and the --stop-on-uart / --fail-on-uart texts
// watched on UART0 and RTT (the first one seen ends the run through `stop`).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "BoardOptions.h"
#include "HostConsole.h"
#include "RttConsole.h"
#include "UartHostLink.h"
#include "Wtm2101Soc.h"

namespace wtm::platform {

class BoardConsoles {
 public:
  enum class TextResult { None, Stop, Fail };

  // `rttSymbol`: the ELF's _SEGGER_RTT, if any (else RTT searches the SRAM for its control block).
  BoardConsoles(const BoardOptions& opt, Wtm2101Soc& soc, std::optional<uint32_t> rttSymbol,
                std::function<void()> stop);

  // A live link or the input file still has something to deliver (the run must not end idle).
  bool linksActive() const;
  // After the simulation: the last RTT output read, every console flushed, the terminal's line
  // ended.
  void finish();

  TextResult textResult() const { return textResult_; }
  const std::string& matchedText() const { return matchedText_; }

 private:
  UartHostLink* linkFor(const std::string& spec, periph::Uart16550& uart, const char* name);

  const BoardOptions& opt_;
  HostConsole console0_, console1_, rttConsole_;
  std::vector<std::unique_ptr<UartHostLink>> links_;
  UartHostLink* link0_ = nullptr;
  UartHostLink* link1_ = nullptr;
  RttConsole rtt_;
  TextResult textResult_ = TextResult::None;
  std::string matchedText_;
};

}  // namespace wtm::platform
