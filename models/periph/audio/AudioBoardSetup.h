// Host side of the board's microphones: the "Audio" option group of wtm2101-board and wiring the
// recordings to the AUDIO block as the X3 board connects its two PDM MEMS mics (DMIC1 and DMIC2
// share PDM0 — clock GPIO4, data GPIO5 — DMIC1 answering on the rising edge, DMIC2 on the falling
// one, reference/soc.md §4.7 "Stereo DMIC" and §6).
//   --mic0 FILE   DMIC1 (PDM0 rising edge). A stereo file: its left channel here, and its right
//                 channel on DMIC2 unless --mic1 is given.
//   --mic1 FILE   DMIC2 (PDM0 falling edge); a stereo file gives its right channel.
//   --amic FILE, --line-in FILE   the analog inputs, mixed down to mono
//   --audio-end stop|loop|silence   what happens when a recording has played out
//   --speaker FILE.wav              I2S1's output (the MAX98357 amplifier), written by the platform
//   --mic-path pdm|bypass           PDM bit stream through the decimators (default) or the
//                                   documented bypass (resampled straight to the PCM rate)
#pragma once
#include <functional>
#include <optional>
#include <string>

#include <boost/program_options.hpp>

#include "audio/PcmCapture.h"
#include "audio/SignalReader.h"

namespace wtm::periph {

class AudioFrontEnd;

struct AudioRunOptions {
  std::optional<std::string> mic0, mic1;
  std::optional<std::string> amic, lineIn;  // the analog inputs (AMIC → ADC0, LINE-IN → ADC1)
  audio::EndOfAudio atEnd = audio::EndOfAudio::Stop;
  audio::CapturePath path = audio::CapturePath::Pdm;
  double levelDb = 0.0;  // --mic-level: gain applied to the recordings
};

// `in` scaled by levelDb decibels, clipped to full scale (a warning counts the clipped samples).
audio::SignalPtr scaledSignal(const audio::MonoSignal& in, double levelDb);

boost::program_options::options_description audioOptionsDescription();
// Throws InputError for a bad policy or path name.
AudioRunOptions audioOptionsFrom(const boost::program_options::variables_map& vm);

// Reads the files (InputError "FILE: cause" for unreadable/unsupported ones) and attaches them.
// With --audio-end stop, `stopRun` is called (from a SystemC method) once every attached
// recording has played out since the firmware started listening.
void setupBoardAudio(AudioFrontEnd& audio, const AudioRunOptions& options, std::function<void()> stopRun);

}  // namespace wtm::periph
