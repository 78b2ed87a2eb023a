// The X3 speaker: firmware plays a 1 kHz tone through I2S1; --speaker writes it to a WAV file at
// the programmed frame rate.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <vector>

#include "BoardRunner.h"
#include "audio/WavSink.h"
#include "audio/WavSource.h"

TEST(I2sSpeakerOnBoard, ToneFromI2s1LandsInTheSpeakerWav) {
  const std::string wav = std::string(::testing::TempDir()) + "speaker_" + std::to_string(getpid()) + ".wav";
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/i2s/i2s_speaker.elf") + " --speaker " + wav +
                              " --stop-on-uart PASS --max-time 1s");
  ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
  const wtm::audio::WavSource s(wav);
  EXPECT_EQ(s.sampleRate(), 16000);
  EXPECT_EQ(s.channels(), 2);
  EXPECT_GE(s.frames(), 1500u);
  EXPECT_LE(s.frames(), 1600u);
  // Zero crossings of the left channel: 2 per period of 1 kHz.
  const auto left = s.channel(0), right = s.channel(1);
  unsigned crossings = 0;
  double sumLr = 0, peak = 0;
  for (size_t i = 1; i < left->samples.size(); ++i) {
    if ((left->samples[i - 1] < 0) != (left->samples[i] < 0)) ++crossings;
    sumLr += left->samples[i] + right->samples[i];
    peak = std::max(peak, std::abs(double(left->samples[i])));
  }
  const double seconds = double(left->samples.size()) / 16000.0;
  EXPECT_NEAR(crossings / seconds / 2.0, 1000.0, 20.0);
  EXPECT_NEAR(peak, 16000.0 / 32768.0, 0.01);                    // full 16-bit scale, as written
  EXPECT_NEAR(sumLr / double(left->samples.size()), 0.0, 1e-3);  // right = -left
  std::remove(wav.c_str());
}

TEST(I2sSpeakerOnBoard, AnUnwritableSpeakerFileIsABadInput) {
  const BoardRun r =
      runBoard("--elf " + firmwarePath("tests/i2s/i2s_speaker.elf") + " --speaker /nonexistent-dir/s.wav");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("/nonexistent-dir/s.wav: cannot create the file: No such file or directory\n"),
            std::string::npos)
      << r.err;
}

TEST(I2sSpeakerOnBoard, MicEchoPlaysTheMicrophoneOnTheSpeakerOneFrameLater) {
  // 1 s at 16 kHz: silence, a 1 kHz tone from 250 ms to 750 ms (-26 dBFS), silence.
  const std::string in = std::string(::testing::TempDir()) + "echo_in_" + std::to_string(getpid()) + ".wav";
  const std::string out = std::string(::testing::TempDir()) + "echo_out_" + std::to_string(getpid()) + ".wav";
  {
    wtm::audio::WavSink mic(in, 1);
    std::vector<int16_t> s(16000, 0);
    for (int i = 4000; i < 12000; ++i) s[i] = static_cast<int16_t>(1600 * std::sin(2 * M_PI * 1000 * i / 16000.0));
    mic.write(s.data(), s.size(), 16000);
  }
  const BoardRun r =
      runBoard("--elf " + firmwarePath("apps/mic_echo.elf") + " --mic0 " + in + " --speaker " + out + " --max-time 2s");
  ASSERT_EQ(r.exitCode, 0) << r.out << r.err;  // the recording played out
  const wtm::audio::WavSource spk(out);
  ASSERT_EQ(spk.sampleRate(), 16000);
  const auto& left = spk.channel(0)->samples;
  ASSERT_GT(left.size(), 12000u);
  double peak = 0;
  for (size_t i = 6000; i < 11000; ++i) peak = std::max(peak, std::abs(double(left[i])));
  EXPECT_GT(peak, 1600.0 / 32768.0);  // the AUDIO gain (10) amplifies
  size_t onset = 0;
  while (onset < left.size() && std::abs(left[onset]) < peak / 2) ++onset;
  // Latency: one 30 ms frame plus the decimators' delay (a few ms).
  const double latencyMs = (double(onset) - 4000.0) / 16.0;
  EXPECT_GT(latencyMs, 30.0);
  EXPECT_LT(latencyMs, 40.0);
  unsigned crossings = 0;
  for (size_t i = 6001; i < 11000; ++i)
    if ((left[i - 1] < 0) != (left[i] < 0)) ++crossings;
  EXPECT_NEAR(crossings / (4999.0 / 16000.0) / 2.0, 1000.0, 10.0);
  std::remove(in.c_str());
  std::remove(out.c_str());
}
