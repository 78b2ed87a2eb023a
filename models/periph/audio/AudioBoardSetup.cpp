#include "AudioBoardSetup.h"

#include <algorithm>
#include <cmath>

#include <memory>
#include <set>
#include <tuple>

#include "audio/WavSource.h"
#include "common/InputError.h"
#include "common/Log.h"
#include "periph/audio/AudioFrontEnd.h"

namespace wtm::periph {

namespace po = boost::program_options;

po::options_description audioOptionsDescription() {
  po::options_description d("Audio (X3 board microphones)");
  // clang-format off
  d.add_options()
      ("mic0", po::value<std::string>(),
       "sound FILE (WAV or any libsndfile format, mono or stereo, any common rate) heard by DMIC1 on\n"
       "PDM0 (GPIO4 clock / GPIO5 data), rising edge; a stereo file's right channel also feeds DMIC2")
      ("mic1", po::value<std::string>(), "sound FILE heard by DMIC2 (PDM0 falling edge)")
      ("amic", po::value<std::string>(),
       "sound FILE heard by the analog microphone (AMIC input, ADC0), for firmware that selects the\n"
       "analog input (approximate: the analog front end's gains and AGC are not modelled)")
      ("line-in", po::value<std::string>(), "sound FILE on the LINE-IN input (ADC1), as --amic")
      ("audio-end", po::value<std::string>()->default_value("stop"),
       "when a recording has played out: stop (end the run, exit 0), loop, or silence")
      ("mic-level", po::value<double>()->default_value(0.0),
       "scale the recordings by DB decibels before the microphones (e.g. -20 to bring a loud file\n"
       "into the range of a high AUDIO gain); samples beyond full scale clip as a mic overloads")
      ("mic-path", po::value<std::string>()->default_value("pdm"),
       "pdm: the mic's 1-bit stream through the AUDIO decimators; bypass: resampled straight to the\n"
       "PCM rate (faster, no modulator noise or decimator delay)");
  // clang-format on
  return d;
}

AudioRunOptions audioOptionsFrom(const po::variables_map& vm) {
  AudioRunOptions o;
  if (vm.count("mic0")) o.mic0 = vm["mic0"].as<std::string>();
  if (vm.count("mic1")) o.mic1 = vm["mic1"].as<std::string>();
  if (vm.count("amic")) o.amic = vm["amic"].as<std::string>();
  if (vm.count("line-in")) o.lineIn = vm["line-in"].as<std::string>();
  for (const auto& [name, value] : {std::pair{"mic0", &o.mic0}, std::pair{"mic1", &o.mic1}, std::pair{"amic", &o.amic},
                                    std::pair{"line-in", &o.lineIn}})
    if (*value && (*value)->empty()) throw InputError(std::string("--") + name, "empty file name");
  const std::string end = vm.count("audio-end") ? vm["audio-end"].as<std::string>() : "stop";
  if (end != "stop" && end != "loop" && end != "silence")
    throw InputError("--audio-end", "'" + end + "' is not one of stop, loop, silence");
  o.atEnd = audio::parseEndOfAudio(end);
  o.levelDb = vm.count("mic-level") ? vm["mic-level"].as<double>() : 0.0;
  if (!(o.levelDb >= -120.0 && o.levelDb <= 40.0)) throw InputError("--mic-level", "must be between -120 and +40 dB");
  const std::string path = vm.count("mic-path") ? vm["mic-path"].as<std::string>() : "pdm";
  if (path == "pdm") o.path = audio::CapturePath::Pdm;
  else if (path == "bypass") o.path = audio::CapturePath::Bypass;
  else throw InputError("--mic-path", "'" + path + "' is not one of pdm, bypass");
  return o;
}

audio::SignalPtr scaledSignal(const audio::MonoSignal& in, double levelDb) {
  auto out = std::make_shared<audio::MonoSignal>(in);
  const float gain = static_cast<float>(std::pow(10.0, levelDb / 20.0));
  std::size_t clipped = 0;
  for (float& v : out->samples) {
    v *= gain;
    if (v > 1.0f || v < -1.0f) {
      v = std::clamp(v, -1.0f, 1.0f);
      ++clipped;
    }
  }
  if (clipped)
    log::warn("audio: ", in.name, ": ", clipped, " of ", in.samples.size(),
              " samples clip at full scale after --mic-level ", levelDb, " dB");
  return out;
}

void setupBoardAudio(AudioFrontEnd& audio, const AudioRunOptions& options, std::function<void()> stopRun) {
  MicrophoneOptions mic;
  mic.atEnd = options.atEnd;
  mic.path = options.path;
  auto remaining = std::make_shared<std::set<std::string>>();
  auto prepare = [&](audio::SignalPtr signal, const std::string& where) {
    if (options.levelDb != 0.0) signal = scaledSignal(*signal, options.levelDb);
    log::info("audio: ", signal->name, " (", signal->sampleRate, " Hz, ", signal->durationSeconds(), " s) on ", where);
    if (options.atEnd == audio::EndOfAudio::Stop) remaining->insert(signal->name);
    return signal;
  };
  auto attach = [&](PdmEdge edge, audio::SignalPtr signal) {
    signal = prepare(std::move(signal), edge == PdmEdge::Rising ? "DMIC1" : "DMIC2");
    audio.attachMicrophone(PdmPort::Pdm0, edge, std::move(signal), mic);
  };
  for (const auto& [file, input, where] : {std::tuple{&options.amic, AnalogInput::Amic, "AMIC"},
                                           std::tuple{&options.lineIn, AnalogInput::LineIn, "LINE-IN"}})
    if (*file) audio.attachAnalogInput(input, prepare(audio::WavSource(**file).mixdown(), where), mic);
  if (options.mic0) {
    const audio::WavSource wav(*options.mic0);
    attach(PdmEdge::Rising, wav.channel(0));
    if (wav.channels() == 2 && !options.mic1) attach(PdmEdge::Falling, wav.channel(1));
  }
  if (options.mic1) {
    const audio::WavSource wav(*options.mic1);
    attach(PdmEdge::Falling, wav.channel(wav.channels() == 2 ? 1 : 0));
  }
  if (options.atEnd == audio::EndOfAudio::Stop && !remaining->empty()) {
    audio.onEndOfAudio([remaining, stopRun](const std::string& name) {
      remaining->erase(name);
      if (remaining->empty()) {
        log::info("audio: every recording has played out (--audio-end stop)");
        if (stopRun) stopRun();
      }
    });
  }
}

}  // namespace wtm::periph
