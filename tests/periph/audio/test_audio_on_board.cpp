// sw/tests/audio/audio_test on wtm2101-board with tone WAVs on --mic0: the firmware's own
// estimate of the tone (zero crossings, RMS) over UART, the 30 ms frame cadence in core cycles,
// the stereo split, the stop policy and a malformed file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <regex>

#include "../../firmware/BoardRunner.h"
#include "SignalAnalysis.h"
#include "audio/AudioPathAssumptions.h"
#include "audio/PostFilters.h"

namespace {

std::string tempWav(const std::string& name) {
  return std::string(::testing::TempDir()) + "audio_on_board_" + std::to_string(getpid()) + "_" + name;
}

struct Tone {
  double frequency = 0, amplitude = 0;
};

Tone parseTone(const std::string& out) {
  std::smatch m;
  Tone t;
  if (std::regex_search(out, m, std::regex(R"(audio tone: (\d+\.\d+) Hz, amplitude (\d+))"))) {
    t.frequency = std::stod(m[1]);
    t.amplitude = std::stod(m[2]);
  }
  return t;
}

// The 16-bit amplitude a WAV amplitude gives with the firmware's gain 10.
double expectedAmplitude(double wav) {
  return wav * wtm::audio::assumptions::kMicFullScale * wtm::audio::OutputGain(10).scale();
}

const std::string kFirmware = " --elf " + firmwarePath("tests/audio/audio_test.elf");

}  // namespace

TEST(AudioOnBoard, FirmwareMeasuresTheToneOfMic0) {
  const auto wav = tempWav("tone.wav");
  audio_test::writeSoundFile(wav, audio_test::tone(1000, 0.1, 16000, 1.0), 16000, 1);
  const BoardRun r = runBoard("--mic0 " + wav + kFirmware + " --max-time 2s");
  std::remove(wav.c_str());
  EXPECT_EQ(r.exitCode, 0) << r.err;
  ASSERT_NE(r.out.find("PASS audio"), std::string::npos) << r.out << r.err;
  const Tone t = parseTone(r.out);
  EXPECT_NEAR(t.frequency, 1000, 0.5) << r.out;
  EXPECT_NEAR(20 * std::log10(t.amplitude / expectedAmplitude(0.1)), 0.0, 0.2) << r.out;
  // 240 words = 480 samples = 30 ms = 737 280 cycles at 24.576 MHz (interrupt entry varies a little)
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"(then every (\d+) cycles)"))) << r.out;
  EXPECT_NEAR(std::stod(m[1]), 737280, 64);
}

TEST(AudioOnBoard, StereoFileAt44k1FeedsDmic1FromItsLeftChannel) {
  const auto wav = tempWav("stereo.wav");
  const auto l = audio_test::tone(440, 0.05, 44100, 1.0), rt = audio_test::tone(3000, 0.2, 44100, 1.0);
  std::vector<float> inter;
  for (size_t i = 0; i < l.size(); ++i) inter.insert(inter.end(), {l[i], rt[i]});
  audio_test::writeSoundFile(wav, inter, 44100, 2);
  const BoardRun r = runBoard("--mic0 " + wav + kFirmware + " --max-time 2s");
  std::remove(wav.c_str());
  EXPECT_EQ(r.exitCode, 0) << r.err;
  const Tone t = parseTone(r.out);
  EXPECT_NEAR(t.frequency, 440, 0.5) << r.out;
  EXPECT_NEAR(20 * std::log10(t.amplitude / expectedAmplitude(0.05)), 0.0, 0.2) << r.out;
}

TEST(AudioOnBoard, StopPolicyEndsTheRunWhenTheRecordingHasPlayedOut) {
  const auto wav = tempWav("short.wav");
  audio_test::writeSoundFile(wav, audio_test::tone(1000, 0.1, 16000, 0.1), 16000, 1);  // firmware wants 300 ms
  const BoardRun stop = runBoard("--mic0 " + wav + kFirmware + " --max-time 2s");
  EXPECT_EQ(stop.exitCode, 0) << stop.err;
  EXPECT_EQ(stop.out.find("PASS audio"), std::string::npos) << stop.out;
  EXPECT_NE(stop.err.find("played out"), std::string::npos) << stop.err;
  // with silence after the end the firmware completes (and hears mostly nothing)
  const BoardRun silence = runBoard("--mic0 " + wav + " --audio-end silence" + kFirmware + " --max-time 2s");
  EXPECT_EQ(silence.exitCode, 0) << silence.err;
  EXPECT_NE(silence.out.find("PASS audio"), std::string::npos) << silence.out;
  EXPECT_LT(parseTone(silence.out).amplitude, expectedAmplitude(0.1) / 2) << silence.out;
  std::remove(wav.c_str());
}

TEST(AudioOnBoard, MicLevelScalesTheRecordingAndClipsAtFullScale) {
  const auto wav = tempWav("level.wav");
  audio_test::writeSoundFile(wav, audio_test::tone(1000, 0.1, 16000, 1.0), 16000, 1);
  const BoardRun quiet = runBoard("--mic0 " + wav + " --mic-level -6" + kFirmware + " --max-time 2s");
  EXPECT_EQ(quiet.exitCode, 0) << quiet.err;
  EXPECT_NEAR(20 * std::log10(parseTone(quiet.out).amplitude / expectedAmplitude(0.1)), -6.0, 0.2) << quiet.out;
  EXPECT_EQ(quiet.err.find("clip"), std::string::npos) << quiet.err;
  // +26 dB puts the 0.1 tone at 2.0: every sample above full scale clips, and the log says so.
  const BoardRun loud = runBoard("--mic0 " + wav + " --mic-level 26" + kFirmware + " --max-time 2s");
  EXPECT_NE(loud.err.find("samples clip at full scale after --mic-level 26 dB"), std::string::npos) << loud.err;
  const BoardRun bad = runBoard("--mic0 " + wav + " --mic-level 90" + kFirmware + " --max-time 1s");
  std::remove(wav.c_str());
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_NE(bad.err.find("--mic-level: must be between -120 and +40 dB"), std::string::npos) << bad.err;
}

TEST(AudioOnBoard, MalformedWavIsABadInput) {
  const auto wav = tempWav("bad.wav");
  std::ofstream(wav) << "RIFF....WAVEnot really";
  const BoardRun r = runBoard("--mic0 " + wav + kFirmware + " --max-time 1s");
  std::remove(wav.c_str());
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find(wav + ": cannot read as a sound file"), std::string::npos) << r.err;
  const BoardRun policy = runBoard("--audio-end rewind" + kFirmware + " --max-time 1s");
  EXPECT_EQ(policy.exitCode, 2);
  EXPECT_NE(policy.err.find("--audio-end"), std::string::npos) << policy.err;
}
