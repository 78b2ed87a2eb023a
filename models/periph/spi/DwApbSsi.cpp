#include "DwApbSsi.h"

#include <algorithm>

#include "common/Hex.h"
#include "common/Log.h"
#include "periph/spi/spi_regs.h"

namespace wtm::periph {

using namespace spi;
using sc_core::sc_time;

namespace {

constexpr uint32_t kIdr = 0;                   // SSI_ID_CODE: configuration value, unknown
constexpr uint32_t kCompVersion = 0x3332332A;  // "3.23*", a DW_apb_ssi release string
constexpr uint32_t kTmodTxRx = 0, kTmodTxOnly = 1, kTmodRxOnly = 2, kTmodEeprom = 3;

}  // namespace

DwApbSsi::DwApbSsi(sc_core::sc_module_name name, Role role, const ClockDomain& pclk)
    : TimedDevice(name, kRegisterTable, FirstUpdate::WhenScheduled), role_(role), pclk_(pclk) {}

void DwApbSsi::reset() {
  static_cast<DwApbSsiState&>(*this) = DwApbSsiState{};
  stateChanged();
}

void DwApbSsi::warnOnce(const std::string& key, const std::string& text) {
  if (!warned_.insert(key).second) return;
  log::warn(basename(), ": ", text, " (reported once)");
}

void DwApbSsi::attach(SpiDevice* device, unsigned cs) {
  if (cs < 3) devices_[cs] = device;
}

unsigned DwApbSsi::frameBits() const { return std::max(4u, CTRLR0_DFS_32.get(ctrlr0_) + 1); }

uint32_t DwApbSsi::frameMask() const {
  const unsigned bits = frameBits();
  return bits >= 32 ? 0xFFFFFFFFu : ((1u << bits) - 1u);
}

// ---- Master ----

void DwApbSsi::beginBurst(const sc_time& at) {
  if (inBurst_) return;
  inBurst_ = true;
  for (unsigned cs = 0; cs < 3; ++cs)
    if ((ser_ >> cs) & 1u && devices_[cs]) devices_[cs]->select(at);
}

void DwApbSsi::endBurst(const sc_time& at) {
  if (!inBurst_) return;
  inBurst_ = false;
  for (unsigned cs = 0; cs < 3; ++cs)
    if ((ser_ >> cs) & 1u && devices_[cs]) devices_[cs]->deselect(at);
}

uint32_t DwApbSsi::exchange(uint32_t frame) {
  frame &= frameMask();
  if (CTRLR0_SRL.test(ctrlr0_)) return frame;
  SpiDevice* target = nullptr;
  unsigned selected = 0;
  for (unsigned cs = 0; cs < 3; ++cs)
    if ((ser_ >> cs) & 1u) {
      ++selected;
      if (!target) target = devices_[cs];
    }
  if (selected > 1) warnOnce("multics", "several slave selects active at once: only the lowest one's device answers");
  if (!target) return frame;  // nothing on the wires: MISO follows MOSI (loopback)
  return target->transferFrame(frame, frameBits()) & frameMask();
}

void DwApbSsi::pushRx(uint32_t frame) {
  if (rx_.size() >= kFifoDepth) {
    latched_ |= RISR_RXOIR.mask();
    return;
  }
  rx_.push_back(frame);
}

// ---- Master: frames on a timeline ----

sc_time DwApbSsi::frameTime() const { return pclk_.period() * static_cast<double>(frameBits() * baudr_); }

bool DwApbSsi::frameCanStart() const {
  if (role_ != Role::Master || !enabled() || (ser_ & 7u) == 0 || baudr_ == 0) return false;
  if (!tx_.empty() && CTRLR0_TMOD.get(ctrlr0_) != kTmodRxOnly) return true;
  // Received-only frames are clocked in while the RX FIFO has room for them.
  return receiveOnlyLeft_ > 0 && rx_.size() < kFifoDepth;
}

void DwApbSsi::startFrame(const sc_time& at) {
  const uint32_t tmod = CTRLR0_TMOD.get(ctrlr0_);
  uint32_t out = 0;
  const bool fromTx = !tx_.empty() && tmod != kTmodRxOnly;
  if (fromTx) {
    out = tx_.front();
    tx_.pop_front();
  } else {
    --receiveOnlyLeft_;
  }
  beginBurst(at);  // the devices see the frame start
  frameIn_ = exchange(out);
  frameKept_ = fromTx ? (tmod == kTmodTxRx) : true;
  frameInFlight_ = true;
  frameEnd_ = at + frameTime();
  // EEPROM read: once the command has gone out, the part answers NDF+1 frames.
  if (fromTx && tmod == kTmodEeprom && tx_.empty()) receiveOnlyLeft_ = CTRLR1_NDF.get(ctrlr1_) + 1;
}

void DwApbSsi::advanceTo(const sc_time& t) {
  while (frameInFlight_ && frameEnd_ <= t) {
    frameInFlight_ = false;
    if (frameKept_) pushRx(frameIn_);
    if (frameCanStart()) startFrame(frameEnd_);
    else if (tx_.empty() && receiveOnlyLeft_ == 0) endBurst(t);  // the TX FIFO ran empty: CS goes up
  }
}

void DwApbSsi::pump() {
  if (role_ == Role::Master && enabled() && (ser_ & 7u) != 0 && baudr_ == 0 && !tx_.empty())
    warnOnce("sckoff", "BAUDR = 0 stops the serial clock: frames wait in the TX FIFO");
  if (role_ == Role::Master && CTRLR0_TMOD.get(ctrlr0_) == kTmodRxOnly && !tx_.empty() && enabled() &&
      (ser_ & 7u) != 0 && !frameInFlight_ && receiveOnlyLeft_ == 0) {
    tx_.clear();  // receive only: the DR write only starts the transfer
    receiveOnlyLeft_ = CTRLR1_NDF.get(ctrlr1_) + 1;
  }
  if (!frameInFlight_ && frameCanStart()) startFrame(now());
}

// ---- Slave (the other end calls these) ----

void DwApbSsi::select(const sc_time& at) {
  catchUp(at);
  if (role_ != Role::Slave) {
    warnOnce("notslave", "selected as a slave but configured as a master: ignored");
    return;
  }
  slaveSelected_ = true;
}

void DwApbSsi::deselect(const sc_time&) { slaveSelected_ = false; }

uint32_t DwApbSsi::transferFrame(uint32_t out, unsigned bits) {
  if (role_ != Role::Slave || !enabled() || !slaveSelected_) return 0;
  if (bits != frameBits())
    warnOnce("bits",
             "master sends " + std::to_string(bits) + "-bit frames, the slave expects " + std::to_string(frameBits()));
  const uint32_t tmod = CTRLR0_TMOD.get(ctrlr0_);
  if (tmod != kTmodTxOnly) pushRx(out & frameMask());
  uint32_t answer = 0;
  if (tmod != kTmodRxOnly) {
    if (tx_.empty()) {
      txError_ = true;  // shifted out with nothing to send
    } else {
      answer = tx_.front();
      tx_.pop_front();
    }
  }
  stateChanged();
  if (CTRLR0_SLV_OE.test(ctrlr0_)) return bits >= 32 ? 0xFFFFFFFFu : ((1u << bits) - 1u);  // output not driven
  return answer & frameMask();
}

uint8_t DwApbSsi::transfer(uint8_t out, unsigned, bool) { return static_cast<uint8_t>(transferFrame(out, 8)); }

// ---- Status / interrupts ----

uint32_t DwApbSsi::rawStatus() const {
  uint32_t v = latched_;
  if (enabled()) {
    if (tx_.size() <= TXFTLR_TFT.get(txftlr_)) v |= RISR_TXEIR.mask();
    if (rx_.size() > RXFTLR_RFT.get(rxftlr_)) v |= RISR_RXFIR.mask();
  }
  return v;
}

uint32_t DwApbSsi::status() const {
  uint32_t v = 0;
  if (inBurst_ || frameInFlight_ || (role_ == Role::Slave && slaveSelected_)) v |= SR_BUSY.mask();
  if (tx_.size() < kFifoDepth) v |= SR_TFNF.mask();
  if (tx_.empty()) v |= SR_TFE.mask();
  if (!rx_.empty()) v |= SR_RFNE.mask();
  if (rx_.size() >= kFifoDepth) v |= SR_RFF.mask();
  if (txError_) v |= SR_TXE.mask();
  return v;
}

void DwApbSsi::disable() {
  frameInFlight_ = false;  // the frame on the wires is abandoned
  endBurst(now());
  tx_.clear();
  rx_.clear();
  receiveOnlyLeft_ = 0;
  txError_ = false;
}

void DwApbSsi::driveOutputs() {
  irq.write((rawStatus() & imr_ & 0x3F) != 0);
  updateDmaRequests();
}

std::optional<sc_time> DwApbSsi::nextChange() const {
  if (frameInFlight_) return frameEnd_;
  return std::nullopt;
}

// DW_apb_ssi handshakes: dma_tx_req while TXFLR <= DMATDLR, dma_rx_req while RXFLR > DMARDLR;
// the single requests while the TX FIFO has room / the RX FIFO holds a frame.
void DwApbSsi::updateDmaRequests() {
  const bool txOn = enabled() && DMACR_TDMAE.test(dmacr_), rxOn = enabled() && DMACR_RDMAE.test(dmacr_);
  dmaTx_.drive(txOn && tx_.size() <= dmatdlr_, txOn && tx_.size() < kFifoDepth);
  dmaRx_.drive(rxOn && rx_.size() > dmardlr_, rxOn && !rx_.empty());
}

void DwApbSsi::stateChanged() {
  updateDmaRequests();
  scheduleUpdate(now());
}

// ---- Registers ----

// The value a read returns; readRegister() adds the side effects (none for a debug read).
bool DwApbSsi::registerValue(uint32_t offset, uint32_t& value) const {
  switch (offset) {
    case CTRLR0: value = ctrlr0_; return true;
    case CTRLR1: value = ctrlr1_; return true;
    case SSIENR: value = ssienr_; return true;
    case MWCR: value = mwcr_; return true;
    case SER: value = ser_; return true;
    case BAUDR: value = baudr_; return true;
    case TXFTLR: value = txftlr_; return true;
    case RXFTLR: value = rxftlr_; return true;
    case TXFLR: value = static_cast<uint32_t>(tx_.size()); return true;
    case RXFLR: value = static_cast<uint32_t>(rx_.size()); return true;
    case SR: value = status(); return true;
    case IMR: value = imr_; return true;
    case ISR: value = rawStatus() & imr_; return true;
    case RISR: value = rawStatus(); return true;
    case TXOICR: value = (latched_ & RISR_TXOIR.mask()) ? 1 : 0; return true;
    case RXOICR: value = (latched_ & RISR_RXOIR.mask()) ? 1 : 0; return true;
    case RXUICR: value = (latched_ & RISR_RXUIR.mask()) ? 1 : 0; return true;
    case MSTICR: value = 0; return true;
    case ICR: value = latched_ ? 1 : 0; return true;
    case DMACR: value = dmacr_; return true;
    case DMATDLR: value = dmatdlr_; return true;
    case DMARDLR: value = dmardlr_; return true;
    case IDR: value = kIdr; return true;
    case SSI_COMP_VERSION: value = kCompVersion; return true;
    case DR: value = rx_.empty() ? 0 : rx_.front(); return true;
    default: return false;
  }
}

bool DwApbSsi::readRegister(uint32_t offset, unsigned, uint32_t& value) {
  // Debug reads catch up too: the frames that ended by then are the same for every later access.
  catchUp(accessTime());
  if (!registerValue(offset, value)) return false;
  if (debugAccess()) return true;
  switch (offset) {
    case SR: txError_ = false; break;  // cleared by reading SR
    case TXOICR: latched_ &= ~RISR_TXOIR.mask(); break;
    case RXOICR: latched_ &= ~RISR_RXOIR.mask(); break;
    case RXUICR: latched_ &= ~RISR_RXUIR.mask(); break;
    case ICR: latched_ = 0; break;
    case DR:
      if (rx_.empty()) {
        latched_ |= RISR_RXUIR.mask();
      } else {
        rx_.pop_front();
        pump();  // room again for a received-only frame
      }
      break;
    default: break;
  }
  stateChanged();
  return true;
}

bool DwApbSsi::writeRegister(uint32_t offset, unsigned, uint32_t value) {
  catchUp(accessTime());
  switch (offset) {
    case CTRLR0: ctrlr0_ = value & CTRLR0_FIELDS; break;
    case CTRLR1: ctrlr1_ = value & CTRLR1_FIELDS; break;
    case SSIENR:
      ssienr_ = value & SSIENR_FIELDS;
      if (!enabled()) disable();
      else pump();
      break;
    case MWCR: mwcr_ = value & MWCR_FIELDS; break;
    case SER:
      if (ser_ != (value & SER_FIELDS) && inBurst_) endBurst(now());
      ser_ = value & SER_FIELDS;
      pump();
      break;
    case BAUDR: baudr_ = value & 0xFFFE; break;  // SCKDV bit 0 reads 0 (even dividers only)
    case TXFTLR: txftlr_ = value & TXFTLR_FIELDS; break;
    case RXFTLR: rxftlr_ = value & RXFTLR_FIELDS; break;
    case IMR: imr_ = value & IMR_FIELDS; break;
    case DMACR: dmacr_ = value & DMACR_FIELDS; break;
    case DMATDLR: dmatdlr_ = value & DMATDLR_FIELDS; break;
    case DMARDLR: dmardlr_ = value & DMARDLR_FIELDS; break;
    case DR:
      if (!enabled()) {
        warnOnce("drdisabled", "DR written while SSIENR = 0: the FIFO is held empty, frame lost");
        break;
      }
      if (tx_.size() >= kFifoDepth) {
        latched_ |= RISR_TXOIR.mask();
        break;
      }
      tx_.push_back(value & frameMask());
      pump();
      break;
    default: return false;
  }
  stateChanged();
  return true;
}

}  // namespace wtm::periph
