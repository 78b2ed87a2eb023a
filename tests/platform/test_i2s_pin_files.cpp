// Host files on the I2S pins: the frame recorder (--i2sN-out) and the frame player (--i2sN-in).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>
#include <unistd.h>

#include <sndfile.h>

#include "I2sPinFiles.h"
#include "audio/WavSink.h"
#include "audio/WavSource.h"
#include "common/InputError.h"

int sc_main(int, char**) { return 0; }  // libsystemc wants one; gtest_main runs the tests

namespace {

using wtm::periph::I2sFormat;
using wtm::periph::I2sFrame;
using wtm::platform::I2sFramePlayer;
using wtm::platform::I2sFrameRecorder;

std::string tempPath(const std::string& name) {
  return std::string(::testing::TempDir()) + "i2s_pins_" + std::to_string(getpid()) + "_" + name;
}

std::string readAll(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A mono 16-bit file of `n` samples at `rate`: sample i = value(i).
template <typename F>
std::string writeMono(const std::string& name, int rate, int n, F value) {
  const std::string path = tempPath(name);
  wtm::audio::WavSink sink(path, 1);
  std::vector<int16_t> s(n);
  for (int i = 0; i < n; ++i) s[i] = value(i);
  sink.write(s.data(), s.size(), rate);
  return path;
}

TEST(I2sFrameRecorder, CsvHasOneLinePerFrameWithTheWordsAtTheirLength) {
  const std::string path = tempPath("frames.csv");
  {
    I2sFrameRecorder rec(path);
    rec.record({0x12345678, static_cast<int32_t>(0x90112233)}, {16000, 32, 32}, sc_core::sc_time(1, sc_core::SC_MS));
    rec.record({-1, 0x1234}, {16000, 16, 16}, sc_core::sc_time(1062500, sc_core::SC_NS));
    EXPECT_EQ(rec.frames(), 2u);
  }
  EXPECT_EQ(readAll(path), "time_s,left,right\n0.001000000,12345678,90112233\n0.001062500,ffff,1234\n");
  std::remove(path.c_str());
}

TEST(I2sFrameRecorder, WavKeeps32BitWordsExactlyAndLeftJustifiesShorterOnes) {
  const std::string path = tempPath("frames.wav");
  {
    I2sFrameRecorder rec(path);
    rec.record({0x12345678, static_cast<int32_t>(0x90112233)}, {16000, 32, 32}, sc_core::SC_ZERO_TIME);
    rec.record({-2, 0x4000}, {16000, 16, 16}, sc_core::SC_ZERO_TIME);
  }
  SF_INFO info{};
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(info.samplerate, 16000);
  EXPECT_EQ(info.channels, 2);
  EXPECT_EQ(info.format, SF_FORMAT_WAV | SF_FORMAT_PCM_32);
  int32_t words[4] = {};
  EXPECT_EQ(sf_readf_int(f, words, 2), 2);
  sf_close(f);
  EXPECT_EQ(static_cast<uint32_t>(words[0]), 0x12345678u);
  EXPECT_EQ(static_cast<uint32_t>(words[1]), 0x90112233u);
  EXPECT_EQ(words[2], -2 * 65536);
  EXPECT_EQ(words[3], 0x40000000);
  std::remove(path.c_str());
}

TEST(I2sFrameRecorder, AnUncreatableFileIsAnInputErrorNamingIt) {
  for (const char* path : {"/nonexistent-dir/x.csv", "/nonexistent-dir/x.wav"}) {
    try {
      I2sFrameRecorder rec(path);
      FAIL() << path;
    } catch (const wtm::InputError& e) {
      EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
  }
}

TEST(I2sFramePlayer, SamplesAtTheFrameRatePassUnchangedScaledToTheWordLengthThenSilence) {
  const std::string path =
      writeMono("mono.wav", 16000, 3, [](int i) { return static_cast<int16_t>(i == 0 ? 1000 : -32768 + i); });
  I2sFramePlayer player(path);
  I2sFrame f;
  ASSERT_TRUE(player.next(f, {16000, 16, 16}));
  EXPECT_EQ(f.left, 1000);
  EXPECT_EQ(f.right, 1000);  // a mono file on both sides
  ASSERT_TRUE(player.next(f, {16000, 24, 32}));
  EXPECT_EQ(f.left, (-32768 + 1) * 256);
  ASSERT_TRUE(player.next(f, {16000, 32, 32}));
  EXPECT_EQ(f.left, (-32768 + 2) * 65536);
  ASSERT_TRUE(player.next(f, {16000, 32, 32}));
  EXPECT_EQ(f.left, 0);
  EXPECT_EQ(f.right, 0);
  EXPECT_EQ(player.frames(), 4u);
  std::remove(path.c_str());
}

TEST(I2sFramePlayer, AFileAtAnotherRateIsResampledToTheFrameRate) {
  // 1 kHz at 48 kHz, played at 16 kHz frames: still 1 kHz (2 zero crossings per ms).
  const std::string path = writeMono("48k.wav", 48000, 48000, [](int i) {
    return static_cast<int16_t>(std::lround(16000 * std::sin(2 * M_PI * 1000 * i / 48000.0)));
  });
  I2sFramePlayer player(path);
  std::vector<int32_t> left;
  I2sFrame f;
  for (int i = 0; i < 16000; ++i) {
    player.next(f, {16000, 16, 16});
    left.push_back(f.left);
  }
  unsigned crossings = 0;
  int32_t peak = 0;
  for (size_t i = 1000; i < 15000; ++i) {
    if ((left[i - 1] < 0) != (left[i] < 0)) ++crossings;
    peak = std::max(peak, std::abs(left[i]));
  }
  EXPECT_NEAR(crossings / (14000 / 16000.0) / 2.0, 1000.0, 5.0);
  EXPECT_NEAR(peak, 16000, 400);
  std::remove(path.c_str());
}

TEST(I2sFramePlayer, AnUnreadableFileIsAnInputErrorNamingIt) {
  try {
    I2sFramePlayer player("/nonexistent-dir/in.wav");
    FAIL();
  } catch (const wtm::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/in.wav"), std::string::npos) << e.what();
  }
}

}  // namespace
