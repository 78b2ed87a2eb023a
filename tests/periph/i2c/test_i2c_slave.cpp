// DW_apb_i2c in slave mode, driven by an external master (ExternalI2cMaster), with the register
// sequence of the vendor i2c_slave_dma example (slave at 0x50, standard speed).
#include <gtest/gtest.h>

#include <vector>

#include "MmioTestbench.h"
#include "common/ClockDomain.h"
#include "periph/i2c/DwApbI2c.h"
#include "periph/i2c/ExternalI2cMaster.h"
#include "periph/i2c/i2c_regs.h"

int sc_main(int, char**) { return 0; }

namespace {

using namespace wtm::periph;
namespace r = wtm::periph::i2c;
using periph_test::MmioTestbench;
using sc_core::SC_MS;
using sc_core::sc_time;
using sc_core::SC_US;

std::vector<I2cMasterTransfer> transfers() {
  I2cMasterTransfer write{sc_time(100, SC_US), false, 0x50, {0x01, 0x02, 0x03}, 0};
  I2cMasterTransfer other{sc_time(1, SC_MS), false, 0x51, {0xAA}, 0};
  I2cMasterTransfer read{sc_time(2, SC_MS), false, 0x50, {}, 2};
  I2cMasterTransfer writeRead{sc_time(500, SC_US), true, 0x50, {0x10}, 1};
  return {write, other, read, writeRead};
}

struct Bench {
  wtm::ClockDomain pclk{"pclk", 24.576e6};
  DwApbI2c i2c{"i2c", pclk};
  std::vector<I2cMasterResult> results;
  ExternalI2cMaster master{"master", i2c, transfers(), 100e3,
                           [this](const I2cMasterResult& res) { results.push_back(res); }};
  sc_core::sc_signal<bool> irq{"irq"};
  MmioTestbench tb{"tb", i2c};
  Bench() { i2c.irq.bind(irq); }
};

uint32_t raw(MmioTestbench& tb) { return tb.read(r::IC_RAW_INTR_STAT); }

TEST(I2cSlave, AnExternalMasterWritesReadsAndIsHeldWhileTheSlaveHasNoData) {
  Bench b;
  sc_core::sc_start(sc_core::SC_ZERO_TIME);
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    // I2C_Init as a slave at 0xA0 >> 1, standard speed.
    tb.write(r::IC_ENABLE, 0);
    tb.write(r::IC_CON, r::IC_CON_SPEED.set(0, 1) | r::IC_CON_IC_RESTART_EN.mask());
    tb.write(r::IC_SAR, 0x50);
    tb.write(r::IC_ENABLE, 1);
    EXPECT_EQ(tb.read(r::IC_STATUS) & r::IC_STATUS_SLV_ACTIVITY.mask(), 0u);

    // Write of 3 bytes from 100 us: START + address (10 SCL periods), then 9 per byte.
    tb.wait(sc_time(100 + 10 * 10 + 9 * 10 + 5, SC_US));
    EXPECT_EQ(tb.read(r::IC_RXFLR), 1u);
    EXPECT_TRUE(tb.read(r::IC_STATUS) & r::IC_STATUS_SLV_ACTIVITY.mask());
    EXPECT_TRUE(raw(tb) & r::IC_RAW_INTR_STAT_START_DET.mask());
    tb.wait(sc_time(200, SC_US));
    EXPECT_EQ(tb.read(r::IC_RXFLR), 3u);
    EXPECT_TRUE(raw(tb) & r::IC_RAW_INTR_STAT_STOP_DET.mask());
    EXPECT_EQ(tb.read(r::IC_STATUS) & r::IC_STATUS_SLV_ACTIVITY.mask(), 0u);
    for (uint32_t v : {1u, 2u, 3u}) EXPECT_EQ(tb.read(r::IC_DATA_CMD), v);
    tb.read(r::IC_CLR_INTR);

    // Another address: not acknowledged, nothing received.
    tb.wait(sc_time(1500, SC_US) - sc_core::sc_time_stamp());
    EXPECT_EQ(tb.read(r::IC_RXFLR), 0u);
    EXPECT_EQ(raw(tb) & r::IC_RAW_INTR_STAT_START_DET.mask(), 0u);

    // A read of 2 bytes from 2 ms: RD_REQ once addressed; SCL is held until data comes.
    tb.wait(sc_time(2300, SC_US) - sc_core::sc_time_stamp());
    EXPECT_TRUE(raw(tb) & r::IC_RAW_INTR_STAT_RD_REQ.mask());
    EXPECT_EQ(b.results.size(), 2u);  // still waiting for the read
    tb.read(r::IC_CLR_RD_REQ);
    for (uint32_t v : {0x5Au, 0xA5u, 0x77u}) tb.write(r::IC_DATA_CMD, v);  // one more than read
    tb.wait(sc_time(1, SC_US));
    EXPECT_EQ(tb.read(r::IC_TXFLR), 2u);  // the first left at once
    tb.wait(sc_time(400, SC_US));
    // The master NACKed its last byte: RX_DONE; the byte it did not take is flushed.
    EXPECT_TRUE(raw(tb) & r::IC_RAW_INTR_STAT_RX_DONE.mask());
    EXPECT_TRUE(raw(tb) & r::IC_RAW_INTR_STAT_TX_ABRT.mask());
    EXPECT_TRUE(tb.read(r::IC_TX_ABRT_SOURCE) & r::IC_TX_ABRT_SOURCE_ABRT_SLVFLUSH_TXFIFO.mask());
    EXPECT_EQ(tb.read(r::IC_TXFLR), 0u);
    tb.read(r::IC_CLR_INTR);

    // Write then read with a repeated START, 500 us after the last STOP: data ready in advance
    // (no RD_REQ then).
    tb.write(r::IC_DATA_CMD, 0x42);
    tb.wait(sc_time(1, SC_MS));
    EXPECT_EQ(tb.read(r::IC_DATA_CMD), 0x10u);
    EXPECT_EQ(raw(tb) & r::IC_RAW_INTR_STAT_RD_REQ.mask(), 0u);
  }));
  ASSERT_EQ(b.results.size(), 4u);
  EXPECT_TRUE(b.results[0].acknowledged);
  EXPECT_EQ(b.results[0].written, 3u);
  // START + 4 bytes (address and data) of 9 clocks + STOP, at 10 us per clock.
  EXPECT_EQ(b.results[0].stop - b.results[0].start, sc_time(10 + 4 * 90 + 10, SC_US));
  EXPECT_FALSE(b.results[1].acknowledged);
  EXPECT_EQ(b.results[1].written, 0u);
  EXPECT_TRUE(b.results[2].acknowledged);
  EXPECT_EQ(b.results[2].read, (std::vector<uint8_t>{0x5A, 0xA5}));
  EXPECT_GT(b.results[2].stop, sc_time(2300, SC_US));  // held until the data came
  EXPECT_EQ(b.results[3].start, b.results[2].stop + sc_time(500, SC_US));
  EXPECT_EQ(b.results[3].written, 1u);
  EXPECT_EQ(b.results[3].read, (std::vector<uint8_t>{0x42}));
  EXPECT_TRUE(b.master.finished());
}

}  // namespace
