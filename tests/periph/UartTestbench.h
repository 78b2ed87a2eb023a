// SystemC testbench for the UART model: two UARTs (the second receives what the first sends),
// scenarios run as tests/support/ScenarioTestbench.h describes, after a reset of both.
#pragma once
#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <string>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "MmioTestbench.h"
#include "common/ClockDomain.h"
#include "periph/uart/Uart16550.h"
#include "periph/uart/uart_regs.h"

namespace uart_test {

using sc_core::sc_time;
using sc_core::SC_ZERO_TIME;
using wtm::periph::Uart16550;
namespace regs = wtm::periph::uart;

constexpr double kHclkHz = 24.576e6;      // internal 24M oscillator, AHB / 1
constexpr uint32_t kDivisor115200 = 13;   // vendor UART_Init at 24.576 MHz (118 154 Bd)
const sc_time kOnePs(1, sc_core::SC_PS);  // the kernel's time resolution

// `bus` reaches `uart` (BusTestbench's checked read / write / debugRead), `peerBus` the peer.
class Testbench : public periph_test::BusTestbench<Testbench> {
 public:
  wtm::ClockDomain hclk{"hclk", kHclkHz};
  Uart16550 uart{"uart", hclk};
  Uart16550 peer{"peer", hclk};  // receives what `uart` transmits
  Socket peerBus{"peer_bus"};
  sc_core::sc_signal<bool> irq{"irq"};
  sc_core::sc_signal<bool> peerIrq{"peer_irq"};
  std::string sent;  // what reached `uart`'s host sink

  explicit Testbench(sc_core::sc_module_name name = "tb") : BusTestbench(name) {
    bus.bind(uart.socket);
    peerBus.bind(peer.socket);
    uart.irq.bind(irq);
    peer.irq.bind(peerIrq);
    uart.setTxSink([this](uint8_t c) { sent.push_back(static_cast<char>(c)); });
    uart.connectTxTo(peer);
  }

  uint32_t readPeer(uint32_t offset) {
    uint32_t v = 0;
    transport(peerBus, false, offset, v, 4, SC_ZERO_TIME);
    return v;
  }
  uint32_t iid() { return regs::IIR_IID.get(read(regs::IIR)); }

  // The irq level once pending zero-delay updates have run (method, then signal update).
  bool irqLevel() {
    settle();
    return irq.read();
  }

  // The vendor UART_Init sequence (soc.md §7.0 step 6) for 8N1.
  void vendorInit(uint32_t divisor = kDivisor115200, uint32_t fcr = 0, uint32_t ierBits = 0) {
    write(regs::LCR, read(regs::LCR) | regs::LCR_DLAB.mask());
    write(regs::DLH, divisor >> 8);
    write(regs::DLL, divisor & 0xFFu);
    write(regs::LCR, read(regs::LCR) & ~regs::LCR_DLAB.mask());
    write(regs::LCR, regs::LCR_DLS.set(0, 3));
    write(regs::MCR, read(regs::MCR) & ~regs::MCR_LB.mask());
    write(regs::FCR, fcr);
    write(regs::IER, read(regs::IER) | ierBits);
  }

  // One character of `bits` bits (start + data + parity + stop) at `divisor`, computed as the
  // model does so "exactly at" checks hold to the picosecond.
  sc_time charTime(double bits = 10, uint32_t divisor = kDivisor115200) const {
    return hclk.period() * (bits * 16.0 * divisor);
  }
  // A character written to an idle transmitter waits in THR for one tick of the 16x baud clock.
  sc_time loadTick(uint32_t divisor = kDivisor115200) const { return hclk.period() * static_cast<double>(divisor); }

 private:
  void prepare() override {
    for (Socket* s : {&bus, &peerBus}) {
      uint32_t reset = regs::SRR_UR.mask();
      transport(*s, true, regs::SRR, reset, 4, SC_ZERO_TIME);
    }
    sent.clear();
  }
};

inline Testbench& testbench() { return wtm::test::elaboratedOnce<Testbench>(); }

inline void runScenario(Testbench::Scenario scenario) {
  ASSERT_TRUE(testbench().run(std::move(scenario))) << "scenario blocked before finishing";
}

}  // namespace uart_test
