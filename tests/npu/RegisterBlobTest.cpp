#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "SyntheticMapper.h"
#include "TestSupport.h"
#include "npu/mapper/Base64.h"
#include "npu/mapper/RegisterBlob.h"
#include "npu/mapper/RegisterCSource.h"

namespace wtm::npu {
namespace {

using test::TempDir;

const std::string kTraceDir = std::string(WTM_SOURCE_DIR) + "/traces/dnn_yxt";

// A minimal valid blob: one net, one round, no diffs.
std::vector<std::uint8_t> minimalBlob(const std::string& roundEventData = "") {
  const auto words = test::packRoundRecord(2, true, 1, 0, 0, 0, 128, 131, 100, 0, 7, 10, 17);
  std::vector<std::uint8_t> raw;
  for (std::uint32_t w : words)
    for (int k = 0; k < 4; ++k) raw.push_back(std::uint8_t(w >> (8 * k)));
  nlohmann::json j;
  j["chip"] = "ChipId::BB04P1";
  j["net_total"] = 1;
  j["nets"] = nlohmann::json::array(
      {{{"net_cnt", 0},
        {"net_inputs", {{{"addr", 10}, {"len", 8}}}},
        {"net_outputs", {{{"addr", 100}, {"len", 4}}}},
        {"round_total", 1},
        {"compute_flow",
         {{{"flow_cnt", 0},
           {"flow_type", "event"},
           {"event_config",
            {{{"type", "round"},
              {"init", 1},
              {"data", roundEventData.empty() ? encodeBase64Int32({0, 40, 32}) : roundEventData}}}}}}}}});
  return RegisterBlob::build(j.dump(), raw);
}

TEST(NpuBase64, RoundTripAndRejects) {
  const std::vector<std::uint8_t> bytes = {0, 1, 2, 250, 251, 252, 253};
  for (std::size_t n = 0; n <= bytes.size(); ++n) {
    const std::vector<std::uint8_t> part(bytes.begin(), bytes.begin() + long(n));
    EXPECT_EQ(decodeBase64(encodeBase64(part)), part);
  }
  EXPECT_EQ(encodeBase64({'M', 'a', 'n'}), "TWFu");
  EXPECT_EQ(*decodeBase64Int32("DBcAAMgAAAAgAAAA"), (std::vector<std::int32_t>{5900, 200, 32}));
  EXPECT_FALSE(decodeBase64("abc").has_value());        // length not a multiple of 4
  EXPECT_FALSE(decodeBase64("ab!d").has_value());       // bad character
  EXPECT_FALSE(decodeBase64("a=bc").has_value());       // padding in the middle
  EXPECT_FALSE(decodeBase64Int32("TWFu").has_value());  // 3 bytes, not whole int32s
}

TEST(NpuRegisterBlob, KeyBaseMatchesTheDocumentedBlobs) {
  // (json_len, raw_len) -> key base, reference/mapper-formats.md §2.1.1.
  EXPECT_EQ(RegisterBlob::keyBase(1347, 6612), 1);
  EXPECT_EQ(RegisterBlob::keyBase(1890, 9748), 10);
  EXPECT_EQ(RegisterBlob::keyBase(1469, 3268), 12);
  EXPECT_EQ(RegisterBlob::keyBase(1282, 3157), 1);
}

TEST(NpuRegisterBlob, ObfuscationIsInvertibleAndKeepsZeros) {
  std::vector<std::uint8_t> body(600);
  for (std::size_t i = 0; i < body.size(); ++i) body[i] = std::uint8_t(i * 7);
  auto enc = body;
  RegisterBlob::obfuscate(enc, 9);
  EXPECT_NE(enc, body);
  EXPECT_EQ(enc[0], 0);  // zero bytes stay zero
  RegisterBlob::deobfuscate(enc, 9);
  EXPECT_EQ(enc, body);
}

TEST(NpuRegisterBlob, ParsesTheShippedBlob) {
  const RegisterBlob b = RegisterBlob::loadBin(kTraceDir + "/register.bin");
  EXPECT_EQ(b.chip, "ChipId::BB04P1");
  EXPECT_EQ(b.json.size() + b.raw.size(), 7959u);
  ASSERT_EQ(b.nets.size(), 1u);
  const BlobNet& n = b.nets[0];
  EXPECT_EQ(n.roundTableSpan.offset, 5900);
  ASSERT_EQ(n.rounds.size(), 5u);
  EXPECT_EQ(n.rounds[0].columnStart, 768);
  EXPECT_EQ(n.rounds[0].inputAddr, 2050);
  EXPECT_EQ(n.rounds[4].lut, LutSelect::Slot2);
  EXPECT_EQ(n.roundWordOffsets[3], 30u);
  ASSERT_EQ(n.flows.size(), 2u);
  ASSERT_TRUE(n.flows[1].base.has_value());
  EXPECT_EQ(n.flows[1].base->roundCount, 5);
  ASSERT_EQ(n.flows[1].diffs.size(), 5u);
  EXPECT_EQ(n.flows[1].diffs[4].tableType, 2);
  EXPECT_EQ(n.flows[1].diffs[1].expectInputLen, 256);
  // register.c holds the same bytes.
  const RegisterBlob c = RegisterBlob::loadCSource(kTraceDir + "/register.c");
  EXPECT_EQ(c.json, b.json);
  EXPECT_EQ(c.raw, b.raw);
}

TEST(NpuRegisterBlob, BuildParseRoundTrip) {
  const RegisterBlob b = RegisterBlob::parse(minimalBlob(), "mem");
  ASSERT_EQ(b.nets.size(), 1u);
  ASSERT_EQ(b.nets[0].rounds.size(), 1u);
  EXPECT_EQ(b.nets[0].rounds[0].columnEnd, 131);
  EXPECT_EQ(b.nets[0].inputs[0].addr, 10);
}

TEST(NpuRegisterBlob, TruncatedFiles) {
  TempDir t;
  const auto good = minimalBlob();
  test::writeBytes(t.file("short.bin"), {1, 2, 3});
  EXPECT_INPUT_ERROR(RegisterBlob::loadBin(t.file("short.bin")), t.file("short.bin"), "12-byte header");
  test::writeBytes(t.file("cut.bin"), std::vector<std::uint8_t>(good.begin(), good.end() - 30));
  EXPECT_INPUT_ERROR(RegisterBlob::loadBin(t.file("cut.bin")), t.file("cut.bin"), "truncated");
  auto longer = good;
  longer.push_back(0);
  test::writeBytes(t.file("long.bin"), longer);
  EXPECT_INPUT_ERROR(RegisterBlob::loadBin(t.file("long.bin")), t.file("long.bin"), "after the announced end");
  EXPECT_INPUT_ERROR(RegisterBlob::loadBin(t.file("absent.bin")), t.file("absent.bin"), "cannot open");
}

TEST(NpuRegisterBlob, CorruptedFiles) {
  TempDir t;
  auto bad = minimalBlob();
  bad[0] ^= 0x40;  // header total no longer json + raw
  test::writeBytes(t.file("hdr.bin"), bad);
  EXPECT_INPUT_ERROR(RegisterBlob::loadBin(t.file("hdr.bin")), t.file("hdr.bin"), "header total");
  bad = minimalBlob();
  bad[12] ^= 0x55;  // first JSON byte
  test::writeBytes(t.file("json.bin"), bad);
  EXPECT_INPUT_ERROR(RegisterBlob::loadBin(t.file("json.bin")), t.file("json.bin"), "JSON");
  test::writeBytes(t.file("b64.bin"), minimalBlob("!!!!"));
  EXPECT_INPUT_ERROR(RegisterBlob::loadBin(t.file("b64.bin")), t.file("b64.bin"), "base64");
  // Round table pointing outside the raw area, and one cutting a record.
  test::writeBytes(t.file("span.bin"), minimalBlob(encodeBase64Int32({0, 400, 32})));
  EXPECT_INPUT_ERROR(RegisterBlob::loadBin(t.file("span.bin")), t.file("span.bin"), "outside the 40-byte raw area");
  test::writeBytes(t.file("rec.bin"), minimalBlob(encodeBase64Int32({0, 32, 32})));
  EXPECT_INPUT_ERROR(RegisterBlob::loadBin(t.file("rec.bin")), t.file("rec.bin"), "round table");
  test::writeBytes(t.file("bits.bin"), minimalBlob(encodeBase64Int32({0, 40, 16})));
  EXPECT_INPUT_ERROR(RegisterBlob::loadBin(t.file("bits.bin")), t.file("bits.bin"), "bit width");
}

TEST(NpuRegisterBlob, InconsistentJson) {
  nlohmann::json j = {{"net_total", 2}, {"nets", nlohmann::json::array()}};
  EXPECT_INPUT_ERROR(RegisterBlob::parse(RegisterBlob::build(j.dump(), {}), "x.bin"), "x.bin", "net_total");
  j = {{"nets",
        {{{"net_inputs", nlohmann::json::array()},
          {"net_outputs", nlohmann::json::array()},
          {"round_total", 1},
          {"compute_flow", {{{"flow_type", "all_round"}, {"base", encodeBase64Int32({0, 0, 0, 40, 32, 0, 3})}}}}}}}};
  EXPECT_INPUT_ERROR(RegisterBlob::parse(RegisterBlob::build(j.dump(), {}), "y.bin"), "y.bin", "round table holds 0");
  j = {{"nets", {{{"net_outputs", nlohmann::json::array()}}}}};
  EXPECT_INPUT_ERROR(RegisterBlob::parse(RegisterBlob::build(j.dump(), {}), "z.bin"), "z.bin", "net_inputs");
}

TEST(NpuRegisterCSource, ParsesVariants) {
  const std::string src =
      "/* generated */\n__attribute__((section(\".algo_buff\"))) char register_data[] = {\n"
      "  1, 0x10, -1, // comment\n 255, 0 , };\n";
  EXPECT_EQ(parseRegisterCSource(src, "r.c"), (std::vector<std::uint8_t>{1, 16, 255, 255, 0}));
  EXPECT_EQ(parseRegisterCSource("char a[] = {};", "r.c"), std::vector<std::uint8_t>{});
  const std::vector<std::uint8_t> bytes = {0, 9, 200};
  EXPECT_EQ(parseRegisterCSource(formatRegisterCSource(bytes), "r.c"), bytes);
}

TEST(NpuRegisterCSource, BadFiles) {
  EXPECT_INPUT_ERROR(parseRegisterCSource("char a[] = {1, 2, 3", "t.c"), "t.c", "truncated");
  EXPECT_INPUT_ERROR(parseRegisterCSource("int x;", "t.c"), "t.c", "no '{'");
  EXPECT_INPUT_ERROR(parseRegisterCSource("char a[] = {1, zz, 3};", "t.c"), "t.c", "not an integer literal");
  EXPECT_INPUT_ERROR(parseRegisterCSource("char a[] = {1,\n 256};", "t.c"), "t.c", "line 2");
  EXPECT_INPUT_ERROR(parseRegisterCSource("char a[] = {1 2};", "t.c"), "t.c", "expected ','");
  EXPECT_INPUT_ERROR(parseRegisterCSource("char a[] = {1, /* 2 };", "t.c"), "t.c", "unterminated comment");
  // A register.c whose bytes are a truncated blob fails in the blob parser, naming the file.
  TempDir t;
  const auto blob = minimalBlob();
  test::writeFile(t.file("register.c"), formatRegisterCSource(std::vector<std::uint8_t>(blob.begin(), blob.end() - 5)));
  EXPECT_INPUT_ERROR(RegisterBlob::loadCSource(t.file("register.c")), t.file("register.c"), "truncated");
}

}  // namespace
}  // namespace wtm::npu
