#include "Uart16550.h"

#include <algorithm>
#include <cstdio>

#include "common/Hex.h"
#include "common/Log.h"
#include "uart_regs.h"

namespace wtm::periph {

using namespace uart;
using sc_core::sc_time;

namespace {
constexpr unsigned kFifoDepth = 16;
constexpr uint32_t kIidNone = 0x1, kIidThrEmpty = 0x2, kIidRxData = 0x4, kIidLineStatus = 0x6, kIidTimeout = 0xC;
// DW_apb_uart identification: 16-byte FIFOs, APB data width 32, version "4.02a".
constexpr uint32_t kCpr = 0x00010F32, kUcv = 0x3430322A, kCtr = 0x44570110;
}  // namespace

Uart16550::Uart16550(sc_core::sc_module_name name, const ClockDomain& pclk)
    : MmioDevice(name, 0x1000, kRegisters, kRegisterCount), pclk_(pclk) {
  SC_HAS_PROCESS(Uart16550);
  SC_METHOD(updateIrq);
  sensitive << irqEvent_;
  dont_initialize();
  reset();
}

void Uart16550::reset() {
  dll_ = dlh_ = ier_ = lcr_ = mcr_ = scr_ = fcr_ = htx_ = 0;
  overrun_ = false;
  threInterrupt_ = false;
  thrWasEmpty_ = true;
  tx_.clear();
  rx_.clear();
  arrivals_.clear();
}

double Uart16550::baudRate() const {
  const uint32_t div = (dlh_ << 8) | dll_;
  return div ? pclk_.frequency() / (16.0 * div) : 0.0;
}

std::string Uart16550::lineSettings() const {
  char buf[64];
  const unsigned bits = 5 + LCR_DLS.get(lcr_);
  const char parity = !LCR_PEN.test(lcr_) ? 'N' : (LCR_EPS.test(lcr_) ? 'E' : 'O');
  const char* stop = !LCR_STOP.test(lcr_) ? "1" : (bits == 5 ? "1.5" : "2");
  std::snprintf(buf, sizeof buf, "%.0f %u%c%s", baudRate(), bits, parity, stop);
  return buf;
}

void Uart16550::logLineSettings() {
  const std::string s = lineSettings();
  if (s == lastSettings_) return;
  lastSettings_ = s;
  log::info(basename(), ": line set to ", s, " (divisor ", (dlh_ << 8) | dll_, " at ", pclk_.frequency() / 1e6,
            " MHz)");
}

sc_time Uart16550::characterTime() const {
  const uint32_t div = (dlh_ << 8) | dll_;
  if (div == 0) return sc_core::SC_ZERO_TIME;
  const unsigned data = 5 + LCR_DLS.get(lcr_);
  const double stop = !LCR_STOP.test(lcr_) ? 1.0 : (data == 5 ? 1.5 : 2.0);
  const double bits = 1.0 + data + (LCR_PEN.test(lcr_) ? 1.0 : 0.0) + stop;
  return pclk_.period() * (bits * 16.0 * div);
}

unsigned Uart16550::fifoDepth() const { return FCR_FIFOE.test(fcr_) ? kFifoDepth : 1; }

unsigned Uart16550::txWaiting(const sc_time& now) const {
  unsigned n = 0;
  for (auto it = tx_.rbegin(); it != tx_.rend() && it->start > now; ++it) ++n;
  return n;
}

void Uart16550::advance(const sc_time& now) {
  while (!tx_.empty() && tx_.front().end <= now) tx_.pop_front();
  while (!arrivals_.empty() && arrivals_.front().at <= now) {
    pushRx(arrivals_.front().byte, arrivals_.front().at);
    arrivals_.pop_front();
  }
  const bool empty = thrEmpty(now);
  if (empty && !thrWasEmpty_) threInterrupt_ = true;  // THR (FIFO) just ran empty
  thrWasEmpty_ = empty;
}

void Uart16550::pushRx(uint8_t byte, const sc_time& at) {
  if (rx_.size() >= fifoDepth()) {
    overrun_ = true;  // the character is lost, as on the chip
    return;
  }
  rx_.push_back(byte);
  lastRxTime_ = at;
}

void Uart16550::receive(uint8_t byte) {
  const sc_time now = sc_core::sc_time_stamp();
  advance(now);
  pushRx(byte, now);
  requestIrqUpdate(now);
}

void Uart16550::receive(const std::string& text) {
  for (char c : text) receive(static_cast<uint8_t>(c));
}

void Uart16550::receiveAt(uint8_t byte, const sc_time& at) {
  arrivals_.push_back({byte, at});
  requestIrqUpdate(at);
}

void Uart16550::writeThr(uint8_t byte, const sc_time& now) {
  advance(now);
  const sc_time t = characterTime();
  if (t == sc_core::SC_ZERO_TIME && !warnedNoBaud_) {
    warnedNoBaud_ = true;
    log::warn(basename(), ": transmitting with divisor 0 (baud rate not programmed); characters go out instantly");
  }
  if (txWaiting(now) >= fifoDepth()) {
    if (!warnedTxOverflow_) {
      warnedTxOverflow_ = true;
      log::warn(basename(), ": write to a full transmitter at pc ", hex32(accessPc()),
                ": character lost (reported once)");
    }
    return;
  }
  const sc_time start = tx_.empty() ? now : std::max(now, tx_.back().end);
  tx_.push_back({start, start + t});
  threInterrupt_ = false;
  thrWasEmpty_ = false;
  if (MCR_LB.test(mcr_)) {
    arrivals_.push_back({byte, start + t});  // loopback: the serial output stays idle
  } else {
    if (sink_) sink_(byte);
    if (peer_) peer_->receiveAt(byte, start + t);
  }
  advance(now);  // a character that went straight into the shift register frees THR again
}

uint32_t Uart16550::lsr(const sc_time& now) const {
  uint32_t v = 0;
  if (!rx_.empty()) v |= LSR_DR.mask();
  if (overrun_) v |= LSR_OE.mask();
  if (thrEmpty(now)) v |= LSR_THRE.mask();
  if (txIdle()) v |= LSR_TEMT.mask();
  return v;
}

uint8_t Uart16550::interruptId(const sc_time& now) const {
  static constexpr unsigned kTrigger[4] = {1, 4, 8, 14};  // FCR.RT: 1 char, 1/4, 1/2, full-2
  const unsigned trigger = !FCR_FIFOE.test(fcr_) ? 1u : kTrigger[FCR_RT.get(fcr_)];
  if (IER_ELSI.test(ier_) && overrun_) return kIidLineStatus;
  if (IER_ERBFI.test(ier_) && !rx_.empty()) {
    if (rx_.size() >= trigger) return kIidRxData;
    if (now >= lastRxTime_ + characterTime() * 4.0) return kIidTimeout;
  }
  if (IER_ETBEI.test(ier_) && threInterrupt_) return kIidThrEmpty;
  return kIidNone;
}

void Uart16550::requestIrqUpdate(const sc_time& at) {
  const sc_time now = sc_core::sc_time_stamp();
  irqEvent_.notify(at > now ? at - now : sc_core::SC_ZERO_TIME);
}

void Uart16550::updateIrq() {
  const sc_time now = sc_core::sc_time_stamp();
  advance(now);
  irq.write(interruptId(now) != kIidNone);
  // Re-arm for the next moment the state changes by itself.
  sc_time next = sc_core::sc_max_time();
  if (!thrEmpty(now)) next = std::min(next, tx_.back().start);
  if (!arrivals_.empty()) next = std::min(next, arrivals_.front().at);
  if (!rx_.empty() && IER_ERBFI.test(ier_)) {
    const sc_time timeout = lastRxTime_ + characterTime() * 4.0;
    if (timeout > now) next = std::min(next, timeout);
  }
  if (next != sc_core::sc_max_time() && next > now) irqEvent_.notify(next - now);
}

bool Uart16550::readRegister(uint32_t offset, unsigned, uint32_t& value) {
  const sc_time now = accessTime();
  advance(now);
  const bool dlab = LCR_DLAB.test(lcr_);
  switch (offset) {
    case RBR:
      if (dlab) {
        value = dll_;
      } else {
        value = rx_.empty() ? 0 : rx_.front();
        if (!rx_.empty()) rx_.pop_front();
        requestIrqUpdate(now);
      }
      return true;
    case IER: value = dlab ? dlh_ : ier_; return true;
    case IIR: {
      const uint8_t id = interruptId(now);
      if (id == kIidThrEmpty) {
        threInterrupt_ = false;  // reading IIR acknowledges a THR-empty interrupt
        requestIrqUpdate(now);
      }
      value = id | (FCR_FIFOE.test(fcr_) ? IIR_FIFOSE.mask() : 0u);
      return true;
    }
    case LCR: value = lcr_; return true;
    case MCR: value = mcr_; return true;
    case LSR:
      value = lsr(now);
      if (overrun_) {
        overrun_ = false;  // reading LSR clears the error bits
        requestIrqUpdate(now);
      }
      return true;
    case MSR: value = 0; return true;
    case SCR: value = scr_; return true;
    case USR: {
      const unsigned waiting = txWaiting(now);
      value = (txIdle() ? 0u : USR_BUSY.mask()) | (waiting < fifoDepth() ? USR_TFNF.mask() : 0u) |
              (waiting == 0 ? USR_TFE.mask() : 0u) | (!rx_.empty() ? USR_RFNE.mask() : 0u) |
              (rx_.size() >= fifoDepth() ? USR_RFF.mask() : 0u);
      return true;
    }
    case TFL: value = txWaiting(now); return true;
    case RFL: value = static_cast<uint32_t>(rx_.size()); return true;
    case HTX: value = htx_; return true;
    case CPR: value = kCpr; return true;
    case UCV: value = kUcv; return true;
    case CTR: value = kCtr; return true;
    default: return false;
  }
}

bool Uart16550::writeRegister(uint32_t offset, unsigned, uint32_t value) {
  const sc_time now = accessTime();
  advance(now);
  const bool dlab = LCR_DLAB.test(lcr_);
  switch (offset) {
    case THR:
      if (dlab) dll_ = value & 0xFF;
      else writeThr(static_cast<uint8_t>(value), now);
      break;
    case IER:
      if (dlab) {
        dlh_ = value & 0xFF;
      } else {
        const bool enablingThre = !IER_ETBEI.test(ier_) && IER_ETBEI.test(value);
        ier_ = value & 0x8F;
        if (enablingThre && thrEmpty(now)) threInterrupt_ = true;  // 16550: fires at once when empty
      }
      break;
    case FCR: {
      const bool fifoChange = FCR_FIFOE.test(fcr_) != FCR_FIFOE.test(value);
      fcr_ = value & 0xFF;
      if (fifoChange || FCR_RFIFOR.test(value)) rx_.clear();
      if (fifoChange || FCR_XFIFOR.test(value)) {
        while (!tx_.empty() && tx_.back().start > now) tx_.pop_back();
      }
      break;
    }
    case LCR:
      lcr_ = value & 0xFF;
      if (!LCR_DLAB.test(lcr_)) logLineSettings();
      break;
    case MCR: mcr_ = value & 0x7F; break;
    case SCR: scr_ = value & 0xFF; break;
    case SRR:
      if (value & 1u) reset();
      if (value & 2u) rx_.clear();
      if (value & 4u)
        while (!tx_.empty() && tx_.back().start > now) tx_.pop_back();
      break;
    case HTX: htx_ = value & 1u; break;
    default: return false;
  }
  requestIrqUpdate(now);
  return true;
}

}  // namespace wtm::periph
