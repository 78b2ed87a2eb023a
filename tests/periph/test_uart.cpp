// DW_apb_uart model: registers, baud timing of THRE/TEMT, FIFOs, RX and overrun, interrupts
// with their IIR priorities, loopback and cross-wired UARTs. Accesses are made from the test
// body with the time given explicitly; sc_start() moves SystemC time for interrupt events.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <systemc>
#include <tlm_utils/simple_initiator_socket.h>

#include "common/ClockDomain.h"
#include "periph/uart/Uart16550.h"
#include "periph/uart/uart_regs.h"

using namespace wtm;
using namespace wtm::periph;
using namespace wtm::periph::uart;
using sc_core::SC_US;
using sc_core::sc_time;

int sc_main(int, char**) { return 0; }

namespace {

struct Port : sc_core::sc_module {
  tlm_utils::simple_initiator_socket<Port> socket{"socket"};
  explicit Port(sc_core::sc_module_name n) : sc_core::sc_module(n) {}
};

struct Bench {
  ClockDomain clock{"hclk", 24.576e6};
  Uart16550 uart{"uart_a", clock};
  Uart16550 peer{"uart_b", clock};
  Port port{"port"}, peerPort{"peer_port"};
  sc_core::sc_signal<bool> irq{"irq_a"}, peerIrq{"irq_b"};
  std::string sent;

  Bench() {
    port.socket.bind(uart.socket);
    peerPort.socket.bind(peer.socket);
    uart.irq.bind(irq);
    peer.irq.bind(peerIrq);
    uart.setTxSink([this](uint8_t c) { sent.push_back(static_cast<char>(c)); });
    sc_core::sc_start(sc_core::SC_ZERO_TIME);
  }

  static uint32_t access(Port& p, bool write, uint32_t off, uint32_t value, const sc_time& at, bool* ok = nullptr) {
    tlm::tlm_generic_payload t;
    t.set_command(write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
    t.set_address(off);
    t.set_data_ptr(reinterpret_cast<unsigned char*>(&value));
    t.set_data_length(4);
    t.set_streaming_width(4);
    t.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    sc_time delay = at > sc_core::sc_time_stamp() ? at - sc_core::sc_time_stamp() : sc_core::SC_ZERO_TIME;
    p.socket->b_transport(t, delay);
    if (ok) *ok = t.is_response_ok();
    return value;
  }
  uint32_t rd(uint32_t off, const sc_time& at) { return access(port, false, off, 0, at); }
  void wr(uint32_t off, uint32_t v, const sc_time& at) { access(port, true, off, v, at); }
  uint32_t rd(uint32_t off) { return rd(off, sc_core::sc_time_stamp()); }
  void wr(uint32_t off, uint32_t v) { wr(off, v, sc_core::sc_time_stamp()); }

  // Soft reset plus the vendor driver's 8N1 set-up with divisor 13 (115200 at 24.576 MHz).
  void init(uint32_t fcr = 0) {
    settle();
    wr(SRR, 1);
    wr(LCR, rd(LCR) | LCR_DLAB.mask());
    wr(DLH, 0);
    wr(DLL, 13);
    wr(LCR, rd(LCR) & ~LCR_DLAB.mask());
    wr(LCR, 3);
    wr(FCR, fcr);
    wr(IER, 0);
    sent.clear();
  }
  // Lets every pending transmission and event finish.
  void settle() { sc_core::sc_start(sc_time(5, sc_core::SC_MS)); }
  static sc_time charTime() { return sc_time(10.0 * 16 * 13 / 24.576e6, sc_core::SC_SEC); }
};

Bench& bench() {
  static Bench b;
  return b;
}

}  // namespace

TEST(Uart, ResetValuesAndIdentification) {
  Bench& b = bench();
  b.settle();
  b.wr(SRR, 1);
  EXPECT_EQ(b.rd(LSR), 0x60u);  // THRE | TEMT
  EXPECT_EQ(b.rd(IIR), 0x01u);  // no interrupt
  EXPECT_EQ(b.rd(LCR), 0u);
  EXPECT_EQ(b.rd(USR), USR_TFNF.mask() | USR_TFE.mask());
  EXPECT_NE(b.rd(CPR), 0u);
  EXPECT_NE(b.rd(UCV), 0u);
}

TEST(Uart, DivisorLatchAndVendorInitSequence) {
  Bench& b = bench();
  b.init(FCR_FIFOE.mask() | FCR_DMAM.mask());
  EXPECT_DOUBLE_EQ(b.uart.baudRate(), 24.576e6 / (16.0 * 13));
  EXPECT_EQ(b.uart.lineSettings(), "118154 8N1");
  b.wr(LCR, 0x83);  // DLAB: offsets 0/4 are the divisor
  EXPECT_EQ(b.rd(DLL), 13u);
  EXPECT_EQ(b.rd(DLH), 0u);
  b.wr(DLH, 1);
  EXPECT_EQ(b.rd(DLH), 1u);
  b.wr(LCR, 0x03);
  EXPECT_EQ(b.rd(IER), 0u);  // DLAB off: IER again
  EXPECT_DOUBLE_EQ(b.uart.baudRate(), 24.576e6 / (16.0 * 269));
  b.wr(LCR, 0x1F);  // 8 bits, 2 stop, even parity
  EXPECT_EQ(b.uart.lineSettings().substr(b.uart.lineSettings().find(' ') + 1), "8E2");
}

TEST(Uart, TemtAndThreFollowTheCharacterTime) {
  Bench& b = bench();
  b.init();
  const sc_time t0 = sc_core::sc_time_stamp();
  const sc_time ct = Bench::charTime();
  b.wr(THR, 'A', t0);
  EXPECT_EQ(b.sent, "A");  // the host sees it at once
  EXPECT_EQ(b.rd(LSR, t0), LSR_THRE.mask());  // straight into the shift register: THR empty, not TEMT
  b.wr(THR, 'B', t0);
  EXPECT_EQ(b.rd(LSR, t0) & 0x60u, 0u);  // B waits in THR
  EXPECT_EQ(b.rd(LSR, t0 + ct - sc_time(1, sc_core::SC_NS)) & 0x60u, 0u);
  EXPECT_EQ(b.rd(LSR, t0 + ct), LSR_THRE.mask());  // A done, B shifting
  EXPECT_EQ(b.rd(LSR, t0 + ct * 2.0 - sc_time(1, sc_core::SC_NS)), LSR_THRE.mask());
  EXPECT_EQ(b.rd(LSR, t0 + ct * 2.0), 0x60u);
  EXPECT_EQ(b.sent, "AB");
}

TEST(Uart, TransmitFifoHoldsSixteenCharacters) {
  Bench& b = bench();
  b.init(FCR_FIFOE.mask());
  const sc_time t0 = sc_core::sc_time_stamp();
  for (int i = 0; i < 18; ++i) b.wr(THR, 'a' + i, t0);  // 1 shifting + 16 queued, the 18th is lost
  EXPECT_EQ(b.sent, "abcdefghijklmnopq");
  EXPECT_EQ(b.rd(TFL, t0), 16u);
  EXPECT_EQ(b.rd(USR, t0) & USR_TFNF.mask(), 0u);
  EXPECT_EQ(b.rd(LSR, t0) & LSR_THRE.mask(), 0u);
  const sc_time ct = Bench::charTime();
  EXPECT_EQ(b.rd(TFL, t0 + ct * 1.5), 15u);
  EXPECT_EQ(b.rd(LSR, t0 + ct * 16.0), LSR_THRE.mask());  // last one now shifting
  EXPECT_EQ(b.rd(LSR, t0 + ct * 17.0), 0x60u);
}

TEST(Uart, ReceiveFifoDataReadyAndOverrun) {
  Bench& b = bench();
  b.init(FCR_FIFOE.mask());
  for (int i = 0; i < 17; ++i) b.uart.receive(static_cast<uint8_t>('0' + i));
  EXPECT_EQ(b.rd(RFL), 16u);
  const uint32_t lsr = b.rd(LSR);
  EXPECT_TRUE(lsr & LSR_DR.mask());
  EXPECT_TRUE(lsr & LSR_OE.mask());
  EXPECT_FALSE(b.rd(LSR) & LSR_OE.mask());  // cleared by the read
  std::string got;
  while (b.rd(LSR) & LSR_DR.mask()) got.push_back(static_cast<char>(b.rd(RBR)));
  EXPECT_EQ(got, "0123456789:;<=>?");  // the 17th was lost
  b.init();  // without FIFO: one character holds RBR
  b.uart.receive('x');
  b.uart.receive('y');
  EXPECT_TRUE(b.rd(LSR) & LSR_OE.mask());
  EXPECT_EQ(b.rd(RBR), static_cast<uint32_t>('x'));
}

TEST(Uart, ReceiveInterruptTriggerLevelAndTimeout) {
  Bench& b = bench();
  b.init(FCR_FIFOE.mask() | (1u << FCR_RT.lsb));  // trigger at 4 characters
  b.wr(IER, IER_ERBFI.mask());
  b.uart.receive("ab");
  sc_core::sc_start(sc_time(1, SC_US));
  EXPECT_FALSE(b.irq.read());  // below the trigger, before the time-out
  sc_core::sc_start(Bench::charTime() * 4.0);
  EXPECT_TRUE(b.irq.read());
  EXPECT_EQ(b.rd(IIR) & 0xFu, 0xCu);  // character time-out
  b.uart.receive("cd");
  sc_core::sc_start(sc_time(1, SC_US));
  EXPECT_EQ(b.rd(IIR) & 0xFu, 0x4u);  // trigger level reached
  for (int i = 0; i < 4; ++i) b.rd(RBR);
  sc_core::sc_start(sc_time(1, SC_US));
  EXPECT_FALSE(b.irq.read());
  EXPECT_EQ(b.rd(IIR) & 0xFu, 0x1u);
}

TEST(Uart, LineStatusInterruptHasPriority) {
  Bench& b = bench();
  b.init();
  b.wr(IER, IER_ERBFI.mask() | IER_ELSI.mask() | IER_ETBEI.mask());
  b.uart.receive('1');
  b.uart.receive('2');  // overrun
  sc_core::sc_start(sc_time(1, SC_US));
  EXPECT_EQ(b.rd(IIR) & 0xFu, 0x6u);
  b.rd(LSR);
  EXPECT_EQ(b.rd(IIR) & 0xFu, 0x4u);
  b.rd(RBR);
  EXPECT_EQ(b.rd(IIR) & 0xFu, 0x2u);  // THR empty comes last
}

TEST(Uart, ThrEmptyInterruptFiresWhenTheTransmitterDrains) {
  Bench& b = bench();
  b.init();
  b.wr(IER, IER_ETBEI.mask());
  sc_core::sc_start(sc_time(1, SC_US));
  EXPECT_TRUE(b.irq.read());  // enabling it with THR empty raises it at once
  EXPECT_EQ(b.rd(IIR) & 0xFu, 0x2u);
  sc_core::sc_start(sc_time(1, SC_US));
  EXPECT_FALSE(b.irq.read());  // acknowledged by reading IIR
  b.wr(THR, 'x');
  b.wr(THR, 'y');  // waits in THR
  sc_core::sc_start(Bench::charTime() * 0.5);
  EXPECT_FALSE(b.irq.read());
  sc_core::sc_start(Bench::charTime() * 0.6);  // x done, y moved on: THR empty
  EXPECT_TRUE(b.irq.read());
  b.wr(IER, 0);
  sc_core::sc_start(sc_time(1, SC_US));
  EXPECT_FALSE(b.irq.read());
}

TEST(Uart, LoopbackReturnsCharactersAfterTheirTime) {
  Bench& b = bench();
  b.init(FCR_FIFOE.mask());
  b.wr(MCR, MCR_LB.mask());
  b.wr(THR, 'L');
  EXPECT_TRUE(b.sent.empty());  // the serial line stays idle in loopback
  EXPECT_FALSE(b.rd(LSR) & LSR_DR.mask());
  sc_core::sc_start(Bench::charTime() * 1.01);
  EXPECT_TRUE(b.rd(LSR) & LSR_DR.mask());
  EXPECT_EQ(b.rd(RBR), static_cast<uint32_t>('L'));
  b.wr(MCR, 0);
}

TEST(Uart, CrossWiredUartsExchangeCharacters) {
  Bench& b = bench();
  b.init();
  b.uart.connectTxTo(b.peer);
  Bench::access(b.peerPort, true, SRR, 1, sc_core::sc_time_stamp());
  b.wr(THR, 0x11);
  EXPECT_FALSE(Bench::access(b.peerPort, false, LSR, 0, sc_core::sc_time_stamp()) & LSR_DR.mask());
  sc_core::sc_start(Bench::charTime() * 1.01);
  EXPECT_TRUE(Bench::access(b.peerPort, false, LSR, 0, sc_core::sc_time_stamp()) & LSR_DR.mask());
  EXPECT_EQ(Bench::access(b.peerPort, false, RBR, 0, sc_core::sc_time_stamp()), 0x11u);
}

TEST(Uart, UndefinedOffsetsAreReportedNotDecoded) {
  Bench& b = bench();
  bool ok = false;
  EXPECT_EQ(Bench::access(b.port, false, 0x40, 0, sc_core::sc_time_stamp(), &ok), 0u);
  EXPECT_TRUE(ok);
  MmioDevice::setStrictDecode(true);
  Bench::access(b.port, false, 0x40, 0, sc_core::sc_time_stamp(), &ok);
  EXPECT_FALSE(ok);
  MmioDevice::setStrictDecode(false);
}
