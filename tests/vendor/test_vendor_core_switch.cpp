// A vendor image (the MNIST demo: CPU, DMA, NPU, a clock switch to 147 MHz) switched from the
// fast core to the RTL in mid-run, and run in lockstep: the same classification, the same
// instruction count. Skipped when the image or its weights are not on this machine.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>

#include "VendorData.h"
#include "BoardRunner.h"

namespace fs = std::filesystem;

namespace {

std::string cachePath(const char* env, const std::string& sub) { return wtm::test::vendorPath(env, sub); }

std::string stat(const std::string& err, const char* pattern) {
  std::smatch m;
  return std::regex_search(err, m, std::regex(pattern)) ? std::string(m[1]) : std::string();
}

BoardRun runMnist(const std::string& extra) {
  const std::string elf = cachePath("WTM_VENDOR_FW_DIR", "elf") + "/mnist_demo.elf";
  const std::string weights = cachePath("WTM_VENDOR_WEIGHTS_DIR", "weights") + "/output_attention";
  return runBoardAsGiven("--elf " + elf + " --npu-weights " + weights + " --max-time 5s --stats " + extra);
}

bool mnistPresent() {
  return fs::exists(cachePath("WTM_VENDOR_FW_DIR", "elf") + "/mnist_demo.elf") &&
         fs::exists(cachePath("WTM_VENDOR_WEIGHTS_DIR", "weights") + "/output_attention/params");
}

}  // namespace

TEST(VendorCores, MnistDemoSwitchesToTheRtlMidRunWithTheSameResult) {
  if (!mnistPresent())
    GTEST_SKIP() << "mnist_demo.elf or its weights not on this machine (see README: Vendor firmware)";
  const BoardRun rtl = runMnist("--core rtl");
  const BoardRun sw = runMnist("--core fast --switch-to-rtl-at 50ms");
  ASSERT_EQ(sw.exitCode, 0) << sw.err;
  EXPECT_NE(sw.err.find("switched to the RTL at cycle"), std::string::npos) << sw.err;
  EXPECT_EQ(sw.out, rtl.out);  // 100 images classified, the same ratio
  EXPECT_EQ(stat(sw.err, R"(instructions +: ([0-9]+))"), stat(rtl.err, R"(instructions +: ([0-9]+))"));
}

TEST(VendorCores, MnistDemoRunsInLockstepWithoutADifference) {
  if (!mnistPresent())
    GTEST_SKIP() << "mnist_demo.elf or its weights not on this machine (see README: Vendor firmware)";
  const BoardRun r = runMnist("--lockstep");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find(" compared, no difference"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("image num:100"), std::string::npos) << r.out;
}
