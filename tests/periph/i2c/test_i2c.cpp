// DW_apb_i2c master with the SHT20 sensor, driven like the vendor i2c.c / sht20.c.
#include <gtest/gtest.h>

#include <vector>

#include "MmioTestbench.h"
#include "common/ClockDomain.h"
#include "periph/i2c/At24Eeprom.h"
#include "periph/i2c/DwApbI2c.h"
#include "periph/i2c/Pcf8574.h"
#include "periph/i2c/Sht20Sensor.h"
#include "periph/i2c/i2c_regs.h"

int sc_main(int, char**) { return 0; }

namespace {

using namespace wtm::periph;
namespace r = wtm::periph::i2c;
using periph_test::MmioTestbench;
using sc_core::SC_MS;
using sc_core::sc_time;
using sc_core::SC_US;

struct Bench {
  wtm::ClockDomain pclk{"pclk", 24.576e6};
  DwApbI2c i2c{"i2c", pclk};
  Sht20Sensor sht20;
  At24Eeprom eeprom;
  std::vector<std::pair<uint8_t, uint8_t>> expanderChanges;  // (pins, changed)
  Pcf8574 expander{
      [this](uint8_t pins, uint8_t changed, const sc_time&) { expanderChanges.emplace_back(pins, changed); }};
  sc_core::sc_signal<bool> irq{"irq"};
  MmioTestbench tb{"tb", i2c};
  Bench() {
    i2c.irq.bind(irq);
    i2c.attach(Sht20Sensor::kAddress, &sht20);
    i2c.attach(At24Eeprom::kAddress, &eeprom);
    i2c.attach(Pcf8574::kBaseAddress | 7, &expander);
  }
};

Bench& bench() { return wtm::test::elaboratedOnce<Bench>(); }

// I2C_Init for 100 kHz fast mode at 24.576 MHz, target `address`.
void init(MmioTestbench& tb, uint32_t address) {
  tb.write(r::IC_ENABLE, 0);
  tb.write(r::IC_CON, r::IC_CON_MASTER_MODE.mask() | r::IC_CON_SPEED.set(0, 2) | r::IC_CON_IC_RESTART_EN.mask() |
                          r::IC_CON_IC_SLAVE_DISABLE.mask());
  tb.write(r::IC_TAR, address);
  tb.write(r::IC_FS_SCL_HCNT, 117);
  tb.write(r::IC_FS_SCL_LCNT, 117);
  tb.write(r::IC_FS_SPKLEN, 1);
  tb.write(r::IC_ENABLE, 1);
}

bool stopSeen(MmioTestbench& tb) { return tb.read(r::IC_RAW_INTR_STAT) & r::IC_RAW_INTR_STAT_STOP_DET.mask(); }

TEST(I2c, Sht20HoldMasterTemperatureStretchesTheClock) {
  Bench& b = bench();
  b.sht20.setTemperature(21.5);
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    init(tb, 0x40);
    EXPECT_EQ(tb.read(r::IC_STATUS), 0x06u);  // TFE, TFNF, idle (soc.md §7.3)
    tb.read(r::IC_CLR_STOP_DET);
    tb.read(r::IC_CLR_TX_ABRT);
    const sc_time t0 = sc_core::sc_time_stamp();
    tb.write(r::IC_DATA_CMD, 0xE3);  // ReadBytes(0xE3, 1, buf, 3): command, then reads (RESTART)
    for (int i = 0; i < 3; ++i) tb.write(r::IC_DATA_CMD, r::IC_DATA_CMD_CMD.mask());
    EXPECT_TRUE(tb.read(r::IC_STATUS) & r::IC_STATUS_ACTIVITY.mask());
    tb.wait(sc_time(60, SC_MS));
    EXPECT_EQ(tb.read(r::IC_RXFLR), 0u);  // the sensor is still converting (66 ms)
    std::vector<uint8_t> got;
    while (got.size() < 3 && sc_core::sc_time_stamp() - t0 < sc_time(100, SC_MS)) {
      if (tb.read(r::IC_STATUS) & r::IC_STATUS_RFNE.mask())
        got.push_back(static_cast<uint8_t>(tb.read(r::IC_DATA_CMD)));
      else tb.wait(sc_time(10, SC_US));
    }
    ASSERT_EQ(got.size(), 3u);
    const double ms = (sc_core::sc_time_stamp() - t0).to_seconds() * 1e3;
    EXPECT_GT(ms, 66.0);
    EXPECT_LT(ms, 70.0);
    const uint16_t raw = static_cast<uint16_t>(got[0] << 8 | got[1]);
    EXPECT_EQ(raw, b.sht20.rawTemperature());
    EXPECT_NEAR(-46.85 + 175.72 * (raw & 0xFFFC) / 65536.0, 21.5, 0.01);
    EXPECT_EQ(raw & 0x2, 0);  // status bit: temperature
    EXPECT_EQ(got[2], Sht20Sensor::crc8(got.data(), 2));
    tb.wait(sc_time(200, SC_US));
    EXPECT_TRUE(stopSeen(tb));  // STOP once the TX FIFO ran empty
    EXPECT_EQ(tb.read(r::IC_STATUS), 0x06u);
  }));
}

TEST(I2c, Sht20UserRegisterAndNoHoldNack) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    init(tb, 0x40);
    tb.read(r::IC_CLR_INTR);
    tb.write(r::IC_DATA_CMD, 0xE7);
    tb.write(r::IC_DATA_CMD, r::IC_DATA_CMD_CMD.mask() | r::IC_DATA_CMD_STOP.mask());
    tb.wait(sc_time(1, SC_MS));
    EXPECT_EQ(tb.read(r::IC_DATA_CMD), 0x02u);
    EXPECT_TRUE(stopSeen(tb));
    // No-hold humidity: the read address is not acknowledged while converting.
    tb.write(r::IC_DATA_CMD, 0xF5 | r::IC_DATA_CMD_STOP.mask());
    tb.wait(sc_time(1, SC_MS));
    tb.write(r::IC_DATA_CMD, r::IC_DATA_CMD_CMD.mask() | r::IC_DATA_CMD_STOP.mask());
    tb.wait(sc_time(1, SC_MS));
    EXPECT_TRUE(tb.read(r::IC_RAW_INTR_STAT) & r::IC_RAW_INTR_STAT_TX_ABRT.mask());
    EXPECT_TRUE(tb.read(r::IC_TX_ABRT_SOURCE) & r::IC_TX_ABRT_SOURCE_ABRT_7B_ADDR_NOACK.mask());
    tb.read(r::IC_CLR_TX_ABRT);
    tb.wait(sc_time(25, SC_MS));
    tb.write(r::IC_DATA_CMD, r::IC_DATA_CMD_CMD.mask());
    tb.write(r::IC_DATA_CMD, r::IC_DATA_CMD_CMD.mask() | r::IC_DATA_CMD_STOP.mask());
    tb.wait(sc_time(1, SC_MS));
    ASSERT_EQ(tb.read(r::IC_RXFLR), 2u);
    const uint32_t hi = tb.read(r::IC_DATA_CMD), lo = tb.read(r::IC_DATA_CMD);
    EXPECT_EQ((hi << 8 | lo), b.sht20.rawHumidity());
  }));
}

TEST(I2c, AbsentAddressAbortsAndFlushesUntilCleared) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    init(tb, 0x26);  // nobody there
    tb.read(r::IC_CLR_INTR);
    tb.write(r::IC_INTR_MASK, r::IC_RAW_INTR_STAT_TX_ABRT.mask());
    tb.write(r::IC_DATA_CMD, 0x12);
    tb.write(r::IC_DATA_CMD, 0x34);
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    tb.wait(sc_time(500, SC_US));
    EXPECT_TRUE(b.irq.read());
    // The reason alone: TX_FLUSH_CNT counts the flushed 0x34.
    EXPECT_EQ(tb.read(r::IC_TX_ABRT_SOURCE) & ~r::IC_TX_ABRT_SOURCE_TX_FLUSH_CNT.mask(),
              r::IC_TX_ABRT_SOURCE_ABRT_7B_ADDR_NOACK.mask());
    EXPECT_TRUE(stopSeen(tb));
    tb.write(r::IC_DATA_CMD, 0x56);  // flushed: the FIFO stays in reset until IC_CLR_TX_ABRT
    tb.wait(sc_time(500, SC_US));
    EXPECT_EQ(tb.read(r::IC_TXFLR), 0u);
    EXPECT_EQ(tb.read(r::IC_CLR_TX_ABRT), 1u);
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    tb.write(r::IC_INTR_MASK, 0);
  }));
}

TEST(I2c, TxFifoLevelDrainsAtTheBusRate) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    init(tb, 0x40);
    tb.read(r::IC_CLR_INTR);
    // User register write: 0xE6 + value; then more bytes the sensor NACKs.
    tb.write(r::IC_DATA_CMD, 0xE6);
    tb.write(r::IC_DATA_CMD, 0x03);
    EXPECT_EQ(tb.read(r::IC_TXFLR), 1u);  // the first command is on the bus already
    const sc_time byte = b.i2c.sclPeriod() * 9.0;
    tb.wait(byte * 3.0);
    EXPECT_EQ(tb.read(r::IC_TXFLR), 0u);
    tb.wait(byte);
    EXPECT_TRUE(stopSeen(tb));
    EXPECT_EQ(b.sht20.userRegister(), 0x03u);
  }));
}

// A debugger reads the data register and the read-to-clear registers after a transfer: the
// received byte stays in the FIFO, STOP_DET stays latched (and the line high), an empty FIFO
// latches no RX_UNDER; the firmware's reads then see everything as if nobody had looked.
TEST(I2c, DebugReadsPopAndClearNothing) {
  Bench& b = bench();
  b.sht20 = Sht20Sensor();  // its power-on user register (0x02), whatever an earlier test wrote
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    init(tb, 0x40);
    tb.read(r::IC_CLR_INTR);
    tb.write(r::IC_DATA_CMD, 0xE7);  // read the user register
    tb.write(r::IC_DATA_CMD, r::IC_DATA_CMD_CMD.mask() | r::IC_DATA_CMD_STOP.mask());
    tb.wait(sc_time(1, SC_MS));
    tb.write(r::IC_INTR_MASK, r::IC_RAW_INTR_STAT_STOP_DET.mask());
    tb.settle();
    ASSERT_TRUE(b.irq.read());
    periph_test::expectQuiet([&] {
      for (int i = 0; i < 2; ++i) EXPECT_EQ(tb.debugRead(r::IC_DATA_CMD), 0x02u);
      EXPECT_EQ(tb.debugRead(r::IC_RXFLR), 1u);
      EXPECT_EQ(tb.debugRead(r::IC_CLR_STOP_DET), 1u);
      EXPECT_EQ(tb.debugRead(r::IC_CLR_START_DET), 1u);
      EXPECT_EQ(tb.debugRead(r::IC_CLR_ACTIVITY), 1u);
      EXPECT_EQ(tb.debugRead(r::IC_CLR_INTR), 1u);
      EXPECT_EQ(tb.debugRead(r::IC_CLR_TX_ABRT), 0u);
    });
    tb.settle();
    EXPECT_TRUE(b.irq.read()) << "a debug read cleared STOP_DET";
    EXPECT_TRUE(stopSeen(tb));
    EXPECT_EQ(tb.read(r::IC_RXFLR), 1u);
    EXPECT_EQ(tb.read(r::IC_DATA_CMD), 0x02u);
    EXPECT_EQ(tb.debugRead(r::IC_DATA_CMD), 0u);  // empty: no underflow either
    EXPECT_FALSE(tb.read(r::IC_RAW_INTR_STAT) & r::IC_RAW_INTR_STAT_RX_UNDER.mask());
    EXPECT_EQ(tb.read(r::IC_CLR_START_DET), 1u);
    EXPECT_EQ(tb.read(r::IC_CLR_STOP_DET), 1u);
    EXPECT_EQ(tb.read(r::IC_CLR_STOP_DET), 0u);
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    tb.write(r::IC_INTR_MASK, 0);
  }));
}

}  // namespace

// DMA handshakes: dma_tx_req while IC_TXFLR <= IC_DMA_TDLR (and the single request while the TX
// FIFO has room), dma_rx_req while IC_RXFLR > IC_DMA_RDLR. They follow the FIFOs both within an
// access and as the bus drains or fills them, with no access at all.
TEST(I2c, DmaHandshakesFollowTheFifosInAccessesAndAsTheBusRuns) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    init(tb, 0x40);
    tb.read(r::IC_CLR_INTR);
    EXPECT_FALSE(b.i2c.dmaTx().request());  // IC_DMA_CR = 0
    tb.write(r::IC_DMA_TDLR, 1);
    tb.write(r::IC_DMA_RDLR, 0);
    tb.write(r::IC_DMA_CR, r::IC_DMA_CR_TDMAE.mask() | r::IC_DMA_CR_RDMAE.mask());
    EXPECT_TRUE(b.i2c.dmaTx().request());
    tb.write(r::IC_DATA_CMD, 0xE6);  // on the bus at once: the FIFO stays empty
    tb.write(r::IC_DATA_CMD, 0x03);
    EXPECT_TRUE(b.i2c.dmaTx().request());  // TXFLR 1
    tb.write(r::IC_DATA_CMD, 0x03 | r::IC_DATA_CMD_STOP.mask());
    EXPECT_FALSE(b.i2c.dmaTx().request());  // TXFLR 2 > 1
    EXPECT_TRUE(b.i2c.dmaTx().single());
    tb.wait(b.i2c.sclPeriod() * 19.0);  // address and 0xE6 sent: the first 0x03 left the FIFO
    EXPECT_EQ(tb.read(r::IC_TXFLR), 1u);
    EXPECT_TRUE(b.i2c.dmaTx().request());
    tb.wait(sc_time(1, SC_MS));
    tb.read(r::IC_CLR_TX_ABRT);  // the sensor refused the extra byte: the FIFO works again
    // User register read: one byte arrives after its ninth clock.
    tb.write(r::IC_DATA_CMD, 0xE7);
    tb.write(r::IC_DATA_CMD, r::IC_DATA_CMD_CMD.mask() | r::IC_DATA_CMD_STOP.mask());
    EXPECT_FALSE(b.i2c.dmaRx().request());
    tb.wait(sc_time(1, SC_MS));
    EXPECT_TRUE(b.i2c.dmaRx().request());
    EXPECT_TRUE(b.i2c.dmaRx().single());
    EXPECT_EQ(tb.read(r::IC_DATA_CMD), 0x03u);
    EXPECT_FALSE(b.i2c.dmaRx().request());
    EXPECT_FALSE(b.i2c.dmaRx().single());
    tb.write(r::IC_DMA_CR, 0);
    EXPECT_FALSE(b.i2c.dmaTx().request());
  }));
}

// A 24C02 at 0x50 as the vendor i2c_dma example drives it: a page write (word address, then
// data, wrapping inside its 8-byte page), the write cycle during which the part does not
// acknowledge, then a random read (dummy write of the address, repeated START, sequential reads).
TEST(I2c, EepromPageWriteWriteCycleAndRandomRead) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    init(tb, At24Eeprom::kAddress);
    tb.read(r::IC_CLR_INTR);
    tb.write(r::IC_DATA_CMD, 0x16);  // word address: two bytes before the end of page 0x10
    for (uint32_t v : {0xA1u, 0xA2u, 0xA3u}) tb.write(r::IC_DATA_CMD, v);
    tb.write(r::IC_DATA_CMD, 0xA4u | r::IC_DATA_CMD_STOP.mask());
    tb.wait(sc_time(1, SC_MS));
    EXPECT_TRUE(stopSeen(tb));
    EXPECT_EQ(b.eeprom.contents()[0x16], 0xA1);
    EXPECT_EQ(b.eeprom.contents()[0x17], 0xA2);
    EXPECT_EQ(b.eeprom.contents()[0x10], 0xA3);  // wrapped to the start of the page
    EXPECT_EQ(b.eeprom.contents()[0x11], 0xA4);
    EXPECT_EQ(b.eeprom.contents()[0x18], 0xFF);  // the next page is untouched
    // Still inside the 5 ms write cycle: the address is not acknowledged.
    tb.read(r::IC_CLR_INTR);
    tb.write(r::IC_DATA_CMD, 0x16 | r::IC_DATA_CMD_STOP.mask());
    tb.wait(sc_time(1, SC_MS));
    EXPECT_TRUE(tb.read(r::IC_TX_ABRT_SOURCE) & r::IC_TX_ABRT_SOURCE_ABRT_7B_ADDR_NOACK.mask());
    tb.read(r::IC_CLR_TX_ABRT);
    tb.wait(sc_time(5, SC_MS));
    tb.write(r::IC_DATA_CMD, 0x16);
    tb.write(r::IC_DATA_CMD, r::IC_DATA_CMD_CMD.mask() | r::IC_DATA_CMD_RESTART.mask());
    tb.write(r::IC_DATA_CMD, r::IC_DATA_CMD_CMD.mask());
    tb.write(r::IC_DATA_CMD, r::IC_DATA_CMD_CMD.mask() | r::IC_DATA_CMD_STOP.mask());
    tb.wait(sc_time(1, SC_MS));
    ASSERT_EQ(tb.read(r::IC_RXFLR), 3u);
    EXPECT_EQ(tb.read(r::IC_DATA_CMD), 0xA1u);
    EXPECT_EQ(tb.read(r::IC_DATA_CMD), 0xA2u);
    EXPECT_EQ(tb.read(r::IC_DATA_CMD), 0xFFu);  // sequential reads cross pages
  }));
}

// A PCF8574 at 0x27 driven as the vendor io_expand_pcf8574 example does: read the port, write it
// back with one bit changed (and P1 kept high, an input); a pin pulled low outside reads low.
TEST(I2c, ExpanderLatchDrivesItsPinsAndReadsThemBack) {
  Bench& b = bench();
  b.expanderChanges.clear();
  ASSERT_TRUE(b.tb.run([&](MmioTestbench& tb) {
    init(tb, Pcf8574::kBaseAddress | 7);
    tb.read(r::IC_CLR_INTR);
    tb.write(r::IC_DATA_CMD, r::IC_DATA_CMD_CMD.mask() | r::IC_DATA_CMD_STOP.mask());
    tb.wait(sc_time(1, SC_MS));
    EXPECT_EQ(tb.read(r::IC_DATA_CMD), 0xFFu);                     // power-on: all pins high
    tb.write(r::IC_DATA_CMD, 0xFEu | r::IC_DATA_CMD_STOP.mask());  // P0 low
    tb.wait(sc_time(1, SC_MS));
    EXPECT_EQ(b.expander.pins(), 0xFE);
    b.expander.setExternalLow(0x02, sc_core::sc_time_stamp());  // P1 pulled low outside
    tb.write(r::IC_DATA_CMD, r::IC_DATA_CMD_CMD.mask() | r::IC_DATA_CMD_STOP.mask());
    tb.wait(sc_time(1, SC_MS));
    EXPECT_EQ(tb.read(r::IC_DATA_CMD), 0xFCu);
    b.expander.setExternalLow(0, sc_core::sc_time_stamp());
  }));
  const std::vector<std::pair<uint8_t, uint8_t>> expected{{0xFE, 0x01}, {0xFC, 0x02}, {0xFE, 0x02}};
  EXPECT_EQ(b.expanderChanges, expected);
}
