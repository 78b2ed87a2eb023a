// The vendor SDK's own examples (WTM2101_SDK/Common/Examples), built unmodified by
// ../shared/vendor-fw/build_sdk_examples.sh, each run with the board options of the evaluation
// setup it expects and judged by what its main.c prints on success. Skipped when the images are
// not on this machine ($WTM_VENDOR_SDK_DIR, else ~/.cache/wtm2101-vendor-fw/sdk/elf).
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <ostream>
#include <filesystem>
#include <string>

#include "BoardRunner.h"

namespace {

std::string sdkDir() {
  if (const char* d = std::getenv("WTM_VENDOR_SDK_DIR")) return d;
  const char* home = std::getenv("HOME");
  return std::string(home ? home : "/root") + "/.cache/wtm2101-vendor-fw/sdk/elf";
}

struct SdkExample {
  const char* image;     // <group>__<example>
  const char* options;   // the evaluation setup it needs
  const char* success;   // what main.c prints when the example works
  const char* failure;   // what it prints when it does not ("" when nothing)
};

// Keep in step with README "Vendor SDK examples".
const SdkExample kExamples[] = {
    {"dma_example__dma_multi_block_linked_list", "", "test succeed", "test failed"},
    {"i2c_example__i2c_dma", "--i2c-eeprom", "i2c_test ok", "i2c_test err"},
    {"spi_example__spi_fifo_master_send_receive", "--spim spis", "pass", "failed"},
    {"spi_example__spi_fifo_slave_send_receive", "--spim spis", "pass", "failed"},
    {"spi_example__spi_dma_send_receive", "--spim spis", "pass", "failed"},
    {"spi_example__spi_flash", "--spim flash", "check data pass", "failed"},
};

void PrintTo(const SdkExample& e, std::ostream* os) { *os << e.image << " " << e.options; }

class VendorSdkExample : public ::testing::TestWithParam<SdkExample> {};

TEST_P(VendorSdkExample, ReachesItsSuccessOutput) {
  const SdkExample& e = GetParam();
  const std::string elf = sdkDir() + "/" + e.image + ".elf";
  if (!std::filesystem::exists(elf)) GTEST_SKIP() << elf << " not built (../shared/vendor-fw/build_sdk_examples.sh)";
  std::string args = "--elf " + elf + " " + e.options + " --max-time 2s --stop-on-uart '" + e.success + "'";
  if (*e.failure) args += std::string(" --fail-on-uart '") + e.failure + "'";
  const BoardRun r = runBoard(args);
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_NE(r.out.find(e.success), std::string::npos) << r.out;
}

INSTANTIATE_TEST_SUITE_P(Sdk, VendorSdkExample, ::testing::ValuesIn(kExamples),
                         [](const ::testing::TestParamInfo<SdkExample>& info) {
                           std::string name = info.param.image;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
