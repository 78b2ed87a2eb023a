// AUDIO block of the WTM2101 at 0x5000_3000 (reference/soc.md §4.7): three capture channels
// (0/1: PDM microphones or the analog ADCs; 2: line-in), each decimating its input with the
// configured filter chain (models/audio) into 16-bit PCM, delivered to a FIFO (8 words, two
// samples per word) or — channels 0/1 — to a frame RAM ring with a frame-valid interrupt; the
// VAD; TRINT/TRINTMSK → IRQ 37, VAD_ACT → IRQ 38; DMA request lines per channel.
//
// Clocking: PDM/ADC clock = audio master clock (a ClockDomain: 24M / (PMU CLK_CTL.AUD_DIV_NUM
// + 1), owned by the platform) / (TRCTRL.CH_CLK_DIV + 1); PCM rate = that / the chain's
// decimation (32·2·2 with all stages, 32·2 with the half-band bypassed, ...).
//
// Time: like the UART and SysTimer models, state is computed from simulated time. A channel's
// samples exist from its enable time on, one per PCM period; they are computed in blocks when
// an access, an interrupt-relevant instant or the end of a frame needs them — never per sample
// or per PDM bit in SystemC. The timed-device update wakes at the next instant the
// interrupt or DMA lines can change by themselves (a frame completes, a FIFO crosses half/full,
// a VAD frame ends); the interrupt ports and the DMA callback are driven only from there.
// Accesses carry the CPU's local time (accessTime(), possibly ahead of sc_time_stamp()); the
// model's time only moves forward.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include <systemc>

#include "audio/MonoSignal.h"
#include "common/ClockDomain.h"
#include "common/TimedDevice.h"
#include "periph/audio/AudioChannel.h"
#include "periph/audio/AudioInputs.h"
#include "periph/audio/FrameRam.h"
#include "periph/audio/VadDetector.h"

namespace wtm::periph {

class AudioFrontEnd : public TimedDevice {
 public:
  static constexpr unsigned kChannels = 3;
  using DmaRequest = std::function<void(unsigned channel, bool active)>;
  using EndOfAudioHandler = std::function<void(const std::string& recording)>;

  sc_core::sc_out<bool> irq{"irq"};         // IRQ 37: TRINT & ~TRINTMSK (without VAD_ACT)
  sc_core::sc_out<bool> vadIrq{"vad_irq"};  // IRQ 38: VAD_ACT & ~TRINTMSK.VAD_ACT

  // `audioClock`: the audio master clock (24M / (AUD_DIV_NUM + 1)); changes are followed.
  AudioFrontEnd(sc_core::sc_module_name name, ClockDomain& audioClock);

  // ---- Board side ----
  // A microphone on a PDM pair, answering on one clock edge (a stereo recording: attach its
  // channels to both edges of one pair).
  void attachMicrophone(PdmPort port, PdmEdge edge, audio::SignalPtr signal, const MicrophoneOptions& options = {});
  void attachAnalogInput(AnalogInput input, audio::SignalPtr signal, const MicrophoneOptions& options = {});
  // Called once per recording with EndOfAudio::Stop, at the simulated time it has played out
  // (from an SC_METHOD; the board typically calls sc_stop() there, or a little later).
  void onEndOfAudio(EndOfAudioHandler handler) { endOfAudio_ = std::move(handler); }
  // DMA hardware handshake requests, by AUDIO channel (0/1/2); the platform maps them to the
  // DMA handshake numbers (11 for channel 0; 0/3 for channel 1 and 1/2 for channel 2 by RCC
  // SYS_CFG.DMA_REUSE). Called from an SC_METHOD when a level changes.
  void setDmaRequestHandler(DmaRequest handler) { dmaRequest_ = std::move(handler); }
  // The request level right now (for a DMA model that re-checks after each burst).
  bool dmaRequestActive(unsigned channel) const;
  // Block reset (RCC AUD_RSTN): registers to their reset values, channels stopped, FIFOs/RAMs
  // and VAD emptied. Attached inputs stay attached; recordings not yet heard start afresh.
  void reset();

  // ---- Observation (tests, statistics) ----
  double pdmRate() const;                  // Hz, from the audio clock and CH_CLK_DIV
  double pcmRate(unsigned channel) const;  // Hz, with the channel's decimation
  uint64_t samplesProduced(unsigned channel) const { return channels_[channel].produced(); }
  uint64_t framesCompleted(unsigned ram) const { return rams_[ram].frames(); }

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  struct Input {
    audio::SignalPtr signal;
    MicrophoneOptions options;
    std::optional<sc_core::sc_time> startedAt;
    bool endReported = false;
  };
  // What a running channel listens to, and whether its enable started that recording.
  struct ChannelStart {
    InputSlot slot = InputSlot::Count;
    bool startedRecording = false;
    uint64_t producedAtStart = 0;
  };

  void settleAll(const sc_core::sc_time& t);

  // TRCTRL decoding
  bool channelEnabled(unsigned ch, uint32_t trctrl) const;
  TransferMode channelMode(unsigned ch, uint32_t trctrl) const;
  InputSlot channelInput(unsigned ch, uint32_t trctrl) const;
  audio::DecimationConfig chainConfig(unsigned ch) const;
  double pcmRateFor(unsigned ch, uint32_t trctrl) const;
  unsigned effectiveGain(unsigned ch) const { return effectiveGain_[ch]; }

  void writeTrctrl(uint32_t value);
  void startChannel(unsigned ch);
  void stopChannel(unsigned ch);
  void reconfigureRunning();
  void followClock();
  void writeFfclr(uint32_t value);
  void writeRamclr(uint32_t value);
  void writePcmGain(uint32_t value);
  void applyRamConfig(unsigned ram);
  void writeRamConfig(uint32_t& reg, unsigned ram, uint32_t value);  // a RAMnCFGm register, then its ring
  void applyVadConfig();
  void applyBiquad();
  void writeBiquad(uint32_t& reg, uint32_t value);  // a PCM0CFGn register, then the filter

  uint32_t trint() const;
  uint32_t readFifoWord(unsigned ch);
  uint32_t readRamWord(unsigned ram);
  uint32_t readStereoFifo();
  uint32_t readStereoRam();
  void warnOnce(const std::string& key, const std::string& text);

  void advanceTo(const sc_core::sc_time& t) override;  // every running channel's samples up to t
  void driveOutputs() override;                        // irq, vadIrq and the DMA requests
  // The next FIFO level, RAM frame or VAD frame end the status bits or DMA requests react to.
  std::optional<sc_core::sc_time> nextChange() const override;
  void checkEndOfAudio();  // SC_METHOD
  void scheduleEndOfAudio();

  const ClockDomain& audioClock_;
  std::array<FrameRam, 2> rams_;
  std::array<AudioChannel, kChannels> channels_;
  std::array<Input, static_cast<size_t>(InputSlot::Count)> inputs_;
  std::array<ChannelStart, kChannels> channelStart_{};
  VadDetector vad_;

  // registers
  uint32_t trctrl_ = 0;
  uint32_t ramCfg0_[2] = {0, 0}, ramCfg1_[2] = {0, 0};
  uint32_t pcmCfg_[3] = {0, 0, 0};
  uint32_t pcmGain_ = 0;
  unsigned effectiveGain_[kChannels] = {0, 0, 0};
  uint32_t vadReg_[5] = {0, 0, 0, 0, 0};
  uint32_t trintMask_;
  uint32_t afeIntMask_ = 0, anaLock_ = 0, clkSwi_ = 0, dmaCfg_ = 0;
  std::array<uint32_t, 21> ana_{};  // ANA0..ANA20CFG

  sc_core::sc_event endOfAudioEvent_;
  std::array<bool, kChannels> dmaLevel_{};
  DmaRequest dmaRequest_;
  EndOfAudioHandler endOfAudio_;
  std::set<std::string> warned_;
};

}  // namespace wtm::periph
