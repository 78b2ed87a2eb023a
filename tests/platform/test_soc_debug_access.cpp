// Debug access to the whole SoC as a debugger uses it: every register of every device window
// read through Wtm2101Soc::debugRead (the bus router's debug transport) gives the same value
// twice, logs nothing and leaves the MmioActivity polling detector alone; devices are found by
// their address-map names; a block's registers print decoded (formatRegisters).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "DebugRead.h"
#include "AddressMap.h"
#include "Wtm2101Soc.h"
#include "common/RegisterDump.h"
#include "periph/uart/uart_regs.h"

using namespace wtm;
using namespace wtm::platform;

int sc_main(int, char**) { return 0; }

namespace {

Wtm2101Soc& soc() {
  static Wtm2101Soc* s = [] {
    auto* x = new Wtm2101Soc("soc", Wtm2101Soc::Config{});
    sc_core::sc_start(sc_core::SC_ZERO_TIME);  // ends elaboration: debug transport needs bound sockets
    return x;
  }();
  return *s;
}

std::vector<uint8_t> debugRead(uint64_t address, unsigned length) {
  std::vector<uint8_t> bytes(length, 0xA5);
  EXPECT_TRUE(soc().debugRead(address, bytes.data(), length)) << std::hex << address << " +" << length;
  return bytes;
}

}  // namespace

TEST(SocDebugAccess, DevicesAreFoundByTheirAddressMapNames) {
  Wtm2101Soc& s = soc();
  EXPECT_EQ(s.device("uart0"), &s.uart0);
  EXPECT_EQ(s.device("UART0"), &s.uart0);
  EXPECT_EQ(s.device("Timer"), &s.timers);
  EXPECT_EQ(s.device("eclic"), &s.eclic);
  EXPECT_EQ(s.device("uart2"), nullptr);
  EXPECT_EQ(s.device(""), nullptr);
  EXPECT_EQ(s.device("ilm"), nullptr) << "memory, not a device";
  EXPECT_EQ(s.device("flash_ctl"), nullptr) << "a placeholder without a register table";
  const std::vector<std::string> names = s.deviceNames();
  for (const char* want : {"wdt", "uart0", "uart1", "timer", "npu", "dma", "systimer", "eclic"})
    EXPECT_NE(std::find(names.begin(), names.end(), want), names.end()) << want;
  EXPECT_EQ(std::find(names.begin(), names.end(), "flash_ctl"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "debug"), names.end());
  for (const std::string& name : names) {
    EXPECT_NE(s.device(name), nullptr) << name;
    EXPECT_TRUE(s.deviceRegion(name)) << name;
  }
  EXPECT_EQ(s.deviceRegion("Uart0")->base, findRegion("UART0")->base);
  EXPECT_FALSE(s.deviceRegion("flash_ctl"));
  EXPECT_FALSE(s.deviceRegion("uart2"));
}

TEST(SocDebugAccess, EveryRegisterReadsTheSameTwiceWithoutATrace) {
  Wtm2101Soc& s = soc();
  // Every device window, as bytes: the same before and after all the reads below.
  auto snapshot = [&s] {
    std::vector<std::vector<uint8_t>> windows;
    for (const std::string& name : s.deviceNames())
      windows.push_back(debugRead(s.deviceRegion(name)->base, s.device(name)->windowSize()));
    return windows;
  };
  size_t registers = 0;
  std::vector<std::vector<uint8_t>> before;
  periph_test::expectQuiet([&] {
    before = snapshot();
    for (const std::string& name : s.deviceNames()) {
      MmioDevice* device = s.device(name);
      const uint64_t base = s.deviceRegion(name)->base;
      for (const RegisterInfo& r : device->registers()) {
        const unsigned size = registerAccessSize(device->registers(), r.offset);
        const auto first = debugRead(base + r.offset, size);
        const auto second = debugRead(base + r.offset, size);
        EXPECT_EQ(first, second) << name << "." << r.name;
        EXPECT_EQ(std::count(first.begin(), first.end(), 0xA5), 0) << name << "." << r.name << ": bytes not served";
        ++registers;
      }
      // The whole window as one read (as "x/1024xw" would), twice.
      EXPECT_EQ(debugRead(base, device->windowSize()), debugRead(base, device->windowSize())) << name;
    }
    // Placeholders read 0 and report nothing.
    for (const char* placeholder : {"FLASH_CTL", "DEBUG"}) {
      const auto bytes = debugRead(findRegion(placeholder)->base, 64);
      EXPECT_EQ(std::count(bytes.begin(), bytes.end(), 0), 64) << placeholder;
    }
    EXPECT_TRUE(snapshot() == before) << "a debug read changed a register";
  });
  EXPECT_GT(registers, 300u);
}

TEST(SocDebugAccess, RegisterDumpShowsNamesValuesAndFields) {
  Wtm2101Soc& s = soc();
  namespace u = periph::uart;
  const uint64_t base = findRegion("UART0")->base;
  const uint8_t lcr[4] = {0x1B, 0, 0, 0};  // 8 data bits, even parity
  ASSERT_TRUE(s.debugWrite(base + u::LCR, lcr, 4));
  const uint8_t scr[4] = {0xC3, 0, 0, 0};
  ASSERT_TRUE(s.debugWrite(base + u::SCR, scr, 4));
  std::string text;
  periph_test::expectQuiet([&] { text = formatRegisters(*s.device("uart0"), base, "uart0"); });
  EXPECT_NE(text.find("uart0 at 0x64004000"), std::string::npos) << text;
  EXPECT_NE(text.find("+0x00c  0x6400400c  LCR  RW   0x0000001b    DLS=3 STOP=0 PEN=1 EPS=1 SP=0 BC=0 DLAB=0"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("SCR  RW   0x000000c3"), std::string::npos) << text;
  EXPECT_NE(text.find("THR  WO   (write-only)"), std::string::npos) << text;
  EXPECT_NE(text.find("CPR  RO   0x00010d02    APB_DATA_WIDTH=2"), std::string::npos) << text;
  EXPECT_NE(text.find("FIFO_MODE=0x1"), std::string::npos) << text;  // 8 bits wide: hex
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), static_cast<long>(s.uart0.registers().size()) + 1) << text;
  // Byte registers (ECLIC) and halfword registers (NPU) show their own width.
  const std::string eclic = formatRegisters(*s.device("eclic"), findRegion("ECLIC")->base, "eclic");
  EXPECT_NE(eclic.find("MTH       RW   0x00"), std::string::npos) << eclic;
  const std::string npu = formatRegisters(*s.device("npu"), findRegion("NPU")->base, "npu");
  EXPECT_NE(npu.find("CHIP_ID         RO   0x00a8"), std::string::npos) << npu;
}
