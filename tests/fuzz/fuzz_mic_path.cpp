// The microphone path behind --mic0/--mic1: a sound file (libsndfile through audio::WavSource)
// played by the PDM microphone model (resampled to the PDM clock, sigma-delta modulated) for a
// few thousand bits, at the clock the first input byte picks. Every bit must be +1 or -1 whatever
// the file holds (NaN, infinities, odd rates, one frame).
#include <cstdlib>

#include "QuietLog.h"
#include "FuzzInput.h"
#include "audio/PdmMicrophone.h"
#include "audio/WavSource.h"
#include "common/InputError.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static wtm::fuzz::TempFile file(".wav");
  if (size < 1) return 0;
  constexpr double kPdmRates[] = {0.512e6, 1.024e6, 2.048e6, 3.072e6};
  const double pdmRate = kPdmRates[data[0] % 4];
  const auto policy = static_cast<wtm::audio::EndOfAudio>((data[0] >> 2) % 3);
  file.write(data + 1, size - 1);
  try {
    const wtm::audio::WavSource source(file.path());
    wtm::audio::PdmMicrophone mic(source.mixdown(), policy, pdmRate);
    int8_t bits[4096];
    mic.generate(bits, sizeof bits);
    for (int8_t b : bits)
      if (b != 1 && b != -1) std::abort();
  } catch (const wtm::InputError&) {
  }
  return 0;
}
