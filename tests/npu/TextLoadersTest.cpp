// Loaders of the mapper's text and small binary formats: good files, truncated, corrupted and
// inconsistent ones, all generated here into a temporary directory.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "TestSupport.h"
#include "npu/mapper/AddrCsv.h"
#include "npu/mapper/BoardConfigDebug.h"
#include "npu/mapper/ExpectedBins.h"
#include "npu/mapper/LayerParams.h"
#include "npu/mapper/LayerTrace.h"
#include "npu/mapper/LayersTxt.h"
#include "npu/mapper/MapCsv.h"
#include "npu/mapper/TextFile.h"

namespace wtm::npu {
namespace {

using test::expectRejects;
using test::TempDir;
using test::writeFile;

TEST(NpuTextFile, IntMatrixFormats) {
  const IntMatrix m = parseIntMatrix("1 -2 +3\n4\t5 6\r\n\n\n", "m.txt", -10, 10);
  EXPECT_EQ(m.rows, 2u);
  EXPECT_EQ(m.cols, 3u);
  EXPECT_EQ(m.at(1, 2), 6);
  EXPECT_EQ(m.at(0, 1), -2);
  EXPECT_EQ(parseIntMatrix("1, 2, 3\n", "m.txt", 0, 5).cols, 3u);
  EXPECT_EQ(parseIntMatrix("", "m.txt", 0, 5).rows, 0u);
  EXPECT_INPUT_ERROR(parseIntMatrix("1 2\n3\n", "m.txt", 0, 5), "m.txt", "line 2 has 1 values");
  EXPECT_INPUT_ERROR(parseIntMatrix("1 2\n\n3 4\n", "m.txt", 0, 5), "m.txt", "empty inside");
  EXPECT_INPUT_ERROR(parseIntMatrix("1 x2\n", "m.txt", 0, 5), "m.txt", "'x2' is not an integer");
  EXPECT_INPUT_ERROR(parseIntMatrix("1 2-\n", "m.txt", 0, 5), "m.txt", "not an integer");
  EXPECT_INPUT_ERROR(parseIntMatrix("1 9\n", "m.txt", 0, 5), "m.txt", "outside 0..5");
  EXPECT_INPUT_ERROR(parseIntMatrix("99999999999\n", "m.txt", 0, 5), "m.txt", "not an integer");
}

// Whole-file reads never block on a FIFO (a named pipe in place of register.bin would otherwise
// wait forever for a writer) and name the cause for a directory.
TEST(NpuTextFile, ReadsOnlyRegularFiles) {
  TempDir t;
  writeFile(t.file("a.bin"), std::string("\x01\x00\xff", 3));
  EXPECT_EQ(readBinaryFile(t.file("a.bin")), (std::vector<std::uint8_t>{1, 0, 255}));
  EXPECT_EQ(readTextFile(t.file("a.bin")), std::string("\x01\x00\xff", 3));
  writeFile(t.file("empty.txt"), "");
  EXPECT_EQ(readTextFile(t.file("empty.txt")), "");
  ASSERT_EQ(::mkfifo(t.file("pipe.bin").c_str(), 0600), 0);
  EXPECT_INPUT_ERROR(readBinaryFile(t.file("pipe.bin")), t.file("pipe.bin"), "not a regular file");
  EXPECT_INPUT_ERROR(readTextFile(t.file("params")), t.file("params"), "cannot open");
  writeFile(t.file("dir/x"), "");
  EXPECT_INPUT_ERROR(readTextFile(t.file("dir")), t.file("dir"), "is a directory");
}

TEST(NpuLayerParams, LoadsAndChecks) {
  TempDir t;
  const std::string d = t.file("params/net0/layer1");
  writeFile(d + "/weight.txt", "1 2 3\n-275 275 0\n");
  writeFile(d + "/bias.txt", "1 1 1\n2 2 2\n");
  writeFile(d + "/bias_high.txt", "0 0 0\n");
  LayerParams p = LayerParams::load(d);
  EXPECT_EQ(p.weights.rows, 2u);
  EXPECT_EQ(p.bias.rows, 2u);
  EXPECT_FALSE(p.hasNonZeroBiasHigh());
  writeFile(d + "/bias_high.txt", "0 5 0\n");
  EXPECT_TRUE(LayerParams::load(d).hasNonZeroBiasHigh());
  // Truncated (last line cut), corrupted (value beyond ±275), inconsistent (bias columns).
  writeFile(d + "/weight.txt", "1 2 3\n-275 275\n");
  EXPECT_INPUT_ERROR(LayerParams::load(d), d + "/weight.txt", "line 2 has 2 values");
  writeFile(d + "/weight.txt", "1 2 3\n-276 275 0\n");
  EXPECT_INPUT_ERROR(LayerParams::load(d), d + "/weight.txt", "outside -275..275");
  writeFile(d + "/weight.txt", "1 2 3\n");
  writeFile(d + "/bias.txt", "1 1\n");
  EXPECT_INPUT_ERROR(LayerParams::load(d), d + "/bias.txt", "2 columns, weight.txt has 3");
  writeFile(d + "/bias.txt", "1 1 1\n");
  writeFile(d + "/bias_high.txt", "0 0\n");
  EXPECT_INPUT_ERROR(LayerParams::load(d), d + "/bias_high.txt", "columns");
  writeFile(d + "/weight.txt", "");
  EXPECT_INPUT_ERROR(LayerParams::load(d), d + "/weight.txt", "empty");
  EXPECT_INPUT_ERROR(LayerParams::load(t.file("nope")), t.file("nope/weight.txt"), "cannot open");
}

TEST(NpuLayersTxt, LoadsAndChecks) {
  TempDir t;
  writeFile(t.file("layers.txt"), "768, 1023, 896, 1695, 0, 8, 1024\n512, 521, 0, 511, 0, 15, 8192\n");
  const LayersTxt l = LayersTxt::load(t.file("layers.txt"));
  ASSERT_EQ(l.layers.size(), 2u);
  EXPECT_EQ(l.layers[1].gain, 8192);
  EXPECT_EQ(l.layers[0].rowEnd, 1695);
  expectRejects(t.file("layers.txt"), LayersTxt::load,
                {{"768, 1023, 896, 1695, 0, 8\n", "expected 7"},
                 {"768, 1023, 896, 1695, 0, 8, 1000\n", "power of two"},
                 {"768, 1024, 896, 1695, 0, 8, 1024\n", "columns 768..1024"},
                 {"768, 1023, 896, 1695, 9, 8, 1024\n", "bias rows"},
                 {"\n", "no layers"}});
}

TEST(NpuMapCsv, LoadsAndChecks) {
  TempDir t;
  writeFile(t.file("map.csv"), "640,1344,6\n641,1344,-36\n640,2049,-4\n641,2079,3\n");
  const MapCsv m = MapCsv::load(t.file("map.csv"));
  EXPECT_EQ(m.cellCount, 4u);
  const CrossbarArray a = m.toArray();
  EXPECT_EQ(a.weight(1344, 641), -36);
  EXPECT_EQ(a.bias(0, 640), -4);
  EXPECT_EQ(a.bias(15, 641), 3);
  EXPECT_EQ(a.weight(1344, 642), 0);
  EXPECT_TRUE(m.isListed(1344, 640));
  EXPECT_FALSE(m.isListed(1344, 642));
  expectRejects(t.file("map.csv"), MapCsv::load,
                {{"640,1344,6\n641,13", "line 2"},
                 {"640,1344,6\n640,1344,6\n", "listed twice"},
                 {"640,2048,6\n", "neither a weight row"},
                 {"1024,0,6\n", "column 1024"},
                 {"0,0,300\n", "outside ±275"},
                 {"0,0,3,4\n", "extra text"},
                 {"", "no cells"}});
}

TEST(NpuAddrCsv, LoadsAndChecks) {
  TempDir t;
  const std::string header = "net_idx,layer_name,layer_type,round_type,round_idx,flow_idx,in/out,addr,type,len,file\n";
  writeFile(t.file("addr.csv"), header +
                                    "\n\n0,\"a,b\",\"OpType::MV_OP\",array,0,1,in,2050,regfile,800,x/in.txt\n"
                                    "0,\"a,b\",\"OpType::MV_OP\",array,0,1,out,256,regfile,256,x/out.txt\n");
  const AddrCsv a = AddrCsv::load(t.file("addr.csv"));
  ASSERT_EQ(a.rows.size(), 2u);
  EXPECT_EQ(a.rows[0].layerName, "a,b");
  ASSERT_NE(a.find(0, 0, false), nullptr);
  EXPECT_EQ(a.find(0, 0, false)->addr, 256);
  EXPECT_EQ(a.find(0, 0, false)->line, 5u);
  EXPECT_EQ(a.find(1, 0, true), nullptr);
  expectRejects(t.file("addr.csv"), AddrCsv::load,
                {{header + "0,\"a\",\"t\",array,0,1,in,2050,regfile\n", "line 2 has 9 fields"},
                 {header + "0,\"a\",\"t\",array,0,1,in,20x0,regfile,800,f\n", "addr '20x0'"},
                 {header + "0,\"a\",\"t\",array,0,1,both,2050,regfile,800,f\n", "in/out"},
                 {"0,\"a\",\"t\",array,0,1,in,2050,regfile,800,f\n", "header"},
                 {"", "empty"}});
}

TEST(NpuLayerTrace, LoadsAndChecks) {
  TempDir t;
  writeFile(t.file("in.txt"), "0 255 3\n4 5 6\n");
  const LayerTrace in = LayerTrace::load(t.file("in.txt"), TraceKind::Input, 3);
  EXPECT_EQ(in.frames, 2u);
  EXPECT_EQ(in.frame(1)[2], 6);
  writeFile(t.file("out.txt"), "-128 127 -1\n");
  const LayerTrace out = LayerTrace::load(t.file("out.txt"), TraceKind::Output);
  EXPECT_EQ(out.signedAt(0, 0), -128);
  EXPECT_EQ(out.signedAt(0, 2), -1);
  EXPECT_INPUT_ERROR(LayerTrace::load(t.file("in.txt"), TraceKind::Input, 4), t.file("in.txt"), "reads 4");
  const auto loadInput = [](const std::string& f) { return LayerTrace::load(f, TraceKind::Input); };
  const auto loadOutput = [](const std::string& f) { return LayerTrace::load(f, TraceKind::Output); };
  expectRejects(t.file("bad.txt"), loadInput, {{"0 256 3\n", "outside 0..255"}, {"0 1 2\n3 4", "line 2 has 2 values"}});
  expectRejects(t.file("bad.txt"), loadOutput, {{"-129\n", "outside -128..255"}, {"", "no frames"}});
}

std::vector<std::uint8_t> int16s(const std::vector<int>& v) {
  std::vector<std::uint8_t> b;
  for (int x : v) {
    b.push_back(std::uint8_t(x & 0xFF));
    b.push_back(std::uint8_t((x >> 8) & 0xFF));
  }
  return b;
}

TEST(NpuExpectedBins, LoadsAndChecks) {
  const std::vector<LayerShape> shapes = {{3, 2}, {2, 1}};
  // 2 frames: layer 1 in 2x3, layer 2 in 2x2; out 2x2 then 2x1.
  const auto in = int16s({2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  const auto out = int16s({-1, 2, -128, 127, 5, 6});
  const ExpectedBins b = ExpectedBins::parse(in, out, shapes, "in.bin", "out.bin");
  EXPECT_EQ(b.frames, 2u);
  EXPECT_EQ(b.layers[0].inputs, (std::vector<std::uint8_t>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(b.layers[1].inputs, (std::vector<std::uint8_t>{7, 8, 9, 10}));
  EXPECT_EQ(b.layers[0].outputs, (std::vector<std::int8_t>{-1, 2, -128, 127}));
  EXPECT_EQ(b.layers[1].outputs, (std::vector<std::int8_t>{5, 6}));
  EXPECT_TRUE(b.headerNote.empty());
  // Header disagreeing with a consistent size: the size wins, with a note.
  auto quirk = in;
  quirk[0] = 9;
  EXPECT_FALSE(ExpectedBins::parse(quirk, out, shapes, "in.bin", "out.bin").headerNote.empty());
  // Truncated, odd, inconsistent, corrupted.
  EXPECT_INPUT_ERROR(
      ExpectedBins::parse(std::vector<std::uint8_t>(in.begin(), in.end() - 2), out, shapes, "in.bin", "out.bin"),
      "in.bin", "does not hold");
  EXPECT_INPUT_ERROR(
      ExpectedBins::parse(std::vector<std::uint8_t>(in.begin(), in.end() - 1), out, shapes, "in.bin", "out.bin"),
      "in.bin", "odd size");
  EXPECT_INPUT_ERROR(
      ExpectedBins::parse(in, std::vector<std::uint8_t>(out.begin(), out.end() - 2), shapes, "in.bin", "out.bin"),
      "out.bin", "truncated");
  EXPECT_INPUT_ERROR(ExpectedBins::parse({5}, out, shapes, "in.bin", "out.bin"), "in.bin", "shorter");
  auto badIn = in;
  badIn[2] = 0x00;
  badIn[3] = 0x01;  // 256
  EXPECT_INPUT_ERROR(ExpectedBins::parse(badIn, out, shapes, "in.bin", "out.bin"), "in.bin", "0..255");
  auto badOut = out;
  badOut[1] = 0x01;  // -1 -> 511
  EXPECT_INPUT_ERROR(ExpectedBins::parse(in, badOut, shapes, "in.bin", "out.bin"), "out.bin", "-128..127");
  TempDir t;
  EXPECT_INPUT_ERROR(ExpectedBins::load(t.file("a.bin"), t.file("b.bin"), shapes), t.file("a.bin"), "cannot open");
}

TEST(NpuBoardConfigDebug, LoadsAndChecks) {
  TempDir t;
  const std::string good = R"({"chip":"ChipId::BB04P1","nets":[{"net_cnt":0,"round_total":1,
    "net_inputs":[{"addr":10,"len":4}],"net_outputs":[{"addr":20,"len":2}],
    "compute_flow_debug":[[{"flow_index":1,"round_index":0,"round_config_start":0,"package_len":5,
      "layer_name":"fc","layer_type":"OpType::MV_OP",
      "inputs":[{"start_addr":10,"input_len":4,"data_type":"net_input","store_file_path":"a/input0.txt"}],
      "outputs":[{"start_addr":20,"output_len":2,"store_file_path":"a/output0.txt"}]}]],
    "diff_lookup_table":{"data":"0x03020100,0x07060504,","len":8,"offset":100}}]})";
  writeFile(t.file("d.json"), good);
  const BoardConfigDebug d = BoardConfigDebug::load(t.file("d.json"));
  ASSERT_EQ(d.nets.size(), 1u);
  ASSERT_EQ(d.nets[0].rounds.size(), 1u);
  EXPECT_EQ(d.nets[0].rounds[0].layerName, "fc");
  EXPECT_EQ(d.nets[0].rounds[0].inputs[0].filePath, "a/input0.txt");
  EXPECT_EQ(d.nets[0].lutBytes, (std::vector<std::uint8_t>{0, 1, 2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(d.nets[0].netOutputs[0].addr, 20);
  writeFile(t.file("d.json"), good.substr(0, good.size() / 2));
  EXPECT_INPUT_ERROR(BoardConfigDebug::load(t.file("d.json")), t.file("d.json"), "not valid JSON");
  std::string bad = good;
  bad.replace(bad.find("\"round_index\":0"), 15, "\"round_index\":\"0\"");
  writeFile(t.file("d.json"), bad);
  EXPECT_INPUT_ERROR(BoardConfigDebug::load(t.file("d.json")), t.file("d.json"), "round_index: is not an integer");
  bad = good;
  bad.replace(bad.find("\"len\":8"), 7, "\"len\":12");
  writeFile(t.file("d.json"), bad);
  EXPECT_INPUT_ERROR(BoardConfigDebug::load(t.file("d.json")), t.file("d.json"), "len 12 but data holds 8");
  bad = good;
  bad.replace(bad.find("0x07060504"), 10, "0x0706050Z");
  writeFile(t.file("d.json"), bad);
  EXPECT_INPUT_ERROR(BoardConfigDebug::load(t.file("d.json")), t.file("d.json"), "0x%08x");
  bad = good;
  bad.replace(bad.find("\"package_len\":5,"), 16, "");
  writeFile(t.file("d.json"), bad);
  EXPECT_INPUT_ERROR(BoardConfigDebug::load(t.file("d.json")), t.file("d.json"), "package_len");
}

}  // namespace
}  // namespace wtm::npu
