// DW_apb_uart model: reset values, divisor latch, the vendor init sequence, TX timing of
// THRE/TEMT (waited for and temporally decoupled), FIFOs, RX and overrun, IIR priorities and
// the irq level, loopback, a cross-wired peer and undecoded offsets. Every scenario runs in
// the testbench's SC_THREAD (UartTestbench.h) after a software reset of both UARTs.
#include <gtest/gtest.h>

#include <string>

#include "UartTestbench.h"
#include "common/Log.h"
#include "common/MmioDevice.h"

using namespace uart_test;
using namespace wtm::periph::uart;
using sc_core::SC_NS;
using sc_core::SC_US;

// libsystemc refers to sc_main; GoogleTest provides main().
int sc_main(int, char**) { return 0; }

namespace {

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST(Uart16550, ResetValues) {
  runScenario([](Testbench& tb) {
    EXPECT_EQ(tb.read(LSR), 0x60u);  // THRE | TEMT, what __putchar polls for
    EXPECT_EQ(tb.read(IIR), 0x01u);  // no interrupt, FIFOs off
    EXPECT_EQ(tb.read(IER), 0u);
    EXPECT_EQ(tb.read(LCR), 0u);
    EXPECT_EQ(tb.read(MCR), 0u);
    EXPECT_EQ(tb.read(MSR), 0u);
    EXPECT_EQ(tb.read(USR), USR_TFNF.mask() | USR_TFE.mask());
    EXPECT_EQ(tb.read(TFL), 0u);
    EXPECT_EQ(tb.read(RFL), 0u);
    EXPECT_FALSE(tb.irqLevel());
    EXPECT_EQ(tb.uart.divisor(), 0u);
    EXPECT_EQ(tb.uart.baudRate(), 0.0);
  });
}

TEST(Uart16550, SoftwareResetRestoresResetValues) {
  runScenario([](Testbench& tb) {
    tb.vendorInit(kDivisor115200, FCR_FIFOE.mask(), IER_ERBFI.mask());
    tb.write(SCR, 0x5A);
    tb.uart.receive('r');
    EXPECT_TRUE(tb.irqLevel());
    tb.write(SRR, SRR_UR.mask());
    EXPECT_EQ(tb.read(SCR), 0u);
    EXPECT_EQ(tb.read(LCR), 0u);
    EXPECT_EQ(tb.read(IER), 0u);
    EXPECT_EQ(tb.read(LSR), 0x60u);
    EXPECT_EQ(tb.read(IIR), 0x01u);
    EXPECT_EQ(tb.uart.divisor(), 0u);
    EXPECT_FALSE(tb.irqLevel());
  });
}

TEST(Uart16550, IdentificationRegisters) {
  runScenario([](Testbench& tb) {
    const uint32_t cpr = tb.read(CPR);
    EXPECT_EQ(CPR_FIFO_MODE.get(cpr) * 16, 16u);  // 16-deep FIFOs
    EXPECT_EQ(CPR_APB_DATA_WIDTH.get(cpr), 2u);   // 32-bit APB
    EXPECT_TRUE(CPR_SHADOW.test(cpr));            // SRR exists
    const uint32_t ucv = tb.read(UCV);
    const std::string version{static_cast<char>(ucv >> 24), static_cast<char>(ucv >> 16), static_cast<char>(ucv >> 8),
                              static_cast<char>(ucv)};
    EXPECT_EQ(version, "402*");  // DW_apb_uart 4.02a
    EXPECT_EQ(tb.read(CTR), 0x44570110u);
  });
}

TEST(Uart16550, DlabSwitchesOffsetsZeroAndFourToTheDivisorLatch) {
  runScenario([](Testbench& tb) {
    tb.write(IER, IER_ERBFI.mask() | IER_ELSI.mask());
    tb.write(LCR, LCR_DLAB.mask() | LCR_DLS.set(0, 3));
    tb.write(DLL, 0x1FF);  // 8-bit latch
    tb.write(DLH, 0x12);
    EXPECT_EQ(tb.read(DLL), 0xFFu);
    EXPECT_EQ(tb.read(DLH), 0x12u);
    EXPECT_EQ(tb.uart.divisor(), 0x12FFu);
    tb.write(LCR, LCR_DLS.set(0, 3));
    EXPECT_EQ(tb.read(IER), IER_ERBFI.mask() | IER_ELSI.mask());  // untouched by the DLH write
    EXPECT_EQ(tb.read(RBR), 0u);                                  // RBR again, not DLL
    EXPECT_DOUBLE_EQ(tb.uart.baudRate(), kHclkHz / (16.0 * 0x12FF));
  });
}

TEST(Uart16550, VendorInitSequenceGivesTheDriversBaudRate) {
  runScenario([](Testbench& tb) {
    tb.vendorInit(kDivisor115200, FCR_FIFOE.mask() | FCR_DMAM.mask());
    EXPECT_DOUBLE_EQ(tb.uart.baudRate(), 24576000.0 / (16 * 13));
    EXPECT_EQ(tb.uart.lineSettings(), "118154 8N1");
    EXPECT_EQ(tb.read(LCR), 0x03u);
    EXPECT_EQ(tb.read(IIR), 0xC1u);  // FIFOSE = 3, no interrupt
    // Other formats as they would be logged.
    tb.write(LCR, LCR_DLS.set(0, 3) | LCR_STOP.mask() | LCR_PEN.mask() | LCR_EPS.mask());
    EXPECT_EQ(tb.uart.lineSettings(), "118154 8E2");
    tb.write(LCR, LCR_DLS.set(0, 2) | LCR_PEN.mask());
    EXPECT_EQ(tb.uart.lineSettings(), "118154 7O1");
    tb.write(LCR, LCR_STOP.mask());
    EXPECT_EQ(tb.uart.lineSettings(), "118154 5N1.5");
    tb.write(LCR, LCR_DLS.set(0, 3) | LCR_PEN.mask() | LCR_SP.mask());
    EXPECT_EQ(tb.uart.lineSettings(), "118154 8M1");
  });
}

TEST(Uart16550, LineSettingsAreLoggedOnceWhenFirstUsed) {
  runScenario([](Testbench& tb) {
    const auto saved = wtm::log::threshold();
    wtm::log::setThreshold(wtm::log::Level::Info);
    testing::internal::CaptureStderr();
    tb.vendorInit(160);  // 9600 Bd
    tb.write(THR, 'a');
    tb.write(THR, 'b');
    const std::string log = testing::internal::GetCapturedStderr();
    wtm::log::setThreshold(saved);
    EXPECT_EQ(count(log, "line "), 1u) << log;
    EXPECT_EQ(count(log, "line 9600 8N1 (divisor 160 at 24.576 MHz)"), 1u) << log;
    EXPECT_EQ(count(log, "5N1"), 0u) << "intermediate LCR state logged: " << log;
  });
}

TEST(Uart16550, SubWordAccessesUseTheLowByteLane) {
  runScenario([](Testbench& tb) {
    tb.vendorInit();
    EXPECT_EQ(tb.read(LSR, 1), 0x60u);
    EXPECT_EQ(tb.read(LSR, 2), 0x60u);
    tb.write(SCR, 0xA5, 1);
    EXPECT_EQ(tb.read(SCR, 1), 0xA5u);
    tb.write(SCR, 0x1234, 2);
    EXPECT_EQ(tb.read(SCR), 0x34u);  // 8-bit register
    tb.write(THR, 'b', 1);
    EXPECT_EQ(tb.sent, "b");
  });
}

TEST(Uart16550, PolledPrintfReachesTheSinkInOrderAtTheBaudRate) {
  runScenario([](Testbench& tb) {
    tb.vendorInit();
    const std::string text = "uart init ok\r\n";
    const sc_time poll(1, SC_US);
    const sc_time t0 = sc_core::sc_time_stamp();
    for (size_t i = 0; i < text.size(); ++i) {
      while (!LSR_TEMT.test(tb.read(LSR))) tb.wait(poll);  // retarget.c __putchar
      tb.write(THR, static_cast<uint8_t>(text[i]));
      EXPECT_EQ(tb.sent, text.substr(0, i + 1));  // delivered at the write, not after
    }
    const sc_time elapsed = sc_core::sc_time_stamp() - t0;
    const double n = static_cast<double>(text.size() - 1);
    EXPECT_GE(elapsed, (tb.loadTick() + tb.charTime()) * n);
    EXPECT_LE(elapsed, (tb.loadTick() + tb.charTime() + poll) * n);
  });
}

TEST(Uart16550, TemtAndThreFollowTheCharacterTime) {
  runScenario([](Testbench& tb) {
    tb.vendorInit();
    const sc_time ct = tb.charTime();
    tb.write(THR, 'A');
    EXPECT_EQ(tb.read(LSR), 0u);  // A waits in THR for the next tick of the baud clock
    tb.wait(tb.loadTick() - kOnePs);
    EXPECT_EQ(tb.read(LSR), 0u);
    tb.wait(kOnePs);
    EXPECT_EQ(tb.read(LSR), LSR_THRE.mask());  // A went into the shift register
    tb.write(THR, 'B');
    EXPECT_EQ(tb.read(LSR), 0u);  // B waits in THR
    tb.wait(ct - kOnePs);
    EXPECT_EQ(tb.read(LSR), 0u);
    tb.wait(kOnePs);
    EXPECT_EQ(tb.read(LSR), LSR_THRE.mask());  // A done, B shifting
    tb.wait(ct - kOnePs);
    EXPECT_EQ(tb.read(LSR), LSR_THRE.mask());
    tb.wait(kOnePs);
    EXPECT_EQ(tb.read(LSR), 0x60u);
    EXPECT_EQ(tb.sent, "AB");
  });
}

TEST(Uart16550, CharacterTimeCountsParityAndStopBits) {
  runScenario([](Testbench& tb) {
    tb.vendorInit();
    tb.write(LCR, LCR_DLS.set(0, 3) | LCR_STOP.mask() | LCR_PEN.mask());  // 8O2: 12 bits
    const sc_time ct = tb.charTime(12);
    tb.write(THR, 'p');
    tb.wait(tb.loadTick() + ct - kOnePs);
    EXPECT_FALSE(LSR_TEMT.test(tb.read(LSR)));
    tb.wait(kOnePs);
    EXPECT_TRUE(LSR_TEMT.test(tb.read(LSR)));
  });
}

TEST(Uart16550, DecoupledAccessesUseTheirLocalTime) {
  runScenario([](Testbench& tb) {
    tb.vendorInit();
    const sc_time t0 = sc_core::sc_time_stamp();
    const sc_time ahead(3, SC_US);                     // the CPU's local offset within its quantum
    const sc_time ct = tb.loadTick() + tb.charTime();  // written to an idle transmitter
    tb.write(THR, 'D', 4, ahead);
    EXPECT_FALSE(LSR_TEMT.test(tb.read(LSR, 4, ahead + ct - kOnePs)));
    EXPECT_TRUE(LSR_TEMT.test(tb.read(LSR, 4, ahead + ct)));
    EXPECT_EQ(sc_core::sc_time_stamp(), t0);  // no wait() inside b_transport
    EXPECT_EQ(tb.sent, "D");
    tb.wait(ahead + ct);  // the initiator synchronises (end of its quantum)
  });
}

TEST(Uart16550, TransmitFifoHoldsSixteenWaitingCharacters) {
  runScenario([](Testbench& tb) {
    tb.vendorInit(kDivisor115200, FCR_FIFOE.mask());
    const sc_time ct = tb.charTime();
    tb.write(THR, 'a');
    tb.wait(tb.loadTick());
    EXPECT_EQ(tb.read(LSR), LSR_THRE.mask());  // FIFO empty again: 'a' is shifting
    for (int i = 1; i < 17; ++i) tb.write(THR, 'a' + i);
    EXPECT_EQ(tb.read(TFL), 16u);
    EXPECT_FALSE(USR_TFNF.test(tb.read(USR)));
    EXPECT_EQ(tb.read(LSR), 0u);
    tb.write(THR, '!');  // full: lost (reported once)
    EXPECT_EQ(tb.sent, "abcdefghijklmnopq");
    tb.wait(ct * 1.5);
    EXPECT_EQ(tb.read(TFL), 15u);
    tb.wait(ct * 14.5 - kOnePs);
    EXPECT_EQ(tb.read(TFL), 1u);
    tb.wait(kOnePs);
    EXPECT_EQ(tb.read(LSR), LSR_THRE.mask());  // last one shifting
    tb.wait(ct);
    EXPECT_EQ(tb.read(LSR), 0x60u);
  });
}

TEST(Uart16550, TransmitFifoResetDropsWaitingCharacters) {
  runScenario([](Testbench& tb) {
    tb.vendorInit(kDivisor115200, FCR_FIFOE.mask());
    tb.write(THR, 'a');
    tb.wait(tb.loadTick());
    for (char c : std::string("bcde")) tb.write(THR, static_cast<uint8_t>(c));
    EXPECT_EQ(tb.read(TFL), 4u);
    tb.write(FCR, FCR_FIFOE.mask() | FCR_XFIFOR.mask());
    EXPECT_EQ(tb.read(TFL), 0u);
    EXPECT_EQ(tb.read(LSR), LSR_THRE.mask());  // 'a' still shifting
    tb.wait(tb.charTime());
    EXPECT_EQ(tb.read(LSR), 0x60u);
  });
}

TEST(Uart16550, DivisorZeroSendsInstantlyAndWarnsOnce) {
  runScenario([](Testbench& tb) {
    testing::internal::CaptureStderr();
    tb.write(THR, 'x');
    EXPECT_EQ(tb.read(LSR), 0x60u);
    tb.write(THR, 'y');
    const std::string log = testing::internal::GetCapturedStderr();
    EXPECT_EQ(tb.sent, "xy");
    EXPECT_EQ(count(log, "baud rate not programmed"), 1u) << log;
  });
}

TEST(Uart16550, BaudFollowsTheClockDomain) {
  runScenario([](Testbench& tb) {
    tb.vendorInit(80);  // 115200 at 147.456 MHz (PLL x 6)
    tb.hclk.setFrequency(147.456e6);
    EXPECT_DOUBLE_EQ(tb.uart.baudRate(), 115200.0);
    const sc_time ct = tb.charTime(10, 80);
    tb.write(THR, 'f');
    tb.wait(tb.loadTick(80) + ct - kOnePs);
    EXPECT_FALSE(LSR_TEMT.test(tb.read(LSR)));
    tb.wait(kOnePs);
    EXPECT_TRUE(LSR_TEMT.test(tb.read(LSR)));
    tb.hclk.setFrequency(kHclkHz);
  });
}

TEST(Uart16550, ReceiveSetsDataReadyAndRbrReadPops) {
  runScenario([](Testbench& tb) {
    tb.vendorInit();
    tb.uart.receive('x');
    EXPECT_EQ(tb.read(LSR), 0x61u);
    EXPECT_EQ(tb.read(RFL), 1u);
    EXPECT_EQ(tb.read(RBR), static_cast<uint32_t>('x'));
    EXPECT_EQ(tb.read(LSR), 0x60u);
    tb.write(FCR, FCR_FIFOE.mask());
    tb.uart.receive("hi");
    EXPECT_TRUE(USR_RFNE.test(tb.read(USR)));
    std::string got;
    while (LSR_DR.test(tb.read(LSR))) got.push_back(static_cast<char>(tb.read(RBR)));
    EXPECT_EQ(got, "hi");
  });
}

TEST(Uart16550, ReceiveOverrunKeepsFifoAndOverwritesRbr) {
  runScenario([](Testbench& tb) {
    tb.vendorInit(kDivisor115200, FCR_FIFOE.mask());
    for (int i = 0; i < 17; ++i) tb.uart.receive(static_cast<uint8_t>('A' + i));
    EXPECT_EQ(tb.read(RFL), 16u);
    EXPECT_TRUE(USR_RFF.test(tb.read(USR)));
    EXPECT_EQ(tb.read(LSR), LSR_DR.mask() | LSR_OE.mask() | LSR_THRE.mask() | LSR_TEMT.mask());
    EXPECT_FALSE(LSR_OE.test(tb.read(LSR)));  // cleared by reading LSR
    std::string got;
    while (LSR_DR.test(tb.read(LSR))) got.push_back(static_cast<char>(tb.read(RBR)));
    EXPECT_EQ(got, "ABCDEFGHIJKLMNOP");  // the 17th was lost
    tb.write(FCR, 0);                    // without FIFO the newest character replaces RBR
    tb.uart.receive('1');
    tb.uart.receive('2');
    EXPECT_TRUE(LSR_OE.test(tb.read(LSR)));
    EXPECT_EQ(tb.read(RBR), static_cast<uint32_t>('2'));
  });
}

TEST(Uart16550, ReceivedDataInterruptFollowsErbfi) {
  runScenario([](Testbench& tb) {
    tb.vendorInit();
    tb.uart.receive('a');
    EXPECT_FALSE(tb.irqLevel());  // not enabled
    EXPECT_EQ(tb.iid(), 0x1u);
    tb.write(IER, IER_ERBFI.mask());
    EXPECT_TRUE(tb.irqLevel());
    EXPECT_EQ(tb.iid(), 0x4u);
    tb.read(RBR);
    EXPECT_FALSE(tb.irqLevel());
    EXPECT_EQ(tb.iid(), 0x1u);
  });
}

TEST(Uart16550, InterruptPrioritiesInIir) {
  runScenario([](Testbench& tb) {
    tb.vendorInit();
    tb.write(IER, IER_ERBFI.mask() | IER_ETBEI.mask() | IER_ELSI.mask());
    EXPECT_TRUE(tb.irqLevel());  // THR empty when ETBEI is enabled
    tb.uart.receive('1');
    tb.uart.receive('2');       // overrun
    EXPECT_EQ(tb.iid(), 0x6u);  // line status first
    tb.read(LSR);
    EXPECT_EQ(tb.iid(), 0x4u);  // then received data
    tb.read(RBR);
    EXPECT_TRUE(tb.irqLevel());
    EXPECT_EQ(tb.iid(), 0x2u);  // THR empty last; this read acknowledges it
    EXPECT_EQ(tb.iid(), 0x1u);
    EXPECT_FALSE(tb.irqLevel());
  });
}

TEST(Uart16550, ThrEmptyInterruptRisesWhenTheTransmitterDrains) {
  runScenario([](Testbench& tb) {
    tb.vendorInit();
    tb.write(IER, IER_ETBEI.mask());
    EXPECT_TRUE(tb.irqLevel());
    EXPECT_EQ(tb.iid(), 0x2u);
    EXPECT_FALSE(tb.irqLevel());  // acknowledged by the IIR read
    tb.write(THR, 'x');
    tb.wait(tb.loadTick());  // x in the shift register
    tb.write(THR, 'y');      // waits in THR: no THRE interrupt
    EXPECT_FALSE(tb.irqLevel());
    tb.wait(tb.charTime() - kOnePs);
    EXPECT_FALSE(tb.irqLevel());
    tb.wait(kOnePs);  // x done, y enters the shift register
    EXPECT_TRUE(tb.irqLevel());
    tb.write(THR, 'z');  // writing THR acknowledges it too (z waits while y shifts)
    EXPECT_FALSE(tb.irqLevel());
    tb.write(IER, 0);
  });
}

// Interrupt-driven transmission as the vendor's UART driver does it, with the ECLIC input
// edge-triggered: each THR write drops THRE and the load into the shift register raises it
// again, so every byte gets an edge (without FIFO, where THR is empty again almost at once).
TEST(Uart16550, InterruptDrivenTransmitSeesOneThreEdgePerByte) {
  runScenario([](Testbench& tb) {
    tb.vendorInit();
    const std::string text = "interrupt-driven transmit of many bytes\r\n";
    tb.write(IER, IER_ETBEI.mask());
    size_t next = 0;
    int edges = 0;
    const sc_time start = sc_core::sc_time_stamp();
    while (next < text.size()) {
      if (!tb.irqLevel()) {
        tb.wait(tb.charTime() * 2.0, tb.irq.posedge_event());
        if (!tb.irqLevel()) break;  // no edge: the handler would never run again
        ++edges;
      }
      ASSERT_EQ(tb.iid(), 0x2u);  // the handler reads IIR: THR empty
      tb.write(THR, static_cast<uint8_t>(text[next++]));
      EXPECT_FALSE(tb.irqLevel()) << "the THR write acknowledges THRE";
    }
    EXPECT_EQ(next, text.size()) << "stopped after " << next << " bytes";
    EXPECT_EQ(edges, static_cast<int>(text.size()) - 1);  // the first byte was sent on the level raised by IER
    EXPECT_EQ(tb.sent, text);
    // Back-to-back: each byte's load comes one baud tick after its write, the shift register runs
    // idle in between only that long.
    EXPECT_LE(sc_core::sc_time_stamp() - start, (tb.charTime() + tb.loadTick()) * static_cast<double>(text.size()));
    tb.write(IER, 0);
  });
}

TEST(Uart16550, IrqRisesAtTheDecoupledDrainTime) {
  runScenario([](Testbench& tb) {
    tb.vendorInit();
    tb.write(IER, IER_ETBEI.mask());
    tb.iid();  // acknowledge the initial THRE interrupt
    const sc_time ahead(2, SC_US);
    tb.write(THR, 'x', 4, ahead);
    tb.write(THR, 'y', 4, ahead + tb.loadTick());  // once x is in the shift register
    tb.wait(ahead + tb.loadTick() + tb.charTime() - kOnePs);
    EXPECT_FALSE(tb.irqLevel());
    tb.wait(kOnePs);
    EXPECT_TRUE(tb.irqLevel());
    tb.write(IER, 0);
  });
}

// The CPU runs past the drain time within its quantum and acknowledges the THRE interrupt
// there; the kernel's later update at an earlier sc_time_stamp() must not raise it again.
TEST(Uart16550, InterruptAcknowledgedAheadOfTheKernelStaysAcknowledged) {
  runScenario([](Testbench& tb) {
    tb.vendorInit();
    tb.write(IER, IER_ETBEI.mask());
    tb.iid();
    const sc_time ahead(2, SC_US);
    const sc_time ct = tb.charTime();
    tb.write(THR, 'x', 4, ahead);
    tb.write(THR, 'y', 4, ahead + tb.loadTick());
    const sc_time late = ahead + tb.loadTick() + ct + sc_time(1, SC_NS);
    uint32_t iir = 0;
    tb.transport(tb.bus, false, IIR, iir, 4, late);
    EXPECT_EQ(IIR_IID.get(iir), 0x2u);  // y entered the shift register: THR empty
    tb.transport(tb.bus, false, IIR, iir, 4, late);
    EXPECT_EQ(IIR_IID.get(iir), 0x1u);  // acknowledged at `late`
    tb.wait(late + ct * 2.0);           // the kernel catches up past both characters
    EXPECT_FALSE(tb.irqLevel());
    EXPECT_EQ(tb.iid(), 0x1u);
    tb.write(IER, 0);
  });
}

TEST(Uart16550, ReceiveTriggerLevelAndCharacterTimeout) {
  runScenario([](Testbench& tb) {
    tb.vendorInit(kDivisor115200, FCR_FIFOE.mask() | FCR_RT.set(0, 1));  // trigger at 4
    tb.write(IER, IER_ERBFI.mask());
    tb.uart.receive("ab");
    tb.wait(tb.charTime() * 4.0 - kOnePs);
    EXPECT_FALSE(tb.irqLevel());  // below the trigger, before the time-out
    tb.wait(kOnePs);
    EXPECT_TRUE(tb.irqLevel());
    EXPECT_EQ(tb.iid(), 0xCu);  // character time-out
    tb.uart.receive("cd");
    EXPECT_EQ(tb.iid(), 0x4u);  // trigger level reached
    for (int i = 0; i < 4; ++i) tb.read(RBR);
    EXPECT_FALSE(tb.irqLevel());
    EXPECT_EQ(tb.iid(), 0x1u);
  });
}

TEST(Uart16550, LoopbackReturnsCharactersAfterTheirTime) {
  runScenario([](Testbench& tb) {
    tb.vendorInit(kDivisor115200, FCR_FIFOE.mask(), IER_ERBFI.mask());
    tb.write(MCR, MCR_LB.mask() | MCR_RTS.mask() | MCR_DTR.mask());
    EXPECT_EQ(tb.read(MSR), MSR_CTS.mask() | MSR_DSR.mask());  // modem lines looped back
    tb.write(THR, 'L');
    EXPECT_TRUE(tb.sent.empty());  // the serial output stays idle
    tb.wait(tb.loadTick() + tb.charTime() - kOnePs);
    EXPECT_FALSE(LSR_DR.test(tb.read(LSR)));
    EXPECT_FALSE(tb.irqLevel());
    tb.wait(kOnePs);
    EXPECT_TRUE(tb.irqLevel());
    EXPECT_TRUE(LSR_DR.test(tb.read(LSR)));
    EXPECT_EQ(tb.read(RBR), static_cast<uint32_t>('L'));
    EXPECT_EQ(tb.readPeer(RFL), 0u);  // nothing left the chip
  });
}

TEST(Uart16550, CrossWiredPeerReceivesAfterTheCharacterTime) {
  runScenario([](Testbench& tb) {
    tb.vendorInit();
    tb.write(THR, 0x11);
    tb.wait(tb.loadTick() + tb.charTime() - kOnePs);
    EXPECT_FALSE(LSR_DR.test(tb.readPeer(LSR)));
    tb.wait(kOnePs);
    EXPECT_TRUE(LSR_DR.test(tb.readPeer(LSR)));
    EXPECT_EQ(tb.readPeer(RBR), 0x11u);
  });
}

TEST(Uart16550, UndefinedOffsetsAreNotDecodedAndDecodedOnesStillWork) {
  runScenario([](Testbench& tb) {
    uint32_t v = 0xDEAD;
    EXPECT_EQ(tb.transport(tb.bus, false, 0x44, v, 4, SC_ZERO_TIME), tlm::TLM_OK_RESPONSE);
    EXPECT_EQ(v, 0u);  // the base reports it (once per offset) and reads 0 when not strict
    uint32_t w = 1;
    EXPECT_EQ(tb.transport(tb.bus, true, 0x44, w, 4, SC_ZERO_TIME), tlm::TLM_OK_RESPONSE);
    // In strict mode an access the model does not decode becomes a bus error.
    wtm::MmioDevice::setStrictDecode(true);
    EXPECT_EQ(tb.transport(tb.bus, false, 0x44, v, 4, SC_ZERO_TIME), tlm::TLM_ADDRESS_ERROR_RESPONSE);
    EXPECT_EQ(tb.transport(tb.bus, true, 0x44, w, 4, SC_ZERO_TIME), tlm::TLM_ADDRESS_ERROR_RESPONSE);
    EXPECT_EQ(tb.transport(tb.bus, false, LSR + 1, v, 1, SC_ZERO_TIME), tlm::TLM_ADDRESS_ERROR_RESPONSE);
    EXPECT_EQ(tb.transport(tb.bus, false, LSR, v, 4, SC_ZERO_TIME), tlm::TLM_OK_RESPONSE);
    EXPECT_EQ(v, 0x60u);
    EXPECT_EQ(tb.transport(tb.bus, true, LSR, w, 4, SC_ZERO_TIME), tlm::TLM_OK_RESPONSE);   // RO: ignored
    EXPECT_EQ(tb.transport(tb.bus, false, SRR, v, 4, SC_ZERO_TIME), tlm::TLM_OK_RESPONSE);  // WO: reads 0
    EXPECT_EQ(v, 0u);
    wtm::MmioDevice::setStrictDecode(false);
  });
}

// A debugger reads RBR, IIR and LSR while characters wait, a THRE interrupt is pending and an
// overrun is latched: it sees their values, and the firmware's later reads and the irq line are
// exactly as if it had not looked.
TEST(Uart16550, DebugReadsLeaveFifoInterruptsAndErrorsAlone) {
  runScenario([](Testbench& tb) {
    tb.vendorInit(kDivisor115200, FCR_FIFOE.mask());
    tb.write(IER, IER_ERBFI.mask() | IER_ETBEI.mask() | IER_ELSI.mask());
    ASSERT_TRUE(tb.irqLevel());  // THR empty
    periph_test::expectQuiet([&] {
      EXPECT_EQ(IIR_IID.get(tb.debugRead(IIR)), 0x2u);
      EXPECT_EQ(IIR_IID.get(tb.debugRead(IIR)), 0x2u);
    });
    EXPECT_TRUE(tb.irqLevel()) << "a debug read of IIR acknowledged THRE";
    EXPECT_EQ(tb.iid(), 0x2u);  // the firmware's read acknowledges it
    EXPECT_EQ(tb.iid(), 0x1u);
    EXPECT_FALSE(tb.irqLevel());

    tb.uart.receive("AB");
    ASSERT_TRUE(tb.irqLevel());  // received data
    periph_test::expectQuiet([&] {
      for (int i = 0; i < 3; ++i) EXPECT_EQ(tb.debugRead(RBR), uint32_t{'A'});
      EXPECT_EQ(tb.debugRead(RBR, 1), uint32_t{'A'});
      EXPECT_EQ(tb.debugRead(RFL), 2u);
      EXPECT_EQ(tb.debugRead(LSR), LSR_DR.mask() | LSR_THRE.mask() | LSR_TEMT.mask());
      EXPECT_EQ(IIR_IID.get(tb.debugRead(IIR)), 0x4u);
    });
    EXPECT_TRUE(tb.irqLevel());
    EXPECT_EQ(tb.read(RFL), 2u);
    EXPECT_EQ(tb.read(RBR), uint32_t{'A'});
    EXPECT_EQ(tb.read(RBR), uint32_t{'B'});
    EXPECT_FALSE(tb.irqLevel());

    for (int i = 0; i < 17; ++i) tb.uart.receive(static_cast<uint8_t>('a' + i));  // one too many
    ASSERT_TRUE(tb.irqLevel());
    periph_test::expectQuiet([&] {
      EXPECT_TRUE(tb.debugRead(LSR) & LSR_OE.mask());
      EXPECT_TRUE(tb.debugRead(LSR) & LSR_OE.mask());
      EXPECT_EQ(IIR_IID.get(tb.debugRead(IIR)), 0x6u);
    });
    EXPECT_TRUE(tb.irqLevel());
    EXPECT_EQ(tb.iid(), 0x6u);
    EXPECT_TRUE(tb.read(LSR) & LSR_OE.mask()) << "a debug read of LSR cleared the overrun";
    EXPECT_FALSE(tb.read(LSR) & LSR_OE.mask());
    EXPECT_EQ(tb.read(RFL), 16u);
    EXPECT_EQ(tb.read(RBR), uint32_t{'a'});
    tb.write(IER, 0);
  });
}

// Debug transport of the whole window: every byte served, undecoded offsets read 0, nothing
// reported; a debug write acts as the core's store.
TEST(Uart16550, DebugTransportCoversTheWindowAndWritesLikeTheCore) {
  runScenario([](Testbench& tb) {
    tb.vendorInit();
    tb.write(SCR, 0x5A);
    periph_test::expectQuiet([&] {
      unsigned served = 0;
      const auto window = periph_test::debugRead(tb.bus, 0, 0x1000, &served);
      EXPECT_EQ(served, 0x1000u);
      EXPECT_EQ(window[SCR], 0x5A);
      EXPECT_EQ(window[0x20], 0) << "undecoded offset";
      EXPECT_EQ(window[CTR + 3], 0x44);  // "DW" component type, high byte
      periph_test::debugRead(tb.bus, 0xFF0, 0x40, &served);
      EXPECT_EQ(served, 0x10u) << "a read past the window stops at its end";
    });
    EXPECT_EQ(periph_test::debugWrite(tb.bus, SCR, {0x33, 0, 0, 0}), 4u);
    EXPECT_EQ(tb.read(SCR), 0x33u);
    EXPECT_EQ(periph_test::debugWrite(tb.bus, THR, {'!', 0, 0, 0}), 4u);
    EXPECT_EQ(tb.sent, "!");  // transmitted, as a store to THR would
  });
}
