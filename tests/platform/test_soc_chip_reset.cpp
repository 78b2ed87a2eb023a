// Wtm2101Soc::chipReset (the debugger's "monitor reset"): every block's registers return to what
// a freshly built SoC reads, whatever the firmware had written.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "AddressMap.h"
#include "Wtm2101Soc.h"

using namespace wtm;
using namespace wtm::platform;

int sc_main(int, char**) { return 0; }

namespace {

// Every register of every block with a register table, by "block.REG", read by debug transport.
std::map<std::string, uint32_t> registers(Wtm2101Soc& soc) {
  std::map<std::string, uint32_t> values;
  for (const std::string& name : soc.deviceNames()) {
    MmioDevice* device = soc.device(name);
    const uint64_t base = soc.deviceRegion(name)->base;
    for (const RegisterInfo& r : device->registers()) {
      if (r.access == RegAccess::WO) continue;
      uint32_t v = 0;
      soc.debugRead(base + r.offset, reinterpret_cast<uint8_t*>(&v), 4);
      values[name + "." + r.name] = v;
    }
  }
  return values;
}

void write(Wtm2101Soc& soc, const char* region, uint32_t offset, uint32_t value) {
  ASSERT_TRUE(soc.debugWrite(findRegion(region)->base + offset, reinterpret_cast<const uint8_t*>(&value), 4))
      << region << "+" << offset;
}

}  // namespace

TEST(SocChipReset, EveryBlockReadsAsAfterPowerOn) {
  Wtm2101Soc soc("soc", Wtm2101Soc::Config{});
  sc_core::sc_start(sc_core::SC_ZERO_TIME);  // ends elaboration: debug transport needs bound sockets
  const auto fresh = registers(soc);
  ASSERT_GT(fresh.size(), 300u);
  // What firmware leaves behind in blocks of every kind (none of it starts a transfer).
  write(soc, "SPIM", 0x00, 0x000000C7);              // CTRLR0
  write(soc, "SPIM", 0x14, 0x00000010);              // BAUDR
  write(soc, "SPIS", 0x2C, 0x00000001);              // IMR
  write(soc, "I2C", 0x04, 0x00000040);               // IC_TAR
  write(soc, "I2C", 0x30, 0x00000001);               // IC_INTR_MASK
  write(soc, "QSPI", 0x08, 0x0000009F);              // QSPI_INS
  write(soc, "QSPI", 0x0C, 0x00123456);              // QSPI_ADDR
  write(soc, "ECLIC", 0x000, 0x00000008);            // CLICCFG
  write(soc, "ECLIC", 0x00B, 0x00000003);            // MTH
  write(soc, "ECLIC", 0x1000 + 4 * 19, 0x00000101);  // interrupt 19 enabled
  write(soc, "SYSTIMER", 0x008, 1000);               // MTIMERCMP_LO
  write(soc, "SYSTIMER", 0x00C, 0);                  // MTIMERCMP_HI
  write(soc, "UART0", 0x1C, 0x5A);                   // SCR
  write(soc, "TIMER", 0x00, 12345);                  // LOADCOUNT
  write(soc, "GPIO", 0x04, 0x3);                     // direction
  write(soc, "DMA", 0x398, 1);                       // DMA_CFG: enabled
  const auto dirty = registers(soc);
  EXPECT_NE(dirty, fresh);
  soc.chipReset();
  const auto after = registers(soc);
  for (const auto& [reg, value] : fresh) EXPECT_EQ(after.at(reg), value) << reg;
}
