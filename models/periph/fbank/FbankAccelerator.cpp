#include "FbankAccelerator.h"

#include "common/Log.h"
#include "periph/fbank/fbank_regs.h"

namespace wtm::periph {

using namespace fbank_regs;

namespace {
constexpr uint32_t kSramBytes = FbankEngine::kWords * 4;
}  // namespace

FbankAccelerator::FbankAccelerator(sc_core::sc_module_name name, ClockDomain& hclk)
    : TimedDevice(name, kRegisterTable), hclk_(hclk) {}

void FbankAccelerator::reset() {
  sram_.fill(0);
  control_ = debug_ = intMask_ = intSource_ = pendingSource_ = 0;
  busy_ = false;
  scheduleUpdate(sc_core::sc_time_stamp());
}

void FbankAccelerator::warnOnce(const std::string& key, const std::string& text) {
  if (warned_.insert(key).second) log::warn(basename(), ": ", text);
}

void FbankAccelerator::start() {
  if (busy_) {
    warnOnce("restart", "FBANK_EN written while a run is in progress: ignored");
    return;
  }
  FbankEngine::Stages s;
  s.fft = FBANK_CONTROL_FFT_ENABLE.test(control_);
  s.ifft = FBANK_CONTROL_IFFT_ENABLE.test(control_);
  s.sqrt = FBANK_CONTROL_SQRT_ENABLE.test(control_);
  s.mel = FBANK_CONTROL_MELFILTER_ENABLE.test(control_);
  s.log = FBANK_CONTROL_LOG_ENABLE.test(control_);
  s.window = FBANK_CONTROL_DO_WINDOW.test(control_);
  s.bitReverse = FBANK_CONTROL_DO_BITREVERSE.test(control_);
  s.frameLength = FbankEngine::frameLengthFor(FBANK_CONTROL_FRAME_LEN.get(control_));
  if (s.fft && s.ifft) warnOnce("fftifft", "FFT and IFFT both enabled: the FFT is run");
  if (FBANK_CONTROL_FBANK_SRC_SEL.test(control_))
    warnOnce("src", "FBANK_SRC_SEL=1 (AUDIO stream input) is not modelled: the SRAM is used");
  if (FBANK_CONTROL_FBANK_DATA_RAM_SEL.test(control_))
    warnOnce("ramsel", "started while DATA_RAM_SEL=1 (the CPU owns the SRAM): run anyway");
  result_ = sram_;
  FbankEngine::run(s, result_);
  pendingSource_ = INT_SOURCE_FBANK_DONE.mask() | (s.fft ? INT_SOURCE_FFT_DONE.mask() : 0) |
                   (!s.fft && s.ifft ? INT_SOURCE_IFFT_DONE.mask() : 0) | (s.sqrt ? INT_SOURCE_SQRT_DONE.mask() : 0) |
                   (s.mel ? INT_SOURCE_MEL_DONE.mask() : 0) | (s.log ? INT_SOURCE_LOG_DONE.mask() : 0);
  busy_ = true;
  ++runs_;
  // Ready after the engine's time, counted from the (possibly decoupled) time of the access.
  ready_ = accessTime() + hclk_.cycles(FbankEngine::cycles(s));
  scheduleUpdate(ready_);
}

void FbankAccelerator::advanceTo(const sc_core::sc_time& t) {
  if (!busy_ || t < ready_) return;
  sram_ = result_;
  busy_ = false;
  intSource_ |= pendingSource_;
}

std::optional<sc_core::sc_time> FbankAccelerator::nextChange() const {
  if (!busy_) return std::nullopt;
  return ready_;
}

unsigned FbankAccelerator::sramWord(uint32_t offset) const {
  const unsigned word = offset / 4;
  return FBANK_CONTROL_SRAM_ADDR_SEL.test(control_) ? FbankEngine::pairReversed(word) : word;
}

void FbankAccelerator::driveOutputs() { irq.write((intSource_ & intMask_) != 0); }

bool FbankAccelerator::readRegister(uint32_t offset, unsigned size, uint32_t& value) {
  if (offset < kSramBytes) {
    const uint32_t word = sram_[sramWord(offset)];
    value = (word >> (8 * (offset % 4))) & (size == 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1);
    return true;
  }
  switch (offset) {
    case FBANK_EN: value = busy_ ? 1 : 0; return true;
    case FBANK_CONTROL: value = control_; return true;
    case DEBUG_REGISTER: value = debug_; return true;
    case INT_MASK: value = intMask_; return true;
    case INT_SOURCE: value = intSource_; return true;
    case FBANK_STATUS: value = 0; return true;
    default: return false;
  }
}

bool FbankAccelerator::writeRegister(uint32_t offset, unsigned size, uint32_t value) {
  if (offset < kSramBytes) {
    uint32_t& word = sram_[sramWord(offset)];
    const unsigned shift = 8 * (offset % 4);
    const uint32_t mask = (size == 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1) << shift;
    word = (word & ~mask) | ((value << shift) & mask);
    return true;
  }
  switch (offset) {
    case FBANK_EN:
      if (FBANK_EN_FBANK_EN.test(value)) start();
      return true;
    case FBANK_CONTROL: control_ = value & FBANK_CONTROL_FIELDS; return true;
    case DEBUG_REGISTER: debug_ = value & DEBUG_REGISTER_FIELDS; return true;
    case INT_MASK: intMask_ = value & INT_MASK_FIELDS; break;
    case INT_SOURCE: intSource_ &= value; break;  // the driver clears with INT_SOURCE &= ~bit
    case FBANK_STATUS: reportUndecoded(true, offset, size, value); return true;
    default: return false;
  }
  scheduleUpdate(sc_core::sc_time_stamp());
  return true;
}

}  // namespace wtm::periph
