// DW_apb_i2s model: registers, frame timing from the RCC divider, TX FIFO to the sink, RX source
// to the FIFO, the TXFE/RXDA interrupt that doubles as the DMA request, and the vendor hal_i2s
// DMA ring (two LLIs of 16 half-words, MSIZE 16, TXDMA) feeding the sink without underruns.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "../dma/DmaTestbench.h"

// libsystemc refers to sc_main; GoogleTest provides main().
int sc_main(int, char**) { return 0; }

namespace dma_test {
namespace {

namespace i2s = wtm::periph::i2s;
using wtm::periph::I2sFormat;
using wtm::periph::I2sFrame;

struct Captured {
  I2sFrame frame;
  I2sFormat format;
  sc_time at;
};

uint32_t i2sRead(Testbench& tb, uint32_t off) { return tb.read(kI2sBase + off); }
void i2sWrite(Testbench& tb, uint32_t off, uint32_t v) { tb.write(kI2sBase + off, v); }

// hal_i2s_parameter_config for a 16 kHz, 16-bit master transmitter (divider 47 at 24.576 MHz).
void configureTx16k(Testbench& tb, uint32_t tfcr) {
  tb.i2s.setClockDivider(47);
  i2sWrite(tb, i2s::IER, 0);
  i2sWrite(tb, i2s::M_L_SW, 0);
  i2sWrite(tb, i2s::CER, 0);
  i2sWrite(tb, i2s::CCR, i2s::CCR_WSS.set(0, 0));  // 16 SCLK per word
  i2sWrite(tb, i2s::TCR, 2);                       // 16-bit words
  i2sWrite(tb, i2s::TFCR, tfcr);
  i2sWrite(tb, i2s::TFF, 1);
  i2sWrite(tb, i2s::ITER, 1);
  i2sWrite(tb, i2s::TER, 1);
  i2sWrite(tb, i2s::IMR, i2sRead(tb, i2s::IMR) & ~i2s::IMR_TXFEM.mask());
  i2sWrite(tb, i2s::IER, 1);
}

TEST(I2s, ResetValues) {
  runScenario([](Testbench& tb) {
    EXPECT_EQ(i2sRead(tb, i2s::IMR), 0x33u);
    EXPECT_EQ(i2sRead(tb, i2s::COMP_TYPE), 0x445701A0u);
    EXPECT_EQ(i2sRead(tb, i2s::ISR), 0u);
    EXPECT_EQ(i2sRead(tb, i2s::RER), 1u);
    EXPECT_EQ(i2sRead(tb, i2s::TER), 1u);
    EXPECT_FALSE(tb.i2s.dmaRequest());
  });
}

TEST(I2s, MasterTransmitsFifoFramesAtTheDividedRate) {
  runScenario([](Testbench& tb) {
    std::vector<Captured> got;
    tb.i2s.setTxSink([&](const I2sFrame& f, const I2sFormat& fmt, const sc_time& at) { got.push_back({f, fmt, at}); });
    configureTx16k(tb, 0);
    EXPECT_DOUBLE_EQ(tb.i2s.frameRate(), 16000.0);  // 24.576 MHz / 48 / 32
    // TX enabled and empty: TXFE, unmasked -> interrupt and DMA request.
    EXPECT_TRUE(i2sRead(tb, i2s::ISR) & i2s::ISR_TXFE.mask());
    EXPECT_TRUE(tb.i2s.dmaRequest());
    for (int i = 0; i < 3; ++i) {
      i2sWrite(tb, i2s::LTHR, static_cast<uint32_t>(1000 * (i + 1)));
      i2sWrite(tb, i2s::RTHR, static_cast<uint32_t>(-1000 * (i + 1)) & 0xFFFFu);
    }
    EXPECT_FALSE(tb.i2s.dmaRequest());
    EXPECT_EQ(tb.i2s.txLevel(), 3u);
    tb.wait(sc_time(1, sc_core::SC_MS));
    EXPECT_TRUE(got.empty()) << "frames without CER.CLKEN";
    const sc_time t0 = sc_core::sc_time_stamp();
    i2sWrite(tb, i2s::CER, 1);
    tb.wait(sc_time(1, sc_core::SC_MS));
    ASSERT_EQ(got.size(), 16u);  // 1 ms at 16 kHz
    for (int i = 0; i < 3; ++i) {
      EXPECT_EQ(got[i].frame.left, 1000 * (i + 1));
      EXPECT_EQ(got[i].frame.right, -1000 * (i + 1)) << "16-bit word not sign-extended";
    }
    EXPECT_EQ(got[5].frame.left, 0);
    EXPECT_EQ(tb.i2s.underruns(), 13u);
    EXPECT_EQ(got[0].format.wordBits, 16u);
    EXPECT_DOUBLE_EQ(got[0].format.frameRate, 16000.0);
    EXPECT_EQ(got[0].at - t0, sc_time(62.5, sc_core::SC_US));
    EXPECT_EQ(got[1].at - got[0].at, sc_time(62.5, sc_core::SC_US));
    EXPECT_TRUE(tb.i2s.dmaRequest());
    tb.settle();
    EXPECT_TRUE(tb.i2sIrq.read());
    // Overrun: a full FIFO drops the word and sets TXFO until TOR is read.
    i2sWrite(tb, i2s::CER, 0);
    for (unsigned i = 0; i <= DwApbI2s::kFifoDepth; ++i) i2sWrite(tb, i2s::LTHR, i);
    EXPECT_TRUE(i2sRead(tb, i2s::ISR) & i2s::ISR_TXFO.mask());
    EXPECT_EQ(i2sRead(tb, i2s::TOR), 1u);
    EXPECT_FALSE(i2sRead(tb, i2s::ISR) & i2s::ISR_TXFO.mask());
    tb.i2s.setTxSink(nullptr);
  });
}

TEST(I2s, ReceiverFillsFifoFromSourceAndRaisesRxda) {
  runScenario([](Testbench& tb) {
    int n = 0;
    tb.i2s.setRxSource([&](I2sFrame& f, const I2sFormat&) {
      ++n;
      f.left = n;
      f.right = -n;
      return true;
    });
    tb.i2s.setClockDivider(47);
    i2sWrite(tb, i2s::CCR, 0);
    i2sWrite(tb, i2s::RCR, 2);
    i2sWrite(tb, i2s::RFCR, 3);  // RXDA at 4 entries
    i2sWrite(tb, i2s::IRER, 1);
    i2sWrite(tb, i2s::IMR, 0x33u & ~i2s::IMR_RXDAM.mask());
    i2sWrite(tb, i2s::IER, 1);
    i2sWrite(tb, i2s::CER, 1);
    tb.wait(sc_time(62.5 * 3 + 1, sc_core::SC_US));
    EXPECT_EQ(tb.i2s.rxLevel(), 3u);
    EXPECT_FALSE(tb.i2s.dmaRequest());
    tb.wait(sc_time(62.5, sc_core::SC_US));
    EXPECT_TRUE(tb.i2s.dmaRequest());
    EXPECT_EQ(i2sRead(tb, i2s::LRBR), 1u);
    EXPECT_EQ(i2sRead(tb, i2s::RRBR), 0xFFFFu);  // -1 in 16 bits, popped with the right word
    EXPECT_EQ(i2sRead(tb, i2s::RXDMA), 2u);
    EXPECT_EQ(i2sRead(tb, i2s::RXDMA), 0xFFFEu);
    EXPECT_FALSE(tb.i2s.dmaRequest());
    tb.wait(sc_time(1, sc_core::SC_MS));
    EXPECT_TRUE(i2sRead(tb, i2s::ISR) & i2s::ISR_RXFO.mask());
    EXPECT_EQ(tb.i2s.rxLevel(), DwApbI2s::kFifoDepth);
    EXPECT_EQ(i2sRead(tb, i2s::ROR), 1u);
    i2sWrite(tb, i2s::IER, 0);
    EXPECT_EQ(tb.i2s.rxLevel(), 0u) << "disabling the block empties the FIFOs";
    tb.i2s.setRxSource(nullptr);
  });
}

// hal_i2s (HAL_I2S_ONLY_SEND, 16-bit): DMA channel 2, two LLIs in a ring, 16 half-words each,
// MSIZE 16, memory -> TXDMA with handshake 10; 8 zero frames pre-filled; block interrupt per LLI.
TEST(I2s, HalDmaRingFeedsTheSinkWithoutUnderruns) {
  runScenario([](Testbench& tb) {
    std::vector<I2sFrame> got;
    tb.i2s.setTxSink([&](const I2sFrame& f, const I2sFormat&, const sc_time&) { got.push_back(f); });
    const uint32_t cache = kSramSys + 0x2000, lli = kSramSys + 0x3000;
    // cache_buffer: 32 half-words, 16 per block; left = 100 + i, right = -(100 + i).
    for (int i = 0; i < 16; ++i) {
      const int16_t l = static_cast<int16_t>(100 + i), r = static_cast<int16_t>(-(100 + i));
      std::memcpy(tb.mem(cache + 4 * i), &l, 2);
      std::memcpy(tb.mem(cache + 4 * i + 2), &r, 2);
    }
    configureTx16k(tb, 0);
    for (int i = 0; i < 8; ++i) {  // hal_i2s_data_prehandle
      i2sWrite(tb, i2s::LTHR, 0);
      i2sWrite(tb, i2s::RTHR, 0);
    }
    Ctl ctl;
    ctl.srcWidth = ctl.dstWidth = 1;
    ctl.dinc = 2;
    ctl.srcMsize = ctl.dstMsize = 3;  // 16 items
    ctl.ttfc = 1;
    ctl.llpSrc = ctl.llpDst = true;
    const uint32_t txdma = static_cast<uint32_t>(kI2sBase + i2s::TXDMA);
    const uint32_t items[2][7] = {{cache, txdma, lli + 28, ctl.value(), 16, 0, 0},
                                  {cache + 32, txdma, lli, ctl.value(), 16, 0, 0}};
    std::memcpy(tb.mem(lli), items, sizeof items);
    tb.dmaWrite(regs::DMA_CFG, 1);
    tb.chWrite(2, regs::CTL, ctl.value());
    tb.chWrite(2, regs::CFG, 0);
    tb.chWrite(2, regs::CFG_HI,
               regs::CFG_HI_SRC_PER.set(0, kI2sHandshake) | regs::CFG_HI_DEST_PER.set(0, kI2sHandshake));
    tb.dmaWrite(regs::MASK_BLOCK, 0x404);
    tb.chWrite(2, regs::SAR, 0);
    tb.chWrite(2, regs::DAR, 0);
    tb.chWrite(2, regs::CTL_HI, 0);
    tb.chWrite(2, regs::LLP, lli);
    i2sWrite(tb, i2s::CER, 1);
    tb.dmaWrite(regs::CH_EN, 0x404);
    unsigned blocks = 0;
    const sc_time end = sc_core::sc_time_stamp() + sc_time(10, sc_core::SC_MS);
    while (sc_core::sc_time_stamp() < end) {  // the DMA_IRQHandler: count and clear blocks
      tb.wait(sc_time(20, sc_core::SC_US));
      if (tb.dmaRead(regs::STATUS_BLOCK) & 4u) {
        ++blocks;
        tb.dmaWrite(regs::CLEAR_BLOCK, 4);
      }
    }
    EXPECT_EQ(tb.i2s.underruns(), 0u);
    ASSERT_GE(got.size(), 159u);  // 10 ms at 16 kHz
    EXPECT_LE(got.size(), 160u);
    for (int i = 0; i < 8; ++i) EXPECT_EQ(got[i].left, 0) << "pre-filled frame " << i;
    // Then the ring: frames 0..7 of block 0, 8..15 of block 1, again and again.
    for (size_t k = 8; k < got.size(); ++k) {
      const int expect = 100 + static_cast<int>((k - 8) % 16);
      ASSERT_EQ(got[k].left, expect) << "frame " << k;
      ASSERT_EQ(got[k].right, -expect) << "frame " << k;
    }
    EXPECT_NEAR(blocks, 19.0, 1.5);  // one LLI every 8 frames (0.5 ms)
    EXPECT_EQ(tb.dmaRead(regs::CH_EN), 4u) << "the ring never ends";
    tb.dmaWrite(regs::CH_EN, 0x400);
    i2sWrite(tb, i2s::CER, 0);
    tb.i2s.setTxSink(nullptr);
  });
}

// The vendor i2s_int_dma wiring (--i2s-loopback): I2S1 master transmits 32-bit words by DMA, I2S0
// slave receives them on its RXDA interrupt; the slave's TX travels back to the master's RX.
TEST(I2s, PeerLinkCarriesFramesBothWaysOnTheMastersClock) {
  runScenario([](Testbench& tb) {
    tb.i2s.connectPeer(tb.i2sPeer);
    auto peerWrite = [&](uint32_t off, uint32_t v) { tb.write(kI2sPeerBase + off, v); };
    auto peerRead = [&](uint32_t off) { return tb.read(kI2sPeerBase + off); };
    tb.i2s.setClockDivider(16);
    tb.i2sPeer.setClockDivider(16);
    // Slave: receiver and transmitter, 32-bit words, RXDA at 2 entries.
    peerWrite(i2s::M_L_SW, 1);
    peerWrite(i2s::CCR, i2s::CCR_WSS.set(0, 2));
    peerWrite(i2s::RCR, 5);
    peerWrite(i2s::TCR, 5);
    peerWrite(i2s::RFCR, 1);
    peerWrite(i2s::IRER, 1);
    peerWrite(i2s::ITER, 1);
    peerWrite(i2s::IMR, 0x33u & ~i2s::IMR_RXDAM.mask());
    peerWrite(i2s::IER, 1);
    peerWrite(i2s::LTHR, 0xCAFE0001u);
    peerWrite(i2s::RTHR, 0xCAFE0002u);
    tb.wait(sc_time(1, sc_core::SC_MS));
    EXPECT_EQ(tb.i2sPeer.framesReceived(), 0u) << "a slave without a clock received frames";
    // Master: transmitter + receiver, 32 SCLK per word: 24.576 MHz / 17 / 64.
    i2sWrite(tb, i2s::CCR, i2s::CCR_WSS.set(0, 2));
    i2sWrite(tb, i2s::TCR, 5);
    i2sWrite(tb, i2s::RCR, 5);
    i2sWrite(tb, i2s::ITER, 1);
    i2sWrite(tb, i2s::IRER, 1);
    i2sWrite(tb, i2s::IER, 1);
    i2sWrite(tb, i2s::LTHR, 0x01010101u);
    i2sWrite(tb, i2s::RTHR, 0x02020202u);
    i2sWrite(tb, i2s::LTHR, 0x03030303u);
    i2sWrite(tb, i2s::RTHR, 0x04040404u);
    const double rate = 24.576e6 / 17 / 64;
    i2sWrite(tb, i2s::CER, 1);
    tb.wait(sc_time(2.5 / rate, sc_core::SC_SEC));
    EXPECT_EQ(tb.i2sPeer.framesReceived(), 2u);
    tb.settle();
    EXPECT_TRUE(tb.i2sPeerIrq.read()) << "RXDA at 2 entries";
    EXPECT_EQ(peerRead(i2s::LRBR), 0x01010101u);
    EXPECT_EQ(peerRead(i2s::RRBR), 0x02020202u);
    EXPECT_EQ(peerRead(i2s::LRBR), 0x03030303u);
    EXPECT_EQ(peerRead(i2s::RRBR), 0x04040404u);
    EXPECT_EQ(i2sRead(tb, i2s::LRBR), 0xCAFE0001u) << "the slave's first frame did not reach the master";
    EXPECT_EQ(i2sRead(tb, i2s::RRBR), 0xCAFE0002u);
    i2sWrite(tb, i2s::CER, 0);
    tb.wait(sc_time(1, sc_core::SC_MS));
    EXPECT_EQ(tb.i2sPeer.framesReceived(), 2u) << "the slave kept receiving after the master's clock stopped";
    tb.i2s.disconnectPeer();
  });
}

// A debugger reads the receive data and the overrun flags of a full receiver and a transmitter
// that overflowed: no entry is popped, RXDMA keeps its left/right phase, ROR/TOR clear nothing,
// the line and the DMA request stay as they were.
TEST(I2s, DebugReadsPopAndClearNothing) {
  runScenario([](Testbench& tb) {
    int n = 0;
    tb.i2s.setRxSource([&](I2sFrame& f, const I2sFormat&) {
      ++n;
      f.left = n;
      f.right = 100 + n;
      return true;
    });
    tb.i2s.setClockDivider(47);
    i2sWrite(tb, i2s::CCR, 0);
    i2sWrite(tb, i2s::RCR, 2);
    i2sWrite(tb, i2s::IRER, 1);
    i2sWrite(tb, i2s::IMR, 0x33u & ~(i2s::IMR_RXFOM.mask() | i2s::IMR_TXFOM.mask()));
    i2sWrite(tb, i2s::IER, 1);
    i2sWrite(tb, i2s::CER, 1);
    tb.wait(sc_time(1, sc_core::SC_MS));  // 16 frames into 8 entries: overrun
    i2sWrite(tb, i2s::CER, 0);
    for (unsigned i = 0; i <= DwApbI2s::kFifoDepth; ++i) i2sWrite(tb, i2s::LTHR, i);  // TX overflow
    tb.settle();
    ASSERT_TRUE(tb.i2sIrq.read());
    const bool request = tb.i2s.dmaRequest();
    periph_test::expectQuiet([&] {
      for (int i = 0; i < 2; ++i) {
        EXPECT_EQ(tb.debugRead(kI2sBase + i2s::LRBR), 1u);
        EXPECT_EQ(tb.debugRead(kI2sBase + i2s::RRBR), 101u);
        EXPECT_EQ(tb.debugRead(kI2sBase + i2s::RXDMA), 1u);  // the left word comes first
        EXPECT_EQ(tb.debugRead(kI2sBase + i2s::ROR), 1u);
        EXPECT_EQ(tb.debugRead(kI2sBase + i2s::TOR), 1u);
      }
      const uint32_t overruns = i2s::ISR_RXFO.mask() | i2s::ISR_TXFO.mask();
      EXPECT_EQ(tb.debugRead(kI2sBase + i2s::ISR) & overruns, overruns);
    });
    tb.settle();
    EXPECT_TRUE(tb.i2sIrq.read());
    EXPECT_EQ(tb.i2s.dmaRequest(), request);
    EXPECT_EQ(tb.i2s.rxLevel(), DwApbI2s::kFifoDepth);
    EXPECT_EQ(i2sRead(tb, i2s::RXDMA), 1u);
    EXPECT_EQ(i2sRead(tb, i2s::RXDMA), 101u);
    EXPECT_EQ(i2sRead(tb, i2s::LRBR), 2u);
    EXPECT_EQ(i2sRead(tb, i2s::RRBR), 102u);
    EXPECT_EQ(tb.i2s.rxLevel(), DwApbI2s::kFifoDepth - 2);
    EXPECT_EQ(i2sRead(tb, i2s::ROR), 1u);
    EXPECT_EQ(i2sRead(tb, i2s::TOR), 1u);
    EXPECT_EQ(i2sRead(tb, i2s::ROR), 0u);
    tb.settle();
    EXPECT_FALSE(tb.i2sIrq.read());
    i2sWrite(tb, i2s::IER, 0);
    tb.i2s.setRxSource(nullptr);
  });
}

}  // namespace
}  // namespace dma_test
