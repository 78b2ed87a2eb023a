// The one address map: router decoding, SRAM views and their bank permutation, DMI windows,
// the read-only flash window, unmapped space and placeholder devices; and the firmware header
// generated from the same tables.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include <systemc>
#include <tlm_utils/simple_initiator_socket.h>

#include "AddressMap.h"
#include "MemoryWiring.h"
#include "ScenarioTestbench.h"
#include "bus/AddressRouter.h"
#include "common/UnimplementedDevice.h"
#include "memory/BankedMemory.h"
#include "riscv/eclic/EclicController.h"

using namespace wtm;
using namespace wtm::platform;

int sc_main(int, char**) { return 0; }

namespace {

struct Initiator : sc_core::sc_module {
  tlm_utils::simple_initiator_socket<Initiator> socket{"socket"};
  explicit Initiator(sc_core::sc_module_name n) : sc_core::sc_module(n) {}
};

// Router + SRAM + flash + placeholders for every device window, as the SoC wires them.
struct Bench {
  ClockDomain clock{"hclk", 24.576e6};
  bus::AddressRouter router{"router", clock};
  memory::BankedMemory sram{"sram", kSramSize, sramViews()};
  memory::BankedMemory flash{
      "flash", kQspiFlashSize, {flashWindowView(requireRegion("QSPI_XIP").size, kQspiFlashSize)}, 0xFF};
  Initiator cpu{"cpu"};
  std::vector<std::unique_ptr<UnimplementedDevice>> devices;

  Bench() {
    cpu.socket.bind(router.targetSocket);
    for (const RegionSpec& r : addressMap()) {
      if (attachMemoryRegion(router, r, sram, flash)) continue;
      devices.push_back(std::make_unique<UnimplementedDevice>(r.name, r.size));
      router.attach(r.name, r.base, r.size, r.latencyCycles, devices.back()->socket);
    }
    sc_core::sc_start(sc_core::SC_ZERO_TIME);  // completes elaboration; accesses below need no process
  }

  tlm::tlm_response_status access(bool write, uint64_t addr, uint32_t& value, unsigned len,
                                  sc_core::sc_time* delayOut = nullptr) {
    return wtm::test::tlmAccess(cpu.socket, write, addr, value, len, sc_core::SC_ZERO_TIME, delayOut);
  }
  uint32_t read32(uint64_t addr) {
    uint32_t v = 0;
    EXPECT_EQ(access(false, addr, v, 4), tlm::TLM_OK_RESPONSE) << std::hex << addr;
    return v;
  }
  void write32(uint64_t addr, uint32_t v) {
    EXPECT_EQ(access(true, addr, v, 4), tlm::TLM_OK_RESPONSE) << std::hex << addr;
  }
};

Bench& bench() {
  static Bench b;
  return b;
}

}  // namespace

TEST(AddressMap, ContainsEveryBlockOfTheChipAtItsAddress) {
  const std::map<std::string, uint32_t> expected = {
      {"ILM", 0x00000000},      {"DLM", 0x20000000},    {"SRAM_SYS", 0x30000000}, {"WDT", 0x40000000},
      {"RTC", 0x40001000},      {"PMU", 0x40002000},    {"DMA", 0x50000000},      {"FLASH_CTL", 0x50001000},
      {"RCC", 0x50002000},      {"AUDIO", 0x50003000},  {"FBANK", 0x50004000},    {"QSPI_XIP", 0x60000000},
      {"QSPI", 0x64000000},     {"GPIO", 0x64001000},   {"NPU", 0x64002000},      {"UART0", 0x64004000},
      {"UART1", 0x64005000},    {"TIMER", 0x64006000},  {"I2C", 0x64007000},      {"I2S0", 0x64008000},
      {"I2S1", 0x64009000},     {"SPIM", 0x6400A000},   {"PWM0", 0x6400B000},     {"PWM1", 0x6400C000},
      {"AFC320K", 0x6400D000},  {"AFC24M", 0x6400E000}, {"SPIS", 0x6400F000},     {"DEBUG", 0xF0000000},
      {"SYSTIMER", 0xF0010000}, {"ECLIC", 0xF0020000}};
  EXPECT_EQ(addressMap().size(), expected.size());
  for (const auto& [name, base] : expected) {
    auto r = findRegion(name);
    ASSERT_TRUE(r) << name;
    EXPECT_EQ(r->base, base) << name;
  }
  EXPECT_EQ(findRegion("ILM")->size, 256u * 1024);
  EXPECT_EQ(findRegion("DLM")->size, 192u * 1024);
  EXPECT_EQ(findRegion("SRAM_SYS")->size, kSramSize);
  EXPECT_EQ(*findIrq("UART0"), 23u);
  EXPECT_EQ(*findIrq("NPU"), 36u);
  EXPECT_EQ(*findIrq("AFC24M"), 44u);
}

TEST(AddressMap, RouterRejectsOverlappingRegions) {
  ClockDomain c{"c", 1e6};
  bus::AddressRouter r("overlap_router", c);
  UnimplementedDevice a("overlap_a", 0x1000), b("overlap_b", 0x1000), d("overlap_c", 0x1000);
  r.attach("A", 0x1000, 0x1000, 0, a.socket);
  EXPECT_THROW(r.attach("B", 0x1800, 0x1000, 0, b.socket), std::invalid_argument);
  EXPECT_NO_THROW(r.attach("C", 0x2000, 0x1000, 0, d.socket));
  ASSERT_EQ(r.regions().size(), 2u);
  EXPECT_EQ(r.regions()[1].target, 1u);  // C: the second binding, B was never bound
}

TEST(AddressMap, EachBankIsOneStorageSeenThroughItsViews) {
  Bench& b = bench();
  struct Bank {
    const char* name;
    int64_t ilm, dlm;
    uint32_t sys, size;
  };
  const Bank banks[] = {{"RAM0", 0x00000, -1, 0x00000, 0x20000},
                        {"RAM1", -1, 0x00000, 0x20000, 0x10000},
                        {"RAM2", 0x30000, 0x10000, 0x30000, 0x10000},
                        {"RAM3", 0x28000, 0x20000, 0x40000, 0x8000},
                        {"RAM4", 0x20000, 0x28000, 0x48000, 0x8000}};
  uint32_t tag = 0x1000;
  for (const Bank& k : banks) {
    for (uint32_t off : {0u, k.size / 2, k.size - 4}) {
      SCOPED_TRACE(std::string(k.name) + " +" + std::to_string(off));
      const uint32_t v = 0xA5000000u | tag++;
      b.write32(0x30000000u + k.sys + off, v);
      EXPECT_EQ(b.read32(0x30000000u + k.sys + off), v);
      if (k.ilm >= 0) {
        EXPECT_EQ(b.read32(uint64_t(k.ilm) + off), v);
      }
      if (k.dlm >= 0) {
        EXPECT_EQ(b.read32(0x20000000u + uint64_t(k.dlm) + off), v);
      }
    }
  }
  // Writing through the ILM view lands in RAM2 as the DLM and system views see it.
  b.write32(0x0003FFF0, 0x12345678);
  EXPECT_EQ(b.read32(0x2001FFF0), 0x12345678u);
  EXPECT_EQ(b.read32(0x3003FFF0), 0x12345678u);
}

TEST(AddressMap, UnmappedAddressesAreAddressErrors) {
  Bench& b = bench();
  uint32_t v = 0;
  for (uint64_t a : {0x00040000ull, 0x0003FFFEull, 0x20030000ull, 0x30050000ull, 0x10000000ull, 0x70000000ull,
                     0x64010000ull, 0xF0030000ull, 0xFFFFFFFCull}) {
    const unsigned len = a == 0x0003FFFEull ? 4 : 4;  // 0x3FFFE + 4 crosses the end of ILM
    EXPECT_EQ(b.access(false, a, v, len), tlm::TLM_ADDRESS_ERROR_RESPONSE) << std::hex << a;
  }
}

TEST(AddressMap, SramDmiWindowsFollowTheBanks) {
  Bench& b = bench();
  tlm::tlm_generic_payload t;
  tlm::tlm_dmi dmi;
  t.set_address(0x00021000);  // RAM4 in the ILM view
  t.set_command(tlm::TLM_READ_COMMAND);
  ASSERT_TRUE(b.cpu.socket->get_direct_mem_ptr(t, dmi));
  EXPECT_EQ(dmi.get_start_address(), 0x20000u);
  EXPECT_EQ(dmi.get_end_address(), 0x27FFFu);
  EXPECT_EQ(dmi.get_dmi_ptr(), b.sram.storage() + 0x48000);
  EXPECT_TRUE(dmi.is_write_allowed());
  tlm::tlm_dmi dlm;
  t.set_address(0x20000010);
  ASSERT_TRUE(b.cpu.socket->get_direct_mem_ptr(t, dlm));
  EXPECT_EQ(dlm.get_dmi_ptr() + (0x20000010 - dlm.get_start_address()), b.sram.storage() + 0x20010);
}

TEST(AddressMap, FlashWindowIsReadOnlyAndMirrored) {
  Bench& b = bench();
  EXPECT_EQ(b.read32(0x60000000), 0xFFFFFFFFu);  // erased
  uint32_t v = 0x11223344;
  EXPECT_EQ(b.access(true, 0x60000000, v, 4), tlm::TLM_COMMAND_ERROR_RESPONSE);
  b.flash.storage()[0x100] = 0x42;
  EXPECT_EQ(b.read32(0x60000100) & 0xFF, 0x42u);
  EXPECT_EQ(b.read32(0x60000100 + kQspiFlashSize) & 0xFF, 0x42u);
  tlm::tlm_generic_payload t;
  tlm::tlm_dmi dmi;
  t.set_address(0x60000100);
  t.set_command(tlm::TLM_READ_COMMAND);
  ASSERT_TRUE(b.cpu.socket->get_direct_mem_ptr(t, dmi));
  EXPECT_TRUE(dmi.is_read_allowed());
  EXPECT_FALSE(dmi.is_write_allowed());
}

TEST(AddressMap, PlaceholderDevicesReadZeroOrFaultWhenStrict) {
  Bench& b = bench();
  uint32_t v = 0xDEAD;
  sc_core::sc_time delay;
  EXPECT_EQ(b.access(false, 0x64006000, v, 4, &delay), tlm::TLM_OK_RESPONSE);  // TIMER, no model yet
  EXPECT_EQ(v, 0u);
  EXPECT_EQ(delay, b.clock.cycles(2));  // APB latency from the table
  MmioDevice::setStrictDecode(true);
  EXPECT_EQ(b.access(false, 0x64006000, v, 4), tlm::TLM_ADDRESS_ERROR_RESPONSE);
  MmioDevice::setStrictDecode(false);
  EXPECT_EQ(b.access(false, 0x50000000, v, 4, &delay), tlm::TLM_OK_RESPONSE);  // DMA on AHB
  EXPECT_EQ(delay, b.clock.cycles(1));
}

TEST(AddressMap, FirmwareHeaderIsGeneratedFromTheSameTables) {
  std::ifstream f(std::string(WTM_BINARY_DIR) + "/generated/include/wtm2101_map.h");
  ASSERT_TRUE(f) << "generated header missing";
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string text = ss.str();
  for (const RegionSpec& r : addressMap()) {
    char line[128];
    std::snprintf(line, sizeof line, "#define %-40s WTM_U32(0x%08X)", (std::string(r.name) + "_BASE").c_str(), r.base);
    EXPECT_NE(text.find(line), std::string::npos) << line;
  }
  for (const IrqSpec& i : irqMap()) {
    const std::string needle = "#define IRQ_" + std::string(i.name);
    const auto pos = text.find(needle + " ");
    ASSERT_NE(pos, std::string::npos) << needle;
    EXPECT_EQ(std::stoul(text.substr(text.find_first_not_of(' ', pos + needle.size()))), i.id) << needle;
  }
}

TEST(AddressMap, AMisspeltDeviceOrModelNameStopsTheBoard) {
  std::vector<std::string> models;
  for (const RegionSpec& r : addressMap())
    if (r.kind == RegionKind::Device) models.push_back(r.name);
  EXPECT_NO_THROW(checkDeviceModels(addressMap(), models));
  auto misspelt = models;
  misspelt.front() += "X";  // a model under a name the map does not have...
  try {
    checkDeviceModels(addressMap(), misspelt);
    FAIL() << "a DEVICE without its model was accepted";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find(models.front()), std::string::npos)
        << e.what();  // ...leaves its region without one
  }
  auto extra = models;
  extra.push_back("FLASH_CTL");  // a PLACEHOLDER region is not a model's
  EXPECT_THROW(checkDeviceModels(addressMap(), extra), std::logic_error);
}

TEST(AddressMap, ARegionTheBoardNeedsByNameMustExist) {
  EXPECT_EQ(requireRegion("QSPI_XIP").base, findRegion("QSPI_XIP")->base);
  try {
    requireRegion("QSPI_XPI");
    FAIL() << "a misspelt region name was accepted";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("QSPI_XPI"), std::string::npos) << e.what();
  }
}

TEST(AddressMap, InterruptIdsAreDistinctEclicInputs) {
  std::set<unsigned> ids;
  for (const IrqSpec& irq : irqMap()) {
    EXPECT_LT(irq.id, riscv::EclicController::kNumInterrupts) << irq.name;
    EXPECT_TRUE(ids.insert(irq.id).second) << irq.name << " shares id " << irq.id;
  }
}
