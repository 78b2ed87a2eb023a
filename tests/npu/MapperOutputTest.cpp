// The folder loader on synthetic mapper outputs: generality (multi-net, bias, PN inputs, every G
// from 256 to 8192, map.csv instead of params) and the cross-checks between the files.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "SyntheticMapper.h"
#include "TestSupport.h"
#include "npu/GoldenRegression.h"
#include "npu/RoundDecoder.h"
#include "npu/mapper/MapperOutput.h"
#include "npu/mapper/RegisterBlob.h"

#include <nlohmann/json.hpp>

namespace wtm::npu {
namespace {

using test::SynthLayer;
using test::SynthNet;
using test::SynthOptions;
using test::TempDir;

// Two nets: a 3-layer ReLU net with bias at G 256/512/1024 and a PN net at G 2048..8192 whose
// last layer is linear; together they wrap the column allocator into a second row band.
SynthOptions multiNetOptions() {
  SynthOptions o;
  SynthNet a;
  a.frames = 14;
  a.layers = {{96, 300, 0, 4, true, 40}, {300, 256, 1, 2, true, 60}, {256, 200, 2, 0, true, 127}};
  SynthNet b;
  b.frames = 10;
  b.pnInput = true;
  b.layers = {{70, 100, 3, 8, true, 90}, {100, 60, 4, 3, true, 128}, {60, 10, 5, 1, false, 127}};
  o.nets = {a, b};
  o.seed = 17;
  return o;
}

bool anyContains(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v)
    if (x.find(s) != std::string::npos) return true;
  return false;
}

TEST(NpuMapperOutput, LoadsASyntheticMultiNetFolder) {
  TempDir t;
  SynthOptions o = multiNetOptions();
  o.writeMapCsv = true;
  const auto synth = test::writeSyntheticMapperOutput(t.path(), o);
  const MapperOutput m = MapperOutput::load(t.path());
  EXPECT_TRUE(m.disagreements.empty()) << m.disagreements.front();
  ASSERT_EQ(m.nets.size(), 2u);
  const auto rounds = m.arrayRounds();
  ASSERT_EQ(rounds.size(), synth.rounds.size());
  for (std::size_t i = 0; i < rounds.size(); ++i) {
    const auto& s = synth.rounds[i];
    const auto& r = *rounds[i];
    EXPECT_EQ(r.config.gain(), s.gain);
    EXPECT_EQ(r.config.rows(), s.rows);
    EXPECT_EQ(r.config.columnStart, s.columnStart);
    EXPECT_EQ(r.config.biasEnd, s.biasEnd);
    EXPECT_EQ(r.layerName, s.name);
    EXPECT_TRUE(r.lutKnown);
    EXPECT_EQ(r.lutOrigin, "register diff");
    EXPECT_EQ(r.lut[200], s.relu ? 0 : 200);
    EXPECT_FALSE(r.inputTrace.empty());
    EXPECT_EQ(m.array.weight(s.rowStart + 1, s.columnStart + 2), s.weights[1][2]);
    EXPECT_EQ(m.array.bias(s.biasStart, s.columnStart), s.bias[0][0]);
  }
  EXPECT_EQ(m.arraySource, "params/ (checked against map/map.csv)");
  EXPECT_TRUE(m.hasExpectedBins());
}

TEST(NpuMapperOutput, ProgramsFromMapCsvWhenParamsAreAbsent) {
  TempDir t;
  SynthOptions o = multiNetOptions();
  o.writeMapCsv = true;
  o.writeParams = false;
  const auto synth = test::writeSyntheticMapperOutput(t.path(), o);
  const MapperOutput m = MapperOutput::load(t.path());
  EXPECT_EQ(m.arraySource, "map/map.csv");
  const auto& s = synth.rounds.back();
  EXPECT_EQ(m.array.weight(s.rowStart + 3, s.columnStart + 4), s.weights[3][4]);
}

TEST(NpuMapperOutput, WorksFromRegisterCAndTheBlobAlone) {
  TempDir t;
  SynthOptions o = multiNetOptions();
  o.writeRegisterBin = false;
  o.writeDebugJson = false;
  o.writeAddrCsv = false;
  o.writeLayersTxt = false;
  test::writeSyntheticMapperOutput(t.path(), o);
  const MapperOutput m = MapperOutput::load(t.path());
  EXPECT_NE(m.blobPath.find("register.c"), std::string::npos);
  EXPECT_TRUE(m.disagreements.empty());
  // Without index files the traces are found by scanning layer_debug/.
  for (const MapperRound* r : m.arrayRounds()) {
    EXPECT_FALSE(r->inputTrace.empty()) << r->label();
    EXPECT_FALSE(r->outputTrace.empty()) << r->label();
    EXPECT_TRUE(r->layerName.empty());
  }
}

TEST(NpuMapperOutput, MissingOrBrokenEssentials) {
  TempDir t;
  EXPECT_INPUT_ERROR(MapperOutput::load(t.file("none")), t.file("none"), "not a directory");
  EXPECT_INPUT_ERROR(MapperOutput::load(t.path()), t.path(), "neither register.bin nor register.c");
  SynthOptions o = multiNetOptions();
  o.writeParams = false;
  test::writeSyntheticMapperOutput(t.path(), o);
  EXPECT_INPUT_ERROR(MapperOutput::load(t.path()), t.path(), "neither params/ nor map/map.csv");
}

TEST(NpuMapperOutput, ParamsOfTheWrongSizeAreAnInputError) {
  TempDir t;
  const auto synth = test::writeSyntheticMapperOutput(t.path(), multiNetOptions());
  const std::string w = t.file("params/net1/layer2/weight.txt");
  std::string text = test::readFile(w);
  text.erase(text.rfind('\n', text.size() - 2) + 1);  // drop the last line: a truncated file
  test::writeFile(w, text);
  EXPECT_INPUT_ERROR(MapperOutput::load(t.path()), w, "truncated or wrong layer");
  std::filesystem::remove_all(t.file("params/net1/layer2"));
  EXPECT_INPUT_ERROR(MapperOutput::load(t.path()), t.file("params/net1/layer2"), "missing");
}

TEST(NpuMapperOutput, ReportsDisagreementsBetweenFiles) {
  TempDir t;
  SynthOptions o = multiNetOptions();
  o.writeMapCsv = true;
  test::writeSyntheticMapperOutput(t.path(), o);
  // layers.txt: wrong G on line 2.
  std::string layers = test::readFile(t.file("map/layers.txt"));
  const auto l2 = layers.find('\n') + 1;
  const auto l2end = layers.find('\n', l2);
  std::string line = layers.substr(l2, l2end - l2);
  line = line.substr(0, line.rfind(',')) + ", 4096";
  layers.replace(l2, l2end - l2, line);
  test::writeFile(t.file("map/layers.txt"), layers);
  // addr.csv: wrong output address of net 1 round 0.
  std::string addr = test::readFile(t.file("addr.csv"));
  const std::regex outRow(R"(1,"n1_layer_1","OpType::MV_OP",array,0,1,out,(\d+),)");
  addr = std::regex_replace(addr, outRow, "1,\"n1_layer_1\",\"OpType::MV_OP\",array,0,1,out,7000,");
  test::writeFile(t.file("addr.csv"), addr);
  // BoardConfigDebug: wrong round_config_start.
  std::string dbg = test::readFile(t.file("BoardConfigDebug.json"));
  const auto pos = dbg.find("\"round_config_start\": 10");
  ASSERT_NE(pos, std::string::npos);
  dbg.replace(pos, 24, "\"round_config_start\": 12");
  test::writeFile(t.file("BoardConfigDebug.json"), dbg);
  // map.csv: one weight cell differs from params.
  std::string map = test::readFile(t.file("map/map.csv"));
  const auto firstComma = map.rfind(',', map.find('\n'));
  map.replace(firstComma + 1, map.find('\n') - firstComma - 1, "275");
  test::writeFile(t.file("map/map.csv"), map);
  // register.c no longer equal to register.bin: change its last byte value.
  std::string c = test::readFile(t.file("register.c"));
  const auto lastDigit = c.find_last_of("0123456789");
  const auto firstDigit = c.find_last_not_of("0123456789", lastDigit) + 1;
  const int value = std::stoi(c.substr(firstDigit, lastDigit - firstDigit + 1));
  c.replace(firstDigit, lastDigit - firstDigit + 1, std::to_string((value + 1) % 256));
  test::writeFile(t.file("register.c"), c);

  const MapperOutput m = MapperOutput::load(t.path());
  const auto& d = m.disagreements;
  EXPECT_TRUE(anyContains(d, "layers.txt line 2")) << ::testing::PrintToString(d);
  EXPECT_TRUE(anyContains(d, "G 4096 vs"));
  EXPECT_TRUE(anyContains(d, "addr.csv line"));
  EXPECT_TRUE(anyContains(d, "output 7000/"));
  EXPECT_TRUE(anyContains(d, "round_config_start 12 but the record starts at word 10"));
  EXPECT_TRUE(anyContains(d, "map.csv: cell"));
  EXPECT_TRUE(anyContains(d, "register.c: bytes differ"));
  for (const auto& x : d) EXPECT_EQ(x.find('\n'), std::string::npos);
}

TEST(NpuMapperOutput, NonZeroBiasHighIsNoted) {
  TempDir t;
  SynthOptions o;
  SynthNet n;
  n.layers = {{32, 16, 2, 2, true, 50}};
  o.nets = {n};
  test::writeSyntheticMapperOutput(t.path(), o);
  EXPECT_FALSE(anyContains(MapperOutput::load(t.path()).notes, "bias_high"));
  std::string high = "1";
  for (int i = 1; i < 16; ++i) high += " 0";
  test::writeFile(t.file("params/net0/layer1/bias_high.txt"), high + "\n");
  EXPECT_TRUE(anyContains(MapperOutput::load(t.path()).notes, "bias_high.txt: non-zero values"));
}

TEST(NpuMapperOutput, OverlappingLayersWithDifferentCellsDisagree) {
  TempDir t;
  SynthOptions o;
  SynthNet n;
  n.layers = {{16, 16, 2, 1, true, 50}, {16, 16, 2, 1, true, 50}};
  o.nets = {n};
  o.writeRegisterC = false;
  test::writeSyntheticMapperOutput(t.path(), o);
  // Point round 1 at round 0's array region.
  RegisterBlob b = RegisterBlob::loadBin(t.file("register.bin"));
  RoundConfig r1 = b.nets[0].rounds[1];
  const RoundConfig& r0 = b.nets[0].rounds[0];
  r1.columnStart = r0.columnStart;
  r1.columnEnd = r0.columnEnd;
  const auto words = encodeRound(r1);
  std::vector<std::uint8_t> raw = b.raw;
  const std::size_t at = std::size_t(b.nets[0].roundTableSpan.offset) + 4 * b.nets[0].roundWordOffsets[1];
  for (std::size_t i = 0; i < words.size(); ++i)
    for (int k = 0; k < 4; ++k) raw[at + 4 * i + std::size_t(k)] = std::uint8_t(words[i] >> (8 * k));
  test::writeBytes(t.file("register.bin"), RegisterBlob::build(b.json, raw));
  const MapperOutput m = MapperOutput::load(t.path());
  EXPECT_TRUE(anyContains(m.disagreements, "another layer programs it")) << ::testing::PrintToString(m.disagreements);
  EXPECT_TRUE(anyContains(m.disagreements, "layers.txt line 2"));
}

TEST(NpuMapperOutput, LutFallsBackToBoardConfigDebug) {
  TempDir t;
  SynthOptions o;
  SynthNet n;
  n.layers = {{32, 16, 2, 1, true, 50}, {16, 8, 2, 1, false, 50}};
  o.nets = {n};
  test::writeSyntheticMapperOutput(t.path(), o);
  // Rewrite the blob without diff records.
  RegisterBlob b = RegisterBlob::loadBin(t.file("register.bin"));
  auto j = nlohmann::json::parse(b.json);
  j["nets"][0]["compute_flow"][1]["diff"] = nullptr;
  test::writeBytes(t.file("register.bin"), RegisterBlob::build(j.dump(), b.raw));
  std::filesystem::remove(t.file("register.c"));
  MapperOutput m = MapperOutput::load(t.path());
  ASSERT_EQ(m.arrayRounds().size(), 2u);
  EXPECT_EQ(m.arrayRounds()[0]->lutOrigin, "BoardConfigDebug");
  EXPECT_EQ(m.arrayRounds()[1]->lut[255], 255);  // slot 2 identity
  EXPECT_EQ(m.arrayRounds()[0]->lut[255], 0);    // slot 1 ReLU
  // And with neither: the LUT is unknown and said so.
  std::filesystem::remove(t.file("BoardConfigDebug.json"));
  m = MapperOutput::load(t.path());
  EXPECT_FALSE(m.arrayRounds()[0]->lutKnown);
  EXPECT_TRUE(anyContains(m.notes, "no table was found"));
}

}  // namespace
}  // namespace wtm::npu
