// DW_apb_ssi as SPIM / SPIS, driven through TLM like the vendor spi.c.
#include <gtest/gtest.h>

#include <vector>

#include "MmioTestbench.h"
#include "common/ClockDomain.h"
#include "periph/qspi/SpiNorFlash.h"
#include "periph/spi/DwApbSsi.h"
#include "periph/spi/spi_regs.h"

int sc_main(int, char**) { return 0; }

namespace {

using namespace wtm::periph;
namespace r = wtm::periph::spi;
using periph_test::MmioTestbench;

struct Bench {
  wtm::ClockDomain pclk{"pclk", 24.576e6};
  DwApbSsi spim{"spim", DwApbSsi::Role::Master, pclk};
  DwApbSsi spis{"spis", DwApbSsi::Role::Slave, pclk};
  sc_core::sc_signal<bool> irqM{"irq_m"}, irqS{"irq_s"};
  MmioTestbench tbM{"tb_m", spim};
  MmioTestbench tbS{"tb_s", spis};
  std::vector<uint8_t> storage = std::vector<uint8_t>(1 << 20, 0xFF);
  SpiNorFlash flash{"flash", storage.data(), 1 << 20};
  Bench() {
    spim.irq.bind(irqM);
    spis.irq.bind(irqS);
  }
};

Bench& bench() { return wtm::test::elaboratedOnce<Bench>(); }

constexpr unsigned kBaudDivider = 4;

// Waits while `frames` frames of `bits` bits go over the wires (BAUDR = kBaudDivider).
void waitFrames(MmioTestbench& tb, unsigned frames, unsigned bits = 8) {
  tb.wait(bench().pclk.period() * static_cast<double>(frames * bits * kBaudDivider));
}

// SPI_Init (8-bit frames, mode 0, CS0) + SPI_Cmd(ENABLE).
void init(MmioTestbench& tb, uint32_t tmod = 0, unsigned bits = 8) {
  tb.write(r::SSIENR, 0);
  tb.write(r::CTRLR0, r::CTRLR0_DFS_32.set(0, bits - 1) | r::CTRLR0_TMOD.set(0, tmod));
  tb.write(r::BAUDR, kBaudDivider);
  tb.write(r::SER, 1);
  tb.write(r::SSIENR, 1);
}

TEST(Spi, ResetStatusAndLoopbackWithNothingAttached) {
  Bench& b = bench();
  b.spim.attach(nullptr);
  ASSERT_TRUE(b.tbM.run([](MmioTestbench& tb) {
    EXPECT_EQ(tb.read(r::SR), 0x06u);  // TFE, TFNF (soc.md §7.3)
    EXPECT_EQ(tb.read(r::RXFLR), 0u);
    init(tb);
    tb.write(r::DR, 0xA5);
    tb.write(r::DR, 0x3C);
    EXPECT_EQ(tb.read(r::TXFLR), 1u);  // 0xA5 is on the wires, 0x3C waits
    EXPECT_TRUE(tb.read(r::SR) & r::SR_BUSY.mask());
    waitFrames(tb, 1);
    EXPECT_EQ(tb.read(r::RXFLR), 1u);  // a frame's word arrives as the frame ends
    waitFrames(tb, 1);
    EXPECT_EQ(tb.read(r::RXFLR), 2u);
    const uint32_t fifoFlags =
        r::SR_BUSY.mask() | r::SR_TFNF.mask() | r::SR_TFE.mask() | r::SR_RFNE.mask() | r::SR_RFF.mask();
    EXPECT_EQ(tb.read(r::SR) & fifoFlags, r::SR_TFNF.mask() | r::SR_TFE.mask() | r::SR_RFNE.mask());  // not busy
    EXPECT_EQ(tb.read(r::DR), 0xA5u);
    EXPECT_EQ(tb.read(r::DR), 0x3Cu);
    tb.read(r::DR);  // underflow
    EXPECT_TRUE(tb.read(r::RISR) & r::RISR_RXUIR.mask());
    EXPECT_EQ(tb.read(r::RXUICR), 1u);
    EXPECT_FALSE(tb.read(r::RISR) & r::RISR_RXUIR.mask());
  }));
}

TEST(Spi, SerZeroHoldsFramesForOneBurstAndRxOverflowLatches) {
  Bench& b = bench();
  b.spim.attach(nullptr);
  ASSERT_TRUE(b.tbM.run([](MmioTestbench& tb) {
    init(tb);
    tb.write(r::SER, 0);
    constexpr unsigned kDepth = DwApbSsi::kFifoDepth;
    for (unsigned i = 0; i < kDepth; ++i) tb.write(r::DR, i);
    EXPECT_EQ(tb.read(r::TXFLR), kDepth);
    EXPECT_FALSE(tb.read(r::SR) & r::SR_TFNF.mask());
    tb.write(r::DR, 99);  // overflow
    EXPECT_TRUE(tb.read(r::RISR) & r::RISR_TXOIR.mask());
    tb.write(r::SER, 1);
    EXPECT_EQ(tb.read(r::TXFLR), kDepth - 1);
    waitFrames(tb, kDepth);
    EXPECT_EQ(tb.read(r::TXFLR), 0u);
    EXPECT_EQ(tb.read(r::RXFLR), kDepth);
    EXPECT_TRUE(tb.read(r::SR) & r::SR_RFF.mask());
    EXPECT_EQ(tb.read(r::ICR), 1u);
    tb.write(r::DR, 99);  // one received frame more than the RX FIFO holds overflows it
    waitFrames(tb, 1);
    EXPECT_TRUE(tb.read(r::RISR) & r::RISR_RXOIR.mask());
    tb.write(r::SSIENR, 0);  // disabling empties the FIFOs
    EXPECT_EQ(tb.read(r::RXFLR), 0u);
  }));
}

TEST(Spi, MasterTalksToAFlashOnCs0) {
  Bench& b = bench();
  b.spim.attach(&b.flash, 0);
  ASSERT_TRUE(b.tbM.run([](MmioTestbench& tb) {
    init(tb);
    tb.write(r::SER, 0);
    for (uint32_t v : {0x9Fu, 0u, 0u, 0u}) tb.write(r::DR, v);
    tb.write(r::SER, 1);
    waitFrames(tb, 4);
    std::vector<uint32_t> in;
    while (tb.read(r::SR) & r::SR_RFNE.mask()) in.push_back(tb.read(r::DR));
    EXPECT_EQ(in, (std::vector<uint32_t>{0xFF, 0xBA, 0x60, 0x15}));
    // EEPROM read mode: send 0x03 + address, then receive NDF+1 frames.
    init(tb, 3);
    tb.write(r::CTRLR1, 3);
    tb.write(r::SER, 0);
    for (uint32_t v : {0x03u, 0u, 0u, 0x10u}) tb.write(r::DR, v);
    tb.write(r::SER, 1);
    waitFrames(tb, 8);
    EXPECT_EQ(tb.read(r::RXFLR), 4u);
  }));
  EXPECT_EQ(b.storage[0x10], 0xFF);
}

TEST(Spi, MasterCrossWiredToSlave) {
  Bench& b = bench();
  b.spim.attach(&b.spis, 0);
  ASSERT_TRUE(b.tbS.run([](MmioTestbench& tb) {
    init(tb);
    tb.write(r::SER, 0);
    tb.write(r::DR, 0x11);
    tb.write(r::DR, 0x22);
  }));
  ASSERT_TRUE(b.tbM.run([](MmioTestbench& tb) {
    init(tb);
    tb.write(r::SER, 0);
    for (uint32_t v : {0xA1u, 0xA2u, 0xA3u}) tb.write(r::DR, v);
    tb.write(r::SER, 1);
    waitFrames(tb, 3);
    EXPECT_EQ(tb.read(r::DR), 0x11u);
    EXPECT_EQ(tb.read(r::DR), 0x22u);
    EXPECT_EQ(tb.read(r::DR), 0x00u);  // slave TX FIFO ran empty
  }));
  ASSERT_TRUE(b.tbS.run([](MmioTestbench& tb) {
    EXPECT_EQ(tb.read(r::RXFLR), 3u);
    EXPECT_TRUE(tb.read(r::SR) & r::SR_TXE.mask());   // shifted out with an empty TX FIFO
    EXPECT_FALSE(tb.read(r::SR) & r::SR_TXE.mask());  // cleared by the read
    EXPECT_EQ(tb.read(r::DR), 0xA1u);
    EXPECT_EQ(tb.read(r::DR), 0xA2u);
    EXPECT_EQ(tb.read(r::DR), 0xA3u);
  }));
}

TEST(Spi, InterruptsFollowThresholdsAndMask) {
  Bench& b = bench();
  b.spim.attach(nullptr);
  ASSERT_TRUE(b.tbM.run([&](MmioTestbench& tb) {
    init(tb);
    tb.write(r::IMR, r::IMR_RXFIM.mask());
    tb.write(r::RXFTLR, 1);
    tb.settle();
    EXPECT_FALSE(b.irqM.read());
    tb.write(r::DR, 1);
    waitFrames(tb, 1);
    tb.settle();
    EXPECT_FALSE(b.irqM.read());  // level 1 is not above threshold 1
    tb.write(r::DR, 2);
    tb.settle();
    EXPECT_FALSE(b.irqM.read());  // the frame is still on the wires
    waitFrames(tb, 1);
    tb.settle();
    EXPECT_TRUE(b.irqM.read());  // raised as the frame ends, with no access
    EXPECT_EQ(tb.read(r::ISR), r::RISR_RXFIR.mask());
    tb.read(r::DR);
    tb.settle();
    EXPECT_FALSE(b.irqM.read());
    tb.write(r::IMR, r::IMR_TXEIM.mask());  // TX FIFO empty, at or below threshold 0
    tb.settle();
    EXPECT_TRUE(b.irqM.read());
    tb.write(r::SSIENR, 0);
  }));
}

}  // namespace

// A debugger reads DR, SR and the interrupt-clear registers: frames stay in the RX FIFO, the
// overflow stays latched (and the line high), SR.TXE of the slave is not cleared.
TEST(Spi, DebugReadsPopAndClearNothing) {
  Bench& b = bench();
  b.spim.attach(nullptr);
  ASSERT_TRUE(b.tbM.run([&](MmioTestbench& tb) {
    init(tb);
    tb.read(r::ICR);  // flags an earlier scenario left latched
    tb.write(r::IMR, r::RISR_RXOIR.mask());
    tb.write(r::SER, 0);
    for (uint32_t i = 0; i < DwApbSsi::kFifoDepth; ++i) tb.write(r::DR, 0x10 + i);
    tb.write(r::SER, 1);    // a FIFO's worth of frames loops back into the RX FIFO
    tb.write(r::DR, 0x99);  // one more: RX overflow
    waitFrames(tb, DwApbSsi::kFifoDepth + 1);
    tb.settle();
    ASSERT_TRUE(b.irqM.read());
    periph_test::expectQuiet([&] {
      for (int i = 0; i < 2; ++i) EXPECT_EQ(tb.debugRead(r::DR), 0x10u);
      EXPECT_EQ(tb.debugRead(r::RXFLR), DwApbSsi::kFifoDepth);
      EXPECT_EQ(tb.debugRead(r::RXOICR), 1u);
      EXPECT_EQ(tb.debugRead(r::ICR), 1u);
      EXPECT_TRUE(tb.debugRead(r::RISR) & r::RISR_RXOIR.mask());
    });
    tb.settle();
    EXPECT_TRUE(b.irqM.read()) << "a debug read cleared the overflow";
    EXPECT_EQ(tb.read(r::RXFLR), DwApbSsi::kFifoDepth);
    for (uint32_t i = 0; i < DwApbSsi::kFifoDepth; ++i) EXPECT_EQ(tb.read(r::DR), 0x10 + i);
    EXPECT_EQ(tb.debugRead(r::DR), 0u);  // empty: no underflow either
    EXPECT_FALSE(tb.read(r::RISR) & r::RISR_RXUIR.mask());
    EXPECT_EQ(tb.read(r::RXOICR), 1u);
    tb.settle();
    EXPECT_FALSE(b.irqM.read());
    tb.write(r::IMR, r::IMR_FIELDS);
  }));
  // The slave answered a frame from an empty TX FIFO: SR.TXE until the firmware reads SR.
  b.spim.attach(&b.spis, 0);
  ASSERT_TRUE(b.tbS.run([](MmioTestbench& tb) { init(tb); }));
  ASSERT_TRUE(b.tbM.run([](MmioTestbench& tb) {
    init(tb);
    tb.write(r::DR, 0x5A);
  }));
  ASSERT_TRUE(b.tbS.run([](MmioTestbench& tb) {
    periph_test::expectQuiet([&] {
      EXPECT_TRUE(tb.debugRead(r::SR) & r::SR_TXE.mask());
      EXPECT_TRUE(tb.debugRead(r::SR) & r::SR_TXE.mask());
    });
    EXPECT_TRUE(tb.read(r::SR) & r::SR_TXE.mask()) << "a debug read cleared SR.TXE";
    EXPECT_FALSE(tb.read(r::SR) & r::SR_TXE.mask());
    EXPECT_EQ(tb.read(r::DR), 0x5Au);
  }));
}

// DMA handshakes: dma_tx_req while TXFLR <= DMATDLR, dma_tx_single while the TX FIFO has room,
// dma_rx_req while RXFLR > DMARDLR, dma_rx_single while a frame waits; each level is already
// updated when the access that changed the FIFO returns (a DMA decides on it at once).
TEST(Spi, DmaHandshakesFollowTheFifoLevelsWithinTheAccess) {
  Bench& b = bench();
  b.spim.attach(nullptr);
  ASSERT_TRUE(b.tbM.run([&b](MmioTestbench& tb) {
    init(tb);
    EXPECT_FALSE(b.spim.dmaTx().request());  // DMACR = 0: no requests
    tb.write(r::DMATDLR, 2);
    tb.write(r::DMARDLR, 1);
    tb.write(r::DMACR, r::DMACR_TDMAE.mask() | r::DMACR_RDMAE.mask());
    EXPECT_TRUE(b.spim.dmaTx().request());
    EXPECT_TRUE(b.spim.dmaTx().single());
    EXPECT_FALSE(b.spim.dmaRx().request());
    EXPECT_FALSE(b.spim.dmaRx().single());
    tb.write(r::SER, 0);  // frames stay in the TX FIFO
    constexpr unsigned kDepth = DwApbSsi::kFifoDepth;
    for (unsigned level = 1; level <= kDepth; ++level) {
      tb.write(r::DR, level);
      EXPECT_EQ(b.spim.dmaTx().request(), level <= 2) << level;
      EXPECT_EQ(b.spim.dmaTx().single(), level < kDepth) << level;
    }
    tb.write(r::SER, 1);  // one frame on the wires, the others wait
    EXPECT_FALSE(b.spim.dmaTx().request());
    waitFrames(tb, kDepth - 3);  // no access: the levels follow the frames as they go
    tb.settle();
    EXPECT_TRUE(b.spim.dmaTx().request());  // two left waiting
    waitFrames(tb, 3);
    tb.settle();
    EXPECT_TRUE(b.spim.dmaRx().request());
    for (unsigned left = kDepth - 1; left > 0; --left) {
      tb.read(r::DR);
      EXPECT_EQ(b.spim.dmaRx().request(), left > 1) << left;
      EXPECT_TRUE(b.spim.dmaRx().single()) << left;
    }
    tb.read(r::DR);
    EXPECT_FALSE(b.spim.dmaRx().single());
    tb.write(r::SSIENR, 0);  // a disabled block requests nothing
    EXPECT_FALSE(b.spim.dmaTx().request());
    EXPECT_FALSE(b.spim.dmaTx().single());
    tb.write(r::DMACR, 0);
  }));
}

// What the board's DMA sees: each level change reaches the connected outputs once, in order.
TEST(Spi, ConnectedDmaOutputsSeeEachChangeOnce) {
  Bench& b = bench();
  b.spim.attach(nullptr);
  std::vector<int> seen;
  b.spim.dmaRx().connect([&seen](bool level) { seen.push_back(level ? 1 : 0); },
                         [&seen](bool level) { seen.push_back(level ? 11 : 10); });
  EXPECT_EQ(seen, (std::vector<int>{0, 10}));  // connecting reports the present levels
  ASSERT_TRUE(b.tbM.run([](MmioTestbench& tb) {
    init(tb);
    tb.write(r::DMARDLR, 0);
    tb.write(r::DMACR, r::DMACR_RDMAE.mask());
    tb.write(r::DR, 1);
    waitFrames(tb, 1);
    tb.write(r::DR, 2);
    waitFrames(tb, 1);
    tb.read(r::DR);
    tb.read(r::DR);
    tb.write(r::DMACR, 0);
  }));
  b.spim.dmaRx().connect({}, {});
  EXPECT_EQ(seen, (std::vector<int>{0, 10, 1, 11, 0, 10}));
}
