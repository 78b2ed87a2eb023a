// Determinism: the same firmware, inputs and seed give byte-identical results run after run —
// UART output, the instruction trace, the NPU round traces and --stats (less the host-time
// lines, which measure the host) — on the RTL and on the fast core. Sweeps, regressions and
// bug reports all rely on a run being reproducible.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <algorithm>
#include <vector>
#include <string>

#include "BoardRunner.h"

namespace fs = std::filesystem;

namespace {

// stderr without the lines that time the host.
std::string withoutHostTime(const std::string& err) {
  std::istringstream in(err);
  std::string out;
  for (std::string line; std::getline(in, line);)
    if (line.rfind("host time", 0) != 0 && line.rfind("simulation speed", 0) != 0) out += line + "\n";
  return out;
}

// Whole files compared without holding both (the NPU demo's instruction trace is ~200 MB).
bool sameFile(const std::string& a, const std::string& b) {
  std::ifstream fa(a, std::ios::binary), fb(b, std::ios::binary);
  if (!fa || !fb) return false;
  std::vector<char> ba(1 << 16), bb(1 << 16);
  while (fa && fb) {
    fa.read(ba.data(), static_cast<std::streamsize>(ba.size()));
    fb.read(bb.data(), static_cast<std::streamsize>(bb.size()));
    if (fa.gcount() != fb.gcount() || !std::equal(ba.begin(), ba.begin() + fa.gcount(), bb.begin())) return false;
  }
  return fa.eof() && fb.eof();
}

struct Outputs {
  BoardRun run;
  std::string dir;  // trace.txt, npu/
};

Outputs runIn(const std::string& dir, const std::string& args) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  Outputs o;
  o.dir = dir;
  o.run = runBoardAsGiven(args + " --stats --trace " + dir + "/trace.txt");
  return o;
}

// Every output of two runs of the same command equal; `label` names the case.
void expectIdentical(const std::string& label, const std::string& args, bool npu) {
  const std::string base = processTempPath("determinism_" + label);
  const std::string npuArgs = npu ? " --npu-trace " : "";
  const Outputs a = runIn(base + "_a", args + (npu ? npuArgs + base + "_a/npu" : ""));
  const Outputs b = runIn(base + "_b", args + (npu ? npuArgs + base + "_b/npu" : ""));
  EXPECT_EQ(a.run.exitCode, b.run.exitCode) << label;
  EXPECT_EQ(a.run.out, b.run.out) << label << ": UART output differs";
  EXPECT_EQ(withoutHostTime(a.run.err), withoutHostTime(b.run.err)) << label << ": messages or --stats differ";
  EXPECT_NE(a.run.err.find("--- statistics ---"), std::string::npos) << a.run.err;
  EXPECT_GT(fs::file_size(a.dir + "/trace.txt"), 0u) << label;
  EXPECT_TRUE(sameFile(a.dir + "/trace.txt", b.dir + "/trace.txt")) << label << ": --trace differs";
  if (npu) {
    unsigned files = 0;
    for (const auto& e : fs::recursive_directory_iterator(a.dir + "/npu")) {
      if (!e.is_regular_file()) continue;
      const fs::path rel = fs::relative(e.path(), a.dir);
      EXPECT_TRUE(sameFile(e.path().string(), (fs::path(b.dir) / rel).string())) << label << ": " << rel << " differs";
      ++files;
    }
    EXPECT_GE(files, 10u) << label << ": the NPU demo traces 5 rounds (input0, output0)";
  }
  fs::remove_all(a.dir);
  fs::remove_all(b.dir);
}

}  // namespace

class Determinism : public ::testing::TestWithParam<const char*> {};

// x3_demo: timer interrupts, UART input at a set time, a scripted key press, LED changes.
TEST_P(Determinism, X3DemoWithInputAndKeys) {
  const std::string input = processTempPath(std::string("det_input_") + GetParam() + ".txt");
  std::ofstream(input) << "hello board\r";
  expectIdentical(std::string("x3_") + GetParam(),
                  std::string("--core ") + GetParam() + " --elf " + firmwarePath("apps/x3_demo.elf") +
                      " --uart0-input " + input + "@300ms --press K2@1s --max-time 1.5s",
                  false);
  std::remove(input.c_str());
}

// Our NPU driver on the dnn_yxt weights with the non-ideal analog model: its noise comes from
// the seed alone.
TEST_P(Determinism, NpuDemoNonIdealWithSeed) {
  expectIdentical(std::string("npu_") + GetParam(),
                  std::string("--core ") + GetParam() + " --elf " + firmwarePath("apps/npu_dnn_yxt/npu_dnn_yxt.elf") +
                      " --npu-weights " + WTM_SOURCE_DIR + "/traces/dnn_yxt --nonideal --seed 3 --max-time 1s",
                  true);
}

INSTANTIATE_TEST_SUITE_P(Cores, Determinism, ::testing::Values("rtl", "fast"));
