// What the board connects to the AUDIO block's inputs: microphones on the two PDM pairs (each
// pair carries two mics, one per clock edge, as the X3 board's DMIC1/DMIC2 on PDM0 =
// GPIO4 clock / GPIO5 data) and the analog inputs (AMIC → ADC0, LINE-IN → ADC1).
#pragma once
#include <optional>
#include <string>

#include <systemc>

#include "audio/MonoSignal.h"
#include "audio/PcmCapture.h"
#include "audio/SignalReader.h"

namespace wtm::periph {

enum class PdmPort : unsigned { Pdm0 = 0, Pdm1 = 1 };
enum class PdmEdge : unsigned { Rising = 0, Falling = 1 };  // TRCTRL.CHn_PDM_EDGE_SEL encoding
enum class AnalogInput : unsigned { Amic = 0, LineIn = 1 };

struct MicrophoneOptions {
  audio::EndOfAudio atEnd = audio::EndOfAudio::Stop;
  audio::CapturePath path = audio::CapturePath::Pdm;
  // When the recording starts playing: unset = when the firmware first enables a channel that
  // listens to this input (so the whole recording is heard whatever the boot takes); or at a
  // fixed simulated time (the room plays on whether or not anyone records).
  std::optional<sc_core::sc_time> startAt;
};

// The six physical inputs, indexed as the model keeps them.
enum class InputSlot : unsigned { Pdm0Rising, Pdm0Falling, Pdm1Rising, Pdm1Falling, Amic, LineIn, Count };

inline InputSlot pdmSlot(PdmPort port, PdmEdge edge) {
  return static_cast<InputSlot>(2 * static_cast<unsigned>(port) + static_cast<unsigned>(edge));
}
inline InputSlot analogSlot(AnalogInput in) { return in == AnalogInput::Amic ? InputSlot::Amic : InputSlot::LineIn; }
const char* slotName(InputSlot slot);

}  // namespace wtm::periph
