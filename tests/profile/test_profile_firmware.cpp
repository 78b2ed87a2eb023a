// The function symbols FirmwareImage reads from a real ELF of ours (sw/apps/hello), and a
// profile over them.
#include <gtest/gtest.h>

#include <filesystem>

#include "FirmwareImage.h"
#include "ProfileTestSupport.h"

namespace profile_test {
namespace {

std::string helloElf() {
#ifdef WTM_FIRMWARE_DIR
  return std::string(WTM_FIRMWARE_DIR) + "/apps/hello.elf";
#else
  return {};
#endif
}

const wtm::FunctionSymbol* find(const wtm::FirmwareImage& image, const std::string& name) {
  for (const wtm::FunctionSymbol& f : image.functions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

class HelloElf : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string path = helloElf();
    if (path.empty() || !std::filesystem::exists(path)) GTEST_SKIP() << "firmware not built: " << path;
    image_ = wtm::loadElfImage(path);
  }
  wtm::FirmwareImage image_;
};

TEST_F(HelloElf, FunctionsAreSortedCodeRanges) {
  ASSERT_GT(image_.functions.size(), 50u);
  for (size_t i = 0; i < image_.functions.size(); ++i) {
    const wtm::FunctionSymbol& f = image_.functions[i];
    EXPECT_GT(f.size, 0u) << f.name;
    EXPECT_NE(f.name.front(), '$') << f.name;        // no mapping symbols
    EXPECT_NE(f.name.rfind(".L", 0), 0u) << f.name;  // no local labels
    EXPECT_EQ(image_.symbol(f.name), f.address) << f.name;
    if (i + 1 < image_.functions.size()) {
      // Disjoint, except for entry points into a shared tail (the -msave-restore millicode:
      // __riscv_save_12 runs on into __riscv_save_8 ...): those end where the next one ends.
      const wtm::FunctionSymbol& next = image_.functions[i + 1];
      EXPECT_LT(f.address, next.address) << f.name;
      if (f.address + f.size > next.address) {
        EXPECT_EQ(f.address + f.size, next.address + next.size) << f.name;
      }
    }
    // Inside the loaded code (segment 0: vectors, text, rodata in ILM).
    bool loaded = false;
    for (const wtm::LoadSegment& s : image_.segments) {
      loaded |= f.address >= s.address && uint64_t{f.address} + f.size <= s.address + s.bytes.size();
    }
    EXPECT_TRUE(loaded) << f.name;
  }
}

TEST_F(HelloElf, HasTheCFunctionsAndTheAssemblyRoutines) {
  for (const char* name : {"main", "printf", "puts", "bsp_init", "irq1_handler"}) {
    EXPECT_NE(find(image_, name), nullptr) << name;
  }
  // Labels of startup.S without .type/.size: they run to the next symbol.
  for (const char* name : {"vector_base", "_start", "bsp_trap_entry", "bsp_irq_entry"}) {
    const wtm::FunctionSymbol* f = find(image_, name);
    ASSERT_NE(f, nullptr) << name;
    const auto next = std::upper_bound(image_.functions.begin(), image_.functions.end(), f->address,
                                       [](uint32_t a, const wtm::FunctionSymbol& g) { return a < g.address; });
    if (next != image_.functions.end() && std::string(name) != "vector_base") {
      EXPECT_EQ(f->address + f->size, next->address) << name;
    }
  }
  // Data and linker-script symbols are not functions.
  for (const char* name : {"__global_pointer$", "__stack_top", "__bss_start", "stdout", "uart_stream"}) {
    EXPECT_EQ(find(image_, name), nullptr) << name;
  }
}

TEST_F(HelloElf, ProfilesWithItsSymbols) {
  std::vector<ProfileFunction> functions;
  for (const wtm::FunctionSymbol& f : image_.functions) functions.push_back({f.name, f.address, f.size});
  CycleProfiler p(functions, nullptr);
  Driver d(p);
  const uint32_t start = find(image_, "_start")->address;
  const uint32_t main = find(image_, "main")->address;
  const uint32_t puts = find(image_, "puts")->address;
  d.retire(0x0, jal(0)).idle(2);  // j _start
  d.retire(start).retire(start + 4, jal(kRa));
  d.retire(main).retire(main + 4, jal(kRa));
  d.retire(puts).retire(puts + 4, kRet);
  d.retire(main + 8);
  EXPECT_EQ(folded(p), (std::map<std::string, uint64_t>{
                           {"vector_base", 3}, {"_start", 2}, {"_start;main", 3}, {"_start;main;puts", 2}}));
}

}  // namespace
}  // namespace profile_test
