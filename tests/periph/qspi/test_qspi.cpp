// QspiController + SpiNorFlash driven through TLM the way the vendor qspi.c / zd25wq.c drivers do.
#include <gtest/gtest.h>

#include <vector>

#include "MmioTestbench.h"
#include "common/ClockDomain.h"
#include "periph/qspi/QspiController.h"
#include "periph/qspi/SpiNorFlash.h"
#include "periph/qspi/qspi_regs.h"

// SystemC wants an sc_main even though gtest_main drives the tests.
int sc_main(int, char**) { return 0; }

namespace {

using namespace wtm::periph;
namespace r = wtm::periph::qspi;
using periph_test::MmioTestbench;
using sc_core::SC_MS;
using sc_core::sc_time;
using sc_core::SC_US;

constexpr uint32_t kFlashSize = 2 * 1024 * 1024;
// QSPI_CTRL phase modes.
constexpr uint32_t kNone = 0, kOne = 1, kFour = 3;
constexpr uint32_t kAddr24 = 2, kAddr32 = 3;

struct Bench {
  wtm::ClockDomain pclk{"pclk", 24.576e6};
  std::vector<uint8_t> storage = std::vector<uint8_t>(kFlashSize, 0xFF);
  SpiNorFlash flash{"flash", storage.data(), kFlashSize};
  QspiController qspi{"qspi", pclk};
  sc_core::sc_signal<bool> irq{"irq"};
  MmioTestbench tb{"tb", qspi};
  Bench() {
    qspi.attach(&flash);
    qspi.irq.bind(irq);
  }
};

Bench& bench() { return wtm::test::elaboratedOnce<Bench>(); }

uint32_t ctrl(uint32_t imode, uint32_t admode, uint32_t dmode, bool read, uint32_t dummy = 0,
              uint32_t adsize = kAddr24) {
  return r::QSPI_CTRL_IMODE.set(0, imode) | r::QSPI_CTRL_ADMODE.set(0, admode) | r::QSPI_CTRL_DMODE.set(0, dmode) |
         r::QSPI_CTRL_DMODE_SEL.set(0, read ? 1 : 0) | r::QSPI_CTRL_DUMMY_CYCLE.set(0, dummy) |
         r::QSPI_CTRL_ADSIZE.set(0, adsize);
}

// ZD25WQ_send without data: instruction (+ address), wait for QSPI_STATUS == 0.
void command(MmioTestbench& tb, uint8_t ins, uint32_t admode = kNone, uint32_t addr = 0) {
  tb.write(r::QSPI_CTRL, ctrl(kOne, admode, kNone, false));
  tb.write(r::QSPI_INS, ins);
  tb.write(r::QSPI_ADDR, addr);
  tb.write(r::QSPI_DATA_NUM, 0);
  tb.write(r::QSPI_PULSE, r::QSPI_PULSE_INDIRECT_ACT.mask());
  EXPECT_EQ(tb.read(r::QSPI_STATUS), 0u);
}

// QSPI_Receive: `n` bytes into words.
std::vector<uint8_t> receive(MmioTestbench& tb, uint32_t ctrlValue, uint8_t ins, uint32_t addr, unsigned n) {
  tb.write(r::QSPI_CTRL, ctrlValue);
  tb.write(r::QSPI_INS, ins);
  tb.write(r::QSPI_ADDR, addr);
  tb.write(r::QSPI_DATA_NUM, n - 1);
  tb.write(r::QSPI_PULSE, r::QSPI_PULSE_INDIRECT_ACT.mask());
  std::vector<uint8_t> out;
  for (unsigned got = 0; got < n; got += 4) {
    for (int spin = 0; tb.read(r::AFIFO_STATUS) & r::AFIFO_STATUS_RD_AFIFO_EMPTY.mask(); ++spin)
      if (spin > 10) {
        ADD_FAILURE() << "read FIFO stays empty";
        return out;
      }
    const uint32_t w = tb.read(r::AFIFO_RDATA);
    for (unsigned i = 0; i < 4 && got + i < n; ++i) out.push_back(static_cast<uint8_t>(w >> (8 * i)));
  }
  return out;
}

// QSPI_Transimit: fill the FIFO, start, keep feeding, wait for WR_EMPTY.
void transmit(MmioTestbench& tb, uint8_t ins, uint32_t addr, const std::vector<uint8_t>& data, uint32_t dmode = kOne) {
  tb.write(r::QSPI_CTRL, ctrl(kOne, kOne, dmode, false));
  tb.write(r::QSPI_INS, ins);
  tb.write(r::QSPI_ADDR, addr);
  tb.write(r::QSPI_DATA_NUM, static_cast<uint32_t>(data.size()) - 1);
  bool started = false;
  for (size_t i = 0; i < data.size();) {
    if (!(tb.read(r::AFIFO_STATUS) & r::AFIFO_STATUS_WR_AFIFO_FULL.mask())) {
      uint32_t w = 0;
      for (unsigned k = 0; k < 4 && i + k < data.size(); ++k) w |= uint32_t{data[i + k]} << (8 * k);
      tb.write(r::AFIFO_WDATA, w);
      i += 4;
    } else if (!started) {
      started = true;
      tb.write(r::QSPI_PULSE, r::QSPI_PULSE_INDIRECT_ACT.mask());
    } else {
      tb.wait(sc_time(1, SC_US));  // the words leave at the wires' pace
    }
  }
  if (!started) tb.write(r::QSPI_PULSE, r::QSPI_PULSE_INDIRECT_ACT.mask());
  for (int i = 0; i < 100 && !(tb.read(r::AFIFO_STATUS) & r::AFIFO_STATUS_WR_AFIFO_EMPTY.mask()); ++i)
    tb.wait(sc_time(1, SC_US));
  EXPECT_TRUE(tb.read(r::AFIFO_STATUS) & r::AFIFO_STATUS_WR_AFIFO_EMPTY.mask());
  EXPECT_EQ(tb.read(r::QSPI_STATUS), 0u);
}

uint8_t readStatus(MmioTestbench& tb) { return receive(tb, ctrl(kOne, kNone, kOne, true), 0x05, 0, 1).at(0); }

void waitReady(MmioTestbench& tb) {
  for (int i = 0; i < 1000 && (readStatus(tb) & 1); ++i) tb.wait(sc_time(100, SC_US));
}

TEST(Qspi, JedecAndManufacturerIds) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run([](MmioTestbench& tb) {
    EXPECT_EQ(tb.read(r::AFIFO_STATUS), 0x12u);  // both FIFOs empty (soc.md §7.3)
    const auto jedec = receive(tb, ctrl(kOne, kNone, kOne, true), 0x9F, 0, 3);
    EXPECT_EQ(jedec, (std::vector<uint8_t>{0xBA, 0x60, 0x15}));
    EXPECT_EQ(receive(tb, ctrl(kOne, kOne, kOne, true), 0x90, 0, 2), (std::vector<uint8_t>{0xBA, 0x14}));
    EXPECT_EQ(receive(tb, ctrl(kOne, kOne, kOne, true), 0x90, 1, 2), (std::vector<uint8_t>{0x14, 0xBA}));
    // Quad id read as the w25q64jv example sends it: address on 4 lines, 6 dummy cycles (2 mode + 4).
    EXPECT_EQ(receive(tb, ctrl(kOne, kFour, kFour, true, 6), 0x94, 0, 2), (std::vector<uint8_t>{0xBA, 0x14}));
  }));
}

// A 64-byte page program at `address` of the 16 words already in the write FIFO: they leave at the
// wires' pace, one word of 32 SCK cycles at pclk / 2 each (1024 pclk periods), with no access.
void programTheWriteFifo(MmioTestbench& tb, uint32_t address) {
  command(tb, 0x06);
  tb.write(r::QSPI_CTRL, ctrl(kOne, kOne, kOne, false));
  tb.write(r::QSPI_INS, 0x02);
  tb.write(r::QSPI_ADDR, address);
  tb.write(r::QSPI_DATA_NUM, 63);
  tb.write(r::QSPI_PULSE, r::QSPI_PULSE_INDIRECT_ACT.mask());
  EXPECT_FALSE(tb.read(r::AFIFO_STATUS) & r::AFIFO_STATUS_WR_AFIFO_EMPTY.mask());  // one word on the wires
  tb.wait(bench().pclk.period() * (QspiController::kSckDivider * 32.0 * QspiController::kFifoWords));
}

TEST(Qspi, EraseProgramReadBackWithAndSemanticsAndPageWrap) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    command(tb, 0x06);
    EXPECT_EQ(readStatus(tb) & 0x03, 0x02);  // WEL
    const sc_time t0 = sc_core::sc_time_stamp();
    command(tb, 0x20, kOne, 0x1000);         // sector erase
    EXPECT_EQ(readStatus(tb) & 0x03, 0x03);  // WIP + WEL while erasing
    command(tb, 0x02, kNone);                // ignored while busy: no effect
    waitReady(tb);
    const double ms = (sc_core::sc_time_stamp() - t0).to_seconds() * 1e3;
    EXPECT_GE(ms, 10.0);
    EXPECT_LT(ms, 10.2);
    EXPECT_EQ(readStatus(tb) & 0x03, 0x00);  // WEL cleared at the end

    std::vector<uint8_t> data(256);
    for (unsigned i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(i ^ 0x5A);
    command(tb, 0x06);
    transmit(tb, 0x02, 0x1000, data);
    waitReady(tb);
    EXPECT_EQ(receive(tb, ctrl(kOne, kOne, kOne, true), 0x03, 0x1000, 256), data);  // > FIFO: stalls and refills
    EXPECT_EQ(b.storage[0x1000 + 7], data[7]);

    // Programming only clears bits; a write past the page end wraps to its start.
    command(tb, 0x06);
    transmit(tb, 0x02, 0x10FE, {0x0F, 0xF0, 0x00, 0xFF});
    waitReady(tb);
    EXPECT_EQ(b.storage[0x10FE], data[0xFE] & 0x0F);
    EXPECT_EQ(b.storage[0x10FF], data[0xFF] & 0xF0);
    EXPECT_EQ(b.storage[0x1000], 0x00);
    EXPECT_EQ(b.storage[0x1001], data[1]);
    EXPECT_EQ(b.storage[0x1100], 0xFF);  // next page untouched

    // Without write enable a program is ignored.
    transmit(tb, 0x02, 0x1200, {0x00, 0x00, 0x00, 0x00});
    EXPECT_EQ(readStatus(tb) & 1, 0);
    EXPECT_EQ(b.storage[0x1200], 0xFF);
  }));
}

TEST(Qspi, FastAndQuadReadsHonourDummyCycles) {
  Bench& b = bench();
  for (unsigned i = 0; i < 64; ++i) b.storage[0x2000 + i] = static_cast<uint8_t>(0xC0 + i);
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    const std::vector<uint8_t> want(b.storage.begin() + 0x2000, b.storage.begin() + 0x2010);
    EXPECT_EQ(receive(tb, ctrl(kOne, kOne, kOne, true, 8), 0x0B, 0x2000, 16), want);
    EXPECT_EQ(receive(tb, ctrl(kOne, kOne, kFour, true, 8), 0x6B, 0x2000, 16), want);
    // zd25wq.c 4-line read: 0xEB, 32-bit address phase = address << 8 | mode 0xF0, 4 dummy cycles.
    EXPECT_EQ(receive(tb, ctrl(kOne, kFour, kFour, true, 4, kAddr32), 0xEB, (0x2000u << 8) | 0xF0, 16), want);
    // Too few dummy cycles: the first bytes come before the flash drives data.
    const auto early = receive(tb, ctrl(kOne, kOne, kOne, true, 0), 0x0B, 0x2000, 4);
    EXPECT_EQ(early[0], 0xFF);
    EXPECT_EQ(early[1], want[0]);
  }));
}

TEST(Qspi, PollingModeRaisesRdsrWhenEraseEnds) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    tb.write(r::INT_MASK_SET, r::INT_SR_PENDING_FIELDS);
    tb.write(r::INT_MASK_CLR, r::INT_SR_PENDING_RDSR.mask());
    EXPECT_EQ(tb.read(r::INT_MASK_STATUS), r::INT_SR_PENDING_FIELDS & ~r::INT_SR_PENDING_RDSR.mask());
    tb.write(r::INT_SR_PENDING, r::INT_SR_PENDING_FIELDS);
    command(tb, 0x06);
    command(tb, 0xD8, kOne, 0x10000);  // 64K block erase
    const sc_time t0 = sc_core::sc_time_stamp();
    // ZD25WQ_polling: RDSR, mask 0x01, match 0x00, data length 0xFFFFFFFF.
    tb.write(r::QSPI_CTRL, ctrl(kOne, kNone, kOne, true));
    tb.write(r::QSPI_INS, 0x05);
    tb.write(r::POLLING_REG, r::POLLING_REG_RDSR_MASK.set(0, 0x01) | r::POLLING_REG_RDSR.set(0, 0x00));
    tb.write(r::QSPI_DATA_NUM, 0xFFFFFFFE);
    tb.write(r::QSPI_PULSE, r::QSPI_PULSE_POLLING_CONF_UPDATE.mask());
    tb.write(r::QSPI_PULSE, r::QSPI_PULSE_POLLING_ACT.mask());
    EXPECT_EQ(tb.read(r::QSPI_STATUS), 5u);
    EXPECT_FALSE(b.irq.read());
    tb.wait(b.irq.posedge_event());
    const double ms = (sc_core::sc_time_stamp() - t0).to_seconds() * 1e3;
    EXPECT_NEAR(ms, 10.0, 0.01);
    EXPECT_TRUE(tb.read(r::INT_SR_PENDING) & r::INT_SR_PENDING_RDSR.mask());
    EXPECT_EQ(tb.read(r::QSPI_STATUS), 0u);
    tb.write(r::INT_SR_PENDING, tb.read(r::INT_SR_PENDING));  // the driver's `|=`: W1C
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    EXPECT_EQ(b.storage[0x10000], 0xFF);
  }));
}

TEST(Qspi, FifoOverflowUnderflowAndStop) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    tb.write(r::INT_SR_PENDING, r::INT_SR_PENDING_FIELDS);
    for (unsigned i = 0; i < QspiController::kFifoWords; ++i) tb.write(r::AFIFO_WDATA, i);
    EXPECT_TRUE(tb.read(r::AFIFO_STATUS) & r::AFIFO_STATUS_WR_AFIFO_FULL.mask());
    tb.write(r::AFIFO_WDATA, 99);
    EXPECT_TRUE(tb.read(r::INT_SR_PENDING) & r::INT_SR_PENDING_WR_OVERFLOW.mask());
    // A long read that nobody drains keeps the sequencer in "read data" until JUMP_TO_STOP.
    tb.write(r::QSPI_CTRL, ctrl(kOne, kOne, kOne, true));
    tb.write(r::QSPI_INS, 0x03);
    tb.write(r::QSPI_DATA_NUM, 1023);
    tb.write(r::QSPI_PULSE, r::QSPI_PULSE_INDIRECT_ACT.mask());
    EXPECT_EQ(tb.read(r::QSPI_STATUS), 5u);
    EXPECT_TRUE(tb.read(r::AFIFO_STATUS) & r::AFIFO_STATUS_RD_AFIFO_FULL.mask());
    tb.write(r::QSPI_PULSE, r::QSPI_PULSE_JUMP_TO_STOP.mask());
    EXPECT_EQ(tb.read(r::QSPI_STATUS), 0u);
    for (unsigned i = 0; i < QspiController::kFifoWords; ++i) tb.read(r::AFIFO_RDATA);
    EXPECT_EQ(tb.read(r::INT_SR_PENDING) & r::INT_SR_PENDING_RD_UNDERFLOW.mask(), 0u);
    tb.read(r::AFIFO_RDATA);
    EXPECT_TRUE(tb.read(r::INT_SR_PENDING) & r::INT_SR_PENDING_RD_UNDERFLOW.mask());
    // The write FIFO still holds its 16 words: a 64-byte page program sends them.
    programTheWriteFifo(tb, 0x3000);
    EXPECT_TRUE(tb.read(r::AFIFO_STATUS) & r::AFIFO_STATUS_WR_AFIFO_EMPTY.mask());
    EXPECT_EQ(b.storage[0x3004], 1);
    EXPECT_EQ(b.storage[0x303C], 15);
    waitReady(tb);
  }));
}

TEST(Qspi, DeepPowerDownIgnoresCommandsUntilReleased) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    command(tb, 0xB9);
    EXPECT_TRUE(b.flash.poweredDown());
    EXPECT_EQ(receive(tb, ctrl(kOne, kNone, kOne, true), 0x9F, 0, 3), (std::vector<uint8_t>{0xFF, 0xFF, 0xFF}));
    // 0xAB with three dummy bytes releases it and returns the device id.
    EXPECT_EQ(receive(tb, ctrl(kOne, kOne, kOne, true), 0xAB, 0, 1), (std::vector<uint8_t>{0x14}));
    EXPECT_FALSE(b.flash.poweredDown());
    EXPECT_EQ(receive(tb, ctrl(kOne, kNone, kOne, true), 0x9F, 0, 3), (std::vector<uint8_t>{0xBA, 0x60, 0x15}));
  }));
}

TEST(Qspi, ChipEraseClearsEverything) {
  Bench& b = bench();
  b.storage[0] = 0;
  b.storage[kFlashSize - 1] = 0;
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    command(tb, 0x06);
    command(tb, 0xC7);
    EXPECT_EQ(readStatus(tb) & 1, 1);
    waitReady(tb);
    EXPECT_EQ(b.storage[0], 0xFF);
    EXPECT_EQ(b.storage[kFlashSize - 1], 0xFF);
  }));
}

// A debugger reads the read FIFO in the middle of an indirect read longer than the FIFO: the
// words stay where they are and no more flash bytes are clocked in; an empty FIFO latches no
// underflow. The firmware then reads every byte in order.
TEST(Qspi, DebugReadsOfTheReadFifoPopNothing) {
  Bench& b = bench();
  for (unsigned i = 0; i < 80; ++i) b.storage[0x3000 + i] = static_cast<uint8_t>(i * 3 + 1);
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    tb.write(r::INT_SR_PENDING, r::INT_SR_PENDING_FIELDS);
    tb.write(r::QSPI_CTRL, ctrl(kOne, kOne, kOne, true));
    tb.write(r::QSPI_INS, 0x03);
    tb.write(r::QSPI_ADDR, 0x3000);
    tb.write(r::QSPI_DATA_NUM, 79);  // 20 words: the FIFO holds 16, the transfer stalls
    tb.write(r::QSPI_PULSE, r::QSPI_PULSE_INDIRECT_ACT.mask());
    const uint32_t first = 0x0A070401;  // bytes 1, 4, 7, 10
    periph_test::expectQuiet([&] {
      for (int i = 0; i < 3; ++i) EXPECT_EQ(tb.debugRead(r::AFIFO_RDATA), first);
      EXPECT_TRUE(tb.debugRead(r::AFIFO_STATUS) & r::AFIFO_STATUS_RD_AFIFO_FULL.mask());
      EXPECT_EQ(tb.debugRead(r::QSPI_STATUS), 5u);  // still waiting to read data
    });
    std::vector<uint8_t> got;
    for (int w = 0; w < 20; ++w) {
      const uint32_t word = tb.read(r::AFIFO_RDATA);
      for (int k = 0; k < 4; ++k) got.push_back(static_cast<uint8_t>(word >> (8 * k)));
    }
    EXPECT_EQ(got, std::vector<uint8_t>(b.storage.begin() + 0x3000, b.storage.begin() + 0x3050));
    EXPECT_EQ(tb.read(r::QSPI_STATUS), 0u);
    EXPECT_EQ(tb.debugRead(r::AFIFO_RDATA), 0u);  // empty: no underflow either
    EXPECT_FALSE(tb.read(r::INT_SR_PENDING) & r::INT_SR_PENDING_RD_UNDERFLOW.mask());
  }));
}

}  // namespace

// DMA handshakes (DMA_CTRL): the write request while the write FIFO is at or below its water
// level, the read request while the read FIFO holds at least its own (and one word); single requests while the write
// FIFO has room / the read FIFO holds a word. Updated within each access.
TEST(Qspi, DmaHandshakesFollowTheWaterLevelsWithinTheAccess) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    tb.write(r::INT_SR_PENDING, r::INT_SR_PENDING_FIELDS);
    EXPECT_FALSE(b.qspi.dmaTx().request());  // DMA_CTRL = 0
    tb.write(r::DMA_CTRL, r::DMA_CTRL_QSPI_WRITE_EN.mask() | r::DMA_CTRL_WR_WATER_LEVEL.set(0, 3) |
                              r::DMA_CTRL_QSPI_READ_EN.mask() | r::DMA_CTRL_RD_WATER_LEVEL.set(0, 7));
    for (unsigned level = 1; level <= QspiController::kFifoWords; ++level) {
      tb.write(r::AFIFO_WDATA, level);
      EXPECT_EQ(b.qspi.dmaTx().request(), level <= 3) << level;
      EXPECT_EQ(b.qspi.dmaTx().single(), level < QspiController::kFifoWords) << level;
    }
    // Reading 64 bytes fills the read FIFO (16 words); each pop refills it from the flash.
    tb.write(r::QSPI_CTRL, ctrl(kOne, kOne, kOne, true));
    tb.write(r::QSPI_INS, 0x03);
    tb.write(r::QSPI_DATA_NUM, 4 * 24 - 1);
    tb.write(r::QSPI_PULSE, r::QSPI_PULSE_INDIRECT_ACT.mask());
    EXPECT_TRUE(b.qspi.dmaRx().request());
    for (unsigned left = 23; left > 0; --left) {
      tb.read(r::AFIFO_RDATA);
      EXPECT_EQ(b.qspi.dmaRx().request(), std::min(left, QspiController::kFifoWords) >= 7) << left;
      EXPECT_TRUE(b.qspi.dmaRx().single()) << left;
    }
    tb.read(r::AFIFO_RDATA);
    EXPECT_FALSE(b.qspi.dmaRx().single());
    tb.write(r::DMA_CTRL, 0);
    EXPECT_FALSE(b.qspi.dmaTx().request());
    EXPECT_FALSE(b.qspi.dmaTx().single());
    programTheWriteFifo(tb, 0x5000);  // leaves the write FIFO empty for the next test
    waitReady(tb);
  }));
}
