// Sound files for the microphones (--mic0 FILE): whatever libsndfile recognises, checked for
// channels, rate, frame count and truncation by audio::WavSource.
#include "QuietLog.h"
#include "FuzzInput.h"
#include "audio/WavSource.h"
#include "common/InputError.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static wtm::fuzz::TempFile file(".wav");
  file.write(data, size);
  try {
    const wtm::audio::WavSource source(file.path());
    (void)source.mixdown();
  } catch (const wtm::InputError&) {
  }
  return 0;
}
