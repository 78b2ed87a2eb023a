#include "BoardConsoles.h"

#include <unistd.h>

#include <iostream>

namespace wtm::platform {

namespace {
// What a UART's console writes to: the terminal for stdio, nothing for a TCP link (the client
// sees the bytes), else the option's file or "none".
std::string consoleTarget(const std::string& spec) {
  if (spec == "stdio") return "stdout";
  if (spec.rfind("tcp:", 0) == 0) return "none";
  return spec;
}
}  // namespace

BoardConsoles::BoardConsoles(const BoardOptions& opt, Wtm2101Soc& soc, std::optional<uint32_t> rttSymbol,
                             std::function<void()> stop)
    : opt_(opt),
      console0_(consoleTarget(opt.uart0), "uart0"),
      console1_(consoleTarget(opt.uart1), "uart1"),
      rttConsole_(opt.rtt, "rtt"),
      rtt_([&soc](uint64_t a) { return soc.backingStore(a); }, soc.sram.storage(), soc.sram.storageSize(),
           rttConsole_) {
  link0_ = linkFor(opt.uart0, soc.uart0, "uart0_host");
  link1_ = linkFor(opt.uart1, soc.uart1, "uart1_host");
  if (!opt.uart0Input.empty())
    links_.push_back(std::make_unique<UartHostLink>("uart0_input", soc.uart0, UartHostLink::Kind::File, opt.uart0Input,
                                                    sc_core::sc_time(opt.uart0InputStartSeconds, sc_core::SC_SEC)));
  if (opt.uartCrosswire) {
    soc.uart0.connectTxTo(soc.uart1);
    soc.uart1.connectTxTo(soc.uart0);
  }
  std::vector<std::string> watched = opt.stopOnUart;
  watched.insert(watched.end(), opt.failOnUart.begin(), opt.failOnUart.end());
  auto onText = [this, watched, stop](size_t i) {
    if (textResult_ != TextResult::None) return;
    textResult_ = i < opt_.stopOnUart.size() ? TextResult::Stop : TextResult::Fail;
    matchedText_ = watched[i];
    stop();
  };
  console0_.watch(watched, onText);
  rttConsole_.watch(watched, onText);
  if (rttSymbol) rtt_.setControlBlockAddress(*rttSymbol);
  soc.cpu.setSyncHook([this] { rtt_.poll(); });
  soc.uart0.setTxSink([this](uint8_t c) {
    console0_.put(c);
    if (link0_) link0_->send(c);
  });
  soc.uart1.setTxSink([this](uint8_t c) {
    console1_.put(c);
    if (link1_) link1_->send(c);
  });
}

UartHostLink* BoardConsoles::linkFor(const std::string& spec, periph::Uart16550& uart, const char* name) {
  if (spec == "stdio") links_.push_back(std::make_unique<UartHostLink>(name, uart, UartHostLink::Kind::Stdin));
  else if (spec.rfind("tcp:", 0) == 0)
    links_.push_back(std::make_unique<UartHostLink>(name, uart, UartHostLink::Kind::Tcp, spec.substr(4)));
  else return nullptr;
  return links_.back().get();
}

bool BoardConsoles::linksActive() const {
  for (const auto& l : links_)
    if (l->active()) return true;
  return false;
}

void BoardConsoles::finish() {
  rtt_.poll();
  console0_.flush();
  console1_.flush();
  rttConsole_.flush();
  if (!console0_.atLineStart() && opt_.uart0 == "stdout" && isatty(STDOUT_FILENO)) std::cout << std::endl;
}

}  // namespace wtm::platform
