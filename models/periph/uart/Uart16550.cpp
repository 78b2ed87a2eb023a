#include "Uart16550.h"

#include <algorithm>
#include <cstdio>

#include "common/Hex.h"
#include "common/Log.h"
#include "periph/uart/uart_regs.h"

namespace wtm::periph {

using namespace uart;
using sc_core::sc_time;

namespace {

constexpr unsigned kFifoDepth = 16;         // TFL/RFL are 5 bits wide (soc.md §4.1)
constexpr unsigned kTimeoutCharacters = 4;  // RX time-out after 4 idle character times

// IIR.IID values, highest priority first.
constexpr uint32_t kIidLineStatus = 0x6, kIidRxData = 0x4, kIidCharTimeout = 0xC, kIidThrEmpty = 0x2, kIidNone = 0x1;
// FCR.RT: RX trigger at 1 character, 1/4, 1/2 and 2 less than full.
constexpr unsigned kRxTrigger[4] = {1, kFifoDepth / 4, kFifoDepth / 2, kFifoDepth - 2};

// Writable bits. The configuration reported in CPR has no programmable THRE mode, no auto
// flow control and no IrDA, so IER.PTIME, MCR.AFCE and MCR.SIRE read as 0.
constexpr uint32_t kIerWritable = IER_ERBFI.mask() | IER_ETBEI.mask() | IER_ELSI.mask() | IER_EDSSI.mask();
constexpr uint32_t kMcrWritable = MCR_DTR.mask() | MCR_RTS.mask() | MCR_OUT1.mask() | MCR_OUT2.mask() | MCR_LB.mask();
constexpr uint32_t kFcrStored = FCR_FIFOE.mask() | FCR_DMAM.mask() | FCR_TET.mask() | FCR_RT.mask();

// DW_apb_uart identification: 32-bit APB, USR/HTX, TFL/RFL, shadow registers (SRR), 16-byte
// FIFOs; component version "4.02a" in ASCII; the DesignWare UART component type.
constexpr uint32_t kCpr = CPR_APB_DATA_WIDTH.set(0, 2) | CPR_ADDITIONAL_FEAT.mask() | CPR_FIFO_STAT.mask() |
                          CPR_SHADOW.mask() | CPR_FIFO_MODE.set(0, kFifoDepth / 16);
constexpr uint32_t kUcv = 0x3430322A;
constexpr uint32_t kCtr = 0x44570110;

}  // namespace

Uart16550::Uart16550(sc_core::sc_module_name name, const ClockDomain& pclk)
    : TimedDevice(name, kRegisterTable, FirstUpdate::WhenScheduled), pclk_(pclk) {
  reset();
}

void Uart16550::reset() {
  dll_ = dlh_ = ier_ = lcr_ = mcr_ = scr_ = fcr_ = htx_ = 0;
  tx_.clear();
  thrWasEmpty_ = true;
  threPending_ = false;
  rx_.clear();
  arrivals_.clear();
  overrun_ = false;
  // Diagnostics start over with the firmware's next set-up.
  loggedSettings_.clear();
  warnedNoBaud_ = warnedTxOverflow_ = false;
  scheduleUpdate(sc_core::sc_time_stamp());
}

// ---- Line settings ----

double Uart16550::baudRate() const { return divisor() ? pclk_.frequency() / (16.0 * divisor()) : 0.0; }

std::string Uart16550::lineSettings() const {
  const unsigned dataBits = 5 + LCR_DLS.get(lcr_);
  char parity = 'N';
  if (LCR_PEN.test(lcr_)) {
    if (LCR_SP.test(lcr_)) parity = LCR_EPS.test(lcr_) ? 'S' : 'M';  // stick parity: space / mark
    else parity = LCR_EPS.test(lcr_) ? 'E' : 'O';
  }
  const char* stop = !LCR_STOP.test(lcr_) ? "1" : (dataBits == 5 ? "1.5" : "2");
  char buf[64];
  if (divisor()) std::snprintf(buf, sizeof buf, "%.0f %u%c%s", baudRate(), dataBits, parity, stop);
  else std::snprintf(buf, sizeof buf, "unset %u%c%s", dataBits, parity, stop);
  return buf;
}

sc_time Uart16550::characterTime() const {
  if (divisor() == 0) return sc_core::SC_ZERO_TIME;
  const unsigned dataBits = 5 + LCR_DLS.get(lcr_);
  const double stopBits = !LCR_STOP.test(lcr_) ? 1.0 : (dataBits == 5 ? 1.5 : 2.0);
  const double bits = 1.0 + dataBits + (LCR_PEN.test(lcr_) ? 1.0 : 0.0) + stopBits;
  return pclk_.period() * (bits * 16.0 * divisor());
}

// Logged at the first character sent with new settings rather than on every LCR write, so
// the intermediate states of an init sequence (DLAB cleared before LCR = 8N1) stay out of the log.
void Uart16550::noteLineInUse() {
  if (divisor() == 0) {
    if (!warnedNoBaud_)
      log::warn(basename(), ": transmitting with divisor 0 (baud rate not programmed) at pc ", hex32(accessPc()),
                "; characters go out instantly (reported once)");
    warnedNoBaud_ = true;
    return;
  }
  const std::string settings = lineSettings();
  if (settings == loggedSettings_) return;
  loggedSettings_ = settings;
  log::info(basename(), ": line ", settings, " (divisor ", divisor(), " at ", pclk_.frequency() / 1e6, " MHz)");
}

// ---- Time ----

void Uart16550::advanceTo(const sc_time& t) {
  tx_.retire(t);
  while (!arrivals_.empty() && arrivals_.front().at <= t) {
    pushRx(arrivals_.front().byte, arrivals_.front().at);
    arrivals_.pop_front();
  }
  latchThrEmpty();
}

void Uart16550::latchThrEmpty() {
  const bool empty = thrEmpty();
  if (empty && !thrWasEmpty_) threPending_ = true;
  thrWasEmpty_ = empty;
}

unsigned Uart16550::fifoDepth() const { return FCR_FIFOE.test(fcr_) ? kFifoDepth : 1; }

unsigned Uart16550::rxTriggerLevel() const { return FCR_FIFOE.test(fcr_) ? kRxTrigger[FCR_RT.get(fcr_)] : 1; }

sc_time Uart16550::rxTimeoutAt() const { return lastRxActivity_ + characterTime() * kTimeoutCharacters; }

// ---- Transmit / receive ----

void Uart16550::transmit(uint8_t byte) {
  noteLineInUse();
  if (tx_.waiting(now()) >= fifoDepth()) {
    if (!warnedTxOverflow_)
      log::warn(basename(), ": write to a full transmitter at pc ", hex32(accessPc()), " (", now().to_string(),
                accessPc() == 0 ? ", by a bus master other than the core" : "", "): character lost (reported once)");
    warnedTxOverflow_ = true;
    return;
  }
  // The shift register loads from THR on a tick of the 16x baud clock, so even an idle
  // transmitter holds the character in THR for one such tick: THRE (and its interrupt) falls
  // with the write and rises again at the load, an edge an edge-triggered interrupt input sees.
  const sc_time end = tx_.push(now(), characterTime(), pclk_.period() * static_cast<double>(divisor()));
  threPending_ = false;  // writing THR acknowledges the THRE interrupt
  thrWasEmpty_ = false;
  if (MCR_LB.test(mcr_)) {
    receiveAt(byte, end);  // loopback: back into RX when the stop bit ends
  } else {
    if (sink_) sink_(byte);
    if (peer_) peer_->receiveAt(byte, end);
  }
}

void Uart16550::pushRx(uint8_t byte, const sc_time& at) {
  lastRxActivity_ = at;
  if (rx_.size() < fifoDepth()) {
    rx_.push_back(byte);
    return;
  }
  overrun_ = true;
  // 16550: without FIFO the new character overwrites RBR; with FIFO it is lost.
  if (!FCR_FIFOE.test(fcr_)) rx_.back() = byte;
}

uint32_t Uart16550::popRx() {
  if (rx_.empty()) return 0;
  const uint8_t byte = rx_.front();
  rx_.pop_front();
  lastRxActivity_ = now();
  return byte;
}

void Uart16550::receive(uint8_t byte) {
  catchUp(sc_core::sc_time_stamp());
  pushRx(byte, now());
  scheduleUpdate(now());
}

void Uart16550::receive(const std::string& text) {
  for (char c : text) receive(static_cast<uint8_t>(c));
}

void Uart16550::receiveAt(uint8_t byte, const sc_time& at) {
  const auto pos = std::upper_bound(arrivals_.begin(), arrivals_.end(), at,
                                    [](const sc_time& t, const Arrival& a) { return t < a.at; });
  arrivals_.insert(pos, {byte, at});
  scheduleUpdate(at);
}

// ---- Status ----

uint32_t Uart16550::lineStatus() const {
  uint32_t v = 0;
  if (!rx_.empty()) v |= LSR_DR.mask();
  if (overrun_) v |= LSR_OE.mask();
  if (thrEmpty()) v |= LSR_THRE.mask();
  if (tx_.idle()) v |= LSR_TEMT.mask();
  return v;
}

// Modem inputs are inactive on the chip; in loopback they mirror the MCR outputs.
uint32_t Uart16550::modemStatus() const {
  if (!MCR_LB.test(mcr_)) return 0;
  return MSR_CTS.set(0, MCR_RTS.get(mcr_)) | MSR_DSR.set(0, MCR_DTR.get(mcr_)) | MSR_RI.set(0, MCR_OUT1.get(mcr_)) |
         MSR_DCD.set(0, MCR_OUT2.get(mcr_));
}

uint32_t Uart16550::uartStatus() const {
  const unsigned waiting = tx_.waiting(now());
  uint32_t v = 0;
  if (!tx_.idle()) v |= USR_BUSY.mask();
  if (waiting < fifoDepth()) v |= USR_TFNF.mask();
  if (waiting == 0) v |= USR_TFE.mask();
  if (!rx_.empty()) v |= USR_RFNE.mask();
  if (rx_.size() >= fifoDepth()) v |= USR_RFF.mask();
  return v;
}

uint32_t Uart16550::interruptId() const {
  if (IER_ELSI.test(ier_) && overrun_) return kIidLineStatus;
  if (IER_ERBFI.test(ier_) && !rx_.empty()) {
    if (rx_.size() >= rxTriggerLevel()) return kIidRxData;
    if (now() >= rxTimeoutAt()) return kIidCharTimeout;
  }
  if (IER_ETBEI.test(ier_) && threPending_) return kIidThrEmpty;
  return kIidNone;
}

// ---- Register side effects ----

uint32_t Uart16550::iirValue() const {
  return IIR_IID.set(0, interruptId()) | IIR_FIFOSE.set(0, FCR_FIFOE.test(fcr_) ? 3u : 0u);
}

uint32_t Uart16550::readIir() {
  const uint32_t value = iirValue();
  if (IIR_IID.get(value) == kIidThrEmpty) {
    threPending_ = false;  // reading IIR acknowledges a THRE interrupt it reports
    scheduleUpdate(now());
  }
  return value;
}

void Uart16550::writeIer(uint32_t value) {
  const bool enablingThre = !IER_ETBEI.test(ier_) && IER_ETBEI.test(value);
  ier_ = value & kIerWritable;
  if (enablingThre && thrEmpty()) threPending_ = true;  // 16550: raised at once when THR is empty
}

void Uart16550::writeFcr(uint32_t value) {
  // Changing FIFOE resets both FIFOs; RFIFOR/XFIFOR are self-clearing.
  const bool modeChange = FCR_FIFOE.test(fcr_) != FCR_FIFOE.test(value);
  fcr_ = value & kFcrStored;
  if (modeChange || FCR_RFIFOR.test(value)) rx_.clear();
  if (modeChange || FCR_XFIFOR.test(value)) tx_.dropWaiting(now());
  latchThrEmpty();
}

void Uart16550::softwareReset(uint32_t srr) {
  if (SRR_UR.test(srr)) {
    reset();
    return;
  }
  if (SRR_RFR.test(srr)) rx_.clear();
  if (SRR_XFR.test(srr)) tx_.dropWaiting(now());
  latchThrEmpty();
}

bool Uart16550::readRegister(uint32_t offset, unsigned, uint32_t& value) {
  // Debug reads catch up too: every later access and update() first catches up to a time no
  // earlier than this one, so moving the model time forward now changes none of their results.
  catchUp(accessTime());
  const bool dlab = LCR_DLAB.test(lcr_);
  switch (offset) {
    case RBR:
      if (dlab) {
        value = dll_;
      } else if (debugAccess()) {
        value = rx_.empty() ? 0 : rx_.front();
      } else {
        value = popRx();
        scheduleUpdate(now());
      }
      return true;
    case IER: value = dlab ? dlh_ : ier_; return true;
    case IIR: value = debugAccess() ? iirValue() : readIir(); return true;
    case LCR: value = lcr_; return true;
    case MCR: value = mcr_; return true;
    case LSR:
      value = lineStatus();
      if (overrun_ && !debugAccess()) {
        overrun_ = false;  // reading LSR clears the error bits
        scheduleUpdate(now());
      }
      return true;
    case MSR: value = modemStatus(); return true;
    case SCR: value = scr_; return true;
    case USR: value = uartStatus(); return true;
    case TFL: value = TFL_LEVEL.set(0, tx_.waiting(now())); return true;
    case RFL: value = RFL_LEVEL.set(0, static_cast<uint32_t>(rx_.size())); return true;
    case HTX: value = htx_; return true;
    case CPR: value = kCpr; return true;
    case UCV: value = kUcv; return true;
    case CTR: value = kCtr; return true;
    default: return false;
  }
}

bool Uart16550::writeRegister(uint32_t offset, unsigned, uint32_t value) {
  catchUp(accessTime());
  const bool dlab = LCR_DLAB.test(lcr_);
  switch (offset) {
    case THR:
      if (dlab) dll_ = static_cast<uint8_t>(value);
      else transmit(static_cast<uint8_t>(value));
      break;
    case IER:
      if (dlab) dlh_ = static_cast<uint8_t>(value);
      else writeIer(value);
      break;
    case FCR: writeFcr(value); break;
    case LCR: lcr_ = static_cast<uint8_t>(value); break;
    case MCR: mcr_ = value & kMcrWritable; break;
    case SCR: scr_ = static_cast<uint8_t>(value); break;
    case SRR: softwareReset(value); break;
    case HTX: htx_ = value & HTX_HTX.mask(); break;
    default: return false;
  }
  scheduleUpdate(now());
  return true;
}

// ---- Interrupt line ----

std::optional<sc_time> Uart16550::nextChange() const {
  sc_time next = sc_core::sc_max_time();
  if ((IER_ETBEI.test(ier_) || dmaTx_.connected()) && !thrEmpty()) next = std::min(next, tx_.drainTime());
  if (!arrivals_.empty()) next = std::min(next, arrivals_.front().at);
  if (IER_ERBFI.test(ier_) && !rx_.empty() && rx_.size() < rxTriggerLevel() && rxTimeoutAt() > now())
    next = std::min(next, rxTimeoutAt());
  if (next == sc_core::sc_max_time()) return std::nullopt;
  return next;
}

void Uart16550::updateDmaRequests() {
  dmaTx_.drive(thrEmpty(), tx_.waiting(now()) < fifoDepth());
  dmaRx_.drive(rx_.size() >= rxTriggerLevel(), !rx_.empty());
}

void Uart16550::driveOutputs() {
  irq.write(interruptId() != kIidNone);
  updateDmaRequests();
}

}  // namespace wtm::periph
