#include "DwApbI2c.h"

#include <algorithm>

#include "common/Hex.h"
#include "common/Log.h"
#include "periph/i2c/i2c_regs.h"

namespace wtm::periph {

using namespace i2c;
using sc_core::sc_time;

namespace {

// IC_CLR_INTR: every latched bit (TX_EMPTY and RX_FULL follow the FIFO levels).
constexpr uint32_t kClearedByClrIntr =
    IC_RAW_INTR_STAT_FIELDS & ~(IC_RAW_INTR_STAT_TX_EMPTY.mask() | IC_RAW_INTR_STAT_RX_FULL.mask());
// IC_COMP_PARAM_1: 32-bit APB, fast mode max, HC counts off, INTR_IO, DMA, encoded params, 8/8 FIFOs.
constexpr uint32_t kCompParam1 = 0x2 | (2u << 2) | (1u << 5) | (1u << 6) | (1u << 7) | (7u << 8) | (7u << 16);
constexpr uint32_t kCompVersion = 0x3230312A;  // "201*", a DW_apb_i2c release string
constexpr uint32_t kCompType = 0x44570140;     // DesignWare I2C component type

}  // namespace

DwApbI2c::DwApbI2c(sc_core::sc_module_name name, const ClockDomain& icClk)
    : TimedDevice(name, kRegisterTable, FirstUpdate::WhenScheduled), clk_(icClk) {}

void DwApbI2c::reset() {
  static_cast<DwApbI2cState&>(*this) = DwApbI2cState{};
  catchUpToKernel();
  updateDmaRequests();
  scheduleUpdate(now());
}

void DwApbI2c::warnOnce(const std::string& key, const std::string& text) {
  if (!warned_.insert(key).second) return;
  log::warn(basename(), ": ", text, " at pc ", hex32(accessPc()), " (reported once)");
}

void DwApbI2c::attach(uint8_t address, I2cDevice* device) {
  if (device) devices_[address & 0x7F] = device;
  else devices_.erase(address & 0x7F);
}

sc_time DwApbI2c::sclPeriod() const {
  const bool standard = IC_CON_SPEED.get(con_) == 1;
  const uint32_t counts = (standard ? ssHcnt_ + ssLcnt_ : fsHcnt_ + fsLcnt_) + 8 + spklen_;
  return clk_.period() * static_cast<double>(counts);
}

// ---- Timeline ----

void DwApbI2c::pushEvent(const sc_time& at, Event::Kind kind, uint32_t value) {
  auto pos =
      std::upper_bound(events_.begin(), events_.end(), at, [](const sc_time& t, const Event& e) { return t < e.at; });
  events_.insert(pos, Event{at, kind, value});
}

void DwApbI2c::scheduleStop(const sc_time& at) {
  const sc_time end = at + sclPeriod();
  if (current_) current_->stop();
  current_ = nullptr;
  inTransfer_ = false;
  busFreeAt_ = end;
  pushEvent(end, Event::Stop, 0);
}

void DwApbI2c::abort(const sc_time& at, uint32_t source) {
  pushEvent(at, Event::Abort, source);
  abortAt_ = at;
  abortPending_ = true;
  scheduleStop(at);
}

void DwApbI2c::advanceTo(const sc_time& t) {
  // The DW master sends STOP when its TX FIFO is empty at the end of a byte: nothing came in time.
  if (inTransfer_ && t > lastEnd_) scheduleStop(lastEnd_);
  while (!events_.empty() && events_.front().at <= t) {
    const Event e = events_.front();
    events_.pop_front();
    switch (e.kind) {
      case Event::RxByte:
        if (rx_.size() >= kFifoDepth) raw_ |= IC_RAW_INTR_STAT_RX_OVER.mask();
        else rx_.push_back(static_cast<uint8_t>(e.value));
        break;
      case Event::Raw: raw_ |= e.value & IC_RAW_INTR_STAT_FIELDS; break;
      case Event::Abort:
        raw_ |= IC_RAW_INTR_STAT_TX_ABRT.mask();
        abrtSource_ = e.value | IC_TX_ABRT_SOURCE_TX_FLUSH_CNT.set(0, flushed_);
        break;
      case Event::Stop: raw_ |= IC_RAW_INTR_STAT_STOP_DET.mask(); break;
    }
  }
  while (!txStarts_.empty() && txStarts_.front() <= t) txStarts_.pop_front();
}

unsigned DwApbI2c::txLevel() const { return static_cast<unsigned>(slaveMode() ? slaveTx_.size() : txStarts_.size()); }

// ---- Slave mode ----

bool DwApbI2c::slaveMode() const { return !IC_CON_MASTER_MODE.test(con_) && !IC_CON_IC_SLAVE_DISABLE.test(con_); }

void DwApbI2c::slaveEvent(uint32_t rawBits) {
  raw_ |= rawBits;
  scheduleUpdate(now());
}

bool DwApbI2c::slaveAddressed(uint8_t address, bool read) {
  catchUp(sc_core::sc_time_stamp());
  const bool ack = IC_ENABLE_ENABLE.test(enable_) && slaveMode() && !IC_CON_IC_10BITADDR_SLAVE.test(con_) &&
                   address == (sar_ & 0x7F);
  if (!ack) return false;
  slaveActive_ = true;
  slaveEvent(IC_RAW_INTR_STAT_START_DET.mask() | IC_RAW_INTR_STAT_ACTIVITY.mask());
  (void)read;  // a read shows as RD_REQ when its first byte is asked for
  return true;
}

void DwApbI2c::slaveReceive(uint8_t byte) {
  catchUp(sc_core::sc_time_stamp());
  if (rx_.size() >= kFifoDepth) raw_ |= IC_RAW_INTR_STAT_RX_OVER.mask();
  else rx_.push_back(byte);
  slaveEvent(0);
}

std::optional<uint8_t> DwApbI2c::slaveTransmit() {
  catchUp(sc_core::sc_time_stamp());
  if (slaveTx_.empty() || !IC_ENABLE_ENABLE.test(enable_)) {
    slaveEvent(IC_RAW_INTR_STAT_RD_REQ.mask());
    return std::nullopt;
  }
  const uint8_t b = slaveTx_.front();
  slaveTx_.pop_front();
  slaveEvent(0);
  return b;
}

void DwApbI2c::slaveReadAnswered(bool ack) {
  catchUp(sc_core::sc_time_stamp());
  if (ack) return;
  uint32_t bits = IC_RAW_INTR_STAT_RX_DONE.mask();
  if (!slaveTx_.empty()) {
    slaveTx_.clear();
    abrtSource_ |= IC_TX_ABRT_SOURCE_ABRT_SLVFLUSH_TXFIFO.mask();
    bits |= IC_RAW_INTR_STAT_TX_ABRT.mask();
  }
  slaveEvent(bits);
}

void DwApbI2c::slaveStop() {
  catchUp(sc_core::sc_time_stamp());
  if (!slaveActive_) return;
  slaveActive_ = false;
  slaveEvent(IC_RAW_INTR_STAT_STOP_DET.mask());
}

void DwApbI2c::command(uint32_t value) {
  if (!IC_ENABLE_ENABLE.test(enable_)) {
    warnOnce("disabled", "IC_DATA_CMD written while IC_ENABLE = 0: command lost");
    return;
  }
  if (txLevel() >= kFifoDepth) {
    raw_ |= IC_RAW_INTR_STAT_TX_OVER.mask();
    return;
  }
  if (!IC_CON_MASTER_MODE.test(con_)) {
    // Slave transmitter: the data waits for the external master's read (the CMD bit is ignored).
    if (IC_CON_IC_SLAVE_DISABLE.test(con_)) {
      warnOnce("neither", "IC_DATA_CMD written with master and slave both disabled: lost");
      return;
    }
    slaveTx_.push_back(static_cast<uint8_t>(IC_DATA_CMD_DAT.get(value)));
    slaveTxWritten_.notify(sc_core::SC_ZERO_TIME);
    return;
  }
  if (abortPending_) {  // flushed by an abort (now or still to come on the bus) until IC_CLR_TX_ABRT
    ++flushed_;
    txStarts_.push_back(std::max(now(), abortAt_));
    return;
  }
  if (IC_TAR_SPECIAL.test(tar_) || IC_TAR_IC_10BITADDR_MASTER.test(tar_) || IC_CON_IC_10BITADDR_MASTER.test(con_))
    warnOnce("addrmode", "general call / START byte / 10-bit addressing are not modelled: 7-bit address used");

  const bool read = IC_DATA_CMD_CMD.test(value);
  const sc_time scl = sclPeriod();
  const sc_time byteTime = scl * 9.0;
  const bool continues = inTransfer_ && now() <= lastEnd_;
  sc_time t = continues ? lastEnd_ : std::max(now(), busFreeAt_);
  txStarts_.push_back(t);
  const uint8_t address = static_cast<uint8_t>(IC_TAR_IC_TAR.get(tar_) & 0x7F);
  if (!continues || read != lastRead_ || IC_DATA_CMD_RESTART.test(value)) {
    if (!continues) pushEvent(t, Event::Raw, IC_RAW_INTR_STAT_ACTIVITY.mask());
    else if (!IC_CON_IC_RESTART_EN.test(con_))
      warnOnce("norestart",
               "direction change with IC_CON.IC_RESTART_EN = 0 (a STOP + START on the chip): sent as RESTART");
    t += scl;  // START / RESTART condition
    pushEvent(t, Event::Raw, IC_RAW_INTR_STAT_START_DET.mask());
    auto it = devices_.find(address);
    current_ = it == devices_.end() ? nullptr : it->second;
    const bool ack = current_ && current_->start(read, t);
    t += byteTime;
    inTransfer_ = true;
    lastRead_ = read;
    lastEnd_ = t;
    if (!ack) {
      if (!current_) log::debug(basename(), ": no device at address ", hex32(address), ": NACK");
      abort(t, IC_TX_ABRT_SOURCE_ABRT_7B_ADDR_NOACK.mask());
      return;
    }
  }
  if (read) {
    t += current_->readStretch();
    const uint8_t b = current_->read();
    t += byteTime;
    pushEvent(t, Event::RxByte, b);
  } else {
    const bool ack = current_->write(static_cast<uint8_t>(IC_DATA_CMD_DAT.get(value)));
    t += byteTime;
    if (!ack) {
      lastEnd_ = t;
      abort(t, IC_TX_ABRT_SOURCE_ABRT_TXDATA_NOACK.mask());
      return;
    }
  }
  lastEnd_ = t;
  if (IC_DATA_CMD_STOP.test(value)) scheduleStop(t);
}

// ---- Status ----

uint32_t DwApbI2c::rawStatus() const {
  uint32_t v = raw_;
  if (IC_ENABLE_ENABLE.test(enable_) && txLevel() <= txTl_) v |= IC_RAW_INTR_STAT_TX_EMPTY.mask();
  if (rx_.size() > rxTl_) v |= IC_RAW_INTR_STAT_RX_FULL.mask();
  return v;
}

uint32_t DwApbI2c::status() const {
  const bool active = !slaveMode() && (inTransfer_ || busFreeAt_ > now() || txLevel() > 0);
  uint32_t v = 0;
  if (active) v |= IC_STATUS_ACTIVITY.mask() | IC_STATUS_MST_ACTIVITY.mask();
  if (slaveActive_) v |= IC_STATUS_ACTIVITY.mask() | IC_STATUS_SLV_ACTIVITY.mask();
  if (txLevel() < kFifoDepth) v |= IC_STATUS_TFNF.mask();
  if (txLevel() == 0) v |= IC_STATUS_TFE.mask();
  if (!rx_.empty()) v |= IC_STATUS_RFNE.mask();
  if (rx_.size() >= kFifoDepth) v |= IC_STATUS_RFF.mask();
  return v;
}

void DwApbI2c::readClear(uint32_t bits) {
  raw_ &= ~bits;
  if (bits & IC_RAW_INTR_STAT_TX_ABRT.mask()) {
    abrtSource_ = 0;
    if (abortPending_ && now() >= abortAt_) {
      abortPending_ = false;  // releases the TX FIFO from the flushed state
      flushed_ = 0;
    }
  }
}

// ---- Interrupt line ----

std::optional<sc_time> DwApbI2c::nextChange() const {
  sc_time next = sc_core::sc_max_time();
  if (!events_.empty()) next = events_.front().at;
  if (!txStarts_.empty()) next = std::min(next, txStarts_.front());
  if (inTransfer_) next = std::min(next, lastEnd_ + sc_core::sc_time(1, sc_core::SC_PS));
  if (next == sc_core::sc_max_time()) return std::nullopt;
  return next;
}

// DW_apb_i2c handshakes: dma_tx_req while IC_TXFLR <= IC_DMA_TDLR, dma_rx_req while IC_RXFLR >
// IC_DMA_RDLR; the single requests while the TX FIFO has room / the RX FIFO holds a byte. Called
// in every access (the DMA decides its next transaction on these levels) and as bus time passes.
void DwApbI2c::updateDmaRequests() {
  const bool on = IC_ENABLE_ENABLE.test(enable_);
  const bool txOn = on && IC_DMA_CR_TDMAE.test(dmaCr_), rxOn = on && IC_DMA_CR_RDMAE.test(dmaCr_);
  dmaTx_.drive(txOn && txLevel() <= dmaTdlr_, txOn && txLevel() < kFifoDepth);
  dmaRx_.drive(rxOn && rx_.size() > dmaRdlr_, rxOn && !rx_.empty());
}

void DwApbI2c::driveOutputs() {
  irq.write((rawStatus() & intrMask_ & IC_RAW_INTR_STAT_FIELDS) != 0);
  updateDmaRequests();
}

// ---- Registers ----

// The value a read returns; readRegister() adds the side effects (none for a debug read).
bool DwApbI2c::registerValue(uint32_t offset, uint32_t& value) const {
  // Bits the read-to-clear registers report (and a normal read clears).
  const auto latched = [this](uint32_t bits) -> uint32_t { return (raw_ & bits) ? 1 : 0; };
  switch (offset) {
    case IC_CON: value = con_; return true;
    case IC_TAR: value = tar_; return true;
    case IC_SAR: value = sar_; return true;
    case IC_DATA_CMD: value = rx_.empty() ? 0 : rx_.front(); return true;
    case IC_SS_SCL_HCNT: value = ssHcnt_; return true;
    case IC_SS_SCL_LCNT: value = ssLcnt_; return true;
    case IC_FS_SCL_HCNT: value = fsHcnt_; return true;
    case IC_FS_SCL_LCNT: value = fsLcnt_; return true;
    case IC_INTR_STAT: value = rawStatus() & intrMask_; return true;
    case IC_INTR_MASK: value = intrMask_; return true;
    case IC_RAW_INTR_STAT: value = rawStatus(); return true;
    case IC_RX_TL: value = rxTl_; return true;
    case IC_TX_TL: value = txTl_; return true;
    case IC_CLR_INTR: value = latched(kClearedByClrIntr); return true;
    case IC_CLR_RX_UNDER: value = latched(IC_RAW_INTR_STAT_RX_UNDER.mask()); return true;
    case IC_CLR_RX_OVER: value = latched(IC_RAW_INTR_STAT_RX_OVER.mask()); return true;
    case IC_CLR_TX_OVER: value = latched(IC_RAW_INTR_STAT_TX_OVER.mask()); return true;
    case IC_CLR_RD_REQ: value = latched(IC_RAW_INTR_STAT_RD_REQ.mask()); return true;
    case IC_CLR_TX_ABRT: value = latched(IC_RAW_INTR_STAT_TX_ABRT.mask()); return true;
    case IC_CLR_RX_DONE: value = latched(IC_RAW_INTR_STAT_RX_DONE.mask()); return true;
    case IC_CLR_ACTIVITY: value = latched(IC_RAW_INTR_STAT_ACTIVITY.mask()); return true;
    case IC_CLR_STOP_DET: value = latched(IC_RAW_INTR_STAT_STOP_DET.mask()); return true;
    case IC_CLR_START_DET: value = latched(IC_RAW_INTR_STAT_START_DET.mask()); return true;
    case IC_CLR_GEN_CALL: value = latched(IC_RAW_INTR_STAT_GEN_CALL.mask()); return true;
    case IC_ENABLE: value = enable_; return true;
    case IC_STATUS: value = status(); return true;
    case IC_TXFLR: value = txLevel(); return true;
    case IC_RXFLR: value = static_cast<uint32_t>(rx_.size()); return true;
    case IC_SDA_HOLD: value = sdaHold_; return true;
    case IC_TX_ABRT_SOURCE: value = abrtSource_; return true;
    case IC_DMA_CR: value = dmaCr_; return true;
    case IC_DMA_TDLR: value = dmaTdlr_; return true;
    case IC_DMA_RDLR: value = dmaRdlr_; return true;
    case IC_SDA_SETUP: value = sdaSetup_; return true;
    case IC_ACK_GENERAL_CALL: value = ackGenCall_; return true;
    case IC_ENABLE_STATUS: value = enable_ & IC_ENABLE_STATUS_IC_EN.mask(); return true;
    case IC_FS_SPKLEN: value = spklen_; return true;
    case IC_COMP_PARAM_1: value = kCompParam1; return true;
    case IC_COMP_VERSION: value = kCompVersion; return true;
    case IC_COMP_TYPE: value = kCompType; return true;
    default: return false;
  }
}

bool DwApbI2c::readRegister(uint32_t offset, unsigned, uint32_t& value) {
  // Debug reads catch up too: every later access and update() first catches up to a time no
  // earlier than this one, replaying the same bus events (and the same STOP), so taking them in
  // now changes none of their results.
  catchUp(accessTime());
  if (!registerValue(offset, value)) return false;
  if (debugAccess()) return true;
  switch (offset) {
    case IC_DATA_CMD:
      if (rx_.empty()) raw_ |= IC_RAW_INTR_STAT_RX_UNDER.mask();
      else rx_.pop_front();
      break;
    case IC_CLR_INTR: readClear(kClearedByClrIntr); break;
    case IC_CLR_RX_UNDER: readClear(IC_RAW_INTR_STAT_RX_UNDER.mask()); break;
    case IC_CLR_RX_OVER: readClear(IC_RAW_INTR_STAT_RX_OVER.mask()); break;
    case IC_CLR_TX_OVER: readClear(IC_RAW_INTR_STAT_TX_OVER.mask()); break;
    case IC_CLR_RD_REQ: readClear(IC_RAW_INTR_STAT_RD_REQ.mask()); break;
    case IC_CLR_TX_ABRT: readClear(IC_RAW_INTR_STAT_TX_ABRT.mask()); break;
    case IC_CLR_RX_DONE: readClear(IC_RAW_INTR_STAT_RX_DONE.mask()); break;
    case IC_CLR_ACTIVITY:
      if (!(status() & IC_STATUS_ACTIVITY.mask())) raw_ &= ~IC_RAW_INTR_STAT_ACTIVITY.mask();
      break;
    case IC_CLR_STOP_DET: readClear(IC_RAW_INTR_STAT_STOP_DET.mask()); break;
    case IC_CLR_START_DET: readClear(IC_RAW_INTR_STAT_START_DET.mask()); break;
    case IC_CLR_GEN_CALL: readClear(IC_RAW_INTR_STAT_GEN_CALL.mask()); break;
    default: break;
  }
  scheduleUpdate(now());
  return true;
}

bool DwApbI2c::writeRegister(uint32_t offset, unsigned, uint32_t value) {
  catchUp(accessTime());
  switch (offset) {
    case IC_CON: con_ = value & IC_CON_FIELDS; break;
    case IC_TAR: tar_ = value & IC_TAR_FIELDS; break;
    case IC_SAR: sar_ = value & IC_SAR_FIELDS; break;
    case IC_DATA_CMD: command(value); break;
    case IC_SS_SCL_HCNT: ssHcnt_ = std::max<uint32_t>(6, value & IC_SS_SCL_HCNT_FIELDS); break;
    case IC_SS_SCL_LCNT: ssLcnt_ = std::max<uint32_t>(8, value & IC_SS_SCL_LCNT_FIELDS); break;
    case IC_FS_SCL_HCNT: fsHcnt_ = std::max<uint32_t>(6, value & IC_FS_SCL_HCNT_FIELDS); break;
    case IC_FS_SCL_LCNT: fsLcnt_ = std::max<uint32_t>(8, value & IC_FS_SCL_LCNT_FIELDS); break;
    case IC_INTR_MASK: intrMask_ = value & IC_RAW_INTR_STAT_FIELDS; break;
    case IC_RX_TL: rxTl_ = std::min<uint32_t>(value & IC_RX_TL_FIELDS, kFifoDepth - 1); break;
    case IC_TX_TL: txTl_ = std::min<uint32_t>(value & IC_TX_TL_FIELDS, kFifoDepth - 1); break;
    case IC_ENABLE:
      if (IC_ENABLE_ABORT.test(value) && IC_ENABLE_ENABLE.test(enable_)) {
        warnOnce("abort", "IC_ENABLE.ABORT: commands already placed on the bus still complete in this model");
        pushEvent(now(), Event::Abort, IC_TX_ABRT_SOURCE_ABRT_USER_ABRT.mask());
        abortAt_ = now();
        abortPending_ = true;
        catchUp(now());
      }
      enable_ = value & (IC_ENABLE_ENABLE.mask() | IC_ENABLE_TX_CMD_BLOCK.mask());
      if (!IC_ENABLE_ENABLE.test(enable_)) {
        rx_.clear();
        slaveTx_.clear();
      }
      break;
    case IC_SDA_HOLD: sdaHold_ = value & IC_SDA_HOLD_FIELDS; break;
    case IC_DMA_CR: dmaCr_ = value & IC_DMA_CR_FIELDS; break;
    case IC_DMA_TDLR: dmaTdlr_ = value & IC_DMA_TDLR_FIELDS; break;
    case IC_DMA_RDLR: dmaRdlr_ = value & IC_DMA_RDLR_FIELDS; break;
    case IC_SDA_SETUP: sdaSetup_ = value & IC_SDA_SETUP_FIELDS; break;
    case IC_ACK_GENERAL_CALL: ackGenCall_ = value & IC_ACK_GENERAL_CALL_FIELDS; break;
    case IC_FS_SPKLEN: spklen_ = std::max<uint32_t>(1, value & IC_FS_SPKLEN_FIELDS); break;
    default: return false;
  }
  scheduleUpdate(now());
  return true;
}

}  // namespace wtm::periph
