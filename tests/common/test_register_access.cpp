// The register table enforces its access column in MmioDevice: a write to an offset where only
// read-only registers are declared never reaches the model, a read of an offset where only
// write-only ones are declared gives 0 without reaching it, each noted once in the log at info
// level; offsets shared by a readable and a writable register, and undeclared offsets, stay the
// model's to decide. Debug transport follows the same rules, silently.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "MmioTestbench.h"
#include "common/Log.h"
#include "common/MmioDevice.h"
#include "periph/audio/audio_regs.h"
#include "periph/wdt/wdt_regs.h"

using periph_test::MmioTestbench;

int sc_main(int, char**) { return 0; }

namespace {

constexpr wtm::RegisterInfo kRegs[] = {
    {"CTRL", 0x0, wtm::RegAccess::RW, "control"},  {"STAT", 0x4, wtm::RegAccess::RO, "status"},
    {"KICK", 0x8, wtm::RegAccess::WO, "kick"},     {"RBR", 0xC, wtm::RegAccess::RO, "receive"},
    {"THR", 0xC, wtm::RegAccess::WO, "transmit"},  {"EOI", 0x10, wtm::RegAccess::RC, "read to clear"},
    {"FLAGS", 0x14, wtm::RegAccess::W1C, "w1c"},   {"LOCK", 0x18, wtm::RegAccess::RO, "logged"},
    {"PULSE", 0x1C, wtm::RegAccess::WO, "logged"},
};
constexpr wtm::RegisterTable kTable{{kRegs, sizeof kRegs / sizeof kRegs[0]}, {}};

// Answers every offset with its own value and records what reached it.
class RecordingBlock : public wtm::MmioDevice {
 public:
  std::vector<std::string> calls;
  explicit RecordingBlock(sc_core::sc_module_name name) : MmioDevice(name, kTable) {}

 protected:
  bool readRegister(uint32_t offset, unsigned, uint32_t& value) override {
    if (!debugAccess()) calls.push_back("read " + std::to_string(offset));
    value = 0xA00 + offset;
    return true;
  }
  bool writeRegister(uint32_t offset, unsigned, uint32_t) override {
    calls.push_back("write " + std::to_string(offset));
    return true;
  }
};

struct Bench {
  RecordingBlock block{"block"};
  MmioTestbench tb{"tb", block};
};

Bench& bench() { return wtm::test::elaboratedOnce<Bench>(); }

void runScenario(MmioTestbench::Scenario s) {
  Bench& b = bench();
  b.block.calls.clear();
  ASSERT_TRUE(b.tb.run(std::move(s))) << "scenario blocked";
}

}  // namespace

TEST(RegisterAccess, ReadOnlyWritesAndWriteOnlyReadsNeverReachTheModel) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(0x4, 1);             // STAT (RO)
    tb.write(0x10, 1);            // EOI (RC)
    EXPECT_EQ(tb.read(0x8), 0u);  // KICK (WO)
    EXPECT_TRUE(b.block.calls.empty()) << b.block.calls.front();
    EXPECT_EQ(tb.read(0x4), 0xA04u);
    EXPECT_EQ(tb.read(0x10), 0xA10u);
    tb.write(0x8, 0x76);
    tb.write(0x14, 1);  // W1C is writable
    EXPECT_EQ(b.block.calls, (std::vector<std::string>{"read 4", "read 16", "write 8", "write 20"}));
  });
}

TEST(RegisterAccess, SharedAndUndeclaredOffsetsAreTheModelsToDecide) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    EXPECT_EQ(tb.read(0xC), 0xA0Cu);   // RBR
    tb.write(0xC, 'x');                // THR
    EXPECT_EQ(tb.read(0x20), 0xA20u);  // not in the table
    tb.write(0x20, 1);
    tb.write(0x0, 5);
    EXPECT_EQ(b.block.calls, (std::vector<std::string>{"read 12", "write 12", "read 32", "write 32", "write 0"}));
  });
}

TEST(RegisterAccess, IgnoredAccessesAreNotedOnceAtInfoLevel) {
  const auto saved = wtm::log::threshold();
  wtm::log::setThreshold(wtm::log::Level::Info);
  testing::internal::CaptureStderr();
  runScenario([](MmioTestbench& tb) {  // offsets no other test touches: the note is once per block
    tb.write(0x18, 1);
    tb.write(0x18, 2);
    tb.read(0x1C);
    tb.read(0x1C);
  });
  const std::string log = testing::internal::GetCapturedStderr();
  wtm::log::setThreshold(saved);
  const auto count = [&](const std::string& what) {
    size_t n = 0;
    for (size_t at = log.find(what); at != std::string::npos; at = log.find(what, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("block.LOCK is read-only: write at pc"), 1u) << log;
  EXPECT_EQ(count("block.PULSE is write-only: read at pc"), 1u) << log;
}

TEST(RegisterAccess, DebugTransportFollowsTheTableSilently) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    periph_test::expectQuiet([&] {
      EXPECT_EQ(tb.debugRead(0x8), 0u);  // KICK (WO)
      EXPECT_EQ(tb.debugRead(0x4), 0xA04u);
    });
    uint32_t value = 0;
    EXPECT_TRUE(b.block.peekRegister(0x8, 4, value));
    EXPECT_EQ(value, 0u);
    EXPECT_TRUE(b.block.calls.empty());
  });
}

// What RegisterTableDeclare.inc derives from a table besides the offsets and fields: the mask of
// the bits a register's fields declare, and the reset values of WTM_RESET lines.
TEST(RegisterTable, DeclaredFieldsMaskIsTheUnionOfTheRegistersFields) {
  constexpr wtm::FieldInfo fields[] = {
      {"CTRL", "EN", 0, 1, ""}, {"CTRL", "MODE", 4, 3, ""}, {"CTRLX", "X", 8, 8, ""}, {"STAT", "ALL", 0, 32, ""}};
  constexpr size_t n = sizeof fields / sizeof fields[0];
  static_assert(wtm::declaredFieldsMask(fields, n, "CTRL") == 0x71u, "CTRL: EN and MODE, not CTRLX's field");
  EXPECT_EQ(wtm::declaredFieldsMask(fields, n, "CTRLX"), 0xFF00u);
  EXPECT_EQ(wtm::declaredFieldsMask(fields, n, "STAT"), 0xFFFFFFFFu);
  EXPECT_EQ(wtm::declaredFieldsMask(fields, n, "CTR"), 0u) << "a prefix of a register name is not that register";
}

TEST(RegisterTable, BlockTablesGiveResetValuesAndWriteMasks) {
  namespace wdt = wtm::periph::wdt;
  EXPECT_EQ(wdt::CR_RESET, wdt::CR_RMOD.mask());  // WTM_RESET(CR, ...) in wdt_regs.def
  EXPECT_EQ(wdt::CR_FIELDS, wdt::CR_WDT_EN.mask() | wdt::CR_RMOD.mask() | wdt::CR_RPL.mask());
  EXPECT_EQ(wdt::TORR_FIELDS, 0xFFu);
  EXPECT_EQ(wtm::periph::audio_regs::TRINTMSK_RESET, wtm::periph::audio_regs::TRINT_FIELDS);
}
