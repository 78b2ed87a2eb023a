// DW_ahb_dmac model: register semantics, memory-to-memory transfers of every width/address
// mode, linked lists, auto-reload with its stall, hardware and software handshaking, interrupt
// status/mask/clear, priorities, errors and the documented transfer timing.
#include <gtest/gtest.h>

#include <numeric>

#include "DmaTestbench.h"

// libsystemc refers to sc_main; GoogleTest provides main().
int sc_main(int, char**) { return 0; }

namespace dma_test {
namespace {

constexpr uint32_t kSrc = kSramSys + 0x1000;
constexpr uint32_t kDst = kSramSys + 0x4000;

void enableDma(Testbench& tb) { tb.dmaWrite(regs::DMA_CFG, 1); }
void enableChannel(Testbench& tb, unsigned ch) { tb.dmaWrite(regs::CH_EN, (0x101u << ch)); }
void unmask(Testbench& tb, uint32_t maskReg, unsigned ch) { tb.dmaWrite(maskReg, 0x101u << ch); }
// CFG low word with hardware handshaking on both sides, as DMA_Init writes it.
uint32_t cfgHw(unsigned prio = 0) { return regs::CFG_CH_PRIOR.set(0, prio); }

void program(Testbench& tb, unsigned ch, const Ctl& ctl, uint32_t sar, uint32_t dar, uint32_t blockTs, uint32_t llp = 0,
             uint32_t cfg = cfgHw(), uint32_t cfgHi = 0) {
  tb.chWrite(ch, regs::CTL, ctl.value());
  tb.chWrite(ch, regs::CTL_HI, 0);
  tb.chWrite(ch, regs::CFG, cfg);
  tb.chWrite(ch, regs::CFG_HI, cfgHi);
  tb.chWrite(ch, regs::SAR, sar);
  tb.chWrite(ch, regs::DAR, dar);
  tb.chWrite(ch, regs::CTL_HI, blockTs);
  tb.chWrite(ch, regs::LLP, llp);
}

// Waits until the channel's CH_EN bit clears; false after `limit`.
bool waitIdle(Testbench& tb, unsigned ch, sc_time limit = sc_time(10, sc_core::SC_MS)) {
  const sc_time end = sc_core::sc_time_stamp() + limit;
  while (tb.dmaRead(regs::CH_EN) & (1u << ch)) {
    if (sc_core::sc_time_stamp() >= end) return false;
    tb.wait(tb.cycles(8));
  }
  return true;
}

void fillPattern(Testbench& tb, uint32_t address, unsigned bytes, uint8_t seed) {
  for (unsigned i = 0; i < bytes; ++i) tb.mem(address)[i] = static_cast<uint8_t>(seed + i * 7);
}

TEST(Dma, ResetValuesAndRegisterSemantics) {
  runScenario([](Testbench& tb) {
    EXPECT_EQ(tb.dmaRead(regs::COMPONENT_ID), 0x44571110u);
    EXPECT_EQ(tb.dmaRead(regs::DMA_CFG), 0u);
    EXPECT_EQ(tb.dmaRead(regs::CH_EN), 0u);
    // Channel n resets to priority n, software handshaking, FIFO empty.
    for (unsigned ch = 0; ch < DwAhbDmac::kChannels; ++ch) {
      const uint32_t cfg = tb.chRead(ch, regs::CFG);
      EXPECT_EQ(regs::CFG_CH_PRIOR.get(cfg), ch);
      EXPECT_TRUE(regs::CFG_HS_SEL_SRC.test(cfg) && regs::CFG_HS_SEL_DST.test(cfg));
      EXPECT_TRUE(regs::CFG_FIFO_EMPTY.test(cfg));
    }
    // Mask registers only change the bits whose write-enable is set.
    tb.dmaWrite(regs::MASK_TFR, 0x0505);  // WE 0 and 2, set 0 and 2
    EXPECT_EQ(tb.dmaRead(regs::MASK_TFR), 0x05u);
    tb.dmaWrite(regs::MASK_TFR, 0x0003);  // no write enable: ignored
    EXPECT_EQ(tb.dmaRead(regs::MASK_TFR), 0x05u);
    tb.dmaWrite(regs::MASK_TFR, 0x0100);  // WE 0, value 0: clears bit 0
    EXPECT_EQ(tb.dmaRead(regs::MASK_TFR), 0x04u);
    // Clear registers read 0 (the vendor driver clears with |=) and high halves read 0.
    tb.dmaWrite(regs::RAW_BLOCK, 0x3F);
    EXPECT_EQ(tb.dmaRead(regs::CLEAR_BLOCK), 0u);
    tb.dmaWrite(regs::CLEAR_BLOCK, tb.dmaRead(regs::CLEAR_BLOCK) | 0x05);
    EXPECT_EQ(tb.dmaRead(regs::RAW_BLOCK), 0x3Au);
    EXPECT_EQ(tb.dmaRead(regs::RAW_BLOCK + 4), 0u);
    // Channel registers keep what is written; FIFO_EMPTY stays read-only.
    tb.chWrite(3, regs::SAR, 0x30001234);
    tb.chWrite(3, regs::CFG, 0);
    EXPECT_EQ(tb.chRead(3, regs::SAR), 0x30001234u);
    EXPECT_EQ(tb.dmaRead(regs::SAR1 - regs::SAR + 3 * DwAhbDmac::kChannelStride - DwAhbDmac::kChannelStride),
              0x30001234u);
    EXPECT_EQ(tb.chRead(3, regs::CFG), regs::CFG_FIFO_EMPTY.mask());
  });
}

// The vendor dma_single_block example: 100 bytes, 8-bit items, MSIZE 1, Tfr interrupt.
TEST(Dma, MemoryToMemoryBytesWithTransferInterruptAndTiming) {
  runScenario([](Testbench& tb) {
    fillPattern(tb, kSrc, 100, 3);
    enableDma(tb);
    Ctl ctl;  // 8-bit, increment, MSIZE 1, M2M, INT_EN
    program(tb, 0, ctl, kSrc, kDst, 100);
    unmask(tb, regs::MASK_TFR, 0);
    const sc_time t0 = sc_core::sc_time_stamp();
    enableChannel(tb, 0);
    EXPECT_EQ(tb.dmaRead(regs::CH_EN), 1u);
    // 100 items x (2 + 1 read, 2 + 1 write) cycles = 600 cycles, then the block end.
    tb.wait(t0 + tb.cycles(599) - sc_core::sc_time_stamp());
    EXPECT_EQ(tb.dmaRead(regs::CH_EN), 1u) << "finished before 600 cycles";
    EXPECT_FALSE(tb.dmaIrq.read());
    tb.wait(tb.cycles(2));
    EXPECT_EQ(tb.dmaRead(regs::CH_EN), 0u) << "not finished after 601 cycles";
    tb.settle();
    EXPECT_TRUE(tb.dmaIrq.read());
    EXPECT_EQ(tb.dmaRead(regs::RAW_TFR), 1u);
    EXPECT_EQ(tb.dmaRead(regs::RAW_BLOCK), 1u);
    EXPECT_EQ(tb.dmaRead(regs::STATUS_TFR), 1u);
    EXPECT_EQ(tb.dmaRead(regs::STATUS_BLOCK), 0u);  // masked
    EXPECT_EQ(tb.dmaRead(regs::STATUS_INT), regs::STATUS_INT_TFR.mask());
    EXPECT_EQ(std::memcmp(tb.mem(kDst), tb.mem(kSrc), 100), 0);
    EXPECT_EQ(tb.mem(kDst)[100], 0) << "wrote past the block";
    EXPECT_EQ(tb.chRead(0, regs::SAR), kSrc + 100);
    EXPECT_EQ(tb.chRead(0, regs::DAR), kDst + 100);
    EXPECT_TRUE(regs::CTL_HI_DONE.test(tb.chRead(0, regs::CTL_HI)));
    tb.dmaWrite(regs::CLEAR_TFR, 1);
    tb.settle();
    EXPECT_FALSE(tb.dmaIrq.read());
    EXPECT_EQ(tb.dmaRead(regs::STATUS_INT), 0u);
  });
}

TEST(Dma, WidthConversionAndAddressModes) {
  runScenario([](Testbench& tb) {
    enableDma(tb);
    fillPattern(tb, kSrc, 64, 11);
    // 8-bit source items -> 32-bit destination words (BLOCK_TS counts source items).
    Ctl a;
    a.srcWidth = 0;
    a.dstWidth = 2;
    a.srcMsize = 2;
    a.dstMsize = 1;
    program(tb, 0, a, kSrc, kDst, 16);
    enableChannel(tb, 0);
    ASSERT_TRUE(waitIdle(tb, 0));
    EXPECT_EQ(std::memcmp(tb.mem(kDst), tb.mem(kSrc), 16), 0);
    EXPECT_EQ(tb.mem(kDst)[16], 0);

    // 32-bit source -> 16-bit destination, source counting down: words in reverse order.
    Ctl b;
    b.srcWidth = 2;
    b.dstWidth = 1;
    b.sinc = 1;
    program(tb, 1, b, kSrc + 12, kDst + 0x100, 4);
    enableChannel(tb, 1);
    ASSERT_TRUE(waitIdle(tb, 1));
    for (unsigned k = 0; k < 4; ++k)
      EXPECT_EQ(std::memcmp(tb.mem(kDst + 0x100 + 4 * k), tb.mem(kSrc + 12 - 4 * k), 4), 0) << "word " << k;
    EXPECT_EQ(tb.chRead(1, regs::SAR), kSrc - 4);

    // Fixed source address: a fill with one 16-bit value; odd total bytes to a 32-bit destination.
    Ctl c;
    c.srcWidth = 1;
    c.dstWidth = 2;
    c.sinc = 2;
    tb.mem(kSrc)[0] = 0x34;
    tb.mem(kSrc)[1] = 0x12;
    program(tb, 2, c, kSrc, kDst + 0x200, 3);  // 6 bytes: one word, then two single bytes
    enableChannel(tb, 2);
    ASSERT_TRUE(waitIdle(tb, 2));
    const uint8_t expect[8] = {0x34, 0x12, 0x34, 0x12, 0x34, 0x12, 0, 0};
    EXPECT_EQ(std::memcmp(tb.mem(kDst + 0x200), expect, 8), 0);
    EXPECT_EQ(tb.chRead(2, regs::SAR), kSrc);
    EXPECT_EQ(tb.chRead(2, regs::DAR), kDst + 0x206);
  });
}

// The vendor dma_multi_block_linked_list example: three blocks from LLIs of {SAR, DAR, LLP, CTL,
// CTL_HI, SSTAT, DSTAT}; afterwards each item's CTL_HI holds the block size, plus DONE when the
// DMA writes CTL back (a build option of the DW_ahb_dmac).
void runThreeBlockList(Testbench& tb, bool controlWriteBack) {
  tb.dma.setControlWriteBack(controlWriteBack);
  enableDma(tb);
  Ctl ctl;
  ctl.llpSrc = ctl.llpDst = true;
  const uint32_t lli = kSramSys + 0x8000;
  for (unsigned i = 0; i < 3; ++i) {
    fillPattern(tb, kSrc + 0x100 * i, 40, static_cast<uint8_t>(i * 50 + (controlWriteBack ? 0 : 1)));
    uint32_t item[7] = {kSrc + 0x100 * i, kDst + 0x100 * i, i < 2 ? lli + 32 * (i + 1) : 0u, ctl.value(), 40, 0, 0};
    std::memcpy(tb.mem(lli + 32 * i), item, sizeof item);
  }
  program(tb, 0, ctl, 0, 0, 0, lli);  // DMA_Set_Addr(DMA, ch, 0, 0, 0, llp)
  unmask(tb, regs::MASK_TFR, 0);
  unmask(tb, regs::MASK_BLOCK, 0);
  enableChannel(tb, 0);
  ASSERT_TRUE(waitIdle(tb, 0));
  const uint32_t expectedCtlHi = 40u | (controlWriteBack ? regs::CTL_HI_DONE.mask() : 0u);
  for (unsigned i = 0; i < 3; ++i) {
    EXPECT_EQ(std::memcmp(tb.mem(kDst + 0x100 * i), tb.mem(kSrc + 0x100 * i), 40), 0) << "block " << i;
    uint32_t ctlHi = 0;
    std::memcpy(&ctlHi, tb.mem(lli + 32 * i + 0x10), 4);
    EXPECT_EQ(ctlHi, expectedCtlHi) << "LLI " << i;
  }
  EXPECT_TRUE(regs::CTL_HI_DONE.test(tb.chRead(0, regs::CTL_HI)));  // the register says DONE either way
  EXPECT_EQ(tb.dmaRead(regs::RAW_TFR), 1u);
  EXPECT_EQ(tb.dmaRead(regs::RAW_BLOCK), 1u);
  EXPECT_EQ(tb.chRead(0, regs::LLP), 0u);
  tb.dma.setControlWriteBack(false);
}

TEST(Dma, LinkedListBlocksWithWriteBack) {
  runScenario([](Testbench& tb) { runThreeBlockList(tb, true); });
}

// As the WTM2101 does by default: the items are left as written, so the vendor example's check,
// which reads CTL_HI of each item back as the byte count, compares the right bytes.
TEST(Dma, LinkedListBlocksLeaveTheItemsAsWritten) {
  runScenario([](Testbench& tb) { runThreeBlockList(tb, false); });
}

// The vendor dma_multi_block_auto_reload example: source reloaded, destination contiguous; the
// channel stalls after each unmasked block interrupt until ClearBlock; clearing RELOAD_SRC before
// the end of a block makes it the last one.
TEST(Dma, AutoReloadStallsUntilClearBlock) {
  runScenario([](Testbench& tb) {
    enableDma(tb);
    fillPattern(tb, kSrc, 100, 9);
    Ctl ctl;
    program(tb, 0, ctl, kSrc, kDst, 100, 0, cfgHw() | regs::CFG_RELOAD_SRC.mask());
    unmask(tb, regs::MASK_TFR, 0);
    unmask(tb, regs::MASK_BLOCK, 0);
    enableChannel(tb, 0);
    tb.wait(tb.cycles(2000));
    // Stalled after block 1: destination advanced by one block, channel still enabled.
    EXPECT_EQ(tb.dmaRead(regs::CH_EN), 1u);
    EXPECT_EQ(tb.dmaRead(regs::RAW_BLOCK), 1u);
    EXPECT_EQ(tb.chRead(0, regs::DAR), kDst + 100);
    EXPECT_EQ(tb.chRead(0, regs::SAR), kSrc) << "source not reloaded";
    EXPECT_EQ(tb.mem(kDst)[100], 0);
    EXPECT_TRUE(tb.dmaIrq.read());
    tb.dmaWrite(regs::CLEAR_BLOCK, 1);  // block 2 runs
    tb.wait(tb.cycles(2000));
    EXPECT_EQ(tb.chRead(0, regs::DAR), kDst + 200);
    EXPECT_EQ(tb.dmaRead(regs::RAW_TFR), 0u);
    // Make the next block the last one, then release the channel.
    tb.chWrite(0, regs::CFG, tb.chRead(0, regs::CFG) & ~0xC0000000u);
    tb.dmaWrite(regs::CLEAR_BLOCK, 1);
    ASSERT_TRUE(waitIdle(tb, 0));
    EXPECT_EQ(tb.dmaRead(regs::RAW_TFR), 1u);
    for (unsigned b = 0; b < 3; ++b) EXPECT_EQ(std::memcmp(tb.mem(kDst + 100 * b), tb.mem(kSrc), 100), 0) << b;
    EXPECT_EQ(tb.mem(kDst)[300], 0);

    // With the block interrupt masked the reload rows do not stall: a 4-block run needs no help.
    tb.dmaWrite(regs::CLEAR_TFR, 1);
    tb.dmaWrite(regs::CLEAR_BLOCK, 1);
    std::memset(tb.mem(kDst), 0, 400);
    tb.dmaWrite(regs::MASK_BLOCK, 0x100);
    program(tb, 1, ctl, kSrc, kDst, 10, 0, cfgHw() | regs::CFG_RELOAD_SRC.mask());
    enableChannel(tb, 1);
    tb.wait(tb.cycles(5000));
    EXPECT_GT(tb.chRead(1, regs::DAR), kDst + 30) << "stalled although the block interrupt is masked";
    tb.dmaWrite(regs::CH_EN, 0x200);  // software abort
    EXPECT_EQ(tb.dmaRead(regs::CH_EN), 0u);
  });
}

TEST(Dma, RawStatusIsSetWithoutIntEnButDoesNotInterrupt) {
  runScenario([](Testbench& tb) {  // the uart_dma example polls RAW_TFR with INT_EN = 0
    enableDma(tb);
    Ctl ctl;
    ctl.intEn = false;
    program(tb, 2, ctl, kSrc, kDst, 8);
    unmask(tb, regs::MASK_TFR, 2);
    enableChannel(tb, 2);
    ASSERT_TRUE(waitIdle(tb, 2));
    tb.settle();
    EXPECT_EQ(tb.dmaRead(regs::RAW_TFR), 4u);
    EXPECT_EQ(tb.dmaRead(regs::STATUS_TFR), 0u);
    EXPECT_FALSE(tb.dmaIrq.read());
  });
}

TEST(Dma, PeripheralToMemoryWithHardwareHandshake) {
  runScenario([](Testbench& tb) {
    enableDma(tb);
    Ctl ctl;
    ctl.srcWidth = ctl.dstWidth = 2;
    ctl.sinc = 2;
    ctl.srcMsize = ctl.dstMsize = 1;  // bursts of 4
    ctl.ttfc = 2;                     // P2M, DMA flow control
    program(tb, 0, ctl, static_cast<uint32_t>(kFifoBase), kDst, 10, 0, cfgHw(),
            regs::CFG_HI_SRC_PER.set(0, kFifoHandshake));
    unmask(tb, regs::MASK_SRCTRAN, 0);
    enableChannel(tb, 0);
    tb.wait(tb.cycles(200));
    EXPECT_EQ(tb.chRead(0, regs::DAR), kDst) << "moved data without a request";
    for (uint32_t v = 1; v <= 3; ++v) tb.fifo.push(v);
    tb.wait(tb.cycles(200));
    EXPECT_EQ(tb.chRead(0, regs::DAR), kDst) << "a burst needs 4 items";
    tb.fifo.push(4);
    tb.wait(tb.cycles(200));
    EXPECT_EQ(tb.chRead(0, regs::DAR), kDst + 16);
    ASSERT_EQ(tb.fifo.acks.size(), 1u);
    EXPECT_TRUE(tb.fifo.acks[0].burst);
    EXPECT_TRUE(tb.fifo.acks[0].peripheralIsSource);
    EXPECT_EQ(tb.dmaRead(regs::RAW_SRCTRAN), 1u);
    for (uint32_t v = 5; v <= 10; ++v) tb.fifo.push(v);  // one burst, then two single transactions
    ASSERT_TRUE(waitIdle(tb, 0));
    uint32_t got[10];
    std::memcpy(got, tb.mem(kDst), sizeof got);
    for (uint32_t i = 0; i < 10; ++i) EXPECT_EQ(got[i], i + 1);
    ASSERT_EQ(tb.fifo.acks.size(), 4u);
    EXPECT_TRUE(tb.fifo.acks[1].burst);
    EXPECT_FALSE(tb.fifo.acks[2].burst);
    EXPECT_FALSE(tb.fifo.acks[3].burst);
    EXPECT_TRUE(tb.fifo.acks[3].blockEnd);
    EXPECT_EQ(tb.dmaRead(regs::RAW_TFR), 1u);
  });
}

TEST(Dma, MemoryToPeripheralFollowsTheDestinationRequest) {
  runScenario([](Testbench& tb) {
    tb.fifo.asSource = false;
    tb.fifo.capacity = 6;
    tb.fifo.refresh();
    enableDma(tb);
    for (uint32_t i = 0; i < 8; ++i) std::memcpy(tb.mem(kSrc + 4 * i), &i, 4);
    Ctl ctl;
    ctl.srcWidth = ctl.dstWidth = 2;
    ctl.dinc = 2;
    ctl.srcMsize = ctl.dstMsize = 1;
    ctl.ttfc = 1;  // M2P
    program(tb, 0, ctl, kSrc, static_cast<uint32_t>(kFifoBase), 8, 0, cfgHw(),
            regs::CFG_HI_DEST_PER.set(0, kFifoHandshake));
    enableChannel(tb, 0);
    tb.wait(tb.cycles(500));
    // Room for 6: one burst of 4; with 4 items left the DMA waits for the next burst request
    // (single requests only count once less than a burst is left).
    EXPECT_EQ(tb.fifo.written.size(), 4u);
    EXPECT_EQ(tb.dmaRead(regs::CH_EN), 1u);
    tb.fifo.capacity = 16;
    tb.fifo.refresh();
    ASSERT_TRUE(waitIdle(tb, 0));
    ASSERT_EQ(tb.fifo.written.size(), 8u);
    for (uint32_t i = 0; i < 8; ++i) EXPECT_EQ(tb.fifo.written[i], i);
    EXPECT_EQ(tb.dmaRead(regs::RAW_DSTTRAN), 1u);
  });
}

TEST(Dma, SoftwareHandshakeWaitsForRequestRegisters) {
  runScenario([](Testbench& tb) {
    enableDma(tb);
    for (uint32_t v = 1; v <= 8; ++v) tb.fifo.items.push_back(v);  // data without hardware requests
    Ctl ctl;
    ctl.srcWidth = ctl.dstWidth = 2;
    ctl.sinc = 2;
    ctl.srcMsize = 1;
    ctl.ttfc = 2;
    program(tb, 1, ctl, static_cast<uint32_t>(kFifoBase), kDst, 5, 0, cfgHw() | regs::CFG_HS_SEL_SRC.mask());
    enableChannel(tb, 1);
    tb.wait(tb.cycles(200));
    EXPECT_EQ(tb.chRead(1, regs::DAR), kDst);
    tb.dmaWrite(regs::REQ_SRC, 0x202);  // one burst request for channel 1
    tb.wait(tb.cycles(200));
    EXPECT_EQ(tb.chRead(1, regs::DAR), kDst + 16);
    EXPECT_EQ(tb.dmaRead(regs::REQ_SRC), 0u) << "request bit not cleared by the transaction";
    tb.dmaWrite(regs::SGL_REQ_SRC, 0x202);  // the last item: single request
    ASSERT_TRUE(waitIdle(tb, 1));
    EXPECT_EQ(tb.chRead(1, regs::DAR), kDst + 20);
  });
}

TEST(Dma, HigherPriorityChannelGoesFirst) {
  runScenario([](Testbench& tb) {
    enableDma(tb);
    Ctl ctl;
    ctl.srcWidth = ctl.dstWidth = 2;
    program(tb, 0, ctl, kSrc, kDst, 2048 / 4 > 255 ? 255 : 200, 0, cfgHw(1));
    program(tb, 1, ctl, kSrc, kDst + 0x2000, 200, 0, cfgHw(6));
    tb.dmaWrite(regs::CH_EN, 0x303);  // both at once
    while (tb.dmaRead(regs::CH_EN) == 3u) tb.wait(tb.cycles(4));
    EXPECT_EQ(tb.dmaRead(regs::CH_EN), 1u) << "channel 1 (priority 6) should finish first";
    ASSERT_TRUE(waitIdle(tb, 0));
  });
}

TEST(Dma, BusErrorsAndUnreachableWindowsRaiseErr) {
  runScenario([](Testbench& tb) {
    enableDma(tb);
    unmask(tb, regs::MASK_ERR, 0);
    Ctl ctl;
    program(tb, 0, ctl, static_cast<uint32_t>(kSramAlias + 0x100), kDst, 16);  // a core-local alias address
    enableChannel(tb, 0);
    tb.wait(tb.cycles(100));
    EXPECT_EQ(tb.dmaRead(regs::CH_EN), 0u);
    EXPECT_EQ(tb.dmaRead(regs::RAW_ERR), 1u);
    EXPECT_EQ(tb.dmaRead(regs::RAW_TFR), 0u);
    tb.settle();
    EXPECT_TRUE(tb.dmaIrq.read());
    program(tb, 1, ctl, kSrc, 0x70000000, 4);  // unmapped destination
    enableChannel(tb, 1);
    tb.wait(tb.cycles(100));
    EXPECT_EQ(tb.dmaRead(regs::RAW_ERR), 3u);
  });
}

TEST(Dma, GlobalDisableStopsChannelsAndNothingRunsWithoutIt) {
  runScenario([](Testbench& tb) {
    Ctl ctl;
    program(tb, 0, ctl, kSrc, kDst, 200);
    enableChannel(tb, 0);  // DMA_EN still 0
    tb.wait(tb.cycles(500));
    EXPECT_EQ(tb.chRead(0, regs::DAR), kDst);
    enableDma(tb);
    tb.wait(tb.cycles(20));
    tb.dmaWrite(regs::DMA_CFG, 0);
    EXPECT_EQ(tb.dmaRead(regs::CH_EN), 0u);
    const uint32_t dar = tb.chRead(0, regs::DAR);
    tb.wait(tb.cycles(2000));
    EXPECT_EQ(tb.chRead(0, regs::DAR), dar);
    EXPECT_EQ(tb.dmaRead(regs::RAW_TFR), 0u);
  });
}

TEST(Dma, SuspendHoldsTheChannel) {
  runScenario([](Testbench& tb) {
    enableDma(tb);
    Ctl ctl;
    program(tb, 0, ctl, kSrc, kDst, 10, 0, cfgHw() | regs::CFG_CH_SUSP.mask());
    enableChannel(tb, 0);
    tb.wait(tb.cycles(500));
    EXPECT_EQ(tb.chRead(0, regs::DAR), kDst);
    tb.chWrite(0, regs::CFG, cfgHw());
    ASSERT_TRUE(waitIdle(tb, 0));
    EXPECT_EQ(tb.chRead(0, regs::DAR), kDst + 10);
  });
}

// A debugger reads the interrupt status, the clear registers and the channel state after a
// transfer has completed with its interrupt pending; SRAM reads through the same router serve
// the memory bytes. The line stays high until the firmware clears the interrupt.
TEST(Dma, DebugReadsOfStatusChangeNothing) {
  runScenario([](Testbench& tb) {
    fillPattern(tb, kSrc, 64, 9);
    enableDma(tb);
    unmask(tb, regs::MASK_TFR, 1);
    Ctl ctl;
    ctl.srcWidth = ctl.dstWidth = 2;
    program(tb, 1, ctl, kSrc, kDst, 16);
    enableChannel(tb, 1);
    ASSERT_TRUE(waitIdle(tb, 1));
    tb.settle();
    ASSERT_TRUE(tb.dmaIrq.read());
    periph_test::expectQuiet([&] {
      EXPECT_EQ(tb.debugRead(kDmaBase + regs::STATUS_TFR), 0x2u);
      EXPECT_EQ(tb.debugRead(kDmaBase + regs::STATUS_INT), 0x1u);
      EXPECT_EQ(tb.debugRead(kDmaBase + regs::RAW_TFR), 0x2u);
      EXPECT_EQ(tb.debugRead(kDmaBase + regs::CLEAR_TFR), 0u);
      EXPECT_EQ(tb.debugRead(kDmaBase + regs::CH_EN), 0u);
      EXPECT_EQ(tb.debugRead(kDmaBase + DwAhbDmac::kChannelStride + regs::DAR), kDst + 64);
      EXPECT_EQ(tb.debugRead(kDst), tb.read(kSrc));
    });
    tb.settle();
    EXPECT_TRUE(tb.dmaIrq.read());
    EXPECT_EQ(tb.dmaRead(regs::STATUS_TFR), 0x2u);
    tb.dmaWrite(regs::CLEAR_TFR, 0x2);
    tb.settle();
    EXPECT_FALSE(tb.dmaIrq.read());
    EXPECT_EQ(tb.debugRead(kDmaBase + regs::STATUS_INT), 0u);
  });
}

}  // namespace
}  // namespace dma_test
