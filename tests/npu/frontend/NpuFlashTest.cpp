// Host side of the NPU front end: CRC and trim image, --npu-flash files, programming from mapper
// folders, the board options and the latency model.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "TestSupport.h"
#include "npu/frontend/NpuBoardSetup.h"
#include "npu/frontend/NpuFlash.h"
#include "npu/frontend/NpuTiming.h"

using namespace wtm::npu;
namespace fs = std::filesystem;

namespace {
const std::string kDnnYxt = std::string(WTM_SOURCE_DIR) + "/traces/dnn_yxt";
using wtm::npu::test::inputErrorOf;
}  // namespace

TEST(NpuFlash, Crc16CcittFalseCheckValue) {
  const std::string s = "123456789";
  EXPECT_EQ(crc16CcittFalse(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()), 0x29B1);
  EXPECT_EQ(crc16CcittFalse(nullptr, 0), 0xFFFF);
}

TEST(NpuFlash, SyntheticTrimsAreValidAndDetectCorruption) {
  TrimImage t = TrimImage::synthetic();
  EXPECT_EQ(t.crcStatus(), 0);
  EXPECT_EQ(t.word(128), 5);
  EXPECT_EQ(t.word(129), 18);
  EXPECT_EQ(t.word(135), 0xFFFF);
  EXPECT_EQ(t.mapName(), "VBOARD01");
  t.setWord(0, 1);
  EXPECT_EQ(t.crcStatus(), 2);
  t.setWord(200, 1);
  EXPECT_EQ(t.crcStatus(), 3);
  t.updateCrcs();
  EXPECT_EQ(t.crcStatus(), 0);
  // The older section-1 CRC alone also passes (either format is accepted).
  t.setWord(TrimImage::kSection1Crc, 0x1234);
  EXPECT_EQ(t.crcStatus(), 0);
  t.setWord(TrimImage::kSection1OldCrc, 0x1234);
  EXPECT_EQ(t.crcStatus(), 2);
  t.setMapName("09RK3536");
  EXPECT_EQ(t.mapName(), "09RK3536");
  EXPECT_EQ(t.crcStatus(), 0);
  EXPECT_EQ(t.rowWord(0x820, 64), 0u);  // outside the row
  EXPECT_EQ(t.rowWord(0x821, 0), t.word(128) | (std::uint32_t(t.word(129)) << 16));
}

TEST(NpuFlash, FileRoundTripAndErrors) {
  test::TempDir dir;
  NpuFlashContent c;
  c.layers = {{768, 1023, 896, 1695, 0, 8, 1024}, {0, 1, 2, 3, 4, 5, 256}};
  c.programming.withError = true;
  c.programming.seed = 77;
  c.programming.programming.law = CellNoiseLaw::witinLevel(2);
  c.programming.source = "somewhere";
  c.trims.setMapName("ABCDEFGH");
  CrossbarArray a;
  a.setWeight(0, 0, 5);
  a.setWeight(1791, 1023, -275);
  a.setBias(15, 3, 128);
  const std::string path = dir.file("npu.flash");
  saveNpuFlash(path, c, a);
  NpuFlashContent back;
  CrossbarArray b;
  loadNpuFlash(path, back, b);
  EXPECT_TRUE(b == a);
  EXPECT_EQ(back.layers.size(), 2u);
  EXPECT_TRUE(back.layers[0] == c.layers[0]);
  EXPECT_TRUE(back.trims == c.trims);
  EXPECT_TRUE(back.programming.withError);
  EXPECT_EQ(back.programming.seed, 77u);
  EXPECT_DOUBLE_EQ(back.programming.programming.law.perWeight, c.programming.programming.law.perWeight);
  EXPECT_EQ(back.programming.source, "somewhere");

  // Truncated, foreign and trailing-byte files are one-line input errors naming the file.
  const auto size = fs::file_size(path);
  fs::copy_file(path, dir.file("short.flash"));
  fs::resize_file(dir.file("short.flash"), size - 100);
  EXPECT_NE(inputErrorOf([&] { loadNpuFlash(dir.file("short.flash"), back, b); }).find("short.flash: truncated"),
            std::string::npos);
  test::writeFile(dir.file("foreign.flash"), "hello world, not a flash");
  EXPECT_NE(inputErrorOf([&] { loadNpuFlash(dir.file("foreign.flash"), back, b); }).find("not an NPU flash file"),
            std::string::npos);
  fs::copy_file(path, dir.file("long.flash"));
  { std::ofstream(dir.file("long.flash"), std::ios::app) << "x"; }
  EXPECT_NE(inputErrorOf([&] { loadNpuFlash(dir.file("long.flash"), back, b); }).find("trailing"), std::string::npos);
  EXPECT_NE(inputErrorOf([&] { loadNpuFlash(dir.file("missing.flash"), back, b); }).find("cannot open"),
            std::string::npos);
}

TEST(NpuFlash, ProgramsDnnYxtAsLayersTxtSays) {
  CrossbarArray a;
  NpuFlashContent c;
  const auto warnings = programFromMapperFolder(kDnnYxt, a, c);
  EXPECT_TRUE(warnings.empty());
  ASSERT_EQ(c.layers.size(), 5u);
  EXPECT_TRUE(c.layers[0] == (ProgrammedLayer{768, 1023, 896, 1695, 0, 8, 1024}));
  EXPECT_TRUE(c.layers[4] == (ProgrammedLayer{254, 255, 896, 1151, 0, 8, 1024}));
  EXPECT_EQ(c.trims.mapName(), "09RK3536");  // map/name.txt
  EXPECT_EQ(c.trims.crcStatus(), 0);
  // Cells land where layer 1 says (first line of params/net0/layer1/weight.txt = row 896).
  std::ifstream w(kDnnYxt + "/params/net0/layer1/weight.txt");
  int first = 0;
  w >> first;
  EXPECT_EQ(a.weight(896, 768), first);
}

// --npu-trace in the mapper's layout: each array round of dnn_yxt is named after its
// layer_debug folder; a round of the same layer is recognised even with the pause bit set, and a
// round the folder does not define (other addresses, a compensation copy) falls back to round<R>.
TEST(NpuFlash, TraceGoesWhereTheMapperKeepsEachRound) {
  CrossbarArray a;
  NpuFlashContent c;
  std::vector<NamedRound> names;
  programFromMapperFolder(kDnnYxt, a, c, &names);
  ASSERT_EQ(names.size(), 5u);
  EXPECT_EQ(names[0].path, "layer_debug/net0/1_linear_1/round0");
  EXPECT_EQ(names[4].path, "layer_debug/net0/5_linear_5/round4");
  for (const NamedRound& n : names) EXPECT_TRUE(fs::is_directory(kDnnYxt + "/" + n.path)) << n.path;

  test::TempDir dir;
  NpuRoundTrace trace(dir.path(), names);
  RoundConfig paused = names[1].config;  // the runtime's pause bit is not part of the round
  paused.words.at(3) ^= 1u;
  RoundConfig moved = names[1].config;
  moved.outputAddr += 16;
  RoundConfig copy = names[1].config;  // a compensation copy: same window, runtime flag clear
  copy.systemFlag = !copy.systemFlag;
  trace.record(1, paused, {1, 2}, {0xFF});
  trace.record(7, moved, {3}, {4});
  trace.record(8, copy, {5}, {6});
  EXPECT_EQ(test::readFile(dir.file("layer_debug/net0/2_linear_2/round1/input0.txt")), "1 2\n");
  EXPECT_EQ(test::readFile(dir.file("layer_debug/net0/2_linear_2/round1/output0.txt")), "-1\n");
  EXPECT_EQ(test::readFile(dir.file("round7/input0.txt")), "3\n");
  EXPECT_EQ(test::readFile(dir.file("round8/output0.txt")), "6\n");
  EXPECT_EQ(trace.recorded(), 3u);
}

TEST(NpuFlash, ProgramsAWitinProgramToolFolderAndRejectsStrayCells) {
  test::TempDir dir;
  test::writeFile(dir.file("layers.txt"), "128,129,0,1,0,0,1024\n");
  test::writeFile(dir.file("map.csv"), "128,0,5\n129,1,-7\n128,2049,3\n");
  CrossbarArray a;
  NpuFlashContent c;
  programFromMapperFolder(dir.path(), a, c);
  EXPECT_EQ(a.weight(0, 128), 5);
  EXPECT_EQ(a.weight(1, 129), -7);
  EXPECT_EQ(a.bias(0, 128), 3);
  ASSERT_EQ(c.layers.size(), 1u);
  test::writeFile(dir.file("map.csv"), "128,0,5\n300,1,-7\n");
  const std::string e = inputErrorOf([&] { programFromMapperFolder(dir.path(), a, c); });
  EXPECT_NE(e.find("map.csv: cell (column 300, row 1) lies outside every layer"), std::string::npos) << e;
  test::TempDir empty;
  EXPECT_NE(inputErrorOf([&] { programFromMapperFolder(empty.path(), a, c); }).find("not a mapper output folder"),
            std::string::npos);
  EXPECT_NE(inputErrorOf([&] { programFromMapperFolder(empty.file("nope"), a, c); }).find("not a folder"),
            std::string::npos);
}

TEST(NpuFlash, BoardOptionsUseTheRegressionToolNames) {
  namespace po = boost::program_options;
  auto parse = [](std::vector<const char*> args) {
    args.insert(args.begin(), "board");
    po::variables_map vm;
    po::store(po::parse_command_line(static_cast<int>(args.size()), args.data(), npuOptionsDescription()), vm);
    po::notify(vm);
    return npuOptionsFrom(vm);
  };
  NpuRunOptions o = parse(
      {"--npu-weights", "dir", "--nonideal", "--seed", "5", "--prog-level", "2", "--no-read-noise", "--adc-bits", "8"});
  EXPECT_EQ(o.weightsDir, "dir");
  EXPECT_TRUE(o.nonIdeal);
  EXPECT_EQ(o.config.seed, 5u);
  EXPECT_DOUBLE_EQ(o.config.programming.law.perWeight, 0.015605 * 2);
  EXPECT_FALSE(o.config.readNoise.enabled);
  EXPECT_EQ(o.config.adc.bits, 8);
  EXPECT_FALSE(parse({}).nonIdeal);
  EXPECT_NE(inputErrorOf([&] { parse({"--adc-bits", "8"}); }).find("need --nonideal"), std::string::npos);
  EXPECT_NE(inputErrorOf([&] { parse({"--nonideal", "--adc-bits", "40"}); }), "");
}

TEST(NpuTiming, LatencyFollowsTheDocumentedFormula) {
  RoundConfig r;
  r.rowStart = 896;
  r.rowEnd = 1695;  // 800 rows: 2 DAC loads
  r.columnStart = 768;
  r.columnEnd = 1023;  // 256 columns
  r.inputAddr = 2050;
  r.inputEndAddr = 2849;
  const auto none = [](std::uint32_t) { return std::uint16_t{0}; };
  const RoundLatency l = roundLatency(r, 24e6, none);
  const double c = 1 / 24e6;
  EXPECT_NEAR(l.inputSeconds, 200 * c, 1e-12);
  EXPECT_NEAR(l.analogSeconds, (2 * 300 + 220) * c, 1e-12);  // 2 x 12.5 us + 9.17 us
  EXPECT_NEAR(l.adcSeconds, 32 * 12 * c, 1e-12);
  EXPECT_NEAR(l.postSeconds, 256 * c, 1e-12);
  EXPECT_NEAR(l.outputSeconds, 64 * c, 1e-12);
  // Programmed timing registers and averaging are honoured.
  const auto regs = [](std::uint32_t o) -> std::uint16_t {
    if (o == 0x254) return 600;
    if (o == 0x0D2) return 100;
    if (o == 0x2E6) return 0x3824;  // average 2
    return 0;
  };
  const RoundLatency m = roundLatency(r, 24e6, regs);
  EXPECT_NEAR(m.analogSeconds, (2 * 2 * 600 + 100) * c, 1e-12);
  EXPECT_NEAR(m.adcSeconds, 2 * 32 * 12 * c, 1e-12);
  // Unprogrammed registers keep their time in microseconds when the clock changes.
  const RoundLatency fast = roundLatency(r, 48e6, none);
  EXPECT_NEAR(fast.analogSeconds, l.analogSeconds, 1e-12);
  EXPECT_NEAR(fast.postSeconds, l.postSeconds / 2, 1e-12);
}
