#include "AudioFrontEnd.h"

#include <algorithm>

#include "common/Log.h"
#include "common/NotifyAt.h"
#include "periph/audio/audio_regs.h"

namespace wtm::periph {

using namespace audio_regs;
using sc_core::sc_time;

namespace {

struct ChannelFields {
  BitField enable, mode, analog, edge, pdmChange, gain, dmaEnable, dmaLevel;
  BitField fifoFull, fifoHalf, fifoEmpty, fifoOverflow, fifoUnderflow;
};
const ChannelFields kChannelFields[AudioFrontEnd::kChannels] = {
    {TRCTRL_CH0_TR_EN, TRCTRL_CH0_TR_MOD_SEL, TRCTRL_CH0_PDM_SEL, TRCTRL_CH0_PDM_EDGE_SEL, TRCTRL_CH0_PDM_CH_CHANGE,
     PCMGAIN_CH0_GAIN, DMA_CFG_CH0_DMA_REQ_EN, DMA_CFG_CH0_DMA_REQ_LEVEL, TRINT_FIFO0_FULL, TRINT_FIFO0_HALF_FULL,
     TRINT_FIFO0_EMP, TRINT_FIFO0_OVERFLOW, TRINT_FIFO0_UNDERFLOW},
    {TRCTRL_CH1_TR_EN, TRCTRL_CH1_TR_MOD_SEL, TRCTRL_CH1_PDM_SEL, TRCTRL_CH1_PDM_EDGE_SEL, TRCTRL_CH1_PDM_CH_CHANGE,
     PCMGAIN_CH1_GAIN, DMA_CFG_CH1_DMA_REQ_EN, DMA_CFG_CH1_DMA_REQ_LEVEL, TRINT_FIFO1_FULL, TRINT_FIFO1_HALF_FULL,
     TRINT_FIFO1_EMP, TRINT_FIFO1_OVERFLOW, TRINT_FIFO1_UNDERFLOW},
    // channel 2: line-in only, FIFO only, no PDM fields (unused entries repeat channel 1's
    // and are never consulted)
    {TRCTRL_CH2_TR_EN, TRCTRL_CH1_TR_MOD_SEL, TRCTRL_CH1_PDM_SEL, TRCTRL_CH1_PDM_EDGE_SEL, TRCTRL_CH1_PDM_CH_CHANGE,
     PCMGAIN_CH2_GAIN, DMA_CFG_CH2_DMA_REQ_EN, DMA_CFG_CH2_DMA_REQ_LEVEL, TRINT_FIFO2_FULL, TRINT_FIFO2_HALF_FULL,
     TRINT_FIFO2_EMP, TRINT_FIFO2_OVERFLOW, TRINT_FIFO2_UNDERFLOW},
};
constexpr unsigned kLineInChannel = 2;
const BitField kRamFrameValid[2] = {TRINT_RAM0_FRAME_VLD, TRINT_RAM1_FRAME_VLD};
// FFCLR / RAMCLR bit groups per FIFO / RAM
constexpr unsigned kFfclrBitsPerFifo = FFCLR_FIFO1_UNDERFLOW_CLR.lsb - FFCLR_FIFO0_UNDERFLOW_CLR.lsb;
constexpr unsigned kRamclrBitsPerRam = RAMCLR_RAM1_CLR.lsb - RAMCLR_RAM0_CLR.lsb;

}  // namespace

const char* slotName(InputSlot slot) {
  switch (slot) {
    case InputSlot::Pdm0Rising: return "PDM0 rising edge";
    case InputSlot::Pdm0Falling: return "PDM0 falling edge";
    case InputSlot::Pdm1Rising: return "PDM1 rising edge";
    case InputSlot::Pdm1Falling: return "PDM1 falling edge";
    case InputSlot::Amic: return "analog mic (ADC0)";
    case InputSlot::LineIn: return "line-in (ADC1)";
    case InputSlot::Count: break;
  }
  return "?";
}

AudioFrontEnd::AudioFrontEnd(sc_core::sc_module_name name, ClockDomain& audioClock)
    : TimedDevice(name, kRegisterTable),
      audioClock_(audioClock),
      channels_{AudioChannel(0, &rams_[0]), AudioChannel(1, &rams_[1]), AudioChannel(2, nullptr)},
      trintMask_(TRINTMSK_RESET) {
  SC_HAS_PROCESS(AudioFrontEnd);
  SC_METHOD(checkEndOfAudio);
  sensitive << endOfAudioEvent_;
  dont_initialize();
  audioClock.onChange([this](const ClockDomain&) { followClock(); });
}

// ---------------------------------------------------------------- board side

void AudioFrontEnd::attachMicrophone(PdmPort port, PdmEdge edge, audio::SignalPtr signal,
                                     const MicrophoneOptions& options) {
  auto& in = inputs_[static_cast<size_t>(pdmSlot(port, edge))];
  in = Input{std::move(signal), options, options.startAt, false};
  scheduleEndOfAudio();
}

void AudioFrontEnd::attachAnalogInput(AnalogInput input, audio::SignalPtr signal, const MicrophoneOptions& options) {
  auto& in = inputs_[static_cast<size_t>(analogSlot(input))];
  in = Input{std::move(signal), options, options.startAt, false};
  scheduleEndOfAudio();
}

// ---------------------------------------------------------------- TRCTRL decoding

bool AudioFrontEnd::channelEnabled(unsigned ch, uint32_t trctrl) const {
  return kChannelFields[ch].enable.test(trctrl);
}

TransferMode AudioFrontEnd::channelMode(unsigned ch, uint32_t trctrl) const {
  if (ch == kLineInChannel) return TransferMode::Fifo;
  return static_cast<TransferMode>(kChannelFields[ch].mode.get(trctrl));
}

InputSlot AudioFrontEnd::channelInput(unsigned ch, uint32_t trctrl) const {
  if (ch == kLineInChannel) return InputSlot::LineIn;
  const auto& f = kChannelFields[ch];
  if (f.analog.test(trctrl)) return ch == 0 ? InputSlot::Amic : InputSlot::LineIn;
  // channel 0 listens to PDM0 unless CH0_PDM_CH_CHANGE; channel 1 to PDM1 unless
  // CH1_PDM_CH_CHANGE (the vendor driver sets that bit to select PDM0 for channel 1)
  const bool change = f.pdmChange.test(trctrl);
  const PdmPort port = (ch == 0) != change ? PdmPort::Pdm0 : PdmPort::Pdm1;
  const PdmEdge edge = f.edge.test(trctrl) ? PdmEdge::Falling : PdmEdge::Rising;
  return pdmSlot(port, edge);
}

audio::DecimationConfig AudioFrontEnd::chainConfig(unsigned ch) const {
  audio::DecimationConfig c;
  c.sincCompensation = !TRCTRL_SINC5D2_BYPASS.test(trctrl_);
  c.halfBand = !TRCTRL_HALFBAND_BYPASS.test(trctrl_);
  c.highPass = ch == kLineInChannel ? !TRCTRL_CH2_HIGH_BYPASS.test(trctrl_) : !TRCTRL_HIGHPASS_BYPASS.test(trctrl_);
  c.preEmphasis = !TRCTRL_PRE_EMPHASIS_BYPASS.test(trctrl_);
  c.gainCode = effectiveGain(ch);
  return c;
}

double AudioFrontEnd::pdmRate() const { return audioClock_.frequency() / (TRCTRL_CH_CLK_DIV.get(trctrl_) + 1); }

double AudioFrontEnd::pcmRateFor(unsigned ch, uint32_t) const { return pdmRate() / chainConfig(ch).decimation(); }
double AudioFrontEnd::pcmRate(unsigned channel) const { return pcmRateFor(channel, trctrl_); }

// ---------------------------------------------------------------- time

void AudioFrontEnd::advanceTo(const sc_time& t) { settleAll(t); }

void AudioFrontEnd::settleAll(const sc_time& t) {
  for (auto& ch : channels_) ch.settle(t);
}

void AudioFrontEnd::startChannel(unsigned ch) {
  const InputSlot slot = channelInput(ch, trctrl_);
  Input& in = inputs_[static_cast<size_t>(slot)];
  std::unique_ptr<audio::PcmCapture> capture;
  channelStart_[ch] = ChannelStart{slot, false, channels_[ch].produced()};
  if (in.signal) {
    if (!in.startedAt) {
      in.startedAt = now();
      channelStart_[ch].startedRecording = true;
      scheduleEndOfAudio();
    }
    const double offset = now() > *in.startedAt ? (now() - *in.startedAt).to_seconds() : 0.0;
    capture = std::make_unique<audio::PcmCapture>(in.signal, in.options.atEnd, pdmRate(), chainConfig(ch),
                                                  in.options.path, offset);
    log::info(basename(), ": channel ", ch, " captures ", in.signal->name, " on ", slotName(slot), " at ",
              pdmRate() / 1e6, " MHz PDM, ", pcmRate(ch), " Hz PCM");
  } else {
    log::info(basename(), ": channel ", ch, " enabled with nothing on ", slotName(slot), " (silence)");
  }
  channels_[ch].setMode(channelMode(ch, trctrl_));
  channels_[ch].start(now(), pcmRate(ch), std::move(capture));
}

void AudioFrontEnd::stopChannel(unsigned ch) {
  channels_[ch].stop();
  // The vendor HAL enables a channel for a moment to latch its gain ("cross clock" quirk). An
  // enable that ended before a single sample was complete did not start the recording: it
  // starts at the next real enable, so nothing of it is lost to the time between init and start.
  auto& start = channelStart_[ch];
  if (start.startedRecording && channels_[ch].produced() == start.producedAtStart) {
    inputs_[static_cast<size_t>(start.slot)].startedAt.reset();
  }
  start.startedRecording = false;
}

void AudioFrontEnd::reset() {
  catchUp(sc_core::sc_time_stamp());
  for (unsigned ch = 0; ch < kChannels; ++ch)
    if (channels_[ch].running()) stopChannel(ch);
  for (auto& c : channels_) c.reset();
  trctrl_ = 0;
  for (unsigned r = 0; r < rams_.size(); ++r) {
    ramCfg0_[r] = ramCfg1_[r] = 0;
    applyRamConfig(r);
    rams_[r].clear();
  }
  pcmCfg_[0] = pcmCfg_[1] = pcmCfg_[2] = 0;
  applyBiquad();
  pcmGain_ = 0;
  for (auto& g : effectiveGain_) g = 0;
  for (auto& v : vadReg_) v = 0;
  vad_ = VadDetector();
  applyVadConfig();
  trintMask_ = TRINTMSK_RESET;
  afeIntMask_ = anaLock_ = clkSwi_ = dmaCfg_ = 0;
  ana_.fill(0);
  for (auto& in : inputs_)
    if (in.startedAt && !in.endReported) in.startedAt.reset();
  scheduleUpdate(now());
}

void AudioFrontEnd::reconfigureRunning() {
  for (unsigned ch = 0; ch < kChannels; ++ch) {
    auto& c = channels_[ch];
    if (!c.running()) continue;
    if (auto* cap = c.capture()) {
      cap->reconfigure(chainConfig(ch));
      cap->setPdmRate(pdmRate());
    }
    c.retime(now(), pcmRate(ch));
  }
}

void AudioFrontEnd::followClock() {
  // The clock changed during a register access of another block (PMU) or between runs: rebase
  // at the latest time this model has seen.
  catchUpToKernel();
  reconfigureRunning();
  scheduleUpdate(now());
}

// ---------------------------------------------------------------- register writes

void AudioFrontEnd::writeTrctrl(uint32_t value) {
  const uint32_t old = trctrl_;
  trctrl_ = value & ~TRCTRL_VAD_RST.mask();  // VAD_RST is a pulse
  if (TRCTRL_VAD_RST.test(value)) vad_.reset();
  applyVadConfig();
  if (TRCTRL_CH0_PCM_SEL.test(value))
    warnOnce("pcm12", "12-bit PCM mode (TRCTRL.CH0_PCM_SEL) is not modelled: 16-bit samples are delivered");
  if (TRCTRL_ANA_EMPHASIS_SEL.test(value)) warnOnce("anaemph", "analog pre-emphasis is not modelled");
  for (unsigned ch = 0; ch < kChannels; ++ch) {
    const bool was = channelEnabled(ch, old), is = channelEnabled(ch, value);
    const TransferMode mode = channelMode(ch, value);
    if (mode == TransferMode::Fbank && is)
      warnOnce("fbankmode", "AUDIO → FBANK streaming (transfer mode 3) is not modelled: samples are dropped");
    if (mode == TransferMode::Undefined && is) warnOnce("mode1", "transfer mode 1 is undefined: treated as FIFO");
    channels_[ch].setMode(mode);
    if (!was && is) startChannel(ch);
    if (was && !is) stopChannel(ch);
  }
  const uint32_t rateBits = TRCTRL_CH_CLK_DIV.mask() | TRCTRL_SINC5D2_BYPASS.mask() | TRCTRL_HALFBAND_BYPASS.mask() |
                            TRCTRL_HIGHPASS_BYPASS.mask() | TRCTRL_CH2_HIGH_BYPASS.mask() |
                            TRCTRL_PRE_EMPHASIS_BYPASS.mask();
  if ((old ^ trctrl_) & rateBits) reconfigureRunning();
}

void AudioFrontEnd::writePcmGain(uint32_t value) {
  pcmGain_ = value & (PCMGAIN_CH0_GAIN.mask() | PCMGAIN_CH1_GAIN.mask() | PCMGAIN_CH2_GAIN.mask());
  // The vendor HAL writes the gain with the channel enabled because the gain does not cross
  // into the audio clock domain otherwise: a channel takes the register value only while enabled.
  for (unsigned ch = 0; ch < kChannels; ++ch) {
    const unsigned code = kChannelFields[ch].gain.get(pcmGain_);
    if (code == effectiveGain_[ch]) continue;
    if (channelEnabled(ch, trctrl_)) {
      effectiveGain_[ch] = code;
    } else {
      warnOnce("gain" + std::to_string(ch), "PCMGAIN written while channel " + std::to_string(ch) +
                                                " is disabled: the hardware ignores it (vendor HAL: enable the "
                                                "channel around the gain write)");
    }
  }
  reconfigureRunning();
}

void AudioFrontEnd::writeFfclr(uint32_t value) {
  for (unsigned ch = 0; ch < kChannels; ++ch) {
    const unsigned base = ch * kFfclrBitsPerFifo;
    auto& fifo = channels_[ch].fifo();
    if (value & (FFCLR_FIFO0_UNDERFLOW_CLR.mask() << base)) fifo.clearUnderflow();
    if (value & (FFCLR_FIFO0_OVERFLOW_CLR.mask() << base)) fifo.clearOverflow();
    if (value & ((FFCLR_FIFO0_WRITE_CLR.mask() | FFCLR_FIFO0_READ_CLR.mask()) << base)) fifo.flush();
  }
}

void AudioFrontEnd::writeRamclr(uint32_t value) {
  for (unsigned r = 0; r < rams_.size(); ++r) {
    const unsigned base = r * kRamclrBitsPerRam;
    if (value & (RAMCLR_RAM0_CLR.mask() << base)) rams_[r].clear();
    if (value & (RAMCLR_RAM0_FRAME_VLD_CLR.mask() << base)) rams_[r].clearFrameValid();
    if (value & (RAMCLR_RAM0_RD_CLR.mask() << base)) rams_[r].rewind();
  }
}

void AudioFrontEnd::applyRamConfig(unsigned ram) {
  const uint32_t cfg0 = ramCfg0_[ram], cfg1 = ramCfg1_[ram];
  rams_[ram].configure(RAM0CFG0_DEPTH_CFG.get(cfg0), RAM0CFG0_FRAME_MOVE.get(cfg0), RAM0CFG1_LENTH_CFG.get(cfg1));
}

void AudioFrontEnd::applyVadConfig() {
  VadSettings s;
  s.shortThreshold = vadReg_[0];
  s.longThreshold = vadReg_[1];
  s.deviation = vadReg_[2];
  s.shortWindow = VAD3_DEF_STP_WINLEN.get(vadReg_[3]);
  s.shortShift = VAD3_SPT_WIN_SHIFT.get(vadReg_[3]);
  s.longWindow = VAD4_DEF_LTP_WINLEN.get(vadReg_[4]);
  s.longShift = VAD4_LPT_WIN_SHIFT.get(vadReg_[4]);
  s.biquadBypass = TRCTRL_BIQUAD_BYPASS.test(trctrl_);
  vad_.configure(s);
  const unsigned vadChannel = TRCTRL_VAD_CH_SEL.test(trctrl_) ? 1 : 0;
  for (unsigned ch = 0; ch < kChannels; ++ch)
    channels_[ch].setTap(ch == vadChannel ? std::function<void(int16_t)>([this](int16_t sample) { vad_.feed(sample); })
                                          : std::function<void(int16_t)>());
}

void AudioFrontEnd::applyBiquad() {
  auto s16 = [](uint32_t v) { return static_cast<int16_t>(static_cast<uint16_t>(v)); };
  vad_.biquad().setRegisterCoefficients(s16(PCM0CFG0_BQ_B0.get(pcmCfg_[0])), s16(PCM0CFG0_BQ_B1.get(pcmCfg_[0])),
                                        s16(PCM0CFG1_BQ_B2.get(pcmCfg_[1])), s16(PCM0CFG1_BQ_A0.get(pcmCfg_[1])),
                                        s16(PCM0CFG2_BQ_A1.get(pcmCfg_[2])));
}

void AudioFrontEnd::writeRamConfig(uint32_t& reg, unsigned ram, uint32_t value) {
  reg = value;
  applyRamConfig(ram);
}

void AudioFrontEnd::writeBiquad(uint32_t& reg, uint32_t value) {
  reg = value;
  applyBiquad();
}

bool AudioFrontEnd::writeRegister(uint32_t offset, unsigned, uint32_t value) {
  catchUp(accessTime());
  switch (offset) {
    case TRCTRL: writeTrctrl(value); break;
    case FFCLR: writeFfclr(value); break;
    case RAM0CFG0: writeRamConfig(ramCfg0_[0], 0, value); break;
    case RAM1CFG0: writeRamConfig(ramCfg0_[1], 1, value); break;
    case RAM0CFG1: writeRamConfig(ramCfg1_[0], 0, value); break;
    case RAM1CFG1: writeRamConfig(ramCfg1_[1], 1, value); break;
    case RAMCLR: writeRamclr(value); break;
    case PCM0CFG0: writeBiquad(pcmCfg_[0], value); break;
    case PCM0CFG1: writeBiquad(pcmCfg_[1], value); break;
    case PCM0CFG2: writeBiquad(pcmCfg_[2], value & PCM0CFG2_BQ_A1.mask()); break;
    case PCMGAIN: writePcmGain(value); break;
    case VAD0:
    case VAD1:
    case VAD2:
    case VAD3:
    case VAD4:
      vadReg_[(offset - VAD0) / 4] = value;
      applyVadConfig();
      break;
    case TRINTMSK: trintMask_ = value & TRINT_FIELDS; break;
    case AFEINTMSK: afeIntMask_ = value; break;
    case ANALOCK: anaLock_ = value; break;
    case CLKSWI_CFG:
      clkSwi_ = value & (CLKSWI_CFG_CH0_RD_CLK_SEL.mask() | CLKSWI_CFG_CH1_RD_CLK_SEL.mask() |
                         CLKSWI_CFG_CH2_RD_CLK_SEL.mask());
      break;
    case DMA_CFG: dmaCfg_ = value; break;
    case ANA19CFG: ana_[19] = value & ~1u; break;  // bit 0 (PORB_AVDD12_AUDIO) is read-only
    case ANA20CFG: ana_[20] = value; break;
    default:
      if (offset >= ANA0CFG && offset <= ANA18CFG && (offset - ANA0CFG) % 4 == 0) {
        ana_[(offset - ANA0CFG) / 4] = value;
        break;
      }
      return false;
  }
  scheduleUpdate(now());
  return true;
}

// ---------------------------------------------------------------- register reads

uint32_t AudioFrontEnd::trint() const {
  uint32_t v = 0;
  for (unsigned ch = 0; ch < kChannels; ++ch) {
    const auto& f = kChannelFields[ch];
    const auto& fifo = channels_[ch].fifo();
    if (fifo.full()) v |= f.fifoFull.mask();
    if (fifo.halfFull()) v |= f.fifoHalf.mask();
    if (fifo.empty()) v |= f.fifoEmpty.mask();
    if (fifo.overflow()) v |= f.fifoOverflow.mask();
    if (fifo.underflow()) v |= f.fifoUnderflow.mask();
  }
  for (unsigned r = 0; r < rams_.size(); ++r)
    if (rams_[r].frameValid()) v |= kRamFrameValid[r].mask();
  if (vad_.active()) v |= TRINT_VAD_ACT.mask();
  return v;
}

// The data ports pop (FIFO, underflow flag) or move the frame read port, except for a debug
// read, which sees the same word and leaves both where they are.
uint32_t AudioFrontEnd::readFifoWord(unsigned ch) {
  auto& fifo = channels_[ch].fifo();
  return debugAccess() ? fifo.peekWord() : fifo.popWord();
}

uint32_t AudioFrontEnd::readRamWord(unsigned ram) {
  return debugAccess() ? rams_[ram].peekWord() : rams_[ram].readWord();
}

uint32_t AudioFrontEnd::readStereoFifo() {
  auto& left = channels_[0].fifo();
  auto& right = channels_[1].fifo();
  const auto l = static_cast<uint16_t>(debugAccess() ? left.peekSample() : left.popSample());
  const auto r = static_cast<uint16_t>(debugAccess() ? right.peekSample() : right.popSample());
  return (static_cast<uint32_t>(r) << 16) | l;
}

uint32_t AudioFrontEnd::readStereoRam() {
  const auto l = static_cast<uint16_t>(debugAccess() ? rams_[0].peekSample() : rams_[0].readSample());
  const auto r = static_cast<uint16_t>(debugAccess() ? rams_[1].peekSample() : rams_[1].readSample());
  return (static_cast<uint32_t>(r) << 16) | l;
}

bool AudioFrontEnd::readRegister(uint32_t offset, unsigned, uint32_t& value) {
  // Debug reads catch up too: the samples a channel produces are a function of time alone
  // (a streaming capture, computed in blocks of any size), and every later access or update
  // catches up to a time no earlier, so producing them now changes none of their results.
  catchUp(accessTime());
  bool popped = false;
  switch (offset) {
    case TRCTRL: value = trctrl_; break;
    case FFCLR:
    case RAMCLR: value = 0; break;  // pulses; firmware updates them with |=
    case FF0DATA:
      value = readFifoWord(0);
      popped = true;
      break;
    case FF1DATA:
      value = readFifoWord(1);
      popped = true;
      break;
    case FF2DATA:
      value = readFifoWord(2);
      popped = true;
      break;
    case RAM0CFG0: value = ramCfg0_[0]; break;
    case RAM1CFG0: value = ramCfg0_[1]; break;
    case RAM0CFG1: value = ramCfg1_[0]; break;
    case RAM1CFG1: value = ramCfg1_[1]; break;
    case RAM0DATA:
      value = readRamWord(0);
      popped = true;
      break;
    case RAM1DATA:
      value = readRamWord(1);
      popped = true;
      break;
    case PCM0CFG0: value = pcmCfg_[0]; break;
    case PCM0CFG1: value = pcmCfg_[1]; break;
    case PCM0CFG2: value = pcmCfg_[2]; break;
    case PCMGAIN: value = pcmGain_; break;
    case VADCNT: value = vad_.samplesSeen(); break;
    case VAD0:
    case VAD1:
    case VAD2:
    case VAD3:
    case VAD4: value = vadReg_[(offset - VAD0) / 4]; break;
    case TRINT: value = trint(); break;
    case TRINTMSK: value = trintMask_; break;
    case AFEINT: value = 0; break;
    case AFEINTMSK: value = afeIntMask_; break;
    case ANALOCK: value = anaLock_; break;
    case VADDEBUG0: value = static_cast<uint32_t>(std::min<uint64_t>(vad_.shortTermPower(), UINT32_MAX)); break;
    case VADDEBUG1: value = static_cast<uint32_t>(std::min<uint64_t>(vad_.longTermPower(), UINT32_MAX)); break;
    case VADDEBUG2: {
      const uint64_t s = vad_.shortTermPower(), l = vad_.longTermPower();
      value = static_cast<uint32_t>(std::min<uint64_t>(s > l ? s - l : 0, UINT32_MAX));
      break;
    }
    case VADDEBUG3: value = vad_.framesEvaluated(); break;
    case VADDEBUG4: value = vad_.active() ? 1 : 0; break;
    case LRFIFO:
      value = readStereoFifo();
      popped = true;
      break;
    case LRRAM:
      value = readStereoRam();
      popped = true;
      break;
    case ANA19CFG: value = ana_[19] | 1u; break;  // PORB_AVDD12_AUDIO: the audio supply is up
    case ANA20CFG: value = ana_[20]; break;
    case CLKSWI_CFG: value = clkSwi_; break;  // SWIACK bits read 0 (never polled)
    case DMA_CFG: value = dmaCfg_; break;
    default:
      if (offset >= ANA0CFG && offset <= ANA18CFG && (offset - ANA0CFG) % 4 == 0) {
        value = ana_[(offset - ANA0CFG) / 4];
        break;
      }
      return false;
  }
  if (popped && !debugAccess()) scheduleUpdate(now());
  return true;
}

// ---------------------------------------------------------------- DMA

bool AudioFrontEnd::dmaRequestActive(unsigned ch) const {
  const auto& f = kChannelFields[ch];
  if (!f.dmaEnable.test(dmaCfg_)) return false;
  const auto& c = channels_[ch];
  if (c.mode() == TransferMode::Ram && ch < rams_.size()) return rams_[ch].unreadSamples() > 0;
  const unsigned level = std::max(1u, f.dmaLevel.get(dmaCfg_));
  return c.fifo().words() >= level;
}

// ---------------------------------------------------------------- interrupts and events

std::optional<sc_time> AudioFrontEnd::nextChange() const {
  std::optional<sc_time> next;
  auto consider = [&](const AudioChannel& c, uint64_t more) {
    if (more == 0) return;
    const sc_time t = c.timeAfter(more);
    if (!next || t < *next) next = t;
  };
  const unsigned vadChannel = TRCTRL_VAD_CH_SEL.test(trctrl_) ? 1 : 0;
  const bool vadWatched = !TRINT_VAD_ACT.test(trintMask_) && !vad_.active();
  for (unsigned ch = 0; ch < kChannels; ++ch) {
    const auto& c = channels_[ch];
    if (!c.running()) continue;
    if (c.mode() == TransferMode::Ram && ch < rams_.size()) {
      consider(c, rams_[ch].samplesUntilFrame());
    } else if (c.mode() != TransferMode::Fbank) {
      // next level the status bits or the DMA request react to (in samples)
      const auto& fifo = c.fifo();
      const unsigned have = fifo.samples();
      const unsigned dmaLevel = 2 * std::max(1u, kChannelFields[ch].dmaLevel.get(dmaCfg_));
      unsigned more = 0;
      for (unsigned threshold : {2u, 2 * SampleFifo::kHalfWords, SampleFifo::kSamples, dmaLevel})
        if (threshold > have && (more == 0 || threshold - have < more)) more = threshold - have;
      if (more == 0 && !fifo.overflow()) more = 1;  // full: the next sample overflows
      consider(c, more);
    }
    if (ch == vadChannel && vadWatched) consider(c, vad_.samplesUntilFrameEnd());
  }
  return next;
}

void AudioFrontEnd::driveOutputs() {
  const uint32_t pending = trint() & ~trintMask_;
  irq.write((pending & ~TRINT_VAD_ACT.mask()) != 0);
  vadIrq.write((pending & TRINT_VAD_ACT.mask()) != 0);
  for (unsigned ch = 0; ch < kChannels; ++ch) {
    const bool level = dmaRequestActive(ch);
    if (level != dmaLevel_[ch]) {
      dmaLevel_[ch] = level;
      if (dmaRequest_) dmaRequest_(ch, level);
    }
  }
}

void AudioFrontEnd::scheduleEndOfAudio() {
  std::optional<sc_time> next;
  for (const auto& in : inputs_) {
    if (!in.signal || !in.startedAt || in.endReported || in.options.atEnd != audio::EndOfAudio::Stop) continue;
    const sc_time end = *in.startedAt + sc_time(in.signal->durationSeconds(), sc_core::SC_SEC);
    if (!next || end < *next) next = end;
  }
  if (!next) return;
  notifyAt(endOfAudioEvent_, *next);
}

void AudioFrontEnd::checkEndOfAudio() {
  const sc_time now = sc_core::sc_time_stamp();
  for (auto& in : inputs_) {
    if (!in.signal || !in.startedAt || in.endReported || in.options.atEnd != audio::EndOfAudio::Stop) continue;
    const sc_time end = *in.startedAt + sc_time(in.signal->durationSeconds(), sc_core::SC_SEC);
    if (end > now) continue;
    in.endReported = true;
    log::info(basename(), ": ", in.signal->name, " has played out at ", now.to_string());
    if (endOfAudio_) endOfAudio_(in.signal->name);
  }
  scheduleEndOfAudio();
}

void AudioFrontEnd::warnOnce(const std::string& key, const std::string& text) {
  if (warned_.insert(key).second) log::warn(basename(), ": ", text);
}

}  // namespace wtm::periph
