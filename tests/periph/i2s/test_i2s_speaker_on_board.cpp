// The X3 speaker: firmware plays a 1 kHz tone through I2S1; --speaker writes it to a WAV file at
// the programmed frame rate.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "BoardRunner.h"
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
  EXPECT_NEAR(peak, 16000.0 / 32768.0, 0.01);      // full 16-bit scale, as written
  EXPECT_NEAR(sumLr / double(left->samples.size()), 0.0, 1e-3);  // right = -left
  std::remove(wav.c_str());
}

TEST(I2sSpeakerOnBoard, AnUnwritableSpeakerFileIsABadInput) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/i2s/i2s_speaker.elf") + " --speaker /nonexistent-dir/s.wav");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("/nonexistent-dir/s.wav: cannot create the speaker file"), std::string::npos) << r.err;
}
