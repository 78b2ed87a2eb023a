// The NPU front end driven through TLM as firmware drives it: registers, data ports, rounds,
// pause/continue, IRQ, FIFO window, DMA, array operations and trim reads, model errors.
#include <gtest/gtest.h>

#include "NpuTestbench.h"
#include "npu/GoldenArithmetic.h"
#include "npu/RoundDecoder.h"
#include "npu/frontend/NpuBoardSetup.h"
#include "npu/mapper/LayerTrace.h"
#include "npu/mapper/MapperOutput.h"

// libsystemc refers to sc_main; GoogleTest provides main().
int sc_main(int, char**) { return 0; }

using namespace npu_test;
using wtm::npu::ActivationLut;
using wtm::npu::LutSelect;
using wtm::npu::RoundConfig;
using wtm::npu::TrimImage;

namespace {

void runScenario(Testbench::Scenario s) { ASSERT_TRUE(bench().run(std::move(s))) << "scenario blocked"; }

RoundConfig mvRound(int rs, int re, int cs, int ce, int zs, int ze, int gainCode, LutSelect lut, int in, int out) {
  RoundConfig r;
  r.gainCode = gainCode;
  r.systemFlag = true;
  r.lut = lut;
  r.biasStart = zs;
  r.biasEnd = ze;
  r.columnStart = cs;
  r.columnEnd = ce;
  r.outputAddr = out;
  r.rowStart = rs;
  r.rowEnd = re;
  r.inputAddr = in;
  r.inputEndAddr = in + (re - rs);
  r.mirrorRowStart = rs;
  r.mirrorRowEnd = re;
  r.words = wtm::npu::encodeRound(r);
  return r;
}

std::vector<std::uint32_t> wordsOf(const RoundConfig& r, bool pause) {
  auto w = wtm::npu::encodeRound(r);
  if (pause) w[3] |= 1u;
  return w;
}

// A small programmed layer: rows 0..7, columns 128..131, bias row 0, weights i - 3*j.
void programSmallLayer(NpuDevice& npu, const RoundConfig& r) {
  npu.array().clear();
  for (int i = r.rowStart; i <= r.rowEnd; ++i)
    for (int c = r.columnStart; c <= r.columnEnd; ++c) npu.array().setWeight(i, c, (i * 5 - c % 7 * 3) % 40);
  for (int z = r.biasStart; z <= r.biasEnd; ++z)
    for (int c = r.columnStart; c <= r.columnEnd; ++c) npu.array().setBias(z, c, (c % 3) - 1);
  npu.flash().layers = {{r.columnStart, r.columnEnd, r.rowStart, r.rowEnd, r.biasStart, r.biasEnd, r.gain()}};
  npu.useIdeal();
}

std::vector<std::uint8_t> golden(const NpuDevice& npu, const RoundConfig& r, const std::vector<std::uint8_t>& x,
                                 const ActivationLut* lut) {
  std::vector<std::uint8_t> y;
  for (int c = r.columnStart; c <= r.columnEnd; ++c) {
    const int pre = wtm::npu::postProcess(
        wtm::npu::referenceColumnSum(const_cast<NpuDevice&>(npu).array(), r, x.data(), c), r.gain());
    y.push_back(lut ? (*lut)[static_cast<std::uint8_t>(pre)] : static_cast<std::uint8_t>(pre));
  }
  return y;
}

ActivationLut squareLut() {
  ActivationLut t{};
  for (int i = 0; i < 256; ++i) t[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(i * 7 + 3);
  return t;
}

}  // namespace

TEST(NpuDevice, ChipIdStorageAndByteLanes) {
  runScenario([](Testbench& tb) {
    EXPECT_EQ(tb.r16(regs::CHIP_ID), 0x00A8u);
    tb.w16(regs::CHIP_ID, 0x1234);  // read-only
    EXPECT_EQ(tb.r16(regs::CHIP_ID), 0x00A8u);
    // The analog timing block is plain storage that reads back.
    tb.w16(0x254, 300);
    tb.w16(0x0D2, 220);
    EXPECT_EQ(tb.r16(0x254), 300u);
    EXPECT_EQ(tb.r16(0x0D2), 220u);
    // Byte stores merge into their halfword; byte loads (the engine's dummy reads of 0x34/0x35).
    tb.w16(regs::ANALOG_CFG, 0x3814);
    tb.w8(regs::ANALOG_CFG, 0x24);
    EXPECT_EQ(tb.r16(regs::ANALOG_CFG), 0x3824u);
    tb.w8(regs::ANALOG_CFG + 1, 0x55);
    EXPECT_EQ(tb.r16(regs::ANALOG_CFG), 0x5524u);
    EXPECT_EQ(tb.r8(regs::ANALOG_CFG + 1), 0x55u);
    // 32-bit access = two registers.
    tb.w32(0x300, 0xBEEF1234);
    EXPECT_EQ(tb.r16(0x300), 0x1234u);
    EXPECT_EQ(tb.r16(0x302), 0xBEEFu);
    // INT_STATUS is read-only; nothing is pending after reset.
    tb.w16(regs::INT_STATUS, 0xFFFF);
    EXPECT_EQ(tb.r16(regs::INT_STATUS), 0u);
  });
}

TEST(NpuDevice, RegfilePortLanesAndAutoIncrement) {
  runScenario([](Testbench& tb) {
    std::vector<std::uint8_t> data(800);
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i * 13 + 1);
    tb.writeRegfile(3458, data);  // 3458 mod 4 = 2: head bytes on lanes 2 and 3
    for (int i = 0; i < 800; ++i) ASSERT_EQ(tb.npu.regfileByte(3458 + i), data[static_cast<std::size_t>(i)]) << i;
    EXPECT_EQ(tb.npu.regfileByte(3457), 0);
    EXPECT_EQ(tb.npu.regfileByte(4258), 0);
    EXPECT_EQ(tb.readRegfile(3458, 800), data);
    // 32-bit reads are little-endian: lowest address in bits 7:0.
    tb.w16(regs::REGFILE_ADDR, 3460);
    tb.w16(regs::ACCESS_MODE, regs::ACCESS_MODE_REGFILE_READ.mask());
    EXPECT_EQ(tb.r32(regs::REGFILE_DATA),
              std::uint32_t(data[2]) | (data[3] << 8) | (data[4] << 16) | (std::uint32_t(data[5]) << 24));
    EXPECT_EQ(tb.r32(regs::REGFILE_DATA) & 0xFF, data[6]);
    tb.w16(regs::ACCESS_MODE, 0);
    EXPECT_EQ(tb.npu.vbError(), 0u);
  });
}

TEST(NpuDevice, PortOutsideItsModeIsIgnoredAndFlagged) {
  runScenario([](Testbench& tb) {
    tb.w16(regs::REGFILE_ADDR, 16);
    tb.w32(regs::REGFILE_DATA, 0xAABBCCDD);  // ACCESS_MODE = 0
    EXPECT_EQ(tb.npu.regfileByte(16), 0);
    EXPECT_TRUE(tb.npu.vbError() & regs::VB_ERROR_PORT_MODE.mask());
    EXPECT_EQ(tb.r16(regs::VB_ERROR), tb.npu.vbError());
    tb.w16(regs::VB_ERROR, 0);
    EXPECT_EQ(tb.npu.vbError(), 0u);
    tb.w16(regs::LUT_SEL, 1);
    tb.w32(regs::LUT2_DATA, 0x01020304);  // slot 2 port while slot 1 is selected
    EXPECT_TRUE(tb.npu.vbError() & regs::VB_ERROR_PORT_MODE.mask());
  });
}

TEST(NpuDevice, RoundSramPortWritesAndReadsBack) {
  runScenario([](Testbench& tb) {
    std::vector<std::uint32_t> words;
    for (std::uint32_t i = 0; i < 12; ++i) words.push_back(0x11111111u * (i + 1));
    tb.writeRoundSram(250, words);  // wraps past entry 255
    for (int i = 0; i < 12; ++i) EXPECT_EQ(tb.npu.roundSramWord((500 + i) % 512), words[static_cast<std::size_t>(i)]);
    tb.w16(regs::ROUND_CFG_ADDR, 250);
    tb.w16(regs::ACCESS_MODE, regs::ACCESS_MODE_ROUND_READ.mask());
    for (std::uint32_t w : words) EXPECT_EQ(tb.r32(regs::ROUND_CFG_DATA), w);
    tb.w16(regs::ACCESS_MODE, 0);
  });
}

TEST(NpuDevice, LutStreamsFillBothSlots) {
  runScenario([](Testbench& tb) {
    ActivationLut a = squareLut(), b{};
    for (int i = 0; i < 256; ++i) b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(255 - i);
    tb.writeLut(1, a);
    tb.writeLut(2, b);
    EXPECT_EQ(tb.npu.lutSlot(1), a);
    EXPECT_EQ(tb.npu.lutSlot(2), b);
  });
}

TEST(NpuDevice, OneRoundComputesGoldenOutputAfterItsLatency) {
  runScenario([](Testbench& tb) {
    const auto before = tb.npu.stats();  // the counters run on across resets
    const RoundConfig r = mvRound(0, 7, 128, 131, 0, 1, 0, LutSelect::Slot1, 100, 300);
    programSmallLayer(tb.npu, r);
    const std::vector<std::uint8_t> x = {0, 1, 2, 50, 100, 200, 255, 7};
    tb.writeRegfile(100, x);
    tb.writeRoundSram(3, wordsOf(r, false));
    const ActivationLut lut = squareLut();
    tb.writeLut(1, lut);
    tb.w16(regs::ROUND_START, 3);
    tb.w16(regs::ROUND_RANGE, 1);  // rounds 0..0
    const sc_time t0 = sc_core::sc_time_stamp();
    tb.w16(regs::ROUND_START, tb.r16(regs::ROUND_START) | regs::ROUND_START_START.mask());
    EXPECT_EQ(tb.r16(regs::ROUND_START), regs::ROUND_START_START.mask() | 3u);  // busy, entry 3 kept
    const double latency = wtm::npu::roundLatency(r, 24e6, [](std::uint32_t) { return std::uint16_t{0}; }).total();
    tb.wait(sc_time(latency * 0.9, sc_core::SC_SEC));
    EXPECT_EQ(tb.r16(regs::INT_STATUS), 0u);
    ASSERT_TRUE(tb.waitFor(regs::INT_STATUS, regs::INT_STATUS_ALL_ROUND_DONE.mask()));
    const double done = (sc_core::sc_time_stamp() - t0).to_seconds();
    EXPECT_GE(done, latency);
    EXPECT_LE(done, latency + 2e-6);
    EXPECT_EQ(tb.r16(regs::INT_STATUS),
              regs::INT_STATUS_CUR_ROUND_DONE.mask() | regs::INT_STATUS_ALL_ROUND_DONE.mask());
    EXPECT_EQ(tb.r16(regs::ROUND_START), 3u);  // idle, entry kept
    EXPECT_EQ(tb.readRegfile(300, 4), golden(tb.npu, r, x, &lut));
    tb.w16(regs::INT_CLR, 0xFFFF);
    EXPECT_EQ(tb.r16(regs::INT_STATUS), 0u);
    EXPECT_EQ(tb.npu.vbError(), 0u);
    EXPECT_EQ(tb.npu.stats().rounds - before.rounds, 1u);
  });
}

TEST(NpuDevice, PausesBetweenRoundsAndContinuesWithTheNewLut) {
  runScenario([](Testbench& tb) {
    const auto before = tb.npu.stats();  // the counters run on across resets
    const RoundConfig r0 = mvRound(0, 7, 128, 131, 0, 1, 0, LutSelect::Slot1, 100, 300);
    const RoundConfig r1 = mvRound(0, 7, 128, 131, 0, 1, 0, LutSelect::Slot1, 100, 400);
    programSmallLayer(tb.npu, r0);
    const std::vector<std::uint8_t> x = {9, 8, 7, 6, 5, 4, 3, 2};
    tb.writeRegfile(100, x);
    auto words = wordsOf(r0, true);
    const auto w1 = wordsOf(r1, false);
    words.insert(words.end(), w1.begin(), w1.end());
    tb.writeRoundSram(0, words);
    const ActivationLut first = wtm::npu::identityLut(), second = squareLut();
    tb.writeLut(1, first);
    tb.w16(regs::INT_MASK, regs::INT_STATUS_ALL_ROUND_DONE.mask());
    tb.w16(regs::ROUND_RANGE, 2);
    tb.w16(regs::ROUND_START, regs::ROUND_START_START.mask());
    ASSERT_TRUE(tb.waitFor(regs::PAUSE, regs::PAUSE_PAUSED.mask()));
    EXPECT_EQ(tb.r16(regs::INT_STATUS), regs::INT_STATUS_CUR_ROUND_DONE.mask());  // this round done, not all
    EXPECT_FALSE(tb.irq.read());                                                  // only ALL_ROUND_DONE is enabled
    EXPECT_EQ(tb.readRegfile(300, 4), golden(tb.npu, r0, x, &first));
    tb.w16(regs::INT_CLR, 0xFFFF);
    tb.w16(regs::PAUSE, regs::PAUSE_ACK.mask());
    EXPECT_EQ(regs::PAUSE_PAUSED.get(tb.r16(regs::PAUSE)), 0u);
    tb.wait(sc_time(200, SC_US));  // stays paused until continue
    EXPECT_EQ(tb.r16(regs::INT_STATUS), 0u);
    tb.writeLut(1, second);
    tb.w16(regs::CTRL, regs::CTRL_CONTINUE.mask());
    EXPECT_EQ(tb.r16(regs::CTRL), 0u);  // pulse
    ASSERT_TRUE(tb.waitFor(regs::INT_STATUS, regs::INT_STATUS_ALL_ROUND_DONE.mask()));
    tb.settle();
    EXPECT_TRUE(tb.irq.read());
    EXPECT_EQ(tb.readRegfile(400, 4), golden(tb.npu, r1, x, &second));
    tb.w16(regs::INT_CLR, 0xFFFF);
    tb.settle();
    EXPECT_FALSE(tb.irq.read());
    EXPECT_EQ(tb.npu.stats().rounds - before.rounds, 2u);
    EXPECT_EQ(tb.npu.stats().inferences - before.inferences, 1u);
  });
}

TEST(NpuDevice, IrqRisesAtCompletionTimeWithoutPolling) {
  runScenario([](Testbench& tb) {
    const RoundConfig r = mvRound(0, 7, 128, 131, 0, 1, 0, LutSelect::None, 100, 300);
    programSmallLayer(tb.npu, r);
    tb.writeRoundSram(0, wordsOf(r, false));
    tb.w16(regs::INT_MASK, regs::INT_STATUS_ALL_ROUND_DONE.mask());
    tb.w16(regs::ROUND_RANGE, 1);
    const sc_time t0 = sc_core::sc_time_stamp();
    tb.w16(regs::ROUND_START, regs::ROUND_START_START.mask());
    EXPECT_FALSE(tb.irq.read());
    tb.wait(tb.irq.posedge_event());  // no register access until the IRQ (a wfi)
    const double latency = wtm::npu::roundLatency(r, 24e6, [](std::uint32_t) { return std::uint16_t{0}; }).total();
    EXPECT_NEAR((sc_core::sc_time_stamp() - t0).to_seconds(), latency, 1e-9);
    EXPECT_EQ(tb.r16(regs::INT_STATUS),
              regs::INT_STATUS_CUR_ROUND_DONE.mask() | regs::INT_STATUS_ALL_ROUND_DONE.mask());
  });
}

TEST(NpuDevice, FifoWindowKeepsTheLastFramesInOrder) {
  runScenario([](Testbench& tb) {
    tb.w16(regs::FIFO_CFG, regs::FIFO_CFG_EN.mask() | regs::FIFO_CFG_DEPTH_M1.set(0, 7));  // 8-byte FIFO at 7168
    std::vector<std::uint8_t> frames;
    for (int i = 0; i < 12; ++i) frames.push_back(static_cast<std::uint8_t>(10 + i));
    tb.writeRegfile(7168, std::vector<std::uint8_t>(frames.begin(), frames.begin() + 4));
    tb.writeRegfile(7168, std::vector<std::uint8_t>(frames.begin() + 4, frames.begin() + 8));
    tb.writeRegfile(7168, std::vector<std::uint8_t>(frames.begin() + 8, frames.end()));
    for (int a = 0; a < 8; ++a) EXPECT_EQ(tb.npu.regfileByte(7168 + a), frames[static_cast<std::size_t>(4 + a)]) << a;
    EXPECT_EQ(tb.readRegfile(7168, 8), std::vector<std::uint8_t>(frames.begin() + 4, frames.end()));
    // A round reading the window sees the frames linearly, oldest first.
    const RoundConfig r = mvRound(0, 7, 128, 131, 0, 1, 0, LutSelect::None, 7168, 300);
    programSmallLayer(tb.npu, r);
    tb.writeRoundSram(0, wordsOf(r, false));
    tb.w16(regs::ROUND_RANGE, 1);
    tb.w16(regs::ROUND_START, regs::ROUND_START_START.mask());
    ASSERT_TRUE(tb.waitFor(regs::INT_STATUS, regs::INT_STATUS_ALL_ROUND_DONE.mask()));
    EXPECT_EQ(tb.readRegfile(300, 4),
              golden(tb.npu, r, std::vector<std::uint8_t>(frames.begin() + 4, frames.end()), nullptr));
    // Outside the window the regfile stays plain.
    tb.writeRegfile(7000, {1, 2, 3});
    EXPECT_EQ(tb.readRegfile(7000, 3), (std::vector<std::uint8_t>{1, 2, 3}));
  });
}

TEST(NpuDevice, DmaMovesBytesBothWaysAndSetsOnlyDmaDone) {
  runScenario([](Testbench& tb) {
    const auto before = tb.npu.stats();  // the counters run on across resets
    for (int i = 0; i < 64; ++i)
      tb.memory.bytes[0x1000 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(200 - i);
    tb.w16(regs::DMA_S2N_SRC_HI, 0x3000);
    tb.w16(regs::DMA_S2N_SRC_LO, 0x1000);
    tb.w16(regs::DMA_S2N_DST, 102);
    tb.w16(regs::DMA_S2N_LEN, 63);
    tb.w16(regs::DMA_CMD, 4);
    tb.w16(regs::DMA_CTRL, 1);
    tb.w16(regs::DMA_CTRL, 0);
    ASSERT_TRUE(tb.waitFor(regs::INT_STATUS, regs::INT_STATUS_DMA_DONE.mask()));
    EXPECT_EQ(tb.r16(regs::INT_STATUS), regs::INT_STATUS_DMA_DONE.mask());  // SDK npu.c waits for exactly this value
    for (int i = 0; i < 64; ++i) EXPECT_EQ(tb.npu.regfileByte(102 + i), 200 - i);
    tb.w16(regs::INT_CLR, 0xFFFF);
    tb.w16(regs::DMA_CMD, 0);
    // Back out to another place.
    tb.w16(regs::DMA_N2S_SRC, 102);
    tb.w16(regs::DMA_N2S_DST_HI, 0x3004);
    tb.w16(regs::DMA_N2S_DST_LO, 0x8000);
    tb.w16(regs::DMA_N2S_LEN, 63);
    tb.w16(regs::DMA_CMD, 8);
    tb.w16(regs::DMA_CTRL, 1);
    tb.w16(regs::DMA_CTRL, 0);
    ASSERT_TRUE(tb.waitFor(regs::INT_STATUS, regs::INT_STATUS_DMA_DONE.mask()));
    for (int i = 0; i < 64; ++i) EXPECT_EQ(tb.memory.bytes[0x48000 + static_cast<std::size_t>(i)], 200 - i);
    EXPECT_EQ(tb.npu.stats().dmaBytes - before.dmaBytes, 128u);
    // A source outside memory: DMA_ERROR and DMA_DONE, never a hang.
    tb.w16(regs::INT_CLR, 0xFFFF);
    tb.w16(regs::DMA_S2N_SRC_HI, 0x5000);
    tb.w16(regs::DMA_CMD, 4);
    tb.w16(regs::DMA_CTRL, 1);
    tb.w16(regs::DMA_CTRL, 0);
    ASSERT_TRUE(tb.waitFor(regs::INT_STATUS, regs::INT_STATUS_DMA_DONE.mask()));
    EXPECT_EQ(tb.r16(regs::INT_STATUS), regs::INT_STATUS_DMA_ERROR.mask() | regs::INT_STATUS_DMA_DONE.mask());
  });
}

TEST(NpuDevice, ArrayCommandsSetTheirStatusBitsAfterTheirDuration) {
  runScenario([](Testbench& tb) {
    tb.w16(regs::PI_SEL, regs::PI_SEL_PI_SEL.mask());
    tb.w16(regs::ARR_CMD, 2);  // pu_stage's power-up operation
    EXPECT_EQ(tb.r16(regs::INT_STATUS), 0u);
    ASSERT_TRUE(tb.waitFor(regs::INT_STATUS, regs::INT_STATUS_PROG_ARRAY_DONE.mask()));
    EXPECT_GE(sc_core::sc_time_stamp(), sc_time(10, SC_US));
    tb.w16(regs::INT_CLR, regs::INT_STATUS_PROG_ARRAY_DONE.mask());
    tb.w16(regs::PI_SEL, 0);
    EXPECT_EQ(tb.r16(regs::INT_STATUS), 0u);
    tb.w16(regs::ARR_CMD, 1);
    tb.wait(sc_time(500, SC_US));
    EXPECT_EQ(tb.r16(regs::INT_STATUS), 0u);
    ASSERT_TRUE(tb.waitFor(regs::INT_STATUS, regs::INT_STATUS_ERASE_ARRAY_DONE.mask(), sc_time(2, sc_core::SC_MS),
                           sc_time(50, SC_US)));
    EXPECT_EQ(tb.r16(regs::INT_STATUS), regs::INT_STATUS_ERASE_ARRAY_DONE.mask());
  });
}

namespace {
// NPU_READ_TRIM's access sequence (reference/npu.md §2.7), returning the 256 trim halfwords.
std::vector<std::uint16_t> readTrimThroughRegisters(Testbench& tb) {
  std::vector<std::uint16_t> trim(256);
  for (int row = 0; row < 2; ++row)
    for (int g = 0; g < 32; ++g)
      for (int half = 0; half < 2; ++half) {
        tb.w16(regs::ARR_COL, static_cast<std::uint32_t>(64 * g + (half == 0 ? 1 : 0)));
        tb.w16(regs::ARR_ROW, static_cast<std::uint32_t>(0x820 + row));
        tb.w16(regs::ARR_BL_SEL0, half == 0 ? 0xFFFF : 0);
        tb.w16(regs::ARR_BL_SEL1, half == 0 ? 0xFFFF : 0);
        tb.w16(regs::ARR_CMD, 4);
        EXPECT_TRUE(tb.waitFor(regs::INT_STATUS, regs::INT_STATUS_READ_ARRAY_DONE.mask()));
        tb.w16(regs::ARR_FIFO_EN, 1);
        std::uint32_t word = 0;
        for (int k = 0; k < 32; ++k)
          if (tb.r16(regs::ARR_FIFO_DATA) > 896) word |= 1u << (31 - k);
        tb.w16(regs::ARR_FIFO_EN, 0);
        tb.w16(regs::INT_CLR, regs::INT_STATUS_READ_ARRAY_DONE.mask());
        const int w = row * 64 + 2 * g + half;
        trim[static_cast<std::size_t>(2 * w)] = static_cast<std::uint16_t>(word & 0xFFFF);
        trim[static_cast<std::size_t>(2 * w + 1)] = static_cast<std::uint16_t>(word >> 16);
      }
  return trim;
}

int crcStatusOf(const std::vector<std::uint16_t>& trim) {
  TrimImage t;
  for (int i = 0; i < 256; ++i) t.setWord(i, trim[static_cast<std::size_t>(i)]);
  return t.crcStatus();
}
}  // namespace

TEST(NpuDevice, TrimRowsReadBackThroughArrayReads) {
  runScenario([](Testbench& tb) {
    tb.npu.flash().trims = TrimImage::synthetic();
    const auto trim = readTrimThroughRegisters(tb);
    for (int i = 0; i < 256; ++i) EXPECT_EQ(trim[static_cast<std::size_t>(i)], tb.npu.flash().trims.word(i)) << i;
    EXPECT_EQ(trim[128], 5);  // 24 MHz OSC coarse trim
    EXPECT_EQ(crcStatusOf(trim), 0);
  });
}

TEST(NpuDevice, CorruptTrimSectionsFailTheirCrc) {
  runScenario([](Testbench& tb) {
    tb.npu.flash().trims = TrimImage::synthetic();
    tb.npu.flash().trims.setWord(130, 7);  // section 1 changed, CRCs not updated
    EXPECT_EQ(crcStatusOf(readTrimThroughRegisters(tb)), 2);
    tb.npu.flash().trims = TrimImage::synthetic();
    tb.npu.flash().trims.setWord(193, 1);  // section 2
    EXPECT_EQ(crcStatusOf(readTrimThroughRegisters(tb)), 1);
    tb.npu.flash().trims.setWord(130, 7);
    EXPECT_EQ(crcStatusOf(readTrimThroughRegisters(tb)), 3);
    tb.npu.flash().trims.updateCrcs();
    EXPECT_EQ(crcStatusOf(readTrimThroughRegisters(tb)), 0);
    tb.npu.flash().trims = TrimImage::synthetic();
  });
}

TEST(NpuDevice, MalformedRoundCompletesAndIsFlagged) {
  runScenario([](Testbench& tb) {
    const RoundConfig good = mvRound(0, 7, 128, 131, 0, 1, 0, LutSelect::None, 100, 300);
    programSmallLayer(tb.npu, good);
    // 5 commands with the wrong opcodes: not an array round.
    tb.writeRoundSram(0, {0x04440882u, 0, 0x50000000u, 0, 0x70000000u, 0, 0x80000000u, 0, 0x90000000u, 0});
    tb.w16(regs::ROUND_RANGE, 1);
    tb.w16(regs::ROUND_START, regs::ROUND_START_START.mask());
    ASSERT_TRUE(tb.waitFor(regs::INT_STATUS, regs::INT_STATUS_ALL_ROUND_DONE.mask()));
    EXPECT_TRUE(tb.r16(regs::VB_ERROR) & regs::VB_ERROR_BAD_ROUND.mask());
    // Input length different from the row count: not runnable either.
    tb.w16(regs::VB_ERROR, 0);
    tb.w16(regs::INT_CLR, 0xFFFF);
    RoundConfig bad = good;
    bad.inputEndAddr = bad.inputAddr + 3;
    tb.writeRoundSram(0, wtm::npu::encodeRound(bad));
    tb.w16(regs::ROUND_START, regs::ROUND_START_START.mask());
    ASSERT_TRUE(tb.waitFor(regs::INT_STATUS, regs::INT_STATUS_ALL_ROUND_DONE.mask()));
    EXPECT_TRUE(tb.r16(regs::VB_ERROR) & regs::VB_ERROR_BAD_ROUND.mask());
  });
}

TEST(NpuDevice, RoundOutsideTheProgrammedLayersIsFlagged) {
  runScenario([](Testbench& tb) {
    const RoundConfig r = mvRound(0, 7, 128, 131, 0, 1, 0, LutSelect::None, 100, 300);
    programSmallLayer(tb.npu, r);
    const RoundConfig other = mvRound(0, 7, 128, 130, 0, 1, 0, LutSelect::None, 100, 300);  // 3 columns
    tb.writeRoundSram(0, wordsOf(other, false));
    tb.w16(regs::ROUND_RANGE, 1);
    tb.w16(regs::ROUND_START, regs::ROUND_START_START.mask());
    ASSERT_TRUE(tb.waitFor(regs::INT_STATUS, regs::INT_STATUS_ALL_ROUND_DONE.mask()));
    EXPECT_EQ(tb.r16(regs::VB_ERROR), regs::VB_ERROR_SHAPE_MISMATCH.mask());
    tb.npu.flash().layers.clear();
    tb.w16(regs::VB_ERROR, 0);
    tb.w16(regs::INT_CLR, 0xFFFF);
    tb.w16(regs::ROUND_START, regs::ROUND_START_START.mask());
    ASSERT_TRUE(tb.waitFor(regs::INT_STATUS, regs::INT_STATUS_ALL_ROUND_DONE.mask()));
    EXPECT_EQ(tb.r16(regs::VB_ERROR), regs::VB_ERROR_NOT_PROGRAMMED.mask());
  });
}

// dnn_yxt end to end through the registers, as the vendor engine sequences it: round table with
// the pause bit, the LUT of each round written during the pause, 100 recorded frames.
TEST(NpuDevice, DnnYxtThroughRegistersMatchesTheRecording) {
  const std::string dir = std::string(WTM_SOURCE_DIR) + "/traces/dnn_yxt";
  const wtm::npu::MapperOutput out = wtm::npu::MapperOutput::load(dir);
  const auto& net = out.nets.at(0);
  const auto& blobNet = out.blob.nets.at(0);
  const auto input = wtm::npu::LayerTrace::load(net.rounds.front().inputTrace, wtm::npu::TraceKind::Input);
  const auto output = wtm::npu::LayerTrace::load(net.rounds.back().outputTrace, wtm::npu::TraceKind::Output);
  runScenario([&](Testbench& tb) {
    const auto before = tb.npu.stats();  // the counters run on across resets
    wtm::npu::NpuRunOptions o;
    o.weightsDir = dir;
    wtm::npu::setupBoardNpu(tb.npu, o);
    std::vector<std::uint32_t> table = blobNet.roundTable;
    for (std::size_t off : blobNet.roundWordOffsets) table[off + 3] |= 1u;  // pause after each round
    tb.writeRoundSram(0, table);
    const int rounds = static_cast<int>(net.rounds.size());
    const int inAddr = net.inputs.at(0).addr, outAddr = net.outputs.at(0).addr;
    int matched = 0;
    for (std::size_t f = 0; f < input.frames; ++f) {
      tb.writeRegfile(inAddr, std::vector<std::uint8_t>(input.frame(f), input.frame(f) + input.width));
      tb.writeLut(static_cast<int>(net.rounds[0].config.lut), net.rounds[0].lut);
      tb.w16(regs::ROUND_RANGE, static_cast<std::uint32_t>(rounds));
      tb.w16(regs::ROUND_START, regs::ROUND_START_START.mask());
      for (int k = 1; k < rounds; ++k) {
        ASSERT_TRUE(tb.waitFor(regs::PAUSE, regs::PAUSE_PAUSED.mask()));
        tb.w16(regs::INT_CLR, 0xFFFF);
        tb.w16(regs::PAUSE, regs::PAUSE_ACK.mask());
        tb.writeLut(static_cast<int>(net.rounds[static_cast<std::size_t>(k)].config.lut),
                    net.rounds[static_cast<std::size_t>(k)].lut);
        tb.w16(regs::CTRL, regs::CTRL_CONTINUE.mask());
      }
      ASSERT_TRUE(tb.waitFor(regs::INT_STATUS, regs::INT_STATUS_ALL_ROUND_DONE.mask()));
      tb.w16(regs::INT_CLR, 0xFFFF);
      const auto y = tb.readRegfile(outAddr, static_cast<int>(output.width));
      matched += std::equal(y.begin(), y.end(), output.frame(f)) ? 1 : 0;
    }
    EXPECT_EQ(matched, 100);
    EXPECT_EQ(tb.npu.stats().inferences - before.inferences, 100u);
    EXPECT_EQ(tb.npu.vbError(), 0u);
  });
}

// A debugger reads the NPU while an array-read result waits in ARR_FIFO_DATA, a completion bit
// is pending (and the line high) and the data ports are open: the FIFO is not popped, the port
// pointers stay, a closed port flags no model error, nothing is logged.
TEST(NpuDevice, DebugReadsPopAdvanceAndFlagNothing) {
  runScenario([](Testbench& tb) {
    for (int c = 0; c < 16; ++c) tb.npu.array().setWeight(5, c, (c % 2 ? -1 : 1) * (c + 1));
    tb.w16(regs::ARR_ROW, 5);
    tb.w16(regs::ARR_COL, 0);
    tb.w16(regs::ARR_CMD, 4);
    ASSERT_TRUE(tb.waitFor(regs::INT_STATUS, regs::INT_STATUS_READ_ARRAY_DONE.mask()));
    tb.w16(regs::INT_MASK, regs::INT_STATUS_READ_ARRAY_DONE.mask());
    tb.w16(regs::ARR_FIFO_EN, 1);
    tb.settle();
    ASSERT_TRUE(tb.irq.read());
    periph_test::expectQuiet([&] {
      for (int i = 0; i < 2; ++i) EXPECT_EQ(tb.debugRead(regs::ARR_FIFO_DATA), 7u);  // weight 1 x 7 codes
      EXPECT_EQ(tb.debugRead(regs::INT_STATUS), regs::INT_STATUS_READ_ARRAY_DONE.mask());
      EXPECT_EQ(tb.debugRead(regs::INT_CLR), 0u);
      EXPECT_EQ(tb.debugRead(regs::CHIP_ID), NpuDevice::kChipId);
    });
    tb.settle();
    EXPECT_TRUE(tb.irq.read());
    EXPECT_EQ(tb.r16(regs::ARR_FIFO_DATA), 7u);
    EXPECT_EQ(tb.r16(regs::ARR_FIFO_DATA), 0u);  // the negative part of weight 1
    EXPECT_EQ(tb.r16(regs::ARR_FIFO_DATA), 0u);  // the positive part of weight -2
    EXPECT_EQ(tb.r16(regs::ARR_FIFO_DATA), 14u);
    tb.w16(regs::INT_CLR, regs::INT_STATUS_READ_ARRAY_DONE.mask());
    tb.w16(regs::ARR_FIFO_EN, 0);

    // Data ports: a debug read sees the word at the pointer and leaves the pointer there.
    tb.writeRegfile(100, {1, 2, 3, 4, 5, 6, 7, 8});
    tb.writeRoundSram(7, {0x11223344, 0x55667788});
    tb.w16(regs::REGFILE_ADDR, 100);
    tb.w16(regs::ACCESS_MODE, regs::ACCESS_MODE_REGFILE_READ.mask());
    periph_test::expectQuiet([&] {
      for (int i = 0; i < 2; ++i) EXPECT_EQ(tb.debugRead(regs::REGFILE_DATA, 4), 0x04030201u);
      EXPECT_EQ(tb.debugRead(regs::ROUND_CFG_DATA, 4), 0u);  // round port closed: reads 0, no error
    });
    EXPECT_EQ(tb.r32(regs::REGFILE_DATA), 0x04030201u);
    EXPECT_EQ(tb.r32(regs::REGFILE_DATA), 0x08070605u);
    tb.w16(regs::ROUND_CFG_ADDR, 7);
    tb.w16(regs::ACCESS_MODE, regs::ACCESS_MODE_ROUND_READ.mask());
    periph_test::expectQuiet([&] {
      for (int i = 0; i < 2; ++i) EXPECT_EQ(tb.debugRead(regs::ROUND_CFG_DATA, 4), 0x11223344u);
      EXPECT_EQ(tb.debugRead(regs::REGFILE_DATA, 4), 0u);  // regfile port closed
    });
    EXPECT_EQ(tb.r32(regs::ROUND_CFG_DATA), 0x11223344u);
    EXPECT_EQ(tb.r32(regs::ROUND_CFG_DATA), 0x55667788u);
    tb.w16(regs::ACCESS_MODE, 0);
    EXPECT_EQ(tb.npu.vbError(), 0u);
    EXPECT_EQ(tb.debugRead(regs::VB_ERROR), 0u);
    for (int c = 0; c < 16; ++c) tb.npu.array().setWeight(5, c, 0);
  });
}
