// GdbStub against a scripted channel and a fake target: every packet it handles, the errors for
// malformed ones, and how serve() ends.
#include <gtest/gtest.h>

#include "FakeChannel.h"
#include "FakeTarget.h"
#include "debug/GdbStub.h"
#include "debug/RspCodec.h"

using namespace wtm::debug;
using namespace wtm::debug::test;

namespace {

class GdbStubTest : public ::testing::Test {
 protected:
  // Runs serve() over `packets`; the channel then reports a disconnection.
  ResumeRequest run(std::vector<std::string> packets, const StopEvent& stop = {}, bool reportStop = false) {
    channel.sent.clear();
    channel.incoming.assign(packets.begin(), packets.end());
    return stub.serve(stop, reportStop);
  }
  // The one reply to `packet`.
  std::string ask(const std::string& packet) {
    const ResumeRequest r = run({packet});
    EXPECT_EQ(r.kind, ResumeRequest::Kind::Detach) << packet << " resumed the target";
    EXPECT_EQ(channel.sent.size(), 1u) << packet;
    return channel.sent.empty() ? "<nothing>" : channel.sent.back();
  }
  std::string hexOf(const std::string& text) { return hexEncode(text); }
  // qXfer reads of `object:read:annex:` in chunks of `chunk` bytes, starting at `offset`.
  std::string readXfer(const std::string& prefix, size_t chunk, size_t offset = 0) {
    std::string document;
    for (int guard = 0; guard < 100000; ++guard) {
      char args[64];
      std::snprintf(args, sizeof args, "%zx,%zx", offset, chunk);
      const std::string reply = ask(prefix + args);
      EXPECT_FALSE(reply.empty());
      if (reply.empty() || (reply[0] != 'm' && reply[0] != 'l')) return "<error " + reply + ">";
      EXPECT_LE(reply.size() - 1, chunk);
      document += reply.substr(1);
      offset += reply.size() - 1;
      if (reply[0] == 'l') return document;
    }
    return "<endless>";
  }

  FakeChannel channel;
  FakeTarget target;
  GdbStub stub{channel, target};
};

StopEvent stopOf(StopEvent::Cause cause, GdbSignal signal = GdbSignal::Trap) {
  StopEvent s;
  s.cause = cause;
  s.signal = signal;
  return s;
}

}  // namespace

// --- connection set-up -------------------------------------------------------------------------

TEST_F(GdbStubTest, QSupportedAdvertisesOurFeaturesAndIgnoresUnknownOnes) {
  const std::string reply =
      ask("qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+;fork-events+;xmlRegisters=i386;whatever?");
  EXPECT_NE(reply.find("PacketSize=4000"), std::string::npos) << reply;
  for (const char* feature : {"qXfer:features:read+", "qXfer:memory-map:read+", "QStartNoAckMode+", "swbreak+",
                              "hwbreak+", "vContSupported+"})
    EXPECT_NE(reply.find(feature), std::string::npos) << feature;
  EXPECT_EQ(ask("qSupported"), reply);
}

TEST_F(GdbStubTest, StartNoAckModeSwitchesTheChannel) {
  EXPECT_EQ(ask("QStartNoAckMode"), "OK");
  EXPECT_TRUE(channel.noAck);
}

TEST_F(GdbStubTest, ThreadQueries) {
  EXPECT_EQ(ask("qC"), "QC1");
  EXPECT_EQ(ask("qfThreadInfo"), "m1");
  EXPECT_EQ(ask("qsThreadInfo"), "l");
  EXPECT_EQ(ask("qAttached"), "1");
  EXPECT_EQ(ask("qAttached:1"), "1");
  EXPECT_EQ(ask("Hg0"), "OK");
  EXPECT_EQ(ask("Hc-1"), "OK");
  EXPECT_EQ(ask("Hgp1.1"), "OK");
  EXPECT_EQ(ask("T1"), "OK");
  EXPECT_EQ(ask("Tp1.1"), "OK");
  EXPECT_EQ(ask("T2"), "E01");
}

TEST_F(GdbStubTest, UnsupportedPacketsGetTheEmptyReply) {
  for (const char* packet : {"vMustReplyEmpty", "qOffsets", "qTStatus", "qSymbol::", "qCRC:0,4", "QNonStop:1", "!",
                             "vAttach;1", "vRun;", "qXfer:threads:read::0,100", "qXfer:features:write:a:0:x", "i", "bc",
                             "vCont", "Z5,1000,4", "Z9,0,0", "z7,0,0", "qHostInfo", ""})
    EXPECT_EQ(ask(packet), "") << packet;
}

TEST_F(GdbStubTest, VContQuery) { EXPECT_EQ(ask("vCont?"), "vCont;c;C;s;S"); }

// --- stop replies ------------------------------------------------------------------------------

TEST_F(GdbStubTest, QuestionMarkRepeatsTheLastStop) {
  run({"?"}, stopOf(StopEvent::Cause::None, GdbSignal::Int));
  ASSERT_EQ(channel.sent.size(), 1u);
  EXPECT_EQ(channel.sent[0], "T02thread:1;");
  run({"?"});
  EXPECT_EQ(channel.sent.back(), "T05thread:1;");
}

TEST_F(GdbStubTest, ReportStopSendsTheStopReplyFirst) {
  run({"qC"}, stopOf(StopEvent::Cause::None, GdbSignal::Segv), true);
  ASSERT_EQ(channel.sent.size(), 2u);
  EXPECT_EQ(channel.sent[0], "T0bthread:1;");
  EXPECT_EQ(channel.sent[1], "QC1");
}

TEST_F(GdbStubTest, StopRepliesForEveryCause) {
  ask("qSupported:swbreak+;hwbreak+");
  EXPECT_EQ(stub.stopReply(stopOf(StopEvent::Cause::None)), "T05thread:1;");
  EXPECT_EQ(stub.stopReply(stopOf(StopEvent::Cause::SwBreak)), "T05thread:1;swbreak:;");
  EXPECT_EQ(stub.stopReply(stopOf(StopEvent::Cause::HwBreak)), "T05thread:1;hwbreak:;");
  StopEvent watch = stopOf(StopEvent::Cause::Watch);
  watch.dataAddress = 0x2000abc0;
  watch.watchKind = WatchKind::Write;
  EXPECT_EQ(stub.stopReply(watch), "T05thread:1;watch:2000abc0;");
  watch.watchKind = WatchKind::Read;
  EXPECT_EQ(stub.stopReply(watch), "T05thread:1;rwatch:2000abc0;");
  watch.watchKind = WatchKind::Access;
  EXPECT_EQ(stub.stopReply(watch), "T05thread:1;awatch:2000abc0;");
  for (GdbSignal s :
       {GdbSignal::None, GdbSignal::Int, GdbSignal::Ill, GdbSignal::Bus, GdbSignal::Kill, GdbSignal::Segv}) {
    char expected[32];
    std::snprintf(expected, sizeof expected, "T%02xthread:1;", static_cast<int>(s));
    EXPECT_EQ(stub.stopReply(stopOf(StopEvent::Cause::None, s)), expected);
  }
}

TEST_F(GdbStubTest, BreakpointReasonsOnlyForADebuggerThatAskedForThem) {
  ask("qSupported:multiprocess+");
  EXPECT_EQ(stub.stopReply(stopOf(StopEvent::Cause::SwBreak)), "T05thread:1;");
  EXPECT_EQ(stub.stopReply(stopOf(StopEvent::Cause::HwBreak)), "T05thread:1;");
  ask("qSupported:hwbreak+");
  EXPECT_EQ(stub.stopReply(stopOf(StopEvent::Cause::SwBreak)), "T05thread:1;");
  EXPECT_EQ(stub.stopReply(stopOf(StopEvent::Cause::HwBreak)), "T05thread:1;hwbreak:;");
}

TEST_F(GdbStubTest, TargetExitedSendsW) {
  stub.targetExited(0);
  stub.targetExited(3);
  stub.targetExited(255);
  EXPECT_EQ(channel.sent, (std::vector<std::string>{"W00", "W03", "Wff"}));
}

// --- qXfer -------------------------------------------------------------------------------------

TEST_F(GdbStubTest, FeaturesReadInOneChunk) {
  EXPECT_EQ(ask("qXfer:features:read:target.xml:0,100000"), "l" + target.description);
}

TEST_F(GdbStubTest, FeaturesReadInOddChunks) {
  for (size_t chunk : {1u, 7u, 100u, 333u, 4095u})
    EXPECT_EQ(readXfer("qXfer:features:read:target.xml:", chunk), target.description);
  EXPECT_EQ(readXfer("qXfer:features:read:target.xml:", 97, 13), target.description.substr(13));
}

TEST_F(GdbStubTest, XferChunkBoundaries) {
  const std::string& doc = target.description;
  const size_t n = doc.size();
  char args[80];
  std::snprintf(args, sizeof args, "qXfer:features:read:target.xml:%zx,5", n - 5);
  EXPECT_EQ(ask(args), "l" + doc.substr(n - 5));  // the last bytes exactly: 'l'
  std::snprintf(args, sizeof args, "qXfer:features:read:target.xml:%zx,5", n - 6);
  EXPECT_EQ(ask(args), "m" + doc.substr(n - 6, 5));
  std::snprintf(args, sizeof args, "qXfer:features:read:target.xml:%zx,5", n);
  EXPECT_EQ(ask(args), "l");
  EXPECT_EQ(ask("qXfer:features:read:target.xml:ffffffffffff,10"), "l");
}

TEST_F(GdbStubTest, MemoryMapRead) {
  EXPECT_EQ(readXfer("qXfer:memory-map:read::", 61), target.memoryMap());
  EXPECT_NE(target.memoryMap().find("<property name=\"blocksize\">0x1000</property>"), std::string::npos);
}

TEST_F(GdbStubTest, XferErrors) {
  EXPECT_EQ(ask("qXfer:features:read:nosuch.xml:0,100"), "E00");
  EXPECT_EQ(ask("qXfer:features:read:target.xml:zz,100"), "E00");
  EXPECT_EQ(ask("qXfer:features:read:target.xml:0"), "E00");
  EXPECT_EQ(ask("qXfer:features:read:target.xml"), "E00");
  EXPECT_EQ(ask("qXfer:features:read"), "E00");
  EXPECT_EQ(ask("qXfer:memory-map:read:x:0,10"), "E00");
}

TEST_F(GdbStubTest, XferChunkKeepsWithinThePacketSizeOnceEscaped) {
  target.description = std::string(GdbStub::kPacketSize, '*');  // every byte doubles when escaped
  const std::string reply = ask("qXfer:features:read:target.xml:0,ffff");
  ASSERT_FALSE(reply.empty());
  EXPECT_EQ(reply[0], 'm');
  EXPECT_LE(rspEscapedSize(reply), GdbStub::kPacketSize);
  EXPECT_EQ(readXfer("qXfer:features:read:target.xml:", 0xffff), target.description);
}

// --- registers ---------------------------------------------------------------------------------

TEST_F(GdbStubTest, ReadAllRegistersInOrderLittleEndian) {
  const std::string reply = ask("g");
  ASSERT_EQ(reply.size(), 33u * 8);
  EXPECT_EQ(reply.substr(0, 8), "00000000");
  EXPECT_EQ(reply.substr(8, 8), "01100000");       // x1 = 0x1001
  EXPECT_EQ(reply.substr(32 * 8, 8), "20100000");  // pc = 0x1020
}

TEST_F(GdbStubTest, WriteAllRegistersRoundTrip) {
  std::string regs;
  for (unsigned r = 0; r <= 32; ++r) {
    char le[9];
    const uint32_t v = 0xa0b0c000 + r;
    std::snprintf(le, sizeof le, "%02x%02x%02x%02x", v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24);
    regs += le;
  }
  EXPECT_EQ(ask("G" + regs), "OK");
  EXPECT_EQ(target.registerValue(5), 0xa0b0c005u);
  EXPECT_EQ(target.registerValue(kPcRegnum), 0xa0b0c020u);
  EXPECT_EQ(target.registerValue(0), 0u);  // the target keeps x0 at zero
  std::string expected = regs;
  expected.replace(0, 8, "00000000");
  EXPECT_EQ(ask("g"), expected);
}

TEST_F(GdbStubTest, WriteAllRegistersRejectsWrongSizes) {
  const std::string good(33 * 8, '1');
  EXPECT_EQ(ask("G" + good.substr(8)), "E01");
  EXPECT_EQ(ask("G" + good + "11"), "E01");
  EXPECT_EQ(ask("G" + good.substr(1)), "E01");
  EXPECT_EQ(ask("G" + std::string(33 * 8, 'z')), "E01");
  EXPECT_EQ(target.registerValue(1), 0x1001u);  // nothing was written
}

TEST_F(GdbStubTest, ReadAndWriteOneRegister) {
  EXPECT_EQ(ask("p20"), "20100000");  // pc
  EXPECT_EQ(ask("p" + std::to_string(0)), "00000000");
}

TEST_F(GdbStubTest, RegisterNumbersOfCsrs) {
  char packet[16];
  std::snprintf(packet, sizeof packet, "p%x", riscvCsrRegnum(0x300));
  EXPECT_EQ(ask(packet), "00040000");  // 0x100 + 0x300
  std::snprintf(packet, sizeof packet, "P%x=78563412", riscvCsrRegnum(0x341));
  EXPECT_EQ(ask(packet), "OK");
  EXPECT_EQ(target.registerValue(riscvCsrRegnum(0x341)), 0x12345678u);
  std::snprintf(packet, sizeof packet, "p%x", riscvFpRegnum(0));
  EXPECT_EQ(ask(packet), "0000803f");
}

TEST_F(GdbStubTest, WriteOneRegister) {
  EXPECT_EQ(ask("P5=efbeadde"), "OK");
  EXPECT_EQ(target.registerValue(5), 0xdeadbeefu);
  EXPECT_EQ(ask("p5"), "efbeadde");
}

TEST_F(GdbStubTest, RegisterErrors) {
  EXPECT_EQ(ask("p"), "E01");
  EXPECT_EQ(ask("pzz"), "E01");
  EXPECT_EQ(ask("p1000"), "E01");       // no such register
  EXPECT_EQ(ask("p100000000"), "E01");  // beyond unsigned
  EXPECT_EQ(ask("p" + std::string(5000, 'f')), "E01");
  EXPECT_EQ(ask("P5"), "E01");
  EXPECT_EQ(ask("P5=1234"), "E01");  // wrong size
  EXPECT_EQ(ask("P5=efbeaddeff"), "E01");
  EXPECT_EQ(ask("P5=zzzzzzzz"), "E01");
  EXPECT_EQ(ask("P=00000000"), "E01");
  EXPECT_EQ(ask("P1000=00000000"), "E01");
  EXPECT_EQ(target.registerValue(5), 0x1005u);
}

// --- memory ------------------------------------------------------------------------------------

TEST_F(GdbStubTest, ReadMemory) {
  for (int i = 0; i < 8; ++i) target.ram[0x100 + i] = static_cast<uint8_t>(0xa0 + i);
  EXPECT_EQ(ask("m100,4"), "a0a1a2a3");
  EXPECT_EQ(ask("m102,3"), "a2a3a4");
  EXPECT_EQ(ask("m60000000,2"), "ffff");
}

TEST_F(GdbStubTest, ReadMemoryGivesTheReadablePrefix) {
  target.ram[0xfffe] = 0x12;
  target.ram[0xffff] = 0x34;
  EXPECT_EQ(ask("mfffe,8"), "1234");
  EXPECT_EQ(ask("m10000,4"), "E01");
  EXPECT_EQ(ask("m50000000,1"), "E01");
}

TEST_F(GdbStubTest, ReadMemoryLongerThanAPacketIsShortened) {
  const std::string reply = ask("m0,10000");
  EXPECT_EQ(reply.size(), GdbStub::kPacketSize);
  EXPECT_EQ(ask("m0,ffffffffffffffff").size(), GdbStub::kPacketSize);
}

TEST_F(GdbStubTest, WriteMemoryHex) {
  EXPECT_EQ(ask("M200,4:deadbeef"), "OK");
  EXPECT_EQ(target.ram[0x200], 0xde);
  EXPECT_EQ(target.ram[0x203], 0xef);
  EXPECT_EQ(ask("m200,4"), "deadbeef");
  EXPECT_EQ(ask("M200,0:"), "OK");
  EXPECT_EQ(ask("Mfffe,4:01020304"), "E01");  // runs past the end of RAM
  EXPECT_EQ(ask("M60000000,1:00"), "E01");    // flash: not writable this way
}

TEST_F(GdbStubTest, WriteMemoryBinaryWithEscapedBytes) {
  // The channel hands the stub unescaped data; send it through the codec to be sure.
  const std::string data("\x00$#}*\x03\xff\x7d", 8);
  RspDecoder decoder;
  const std::string framed = rspFrame("X300,8:" + data);
  decoder.feed(framed.data(), framed.size());
  auto event = decoder.next();
  ASSERT_TRUE(event && event->checksumOk);
  EXPECT_EQ(ask(event->payload), "OK");
  EXPECT_EQ(std::string(target.ram.begin() + 0x300, target.ram.begin() + 0x308), data);
}

TEST_F(GdbStubTest, BinaryWriteProbe) { EXPECT_EQ(ask("X0,0:"), "OK"); }

TEST_F(GdbStubTest, MemoryErrors) {
  for (const char* packet :
       {"m", "m zz", "mzz,4", "m100", "m100,", "m,4", "m100,zz", "M100,4", "M100,4:dead", "M100,2:zzzz",
        "M100,2:deadbeef", "X1000,4:ab", "X1000,1:abc", "X1000", "Xzz,1:a", "X1000,4"})
    EXPECT_EQ(ask(packet), "E01") << packet;
  EXPECT_EQ(ask("m" + std::string(100000, '1') + ",4"), "E01");
}

// --- breakpoints and watchpoints ---------------------------------------------------------------

TEST_F(GdbStubTest, BreakpointsReachTheTarget) {
  EXPECT_EQ(ask("Z0,1000,4"), "OK");
  EXPECT_EQ(ask("z0,1000,4"), "OK");
  EXPECT_EQ(ask("Z1,2002,2"), "OK");
  EXPECT_EQ(ask("z1,2002,2"), "OK");
  EXPECT_EQ(ask("Z0,1004,4;X3,220027"), "OK");  // a condition list is ignored
  ASSERT_EQ(target.breakpointCalls.size(), 5u);
  const auto& c = target.breakpointCalls;
  EXPECT_TRUE(c[0].insert && c[0].address == 0x1000 && !c[0].hardware);
  EXPECT_TRUE(!c[1].insert && c[1].address == 0x1000 && !c[1].hardware);
  EXPECT_TRUE(c[2].insert && c[2].address == 0x2002 && c[2].hardware);
  EXPECT_TRUE(!c[3].insert && c[3].address == 0x2002 && c[3].hardware);
  EXPECT_TRUE(c[4].insert && c[4].address == 0x1004);
}

TEST_F(GdbStubTest, WatchpointsReachTheTarget) {
  EXPECT_EQ(ask("Z2,20000000,4"), "OK");
  EXPECT_EQ(ask("Z3,20000010,2"), "OK");
  EXPECT_EQ(ask("Z4,20000020,1"), "OK");
  EXPECT_EQ(ask("z4,20000020,1"), "OK");
  ASSERT_EQ(target.watchpointCalls.size(), 4u);
  const auto& w = target.watchpointCalls;
  EXPECT_TRUE(w[0].insert && w[0].address == 0x20000000 && w[0].length == 4 && w[0].kind == WatchKind::Write);
  EXPECT_TRUE(w[1].insert && w[1].address == 0x20000010 && w[1].length == 2 && w[1].kind == WatchKind::Read);
  EXPECT_TRUE(w[2].insert && w[2].address == 0x20000020 && w[2].length == 1 && w[2].kind == WatchKind::Access);
  EXPECT_TRUE(!w[3].insert && w[3].kind == WatchKind::Access);
}

TEST_F(GdbStubTest, RefusedBreakpointIsAnError) {
  target.refuse = true;
  EXPECT_EQ(ask("Z0,1000,4"), "E01");
  EXPECT_EQ(ask("Z2,1000,4"), "E01");
}

TEST_F(GdbStubTest, MalformedBreakpoints) {
  for (const char* packet : {"Z", "Z0", "Z0,", "Z0,1000", "Zx,1000,4", "Z0,zz,4", "Z0,1000,zz", "z0,,4"})
    EXPECT_EQ(ask(packet), "E01") << packet;
  EXPECT_TRUE(target.breakpointCalls.empty());
}

// --- monitor -----------------------------------------------------------------------------------

TEST_F(GdbStubTest, MonitorOutputAsHexConsolePackets) {
  run({"qRcmd," + hexOf("help")});
  ASSERT_EQ(channel.sent.size(), 2u);
  EXPECT_EQ(channel.sent[0], "O" + hexOf("reset  -- reset the board\nhelp   -- this text\n"));
  EXPECT_EQ(channel.sent[1], "OK");
  EXPECT_EQ(target.monitorCommands, std::vector<std::string>{"help"});
}

TEST_F(GdbStubTest, MonitorWithoutOutputJustSaysOk) {
  run({"qRcmd," + hexOf("reset")});
  EXPECT_EQ(channel.sent, std::vector<std::string>{"OK"});
}

TEST_F(GdbStubTest, LongMonitorOutputIsSplit) {
  run({"qRcmd," + hexOf("long")});
  ASSERT_GE(channel.sent.size(), 3u);
  EXPECT_EQ(channel.sent.back(), "OK");
  std::string text;
  for (size_t i = 0; i + 1 < channel.sent.size(); ++i) {
    ASSERT_EQ(channel.sent[i][0], 'O');
    EXPECT_LE(channel.sent[i].size(), GdbStub::kPacketSize);
    std::string part;
    ASSERT_TRUE(hexDecode(channel.sent[i].substr(1), part));
    text += part;
  }
  EXPECT_EQ(text, std::string(20000, 'x') + "\n");
}

TEST_F(GdbStubTest, UnknownMonitorCommandIsExplained) {
  run({"qRcmd," + hexOf("frobnicate 3")});
  ASSERT_EQ(channel.sent.size(), 2u);
  std::string text;
  ASSERT_TRUE(hexDecode(channel.sent[0].substr(1), text));
  EXPECT_NE(text.find("unknown monitor command 'frobnicate 3'"), std::string::npos) << text;
  EXPECT_EQ(channel.sent[1], "OK");
}

TEST_F(GdbStubTest, MalformedMonitorCommand) {
  EXPECT_EQ(ask("qRcmd,zz"), "E01");
  EXPECT_EQ(ask("qRcmd,123"), "E01");
  EXPECT_TRUE(target.monitorCommands.empty());
}

// --- flash -------------------------------------------------------------------------------------

TEST_F(GdbStubTest, FlashEraseWriteDone) {
  EXPECT_EQ(ask("vFlashErase:60001000,2000"), "OK");
  const std::string data("\x13\x00\x00\x00$#}*", 8);
  EXPECT_EQ(ask("vFlashWrite:60001000:" + data), "OK");
  EXPECT_EQ(ask("vFlashDone"), "OK");
  ASSERT_EQ(target.erases.size(), 1u);
  EXPECT_EQ(target.erases[0], std::make_pair(uint64_t{0x60001000}, uint64_t{0x2000}));
  ASSERT_EQ(target.flashWrites.size(), 1u);
  EXPECT_EQ(target.flashWrites[0].address, 0x60001000u);
  EXPECT_EQ(std::string(target.flashWrites[0].data.begin(), target.flashWrites[0].data.end()), data);
  EXPECT_EQ(target.flashDoneCalls, 1);
  EXPECT_EQ(ask("m60001000,4"), "13000000");
}

TEST_F(GdbStubTest, FlashErrors) {
  EXPECT_EQ(ask("vFlashErase:60000800,1000"), "E01");  // the target refuses (not block aligned)
  EXPECT_EQ(ask("vFlashErase:60000000"), "E01");
  EXPECT_EQ(ask("vFlashErase:zz,1000"), "E01");
  EXPECT_EQ(ask("vFlashWrite:10:abcd"), "E01");  // not flash
  EXPECT_EQ(ask("vFlashWrite:60000000"), "E01");
  EXPECT_EQ(ask("vFlashWrite:zz:ab"), "E01");
}

// --- resuming and ending -----------------------------------------------------------------------

TEST_F(GdbStubTest, ContinueAndStep) {
  ResumeRequest r = run({"c"});
  EXPECT_EQ(r.kind, ResumeRequest::Kind::Continue);
  EXPECT_EQ(r.signal, GdbSignal::None);
  EXPECT_TRUE(channel.sent.empty());  // the stop reply comes with the next serve()
  r = run({"s"});
  EXPECT_EQ(r.kind, ResumeRequest::Kind::Step);
  r = run({"C0b"});
  EXPECT_EQ(r.kind, ResumeRequest::Kind::Continue);
  EXPECT_EQ(r.signal, GdbSignal::Segv);
  r = run({"S04"});
  EXPECT_EQ(r.kind, ResumeRequest::Kind::Step);
  EXPECT_EQ(r.signal, GdbSignal::Ill);
}

TEST_F(GdbStubTest, PacketsBeforeTheResumeAreAnswered) {
  const ResumeRequest r = run({"qC", "m0,1", "vCont;s:1;c"});
  EXPECT_EQ(r.kind, ResumeRequest::Kind::Step);
  EXPECT_EQ(channel.sent, (std::vector<std::string>{"QC1", "00"}));
}

TEST_F(GdbStubTest, VCont) {
  struct Case {
    const char* packet;
    ResumeRequest::Kind kind;
    GdbSignal signal;
  } cases[] = {
      {"vCont;c", ResumeRequest::Kind::Continue, GdbSignal::None},
      {"vCont;s", ResumeRequest::Kind::Step, GdbSignal::None},
      {"vCont;c:1", ResumeRequest::Kind::Continue, GdbSignal::None},
      {"vCont;s:1;c", ResumeRequest::Kind::Step, GdbSignal::None},
      {"vCont;s:p1.1;c", ResumeRequest::Kind::Step, GdbSignal::None},
      {"vCont;s:-1", ResumeRequest::Kind::Step, GdbSignal::None},
      {"vCont;C05", ResumeRequest::Kind::Continue, GdbSignal::Trap},
      {"vCont;S0b:1", ResumeRequest::Kind::Step, GdbSignal::Segv},
      {"vCont;s:2;c", ResumeRequest::Kind::Continue, GdbSignal::None},  // s is for another thread
  };
  for (const Case& c : cases) {
    const ResumeRequest r = run({c.packet});
    EXPECT_EQ(r.kind, c.kind) << c.packet;
    EXPECT_EQ(r.signal, c.signal) << c.packet;
    EXPECT_TRUE(channel.sent.empty()) << c.packet;
  }
}

TEST_F(GdbStubTest, MalformedResumes) {
  for (const char* packet : {"vCont;", "vCont;x", "vCont;t", "vCont;r1000,2000", "vCont;cc", "vCont;Czz", "vCont;C",
                             "vCont;C100", "vCont;s:2", "Czz", "C", "S", "C05;1000", "c1000", "s1000", "C1ff"})
    EXPECT_EQ(ask(packet), "E01") << packet;
}

TEST_F(GdbStubTest, DetachKillDisconnect) {
  ResumeRequest r = run({"D"});
  EXPECT_EQ(r.kind, ResumeRequest::Kind::Detach);
  EXPECT_EQ(channel.sent, std::vector<std::string>{"OK"});
  r = run({"D;1"});
  EXPECT_EQ(r.kind, ResumeRequest::Kind::Detach);
  EXPECT_EQ(channel.sent, std::vector<std::string>{"OK"});

  r = run({"k", "qC"});
  EXPECT_EQ(r.kind, ResumeRequest::Kind::Kill);
  EXPECT_TRUE(channel.sent.empty());
  EXPECT_EQ(channel.incoming.size(), 1u);  // serve() stopped reading at the kill

  r = run({"vKill;1"});
  EXPECT_EQ(r.kind, ResumeRequest::Kind::Kill);
  EXPECT_EQ(channel.sent, std::vector<std::string>{"OK"});

  r = run({});
  EXPECT_EQ(r.kind, ResumeRequest::Kind::Detach);
  EXPECT_TRUE(channel.sent.empty());
}

TEST_F(GdbStubTest, VeryLongAndBinaryGarbagePacketsNeverCrash) {
  std::vector<std::string> packets = {std::string(70000, 'm'),
                                      std::string(70000, 'Z'),
                                      "M" + std::string(70000, '1'),
                                      "X" + std::string(70000, ','),
                                      "qXfer:" + std::string(70000, ':'),
                                      "vCont;" + std::string(70000, ';'),
                                      "qRcmd," + std::string(70001, 'a'),
                                      "P" + std::string(70000, '='),
                                      "G" + std::string(70001, '0')};
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 131) & 0xff);
  for (char c : std::string("?qQvgGpPmMXZzcCsSDkHT")) packets.push_back(std::string(1, c) + binary);
  for (const auto& packet : packets) {
    const ResumeRequest r = run({packet});
    // Some of these are resumes or detaches; what matters is that every one gets a sane answer.
    (void)r;
    for (const auto& reply : channel.sent) EXPECT_LE(reply.size(), GdbStub::kPacketSize + 1);
  }
}
