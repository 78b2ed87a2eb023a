#include "DwApbI2s.h"

#include <algorithm>

#include "periph/i2s/i2s_regs.h"

namespace wtm::periph {

namespace r = i2s;
using sc_core::sc_time;
using sc_core::SC_ZERO_TIME;

namespace {

constexpr uint32_t kComponentType = 0x445701A0;  // DesignWare DW_apb_i2s
// COMP_PARAM_1: 32-bit APB, FIFO depth 8, master mode, TX and RX block, one channel, 32-bit words.
constexpr uint32_t kCompParam1 = 2u | (2u << 2) | (1u << 4) | (1u << 5) | (1u << 6) | (4u << 16);
constexpr uint32_t kCompParam2 = 4u;  // RX word size 32 bit

unsigned wordBits(uint32_t wlen) {
  static constexpr unsigned kBits[8] = {0, 12, 16, 20, 24, 32, 32, 32};
  return kBits[wlen & 7u];
}

int32_t signExtend(uint32_t v, unsigned bits) {
  if (bits == 0 || bits >= 32) return static_cast<int32_t>(v);
  const uint32_t m = 1u << (bits - 1);
  v &= (1u << bits) - 1;
  return static_cast<int32_t>(v ^ m) - static_cast<int32_t>(m);
}

uint32_t truncate(int32_t v, unsigned bits) {
  const auto u = static_cast<uint32_t>(v);
  return (bits == 0 || bits >= 32) ? u : u & ((1u << bits) - 1);
}

}  // namespace

DwApbI2s::DwApbI2s(sc_core::sc_module_name name, const ClockDomain& clk)
    : TimedDevice(name, r::kRegisterTable, FirstUpdate::WhenScheduled), clk_(clk) {
  SC_HAS_PROCESS(DwApbI2s);
  SC_METHOD(tick);
  sensitive << tickEvent_;
  dont_initialize();
}

void DwApbI2s::reset() {
  ier_ = irer_ = iter_ = cer_ = ccr_ = rcr_ = tcr_ = rfcr_ = tfcr_ = mlsw_ = 0;
  rer_ = ter_ = 1;
  imr_ = r::IMR_RESET;
  rxOverrun_ = txOverrun_ = false;
  framesTx_ = framesRx_ = underruns_ = 0;
  flushTx();
  flushRx();
  reschedule();
  updateLevel();
}

void DwApbI2s::setClockDivider(unsigned divider) {
  divider_ = divider;
  reschedule();
}

void DwApbI2s::setExternalFrameRate(double hz) {
  externalRate_ = hz;
  reschedule();
}

void DwApbI2s::connectPeer(DwApbI2s& other) {
  peer_ = &other;
  other.peer_ = this;
}

void DwApbI2s::disconnectPeer() {
  if (peer_) peer_->peer_ = nullptr;
  peer_ = nullptr;
}

double DwApbI2s::sclkHz() const {
  const unsigned divider = dividerProbe_ ? dividerProbe_() : divider_;
  return clk_.frequency() / (divider + 1.0);
}

double DwApbI2s::frameRate() const {
  const unsigned wss = r::CCR_WSS.get(ccr_);
  const unsigned slot = wss == 0 ? 16 : wss == 1 ? 24 : 32;
  return sclkHz() / (2.0 * slot);
}

I2sFormat DwApbI2s::txFormat() const {
  const unsigned wss = r::CCR_WSS.get(ccr_);
  return {isMaster() ? frameRate() : externalRate_, wordBits(tcr_), wss == 0 ? 16u : wss == 1 ? 24u : 32u};
}

I2sFormat DwApbI2s::rxFormat() const {
  I2sFormat f = txFormat();
  f.wordBits = wordBits(rcr_);
  return f;
}

unsigned DwApbI2s::txLevel() const { return static_cast<unsigned>(std::max(txLeft_.size(), txRight_.size())); }

// ---------------------------------------------------------------- frames

bool DwApbI2s::generatesClock() const {
  if (!enabled()) return false;
  if (isMaster()) return (cer_ & 1u) && frameRate() > 0;
  const bool drivenByPeer = peer_ && peer_->isMaster() && peer_->generatesClock();
  return externalRate_ > 0 && !drivenByPeer;
}

sc_time DwApbI2s::framePeriod() const {
  const double hz = isMaster() ? frameRate() : externalRate_;
  return sc_time(1.0 / hz, sc_core::SC_SEC);
}

void DwApbI2s::reschedule() {
  const bool should = generatesClock();
  if (should && !running_) {
    running_ = true;
    tickEvent_.notify(framePeriod());
  } else if (!should && running_) {
    running_ = false;
    tickEvent_.cancel();
  }
}

I2sFrame DwApbI2s::popTx() {
  if (!txActive()) return {};  // SDO idles low
  const unsigned bits = wordBits(tcr_);
  I2sFrame f;
  if (txLeft_.empty() && txRight_.empty()) ++underruns_;
  if (!txLeft_.empty()) {
    f.left = signExtend(txLeft_.front(), bits);
    txLeft_.pop_front();
  }
  if (!txRight_.empty()) {
    f.right = signExtend(txRight_.front(), bits);
    txRight_.pop_front();
  }
  ++framesTx_;
  if (sink_) sink_(f, txFormat(), sc_core::sc_time_stamp());
  return f;
}

void DwApbI2s::pushRx(const I2sFrame& f) {
  if (!rxActive()) return;
  ++framesRx_;
  if (rx_.size() >= kFifoDepth) {
    rxOverrun_ = true;
    return;
  }
  const unsigned bits = wordBits(rcr_);
  rx_.emplace_back(truncate(f.left, bits), truncate(f.right, bits));
}

void DwApbI2s::tick() {
  if (!running_) return;
  if (!generatesClock()) {
    running_ = false;
    return;
  }
  const I2sFrame out = popTx();
  I2sFrame in;
  bool have = false;
  if (peer_ && !peer_->isMaster() && peer_->enabled()) {
    in = peer_->popTx();
    have = true;
    peer_->pushRx(out);
    peer_->updateLevel();
  } else if (source_) {
    have = source_(in, rxFormat());
  }
  pushRx(have ? in : I2sFrame{});
  updateLevel();
  tickEvent_.notify(framePeriod());
}

// ---------------------------------------------------------------- FIFOs, status

void DwApbI2s::pushTx(bool right, uint32_t value) {
  auto& q = right ? txRight_ : txLeft_;
  if (q.size() >= kFifoDepth) txOverrun_ = true;
  else q.push_back(value);
  updateLevel();
}

void DwApbI2s::flushTx() {
  txLeft_.clear();
  txRight_.clear();
  txDmaRight_ = false;
}

void DwApbI2s::flushRx() {
  rx_.clear();
  rxDmaRight_ = false;
}

uint32_t DwApbI2s::isr() const {
  uint32_t v = 0;
  if (enabled() && rx_.size() >= r::RFCR_RXCHDT.get(rfcr_) + 1u) v |= r::ISR_RXDA.mask();
  if (rxOverrun_) v |= r::ISR_RXFO.mask();
  if (txActive() && txLevel() <= r::TFCR_TXCHET.get(tfcr_)) v |= r::ISR_TXFE.mask();
  if (txOverrun_) v |= r::ISR_TXFO.mask();
  return v;
}

void DwApbI2s::updateLevel() {
  const bool level = (isr() & ~imr_ & r::ISR_FIELDS) != 0;
  if (level == level_) return;
  level_ = level;
  scheduleUpdate(sc_core::sc_time_stamp());
  if (dmaRequest_) dmaRequest_(level);
}

// ---------------------------------------------------------------- registers

bool DwApbI2s::readRegister(uint32_t offset, unsigned, uint32_t& value) {
  value = 0;
  switch (offset) {
    case r::IER: value = ier_; return true;
    case r::IRER: value = irer_; return true;
    case r::ITER: value = iter_; return true;
    case r::CER: value = cer_; return true;
    case r::CCR: value = ccr_; return true;
    case r::RER: value = rer_; return true;
    case r::TER: value = ter_; return true;
    case r::RCR: value = rcr_; return true;
    case r::TCR: value = tcr_; return true;
    case r::ISR: value = isr(); return true;
    case r::IMR: value = imr_; return true;
    case r::RFCR: value = rfcr_; return true;
    case r::TFCR: value = tfcr_; return true;
    case r::M_L_SW: value = mlsw_; return true;
    // Read-to-clear and FIFO data: a debug read returns the value and changes nothing.
    case r::ROR:
      value = rxOverrun_ ? 1u : 0u;
      if (debugAccess()) return true;
      rxOverrun_ = false;
      updateLevel();
      return true;
    case r::TOR:
      value = txOverrun_ ? 1u : 0u;
      if (debugAccess()) return true;
      txOverrun_ = false;
      updateLevel();
      return true;
    case r::LRBR:
      if (!rx_.empty()) value = rx_.front().first;
      return true;
    case r::RRBR:
      if (!rx_.empty()) {
        value = rx_.front().second;
        if (debugAccess()) return true;
        rx_.pop_front();
        updateLevel();
      }
      return true;
    case r::RXDMA:
      if (!rx_.empty()) value = rxDmaRight_ ? rx_.front().second : rx_.front().first;
      if (debugAccess()) return true;
      if (!rx_.empty() && rxDmaRight_) rx_.pop_front();
      rxDmaRight_ = !rxDmaRight_;
      updateLevel();
      return true;
    case r::COMP_PARAM_1: value = kCompParam1; return true;
    case r::COMP_PARAM_2: value = kCompParam2; return true;
    case r::COMP_VERSION: return true;
    case r::COMP_TYPE: value = kComponentType; return true;
    default: return false;
  }
}

bool DwApbI2s::writeRegister(uint32_t offset, unsigned, uint32_t value) {
  switch (offset) {
    case r::IER:
      ier_ = value & r::IER_FIELDS;
      if (!enabled()) {  // disabling the block empties it
        flushTx();
        flushRx();
      }
      break;
    case r::IRER: irer_ = value & r::IRER_FIELDS; break;
    case r::ITER: iter_ = value & r::ITER_FIELDS; break;
    case r::CER: cer_ = value & r::CER_FIELDS; break;
    case r::CCR: ccr_ = value & r::CCR_FIELDS; break;
    case r::RER: rer_ = value & r::RER_FIELDS; break;
    case r::TER: ter_ = value & r::TER_FIELDS; break;
    case r::RCR: rcr_ = value & r::RCR_FIELDS; break;
    case r::TCR: tcr_ = value & r::TCR_FIELDS; break;
    case r::IMR: imr_ = value & r::ISR_FIELDS; break;
    case r::RFCR: rfcr_ = value & r::RFCR_FIELDS; break;
    case r::TFCR: tfcr_ = value & r::TFCR_FIELDS; break;
    case r::M_L_SW: mlsw_ = value & r::M_L_SW_FIELDS; break;
    case r::RXFFR:
    case r::RFF:
      if (value & 1u) flushRx();
      break;
    case r::TXFFR:
    case r::TFF:
      if (value & 1u) flushTx();
      break;
    case r::LTHR: pushTx(false, value); return true;
    case r::RTHR: pushTx(true, value); return true;
    case r::TXDMA:
      pushTx(txDmaRight_, value);
      txDmaRight_ = !txDmaRight_;
      return true;
    case r::RRXDMA:
      if (value & 1u) rxDmaRight_ = false;
      return true;
    case r::RTXDMA:
      if (value & 1u) txDmaRight_ = false;
      return true;
    default: return false;
  }
  reschedule();
  if (peer_) peer_->reschedule();
  updateLevel();
  return true;
}

}  // namespace wtm::periph
