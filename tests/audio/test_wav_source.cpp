// WavSource: files written here with libsndfile (mono/stereo, several rates and sample
// formats) read back exactly; malformed or unsupported files give "FILE: cause" errors; the
// end-of-audio policies of SignalReader.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <cmath>
#include <string>

#include "SignalAnalysis.h"
#include "audio/SignalReader.h"
#include "audio/WavSink.h"
#include "audio/WavSource.h"
#include "common/InputError.h"

using namespace audio_test;
using wtm::InputError;
using wtm::audio::EndOfAudio;
using wtm::audio::SignalReader;
using wtm::audio::WavSource;

namespace {

std::string tempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("wtm_audio_" + std::to_string(::getpid()) + "_" + name)).string();
}

// Expects `f` to throw an InputError whose message starts with the path and contains `cause`.
template <typename F>
void expectInputError(const std::string& path, const std::string& cause, F f) {
  try {
    f();
    FAIL() << "no error for " << path;
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind(path + ": ", 0), 0u) << what;
    EXPECT_NE(what.find(cause), std::string::npos) << what;
  }
}

}  // namespace

TEST(WavSource, ReadsMono16BitAt16k) {
  const auto path = tempPath("mono.wav");
  const auto s = tone(1000, 0.5, 16000, 0.25);
  writeSoundFile(path, s, 16000, 1);
  WavSource wav(path);
  EXPECT_EQ(wav.channels(), 1);
  EXPECT_DOUBLE_EQ(wav.sampleRate(), 16000);
  ASSERT_EQ(wav.frames(), s.size());
  EXPECT_DOUBLE_EQ(wav.durationSeconds(), 0.25);
  // 16-bit quantisation: within half an LSB
  for (size_t i = 0; i < s.size(); ++i) ASSERT_NEAR(wav.channel(0)->samples[i], s[i], 1.0 / 32768) << i;
  EXPECT_EQ(wav.channel(1), wav.channel(0));  // a mono file feeds both edges alike
  std::remove(path.c_str());
}

TEST(WavSource, ReadsStereoFloatAt44k1WithSeparateChannels) {
  const auto path = tempPath("stereo.wav");
  const auto l = tone(440, 0.25, 44100, 0.1), r = tone(3000, 0.125, 44100, 0.1);
  std::vector<float> interleaved;
  for (size_t i = 0; i < l.size(); ++i) interleaved.insert(interleaved.end(), {l[i], r[i]});
  writeSoundFile(path, interleaved, 44100, 2, SF_FORMAT_WAV | SF_FORMAT_FLOAT);
  WavSource wav(path);
  EXPECT_EQ(wav.channels(), 2);
  EXPECT_DOUBLE_EQ(wav.sampleRate(), 44100);
  ASSERT_EQ(wav.frames(), l.size());
  for (size_t i = 0; i < l.size(); i += 97) {
    EXPECT_FLOAT_EQ(wav.channel(0)->samples[i], l[i]);
    EXPECT_FLOAT_EQ(wav.channel(1)->samples[i], r[i]);
    EXPECT_FLOAT_EQ(wav.mixdown()->samples[i], 0.5f * (l[i] + r[i]));
  }
  EXPECT_NE(wav.channel(1)->name.find("[right]"), std::string::npos);
  std::remove(path.c_str());
}

TEST(WavSource, ClipsFloatSamplesBeyondFullScale) {
  const auto path = tempPath("loud.wav");
  writeSoundFile(path, {2.0f, -3.0f, 0.5f}, 8000, 1, SF_FORMAT_WAV | SF_FORMAT_FLOAT);
  WavSource wav(path);
  EXPECT_FLOAT_EQ(wav.channel(0)->samples[0], 1.0f);
  EXPECT_FLOAT_EQ(wav.channel(0)->samples[1], -1.0f);
  EXPECT_FLOAT_EQ(wav.channel(0)->samples[2], 0.5f);
  std::remove(path.c_str());
}

// A NaN or Inf in a float file must not poison the stream for the rest of the run: NaN plays as
// silence, ±Inf as full scale, the neighbours are untouched, and the file and the first frame
// are named once on stderr with the count.
TEST(WavSource, NonFiniteFloatSamplesPlayDeterministicallyAndAreReported) {
  for (const int format : {SF_FORMAT_AU | SF_FORMAT_FLOAT, SF_FORMAT_WAV | SF_FORMAT_FLOAT}) {
    const auto path = tempPath("nonfinite.snd");
    const float inf = std::numeric_limits<float>::infinity();
    writeSoundFile(path, {0.25f, std::nanf(""), 0.5f, inf, -inf, std::nanf(""), -0.5f}, 8000, 1, format);
    testing::internal::CaptureStderr();
    WavSource wav(path);
    const std::string err = testing::internal::GetCapturedStderr();
    const std::vector<float> want = {0.25f, 0.0f, 0.5f, 1.0f, -1.0f, 0.0f, -0.5f};
    ASSERT_EQ(wav.frames(), want.size());
    for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(wav.channel(0)->samples[i], want[i]) << i;
    EXPECT_EQ(wav.nonFiniteSamples(), 4u);
    EXPECT_EQ(wav.firstNonFiniteFrame(), 1u);
    EXPECT_EQ(err, "warning: " + path + ": 4 non-finite sample(s) (NaN or Inf), the first at frame 1; played as " +
                       "silence (NaN) or full scale (Inf)\n");
    std::remove(path.c_str());
  }
}

// Stereo: the frame (not the interleaved index) is named, and the mixdown stays finite.
TEST(WavSource, NonFiniteSampleInTheRightChannelNamesItsFrame) {
  const auto path = tempPath("nonfinite_stereo.wav");
  writeSoundFile(path, {0.1f, 0.1f, 0.2f, 0.2f, 0.3f, std::nanf("")}, 8000, 2, SF_FORMAT_WAV | SF_FORMAT_FLOAT);
  testing::internal::CaptureStderr();
  WavSource wav(path);
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(wav.firstNonFiniteFrame(), 2u);
  EXPECT_EQ(wav.nonFiniteSamples(), 1u);
  EXPECT_NE(err.find("the first at frame 2"), std::string::npos) << err;
  EXPECT_EQ(wav.channel(1)->samples[2], 0.0f);
  EXPECT_FLOAT_EQ(wav.mixdown()->samples[2], 0.15f);
  std::remove(path.c_str());
}

// Clean files say nothing.
TEST(WavSource, FiniteFilesAreNotWarnedAbout) {
  const auto path = tempPath("finite.wav");
  writeSoundFile(path, {2.0f, -0.5f}, 8000, 1, SF_FORMAT_WAV | SF_FORMAT_FLOAT);
  testing::internal::CaptureStderr();
  WavSource wav(path);
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(wav.nonFiniteSamples(), 0u);
  std::remove(path.c_str());
}

TEST(WavSource, MissingFileIsAnInputError) {
  const auto path = tempPath("does_not_exist.wav");
  expectInputError(path, "cannot open: No such file or directory", [&] { WavSource w(path); });
}

TEST(WavSource, GarbageIsAnInputError) {
  const auto path = tempPath("garbage.wav");
  {
    std::ofstream f(path, std::ios::binary);
    f << "RIFF this is not really a wave file at all, just text";
  }
  expectInputError(path, "cannot read as a sound file", [&] { WavSource w(path); });
  std::remove(path.c_str());
}

TEST(WavSource, EmptyFileIsAnInputError) {
  const auto path = tempPath("empty.wav");
  { std::ofstream f(path, std::ios::binary); }
  expectInputError(path, "cannot read as a sound file", [&] { WavSource w(path); });
  std::remove(path.c_str());
}

TEST(WavSource, HeaderWithoutSamplesIsAnInputError) {
  const auto path = tempPath("no_frames.wav");
  writeSoundFile(path, {}, 16000, 1);
  expectInputError(path, "no audio frames", [&] { WavSource w(path); });
  std::remove(path.c_str());
}

namespace {
// A valid 16-bit mono WAV of `frames` samples, as bytes.
std::string wavBytes(size_t frames) {
  const auto path = tempPath("bytes.wav");
  writeSoundFile(path, std::vector<float>(frames, 0.25f), 16000, 1);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path.c_str());
  return bytes;
}
void writeBytes(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }
}  // namespace

TEST(WavSource, TruncatedDataChunkIsAnInputError) {
  const auto path = tempPath("truncated.wav");
  const auto bytes = wavBytes(1000);  // 44-byte header + 2000 data bytes
  writeBytes(path, bytes.substr(0, bytes.size() / 2));
  expectInputError(path, "truncated: the data chunk announces 2000 bytes, the file holds 978",
                   [&] { WavSource w(path); });
  writeBytes(path, bytes);  // the complete file is fine
  EXPECT_EQ(WavSource(path).frames(), 1000u);
  std::remove(path.c_str());
}

TEST(WavSource, HeaderWithoutDataChunkIsAnInputError) {
  const auto path = tempPath("header_only.wav");
  writeBytes(path, wavBytes(10).substr(0, 36));  // RIFF + fmt chunk, nothing after
  expectInputError(path, "cannot read as a sound file", [&] { WavSource w(path); });
  std::remove(path.c_str());
}

TEST(WavSource, UnknownCodecIsAnInputError) {
  const auto path = tempPath("codec.wav");
  auto bytes = wavBytes(100);
  bytes[20] = 0x34;  // fmt chunk format tag 0x1234 (no such codec)
  bytes[21] = 0x12;
  writeBytes(path, bytes);
  expectInputError(path, "cannot read as a sound file", [&] { WavSource w(path); });
  std::remove(path.c_str());
}

TEST(WavSource, ThreeChannelsAreUnsupported) {
  const auto path = tempPath("three.wav");
  writeSoundFile(path, std::vector<float>(30, 0.0f), 16000, 3);
  expectInputError(path, "unsupported channel count 3", [&] { WavSource w(path); });
  std::remove(path.c_str());
}

TEST(WavSource, TooLowRateIsUnsupported) {
  const auto path = tempPath("slow.wav");
  writeSoundFile(path, std::vector<float>(100, 0.0f), 2000, 1);
  expectInputError(path, "unsupported sample rate 2000 Hz", [&] { WavSource w(path); });
  std::remove(path.c_str());
}

TEST(SignalReader, PoliciesAfterTheEnd) {
  auto sig = std::make_shared<wtm::audio::MonoSignal>();
  sig->sampleRate = 8000;
  sig->samples = {0.1f, 0.2f, 0.3f};
  float out[7];
  SignalReader loop(sig, EndOfAudio::Loop);
  loop.read(out, 7);
  EXPECT_FLOAT_EQ(out[3], 0.1f);
  EXPECT_FLOAT_EQ(out[6], 0.1f);
  EXPECT_FALSE(loop.pastEnd());
  SignalReader silence(sig, EndOfAudio::Silence);
  silence.read(out, 7);
  EXPECT_FLOAT_EQ(out[2], 0.3f);
  EXPECT_FLOAT_EQ(out[3], 0.0f);
  EXPECT_FLOAT_EQ(out[6], 0.0f);
  EXPECT_TRUE(silence.pastEnd());
  EXPECT_EQ(silence.position(), 7u);
  EXPECT_EQ(wtm::audio::parseEndOfAudio("loop"), EndOfAudio::Loop);
  EXPECT_THROW(wtm::audio::parseEndOfAudio("rewind"), InputError);
}

TEST(WavSink, WritesA16BitWavAtTheFirstRateAndReadsBack) {
  const std::string path = ::testing::TempDir() + "wav_sink_test.wav";
  {
    wtm::audio::WavSink sink(path, 2);
    std::vector<int16_t> frames;
    for (int i = 0; i < 1600; ++i) {
      frames.push_back(static_cast<int16_t>(i));
      frames.push_back(static_cast<int16_t>(-i));
    }
    sink.write(frames.data(), 800, 16000);
    sink.write(frames.data() + 1600, 800, 16000);
    EXPECT_FALSE(sink.rateChanged());
    sink.write(frames.data(), 1, 8000);
    EXPECT_TRUE(sink.rateChanged());
    EXPECT_EQ(sink.framesWritten(), 1601u);
  }
  const wtm::audio::WavSource back(path);
  EXPECT_EQ(back.sampleRate(), 16000);
  EXPECT_EQ(back.channels(), 2);
  EXPECT_EQ(back.frames(), 1601u);
  std::remove(path.c_str());
}

TEST(WavSink, AnUnwritableFileIsAnInputError) {
  try {
    wtm::audio::WavSink sink("/nonexistent-dir/out.wav", 1);
    ADD_FAILURE() << "no error";
  } catch (const wtm::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/out.wav: cannot create"), std::string::npos) << e.what();
  }
}
