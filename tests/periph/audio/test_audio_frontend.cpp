// AUDIO block model (models/periph/audio) driven through TLM as firmware drives it: the vendor
// HAL's RAM-mode set-up (frames every 30 ms on IRQ 37, contiguous samples that carry the
// microphone's tone at the right frequency and level), FIFO mode (half-full IRQ every 4 words,
// overflow), the gain "cross-clock" quirk, a stereo pair on both PDM0 edges, the VAD on IRQ 38,
// DMA requests, the end-of-audio policy and a clock change. Scenarios run in the testbench thread.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <vector>

#include "MmioTestbench.h"
#include "SignalAnalysis.h"
#include "audio/AudioPathAssumptions.h"
#include "audio/PostFilters.h"
#include "common/ClockDomain.h"
#include "periph/audio/AudioFrontEnd.h"
#include "periph/audio/audio_regs.h"

using namespace periph_test;
using namespace wtm::periph::audio_regs;
using audio_test::fitSine;
using sc_core::SC_MS;
using sc_core::sc_time;
using sc_core::SC_US;
using wtm::audio::EndOfAudio;
using wtm::periph::AudioFrontEnd;
using wtm::periph::MicrophoneOptions;
using wtm::periph::PdmEdge;
using wtm::periph::PdmPort;

int sc_main(int, char**) { return 0; }

namespace {

constexpr double kAudioClockHz = 4.096e6;  // 24.576 MHz / (AUD_DIV_NUM 5 + 1)
constexpr double kPcmRate = 16000;
const sc_time kSamplePeriod(62.5, SC_US);

struct Bench {
  wtm::ClockDomain audioClock{"audio_clk", kAudioClockHz};
  AudioFrontEnd audio{"audio", audioClock};
  sc_core::sc_signal<bool> irq{"irq"}, vadIrq{"vad_irq"};
  MmioTestbench tb{"tb", audio};
  // A second block programmed alike, to compare with one a debugger reads (scenarios run in
  // `tb`'s thread and reach the twin through its socket).
  AudioFrontEnd twin{"twin", audioClock};
  sc_core::sc_signal<bool> twinIrq{"twin_irq"}, twinVadIrq{"twin_vad_irq"};
  MmioTestbench twinTb{"twin_tb", twin};
  std::vector<std::pair<unsigned, bool>> dmaEvents;
  std::optional<sc_time> endedAt;
  Bench() {
    twin.irq.bind(twinIrq);
    twin.vadIrq.bind(twinVadIrq);
    audio.irq.bind(irq);
    audio.vadIrq.bind(vadIrq);
    audio.setDmaRequestHandler([this](unsigned ch, bool level) { dmaEvents.emplace_back(ch, level); });
    audio.onEndOfAudio([this](const std::string&) { endedAt = sc_core::sc_time_stamp(); });
  }
};

Bench& bench() { return wtm::test::elaboratedOnce<Bench>(); }

void runScenario(MmioTestbench::Scenario s) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run(std::move(s), [&b] {
    b.audioClock.setFrequency(kAudioClockHz);
    b.audio.reset();
    b.twin.reset();
    b.dmaEvents.clear();
    b.endedAt.reset();
  })) << "scenario blocked";
}

wtm::audio::SignalPtr makeSignal(std::vector<float> samples, double rate = 16000) {
  auto s = std::make_shared<wtm::audio::MonoSignal>();
  s->name = "test.wav";
  s->sampleRate = rate;
  s->samples = std::move(samples);
  return s;
}

double expectedAmplitude(double wavAmplitude, unsigned gainCode) {
  return wavAmplitude * wtm::audio::assumptions::kMicFullScale * wtm::audio::OutputGain(gainCode).scale();
}

uint32_t ramModeTrctrl() {
  uint32_t v = 0;
  v = TRCTRL_CH_CLK_DIV.set(v, 3);      // 4.096 MHz / 4 = 1.024 MHz PDM
  v = TRCTRL_CH0_TR_MOD_SEL.set(v, 2);  // RAM
  v |= TRCTRL_HALFBAND_BYPASS.mask() | TRCTRL_PRE_EMPHASIS_BYPASS.mask() | TRCTRL_BIQUAD_BYPASS.mask();
  return v;  // ÷32 ÷2 → 16 kHz, high-pass on
}

// The vendor HAL's gain write: channel enabled around it (the "cross clock" quirk).
void writeGainLikeTheHal(MmioTestbench& tb, uint32_t enableBit, uint32_t gain) {
  const uint32_t t = tb.read(TRCTRL);
  tb.write(TRCTRL, t | enableBit);
  tb.write(PCMGAIN, gain);
  tb.write(TRCTRL, t & ~enableBit);
}

void appendWords(std::vector<double>& out, uint32_t word) {
  out.push_back(static_cast<int16_t>(word & 0xFFFF));  // older sample in bits 15:0
  out.push_back(static_cast<int16_t>(word >> 16));
}

}  // namespace

TEST(AudioFrontEnd, RamModeFramesOnIrq37CarryTheMicrophoneTone) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    const double amp = 0.1;
    b.audio.attachMicrophone(PdmPort::Pdm0, PdmEdge::Rising, makeSignal(audio_test::tone(1000, amp, 16000, 1.0)));
    tb.write(TRCTRL, ramModeTrctrl());
    tb.write(RAM0CFG0, RAM0CFG0_FRAME_MOVE.set(RAM0CFG0_DEPTH_CFG.set(0, 479), 239));  // HAL: 480 / 240 words
    tb.write(RAM0CFG1, 239);
    writeGainLikeTheHal(tb, TRCTRL_CH0_TR_EN.mask(), 10);
    tb.write(TRINTMSK, tb.read(TRINTMSK) & ~TRINT_RAM0_FRAME_VLD.mask());
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    const sc_time t0 = sc_core::sc_time_stamp();
    tb.write(TRCTRL, tb.read(TRCTRL) | TRCTRL_CH0_TR_EN.mask());
    EXPECT_NEAR(b.audio.pcmRate(0), kPcmRate, 1e-9);

    std::vector<double> pcm;
    for (int frame = 1; frame <= 12; ++frame) {
      tb.wait(b.irq.posedge_event());
      // 240 words = 480 samples = 30 ms per frame, to the picosecond
      EXPECT_EQ(sc_core::sc_time_stamp(), t0 + kSamplePeriod * (480.0 * frame)) << "frame " << frame;
      EXPECT_TRUE(TRINT_RAM0_FRAME_VLD.test(tb.read(TRINT)));
      for (int w = 0; w < 240; ++w) appendWords(pcm, tb.read(RAM0DATA));
      tb.write(RAMCLR, RAMCLR_RAM0_FRAME_VLD_CLR.mask());
      tb.settle();
      EXPECT_FALSE(b.irq.read()) << "frame " << frame;
    }
    EXPECT_EQ(b.audio.framesCompleted(0), 12u);
    // frames 3.. (filters settled): contiguous samples, so one sine fits them all
    const std::vector<double> steady(pcm.begin() + 960, pcm.end());
    const auto fit = fitSine(steady, kPcmRate);
    EXPECT_NEAR(fit.frequency, 1000, 0.05);
    EXPECT_NEAR(20 * std::log10(fit.amplitude / expectedAmplitude(amp, 10)), 0.0, 0.1);
    EXPECT_GT(fit.sinadDb, 70);
    tb.write(TRCTRL, 0);
  });
}

TEST(AudioFrontEnd, FifoModeRaisesHalfFullEveryFourWordsAndFlagsOverflow) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    b.audio.attachMicrophone(PdmPort::Pdm0, PdmEdge::Rising, makeSignal(audio_test::tone(500, 0.1, 16000, 1.0)));
    tb.write(TRCTRL, TRCTRL_CH0_TR_MOD_SEL.set(ramModeTrctrl(), 0));  // FIFO
    tb.write(TRINTMSK, tb.read(TRINTMSK) & ~TRINT_FIFO0_HALF_FULL.mask());
    EXPECT_TRUE(TRINT_FIFO0_EMP.test(tb.read(TRINT)));
    const sc_time t0 = sc_core::sc_time_stamp();
    tb.write(TRCTRL, tb.read(TRCTRL) | TRCTRL_CH0_TR_EN.mask());
    for (int n = 1; n <= 5; ++n) {
      tb.wait(b.irq.posedge_event());
      EXPECT_EQ(sc_core::sc_time_stamp(), t0 + kSamplePeriod * (8.0 * n)) << "interrupt " << n;
      for (int w = 0; w < 4; ++w) tb.read(FF0DATA);  // the HAL ISR: 4 words per interrupt
      tb.settle();
      EXPECT_FALSE(b.irq.read());
      EXPECT_TRUE(TRINT_FIFO0_EMP.test(tb.read(TRINT)));
    }
    // nobody reads for 2 ms: the 8-word FIFO fills and overflows; FFCLR clears the flag
    tb.wait(2, SC_MS);
    const uint32_t st = tb.read(TRINT);
    EXPECT_TRUE(TRINT_FIFO0_FULL.test(st));
    EXPECT_TRUE(TRINT_FIFO0_OVERFLOW.test(st));
    tb.write(FFCLR, FFCLR_FIFO0_OVERFLOW_CLR.mask() | FFCLR_FIFO0_READ_CLR.mask());
    const uint32_t after = tb.read(TRINT);
    EXPECT_FALSE(TRINT_FIFO0_OVERFLOW.test(after));
    EXPECT_TRUE(TRINT_FIFO0_EMP.test(after));
    // reading an empty FIFO latches underflow
    tb.read(FF0DATA);
    EXPECT_TRUE(TRINT_FIFO0_UNDERFLOW.test(tb.read(TRINT)));
    tb.write(TRCTRL, 0);
  });
}

TEST(AudioFrontEnd, GainWrittenWhileTheChannelIsDisabledIsIgnored) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    const double amp = 0.02;
    b.audio.attachMicrophone(PdmPort::Pdm0, PdmEdge::Rising, makeSignal(audio_test::tone(1000, amp, 16000, 1.0)));
    auto level = [&](bool halWay) {
      tb.write(TRCTRL, ramModeTrctrl());
      tb.write(RAM0CFG0, RAM0CFG0_FRAME_MOVE.set(RAM0CFG0_DEPTH_CFG.set(0, 479), 239));
      tb.write(RAM0CFG1, 239);
      if (halWay) writeGainLikeTheHal(tb, TRCTRL_CH0_TR_EN.mask(), 12);
      else tb.write(PCMGAIN, 12);  // channel disabled: the hardware keeps the old gain
      tb.write(TRINTMSK, tb.read(TRINTMSK) & ~TRINT_RAM0_FRAME_VLD.mask());
      tb.write(TRCTRL, tb.read(TRCTRL) | TRCTRL_CH0_TR_EN.mask());
      std::vector<double> pcm;
      for (int frame = 0; frame < 4; ++frame) {
        tb.wait(b.irq.posedge_event());
        for (int w = 0; w < 240; ++w) appendWords(pcm, tb.read(RAM0DATA));
        tb.write(RAMCLR, RAMCLR_RAM0_FRAME_VLD_CLR.mask());
      }
      tb.write(TRCTRL, 0);
      return fitSine(std::vector<double>(pcm.begin() + 960, pcm.end()), kPcmRate).amplitude;
    };
    const double ignored = level(false);  // after reset the effective gain is 0
    EXPECT_NEAR(20 * std::log10(ignored / expectedAmplitude(amp, 0)), 0.0, 0.1);
    const double applied = level(true);
    EXPECT_NEAR(20 * std::log10(applied / expectedAmplitude(amp, 12)), 0.0, 0.1);
    EXPECT_EQ(tb.read(PCMGAIN), 12u);
  });
}

TEST(AudioFrontEnd, StereoPairOnBothEdgesOfPdm0) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    b.audio.attachMicrophone(PdmPort::Pdm0, PdmEdge::Rising, makeSignal(audio_test::tone(1000, 0.1, 16000, 1.0)));
    b.audio.attachMicrophone(PdmPort::Pdm0, PdmEdge::Falling, makeSignal(audio_test::tone(2500, 0.05, 16000, 1.0)));
    uint32_t t = ramModeTrctrl();
    t = TRCTRL_CH1_TR_MOD_SEL.set(t, 2);
    t |= TRCTRL_CH1_PDM_EDGE_SEL.mask() | TRCTRL_CH1_PDM_CH_CHANGE.mask();  // channel 1: PDM0, falling edge
    tb.write(TRCTRL, t);
    for (uint32_t cfg0 : {RAM0CFG0, RAM1CFG0})
      tb.write(cfg0, RAM0CFG0_FRAME_MOVE.set(RAM0CFG0_DEPTH_CFG.set(0, 159), 79));
    for (uint32_t cfg1 : {RAM0CFG1, RAM1CFG1}) tb.write(cfg1, 79);
    writeGainLikeTheHal(tb, TRCTRL_CH0_TR_EN.mask() | TRCTRL_CH1_TR_EN.mask(), PCMGAIN_CH1_GAIN.set(10, 10));
    tb.write(TRINTMSK, tb.read(TRINTMSK) & ~TRINT_RAM1_FRAME_VLD.mask());
    tb.write(TRCTRL, tb.read(TRCTRL) | TRCTRL_CH0_TR_EN.mask() | TRCTRL_CH1_TR_EN.mask());
    std::vector<double> left, right;
    for (int frame = 0; frame < 20; ++frame) {
      tb.wait(b.irq.posedge_event());  // both channels complete their 10 ms frames together
      EXPECT_TRUE(TRINT_RAM0_FRAME_VLD.test(tb.read(TRINT)));
      for (int w = 0; w < 80; ++w) {
        appendWords(left, tb.read(RAM0DATA));
        appendWords(right, tb.read(RAM1DATA));
      }
      tb.write(RAMCLR, RAMCLR_RAM0_FRAME_VLD_CLR.mask() | RAMCLR_RAM1_FRAME_VLD_CLR.mask());
    }
    const auto l = fitSine(std::vector<double>(left.begin() + 800, left.end()), kPcmRate);
    const auto r = fitSine(std::vector<double>(right.begin() + 800, right.end()), kPcmRate);
    EXPECT_NEAR(l.frequency, 1000, 0.1);
    EXPECT_NEAR(r.frequency, 2500, 0.1);
    EXPECT_NEAR(20 * std::log10(l.amplitude / expectedAmplitude(0.1, 10)), 0.0, 0.1);
    EXPECT_NEAR(20 * std::log10(r.amplitude / expectedAmplitude(0.05, 10)), 0.0, 0.1);
    tb.write(TRCTRL, 0);
  });
}

TEST(AudioFrontEnd, VadRaisesIrq38WhenSpeechFollowsSilence) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    // 0.5 s of silence, then a 2 kHz tone inside the speech demo's biquad band
    auto samples = audio_test::tone(2000, 0.01, 16000, 1.0);
    std::fill(samples.begin(), samples.begin() + 8000, 0.0f);
    b.audio.attachMicrophone(PdmPort::Pdm0, PdmEdge::Rising, makeSignal(samples));
    tb.write(TRCTRL, TRCTRL_BIQUAD_BYPASS.set(ramModeTrctrl(), 0));
    tb.write(RAM0CFG0, RAM0CFG0_FRAME_MOVE.set(RAM0CFG0_DEPTH_CFG.set(0, 479), 239));
    tb.write(RAM0CFG1, 239);
    // the speech demo's VAD set-up (audio_config.c, VAD_ENABLE)
    tb.write(PCM0CFG0, PCM0CFG0_BQ_B1.set(0x95f, 0));
    tb.write(PCM0CFG1, PCM0CFG1_BQ_A0.set(0xe000, 0xed42));
    tb.write(PCM0CFG2, 0xd41);
    tb.write(VAD0, 256 * 256);
    tb.write(VAD1, 64 * 64);
    tb.write(VAD2, 256 * 256);
    tb.write(VAD3, VAD3_SPT_WIN_SHIFT.set(2, 1));
    tb.write(VAD4, VAD4_LPT_WIN_SHIFT.set(64, 6));
    writeGainLikeTheHal(tb, TRCTRL_CH0_TR_EN.mask(), 16);
    tb.write(TRINTMSK, tb.read(TRINTMSK) & ~TRINT_VAD_ACT.mask());
    const sc_time t0 = sc_core::sc_time_stamp();
    tb.write(TRCTRL, tb.read(TRCTRL) | TRCTRL_CH0_TR_EN.mask());
    tb.wait(b.vadIrq.posedge_event() | b.irq.posedge_event());
    const double at = (sc_core::sc_time_stamp() - t0).to_seconds();
    EXPECT_TRUE(b.vadIrq.read());
    EXPECT_FALSE(b.irq.read());  // VAD_ACT drives IRQ 38 only
    EXPECT_GE(at, 0.5);
    EXPECT_LE(at, 0.53);  // within the first VAD frames of the tone
    EXPECT_TRUE(TRINT_VAD_ACT.test(tb.read(TRINT)));
    EXPECT_GE(tb.read(VADDEBUG0), 256u * 256u);
    // VAD_RST clears the detection (and the line)
    tb.write(TRCTRL, tb.read(TRCTRL) | TRCTRL_VAD_RST.mask());
    tb.settle();
    EXPECT_FALSE(b.vadIrq.read());
    EXPECT_FALSE(TRCTRL_VAD_RST.test(tb.read(TRCTRL)));  // a pulse
    tb.write(TRCTRL, 0);
  });
}

TEST(AudioFrontEnd, RamModeDmaRequestFollowsTheUnreadFrame) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(TRCTRL, ramModeTrctrl());  // nothing attached: silence
    tb.write(RAM0CFG0, RAM0CFG0_FRAME_MOVE.set(RAM0CFG0_DEPTH_CFG.set(0, 159), 79));
    tb.write(RAM0CFG1, 79);
    tb.write(DMA_CFG, DMA_CFG_CH0_DMA_REQ_EN.mask());
    tb.write(TRCTRL, tb.read(TRCTRL) | TRCTRL_CH0_TR_EN.mask());
    tb.wait(10, SC_MS);
    tb.settle();
    ASSERT_EQ(b.dmaEvents.size(), 1u);
    EXPECT_EQ(b.dmaEvents[0], std::make_pair(0u, true));
    EXPECT_TRUE(b.audio.dmaRequestActive(0));
    for (int w = 0; w < 80; ++w) EXPECT_EQ(tb.read(RAM0DATA), 0u);  // silence
    tb.settle();
    ASSERT_EQ(b.dmaEvents.size(), 2u);
    EXPECT_EQ(b.dmaEvents[1], std::make_pair(0u, false));
    tb.write(TRCTRL, 0);
  });
}

TEST(AudioFrontEnd, StopPolicyEndsWhenTheRecordingHasPlayedFromTheRealStart) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    MicrophoneOptions o;
    o.atEnd = EndOfAudio::Stop;
    b.audio.attachMicrophone(PdmPort::Pdm0, PdmEdge::Rising, makeSignal(audio_test::tone(1000, 0.1, 16000, 0.1)), o);
    tb.write(TRCTRL, ramModeTrctrl());
    writeGainLikeTheHal(tb, TRCTRL_CH0_TR_EN.mask(), 10);  // a momentary enable does not start it
    tb.wait(50, SC_MS);
    EXPECT_FALSE(b.endedAt.has_value());
    const sc_time t0 = sc_core::sc_time_stamp();
    tb.write(TRCTRL, tb.read(TRCTRL) | TRCTRL_CH0_TR_EN.mask());
    tb.wait(200, SC_MS);
    ASSERT_TRUE(b.endedAt.has_value());
    EXPECT_EQ(*b.endedAt, t0 + sc_time(100, SC_MS));
    tb.write(TRCTRL, 0);
  });
}

TEST(AudioFrontEnd, PcmRateFollowsTheAudioClockAndDivider) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(TRCTRL, TRCTRL_HALFBAND_BYPASS.set(TRCTRL_CH_CLK_DIV.set(ramModeTrctrl(), 1), 0));  // speech demo
    EXPECT_NEAR(b.audio.pdmRate(), 2.048e6, 1e-6);
    EXPECT_NEAR(b.audio.pcmRate(0), 16000, 1e-9);
    tb.write(TRCTRL, tb.read(TRCTRL) | TRCTRL_CH0_TR_EN.mask());
    tb.wait(10, SC_MS);
    EXPECT_EQ(b.audio.samplesProduced(0), 160u);
    b.audioClock.setFrequency(2.048e6);  // firmware halves the audio clock: 8 kHz from here on
    EXPECT_NEAR(b.audio.pcmRate(0), 8000, 1e-9);
    tb.wait(10, SC_MS);
    tb.read(TRINT);  // an access brings the model up to date
    EXPECT_EQ(b.audio.samplesProduced(0), 240u);
    tb.write(TRCTRL, 0);
  });
}

// Two blocks with the same microphones and the same register writes at the same times; a
// debugger reads one of them (FIFO and frame RAM data ports, stereo ports, status) at odd
// moments, so it computes its samples in other blocks than its twin. Every later firmware read,
// the interrupt lines and the DMA requests must be the same for both, and the debug reads must
// show what the firmware then reads.
TEST(AudioFrontEnd, DebugReadsLeaveSamplesFlagsAndLinesAsTheyWere) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    for (AudioFrontEnd* a : {&b.audio, &b.twin}) {
      a->attachMicrophone(PdmPort::Pdm0, PdmEdge::Rising, makeSignal(audio_test::tone(700, 0.2, 16000, 1.0)));
      a->attachMicrophone(PdmPort::Pdm1, PdmEdge::Rising, makeSignal(audio_test::tone(1300, 0.1, 16000, 1.0)));
    }
    std::vector<std::pair<unsigned, bool>> twinDma;
    b.twin.setDmaRequestHandler([&](unsigned ch, bool level) { twinDma.emplace_back(ch, level); });
    auto write = [&](uint32_t offset, uint32_t value) {
      tb.write(offset, value);
      b.twinTb.write(offset, value);
    };
    uint32_t t = TRCTRL_CH1_TR_MOD_SEL.set(TRCTRL_CH0_TR_MOD_SEL.set(ramModeTrctrl(), 0), 2);  // FIFO, RAM
    write(TRCTRL, t);
    write(RAM1CFG0, RAM0CFG0_FRAME_MOVE.set(RAM0CFG0_DEPTH_CFG.set(0, 63), 31));
    write(RAM1CFG1, 31);
    write(DMA_CFG, DMA_CFG_CH0_DMA_REQ_EN.mask() | DMA_CFG_CH0_DMA_REQ_LEVEL.set(0, 4));
    write(TRINTMSK, tb.read(TRINTMSK) & ~(TRINT_FIFO0_HALF_FULL.mask() | TRINT_RAM1_FRAME_VLD.mask()));
    write(TRCTRL, t | TRCTRL_CH0_TR_EN.mask() | TRCTRL_CH1_TR_EN.mask());

    std::vector<uint32_t> seen, twinSeen;
    auto firmwareRead = [&](uint32_t offset) {
      const uint32_t v = tb.read(offset);
      seen.push_back(v);
      twinSeen.push_back(b.twinTb.read(offset));
      return v;
    };
    for (int step = 0; step < 60; ++step) {
      tb.wait(sc_time(37.0 + 13.0 * (step % 7), SC_US));
      const bool looks = step % 3 != 2;
      uint32_t ff0 = 0, lrfifo = 0, ram1 = 0, lrram = 0, trint = 0;
      if (looks) {  // the debugger looks, twice
        periph_test::expectQuiet([&] {
          for (int i = 0; i < 2; ++i) {
            ff0 = tb.debugRead(FF0DATA);
            lrfifo = tb.debugRead(LRFIFO);
            ram1 = tb.debugRead(RAM1DATA);
            lrram = tb.debugRead(LRRAM);
            trint = tb.debugRead(TRINT);
          }
        });
      }
      // The firmware reads what the debugger saw.
      auto sameAsDebugger = [&](uint32_t debugValue, uint32_t value) {
        if (!looks) return;
        EXPECT_EQ(debugValue, value) << "step " << step;
      };
      sameAsDebugger(trint, firmwareRead(TRINT));
      if (step % 5 == 4) {
        sameAsDebugger(ram1, firmwareRead(RAM1DATA));
        write(RAMCLR, RAMCLR_RAM1_FRAME_VLD_CLR.mask());
      } else if (step % 2 == 0) {
        sameAsDebugger(ff0, firmwareRead(FF0DATA));
      } else {
        sameAsDebugger(lrfifo & 0xFFFF, firmwareRead(LRFIFO) & 0xFFFF);
        sameAsDebugger(lrram >> 16, firmwareRead(LRRAM) >> 16);
      }
      tb.settle();
      EXPECT_EQ(b.irq.read(), b.twinIrq.read()) << "step " << step;
    }
    tb.wait(2, SC_MS);  // the FIFO overflows
    for (uint32_t r : {TRINT, FF0DATA, FF0DATA, LRFIFO, RAM1DATA, TRINT}) firmwareRead(r);
    EXPECT_EQ(seen, twinSeen);
    EXPECT_EQ(b.dmaEvents, twinDma);
    EXPECT_FALSE(b.dmaEvents.empty());
    write(TRCTRL, 0);
    b.twin.setDmaRequestHandler(nullptr);
  });
}
