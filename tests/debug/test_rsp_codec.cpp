// RSP byte level: framing, checksums, escapes, run-length decoding and the decoder's handling of
// noise, split input, oversized packets and the interrupt byte.
#include <gtest/gtest.h>

#include "debug/RspCodec.h"

using namespace wtm::debug;

namespace {

std::vector<RspEvent> decodeAll(RspDecoder& decoder, const std::string& bytes) {
  decoder.feed(bytes.data(), bytes.size());
  std::vector<RspEvent> events;
  while (auto e = decoder.next()) events.push_back(*e);
  return events;
}

std::vector<RspEvent> decodeAll(const std::string& bytes) {
  RspDecoder decoder;
  return decodeAll(decoder, bytes);
}

}  // namespace

TEST(RspFrame, ChecksumIsTheByteSumModulo256) {
  EXPECT_EQ(rspFrame("OK"), "$OK#9a");
  EXPECT_EQ(rspFrame(""), "$#00");
  EXPECT_EQ(rspFrame("qSupported"), "$qSupported#37");
  // 0xff * 2 = 0x1fe: only the low byte counts.
  EXPECT_EQ(rspFrame("\xff\xff"), std::string("$\xff\xff#fe"));
}

TEST(RspFrame, EscapesTheFourReservedBytes) {
  EXPECT_EQ(rspFrame("$"), std::string("$}\x04#81"));
  EXPECT_EQ(rspFrame("#"), std::string("$}\x03#80"));
  EXPECT_EQ(rspFrame("}"), std::string("$}]#da"));
  EXPECT_EQ(rspFrame("*"), std::string("$}\x0a#87"));
  EXPECT_EQ(rspFrame("a*b"), std::string("$a}\x0a"
                                         "b#4a"));
  EXPECT_EQ(rspEscapedSize("a$b#c}d*e"), 13u);
}

TEST(RspDecoder, GoodAndBadChecksums) {
  auto events = decodeAll("$OK#9a$OK#9b$OK#zz$OK#9A");
  ASSERT_EQ(events.size(), 4u);
  for (const auto& e : events) {
    EXPECT_EQ(e.kind, RspEvent::Kind::Packet);
    EXPECT_EQ(e.payload, "OK");
  }
  EXPECT_TRUE(events[0].checksumOk);
  EXPECT_FALSE(events[1].checksumOk);
  EXPECT_FALSE(events[2].checksumOk);
  EXPECT_TRUE(events[3].checksumOk);  // upper-case checksum digits are valid
}

TEST(RspDecoder, UnescapesEveryReservedByte) {
  auto events = decodeAll(rspFrame("a$b#c}d*e"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].checksumOk);
  EXPECT_EQ(events[0].payload, "a$b#c}d*e");
}

TEST(RspDecoder, EveryByteValueSurvivesARoundTrip) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  auto events = decodeAll(rspFrame(all));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].checksumOk);
  EXPECT_EQ(events[0].payload, all);
}

TEST(RspDecoder, RunLengthEncoding) {
  // '*' then c: c - 29 more copies of the previous byte. ' ' = 32 -> 3, '"' = 34 -> 5.
  auto events = decodeAll("$0* #7a$xa*\"y#9e");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].payload, "0000");
  EXPECT_TRUE(events[0].checksumOk);
  EXPECT_EQ(events[1].payload, "xaaaaaay");
  // The run repeats an escaped byte as decoded.
  std::string body = std::string("}") + char('#' ^ 0x20) + "*!";
  uint8_t sum = 0;
  for (char c : body) sum = static_cast<uint8_t>(sum + static_cast<uint8_t>(c));
  char tail[4];
  std::snprintf(tail, sizeof tail, "%02x", sum);
  events = decodeAll("$" + body + "#" + tail);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].checksumOk);
  EXPECT_EQ(events[0].payload, "#####");
}

TEST(RspDecoder, RunLengthWithNothingToRepeatIsIgnored) {
  auto events = decodeAll("$*#2a");  // the count byte is the '#': the packet ends there
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].payload, "");
}

TEST(RspDecoder, SkipsGarbageBetweenPackets) {
  auto events = decodeAll("hello\r\n$OK#9a junk \x7f\x80$qC#b4xyz");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].payload, "OK");
  EXPECT_EQ(events[1].payload, "qC");
  EXPECT_TRUE(events[1].checksumOk);
}

TEST(RspDecoder, AcksNaksAndInterruptsBetweenPackets) {
  auto events = decodeAll("+-\x03$OK#9a+");
  ASSERT_EQ(events.size(), 5u);
  EXPECT_EQ(events[0].kind, RspEvent::Kind::Ack);
  EXPECT_EQ(events[1].kind, RspEvent::Kind::Nak);
  EXPECT_EQ(events[2].kind, RspEvent::Kind::Interrupt);
  EXPECT_EQ(events[3].kind, RspEvent::Kind::Packet);
  EXPECT_EQ(events[4].kind, RspEvent::Kind::Ack);
}

TEST(RspDecoder, InterruptByteInsideAPacketIsData) {
  auto events = decodeAll(rspFrame(std::string("X0,1:\x03", 6)));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, RspEvent::Kind::Packet);
  EXPECT_EQ(events[0].payload, std::string("X0,1:\x03", 6));
}

TEST(RspDecoder, PacketArrivingOneByteAtATime) {
  RspDecoder decoder;
  const std::string bytes = "+" + rspFrame("m1000,4") + "\x03" + rspFrame("a}b$c");
  std::vector<RspEvent> events;
  for (char c : bytes) {
    decoder.feed(&c, 1);
    while (auto e = decoder.next()) events.push_back(*e);
  }
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].kind, RspEvent::Kind::Ack);
  EXPECT_EQ(events[1].payload, "m1000,4");
  EXPECT_TRUE(events[1].checksumOk);
  EXPECT_EQ(events[2].kind, RspEvent::Kind::Interrupt);
  EXPECT_EQ(events[3].payload, "a}b$c");
  EXPECT_TRUE(events[3].checksumOk);
}

TEST(RspDecoder, DollarInsideAPacketStartsANewOne) {
  auto events = decodeAll("$m10$OK#9a");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].payload, "OK");
  EXPECT_TRUE(events[0].checksumOk);
}

TEST(RspDecoder, OverflowDropsThePacketAndRecovers) {
  RspDecoder decoder(16);
  auto events = decodeAll(decoder, rspFrame(std::string(16, 'a')));
  ASSERT_EQ(events.size(), 1u);  // exactly the limit is fine
  EXPECT_EQ(events[0].kind, RspEvent::Kind::Packet);

  events = decodeAll(decoder, rspFrame(std::string(17, 'a')) + rspFrame("OK"));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, RspEvent::Kind::Overflow);
  EXPECT_EQ(events[1].kind, RspEvent::Kind::Packet);
  EXPECT_EQ(events[1].payload, "OK");

  // A run-length count that expands past the limit.
  events = decodeAll(decoder, "$a*~#00");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, RspEvent::Kind::Overflow);

  // An oversized packet cut short by the next one.
  events = decodeAll(decoder, "$" + std::string(100, 'b') + rspFrame("qC"));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, RspEvent::Kind::Overflow);
  EXPECT_EQ(events[1].payload, "qC");
}

TEST(RspDecoder, DefaultLimitIs64KiB) {
  RspDecoder decoder;
  auto events = decodeAll(decoder, rspFrame(std::string(64 * 1024, 'x')));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, RspEvent::Kind::Packet);
  events = decodeAll(decoder, rspFrame(std::string(64 * 1024 + 1, 'x')));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, RspEvent::Kind::Overflow);
}

TEST(RspDecoder, ResetForgetsAPartialPacket) {
  RspDecoder decoder;
  decodeAll(decoder, "$m10");
  decoder.reset();
  auto events = decodeAll(decoder, "00#00+");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, RspEvent::Kind::Ack);
}

TEST(RspHelpers, Hex) {
  const uint8_t bytes[] = {0x00, 0x7f, 0xa5, 0xff};
  EXPECT_EQ(hexEncode(bytes, 4), "007fa5ff");
  EXPECT_EQ(hexEncode("OK"), "4f4b");
  std::vector<uint8_t> out;
  EXPECT_TRUE(hexDecode("007FA5ff", out));
  EXPECT_EQ(out, std::vector<uint8_t>(bytes, bytes + 4));
  EXPECT_FALSE(hexDecode("abc", out));
  EXPECT_FALSE(hexDecode("zz", out));
  std::string text;
  EXPECT_TRUE(hexDecode("68656c70", text));
  EXPECT_EQ(text, "help");
}

TEST(RspHelpers, Numbers) {
  EXPECT_EQ(parseHexNumber("1f"), 0x1fu);
  EXPECT_EQ(parseHexNumber("ffffffffffffffff"), ~uint64_t{0});
  EXPECT_EQ(parseHexNumber("10000000000000000"), std::nullopt);  // 65 bits
  EXPECT_EQ(parseHexNumber(""), std::nullopt);
  EXPECT_EQ(parseHexNumber("0x10"), std::nullopt);
  EXPECT_EQ(parseHexNumber("zz"), std::nullopt);
  auto range = parseAddressLength("20000000,40");
  ASSERT_TRUE(range);
  EXPECT_EQ(range->first, 0x20000000u);
  EXPECT_EQ(range->second, 0x40u);
  EXPECT_FALSE(parseAddressLength("1000"));
  EXPECT_FALSE(parseAddressLength(",4"));
  EXPECT_FALSE(parseAddressLength("10,"));
  EXPECT_FALSE(parseAddressLength("1g,4"));
  auto parts = splitAt("a:b:c", ':');
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->first, "a");
  EXPECT_EQ(parts->second, "b:c");
  EXPECT_FALSE(splitAt("abc", ':'));
}
