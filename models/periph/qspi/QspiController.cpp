#include "QspiController.h"

#include <algorithm>

#include "common/Hex.h"
#include "common/Log.h"
#include "common/NotifyAt.h"
#include "periph/qspi/qspi_regs.h"

namespace wtm::periph {

using namespace qspi;
using sc_core::sc_time;

namespace {

// QSPI_STATUS.STATE values (vendor qspi.h).
constexpr uint32_t kStateIdle = 0, kStateReadData = 5, kStateWriteData = 6;

unsigned lanesOf(uint32_t mode) { return mode == 3 ? 4 : mode == 2 ? 2 : 1; }

}  // namespace

QspiController::QspiController(sc_core::sc_module_name name, const ClockDomain& pclk)
    : TimedDevice(name, kRegisterTable, FirstUpdate::WhenScheduled), pclk_(pclk) {}

void QspiController::reset() {
  static_cast<QspiControllerState&>(*this) = QspiControllerState{};
  updateDmaRequests();
  scheduleUpdate(now());
}

void QspiController::warnOnce(const std::string& key, const std::string& text) {
  if (!warned_.insert(key).second) return;
  log::warn(basename(), ": ", text, " at pc ", hex32(accessPc()), " (reported once)");
}

// The read request needs at least RD_WATER_LEVEL words (and at least one): the vendor
// qspi_flash_dma example reads with level 1 in one-word bursts and must get its last word.
void QspiController::updateDmaRequests() {
  const bool txOn = DMA_CTRL_QSPI_WRITE_EN.test(dmaCtrl_), rxOn = DMA_CTRL_QSPI_READ_EN.test(dmaCtrl_);
  const size_t rxLevel = std::max<size_t>(1, DMA_CTRL_RD_WATER_LEVEL.get(dmaCtrl_));
  dmaTx_.drive(txOn && wfifo_.size() <= DMA_CTRL_WR_WATER_LEVEL.get(dmaCtrl_), txOn && wfifo_.size() < kFifoWords);
  dmaRx_.drive(rxOn && rfifo_.size() >= rxLevel, rxOn && !rfifo_.empty());
}

// ---- Transfers ----

void QspiController::sendHeader(const sc_time& at) {
  device_->select(at);
  if (const uint32_t m = QSPI_CTRL_IMODE.get(ctrl_)) device_->transfer(static_cast<uint8_t>(ins_), lanesOf(m), true);
  if (const uint32_t m = QSPI_CTRL_ADMODE.get(ctrl_))
    for (unsigned i = QSPI_CTRL_ADSIZE.get(ctrl_) + 1; i-- > 0;)
      device_->transfer(static_cast<uint8_t>(addr_ >> (8 * i)), lanesOf(m), true);
  if (const uint32_t m = QSPI_CTRL_ALMODE.get(ctrl_))
    for (unsigned i = QSPI_CTRL_ALSIZE.get(ctrl_) + 1; i-- > 0;)
      device_->transfer(static_cast<uint8_t>(alter_ >> (8 * i)), lanesOf(m), true);
  if (const uint32_t d = QSPI_CTRL_DUMMY_CYCLE.get(ctrl_)) device_->idleCycles(d);
}

void QspiController::startIndirect() {
  if (mode_ != Mode::Idle) {
    warnOnce("restart", "INDIRECT_ACT while a transfer is in progress: the old one is abandoned");
    stop();
  }
  if (!device_) {
    warnOnce("nodev", "transfer started with no flash attached: nothing answers");
    raise(INT_SR_PENDING_QSPI_FINISH.mask());
    return;
  }
  sendHeader(now());
  if (QSPI_CTRL_DMODE.get(ctrl_) == 0) {  // no data phase: DATA_NUM does not matter
    finish();
    return;
  }
  remaining_ = uint64_t{QSPI_DATA_NUM_DATA_LENGTH.get(dataNum_)} + 1;
  if (QSPI_CTRL_DMODE_SEL.test(ctrl_)) {
    mode_ = Mode::IndirectRead;
    fillRead();
  } else {
    mode_ = Mode::IndirectWrite;
    writeLineFree_ = now();  // the header's own bytes are not timed
    drainWrite();
  }
}

// One 32-bit word on `lanes` data lines: 32 / lanes SCK cycles.
sc_time QspiController::wordTime(unsigned lanes) const { return pclk_.period() * (kSckDivider * 32.0 / lanes); }

void QspiController::advanceTo(const sc_time& t) {
  if (mode_ == Mode::IndirectWrite) drainWrite();
  while (mode_ == Mode::Polling && nextPoll_ <= t)
    if (!pollOnce(nextPoll_)) schedulePoll(nextPoll_);
}

// Indirect write: each word leaves the write FIFO when the serializer is free for it (right away
// when it was idle), so the FIFO fills when software or a DMA is faster than the wires.
void QspiController::drainWrite() {
  const unsigned lanes = lanesOf(QSPI_CTRL_DMODE.get(ctrl_));
  const bool hadData = !wfifo_.empty();
  while (remaining_ > 0 && !wfifo_.empty() && writeLineFree_ <= now()) {
    const uint32_t word = wfifo_.front();
    wfifo_.pop_front();
    for (unsigned i = 0; i < 4 && remaining_ > 0; ++i, --remaining_)
      device_->transfer(static_cast<uint8_t>(word >> (8 * i)), lanes, true);
    writeLineFree_ += wordTime(lanes);
  }
  if (hadData && wfifo_.empty()) raise(INT_SR_PENDING_WRITE_FIFO_EMPTY.mask());
  if (remaining_ == 0) finish();
}

void QspiController::fillRead() {
  const unsigned lanes = lanesOf(QSPI_CTRL_DMODE.get(ctrl_));
  while (remaining_ > 0 && rfifo_.size() < kFifoWords) {
    uint32_t word = 0;
    for (unsigned i = 0; i < 4 && remaining_ > 0; ++i, --remaining_)
      word |= uint32_t{device_->transfer(0xFF, lanes, false)} << (8 * i);
    rfifo_.push_back(word);
  }
  if (remaining_ == 0) finish();
}

void QspiController::finish() {
  // Words beyond DATA_NUM are dropped when a write ends: the vendor qspi_flash_dma example's DMA
  // writes one word more than the last block holds and then waits for an empty FIFO.
  // A write's chip select rises after its last word's bits; a read's when it is taken.
  const sc_time end = mode_ == Mode::IndirectWrite ? std::max(now(), writeLineFree_) : now();
  if (mode_ == Mode::IndirectWrite) wfifo_.clear();
  device_->deselect(end);
  mode_ = Mode::Idle;
  raise(INT_SR_PENDING_QSPI_FINISH.mask());
}

void QspiController::stop() {
  if (mode_ != Mode::Idle && device_) device_->deselect(now());
  mode_ = Mode::Idle;
  remaining_ = 0;
  scheduleUpdate(now());  // replaces a pending wake-up for the next poll: nothing is left to do then
}

// One status read of polling mode, starting at `at`; true on a match (polling then ends).
bool QspiController::pollOnce(const sc_time& at) {
  sendHeader(at);
  const uint8_t status = device_->transfer(0xFF, lanesOf(QSPI_CTRL_DMODE.get(ctrl_)), false);
  device_->deselect(at);
  const uint32_t mask = POLLING_REG_RDSR_MASK.get(polling_);
  if (((status ^ POLLING_REG_RDSR.get(polling_)) & mask) != 0) return false;
  mode_ = Mode::Idle;
  raise(INT_SR_PENDING_RDSR.mask());
  return true;
}

// The next status read after one at `after`: 16 SCK cycles later (instruction + data), or when
// the device said its state would change, whichever is later.
void QspiController::schedulePoll(const sc_time& after) {
  nextPoll_ = std::max(after + pclk_.period() * (16.0 * kSckDivider), device_->statusHint());
  scheduleUpdate(nextPoll_);
}

void QspiController::pulse(uint32_t v) {
  if (QSPI_PULSE_JUMP_TO_STOP.test(v)) stop();
  // POLLING_CONF_UPDATE / MAPPING_CONF_UPDATE / CLR_AHB_CACHE need no action: the model uses the
  // registers as they are when an action starts, and the memory-mapped window has no cache.
  if (QSPI_PULSE_INDIRECT_ACT.test(v)) startIndirect();
  if (QSPI_PULSE_POLLING_ACT.test(v)) {
    if (mode_ != Mode::Idle) stop();
    if (!device_) {
      warnOnce("nodev", "polling started with no flash attached: it never matches");
      return;
    }
    if (QSPI_CTRL_DMODE.get(ctrl_) == 0)
      warnOnce("polldmode", "polling with QSPI_CTRL.DMODE = 0: no status byte is read");
    mode_ = Mode::Polling;
    if (!pollOnce(now())) schedulePoll(now());
  }
}

// ---- Status ----

uint32_t QspiController::fifoStatus() const {
  uint32_t v = 0;
  if (wfifo_.size() >= kFifoWords) v |= AFIFO_STATUS_WR_AFIFO_FULL.mask();
  if (wfifo_.empty()) v |= AFIFO_STATUS_WR_AFIFO_EMPTY.mask();
  if (rfifo_.size() >= kFifoWords) v |= AFIFO_STATUS_RD_AFIFO_FULL.mask();
  if (rfifo_.size() >= kFifoWords - 2) v |= AFIFO_STATUS_RD_AFIFO_ALMOST_FULL.mask();
  if (rfifo_.empty()) v |= AFIFO_STATUS_RD_AFIFO_EMPTY.mask();
  return v;
}

uint32_t QspiController::state() const {
  switch (mode_) {
    case Mode::Idle: return kStateIdle;
    case Mode::IndirectWrite: return kStateWriteData;
    case Mode::IndirectRead:
    case Mode::Polling: return kStateReadData;
  }
  return kStateIdle;
}

// ---- Interrupt ----

void QspiController::raise(uint32_t bits) {
  pending_ |= bits;
  scheduleUpdate(now());
}

void QspiController::driveOutputs() {
  irq.write((pending_ & ~mask_ & INT_SR_PENDING_FIELDS) != 0);
  updateDmaRequests();
}

std::optional<sc_time> QspiController::nextChange() const {
  if (mode_ == Mode::IndirectWrite && !wfifo_.empty()) return writeLineFree_;
  if (mode_ == Mode::Polling) return nextPoll_;
  return std::nullopt;
}

// ---- Registers ----

bool QspiController::readRegister(uint32_t offset, unsigned, uint32_t& value) {
  if (!debugAccess()) catchUp(accessTime());
  switch (offset) {
    case DMA_CTRL: value = dmaCtrl_; return true;
    case QSPI_CTRL: value = ctrl_; return true;
    case QSPI_INS: value = ins_; return true;
    case QSPI_ADDR: value = addr_; return true;
    case QSPI_ALTER: value = alter_; return true;
    case QSPI_DATA_NUM: value = dataNum_; return true;
    case POLLING_REG: value = polling_; return true;
    case AFIFO_STATUS: value = fifoStatus(); return true;
    case QSPI_STATUS: value = QSPI_STATUS_STATE.set(0, state()); return true;
    case INT_MASK_STATUS: value = mask_; return true;
    case INT_SR_PENDING: value = pending_; return true;
    case AFIFO_RDATA:
      if (debugAccess()) {  // no pop, no refill from the flash, no underflow
        value = rfifo_.empty() ? 0 : rfifo_.front();
        return true;
      }
      if (rfifo_.empty()) {
        value = 0;
        raise(INT_SR_PENDING_RD_UNDERFLOW.mask());
        return true;
      }
      value = rfifo_.front();
      rfifo_.pop_front();
      if (mode_ == Mode::IndirectRead) fillRead();
      return true;
    case MAPPING_ACT: value = mappingAct_; return true;
    default: return false;
  }
}

bool QspiController::writeRegister(uint32_t offset, unsigned, uint32_t value) {
  catchUp(accessTime());
  switch (offset) {
    case DMA_CTRL: dmaCtrl_ = value & DMA_CTRL_FIELDS; return true;
    case QSPI_CTRL: ctrl_ = value & QSPI_CTRL_FIELDS; return true;
    case QSPI_INS: ins_ = value & QSPI_INS_FIELDS; return true;
    case QSPI_ADDR: addr_ = value; return true;
    case QSPI_ALTER: alter_ = value; return true;
    case QSPI_DATA_NUM: dataNum_ = value & QSPI_DATA_NUM_DATA_LENGTH.mask(); return true;
    case POLLING_REG: polling_ = value & POLLING_REG_FIELDS; return true;
    case INT_MASK_SET:
      mask_ |= value & INT_SR_PENDING_FIELDS;
      scheduleUpdate(now());
      return true;
    case INT_MASK_CLR:
      mask_ &= ~value;
      scheduleUpdate(now());
      return true;
    case INT_SR_PENDING:
      pending_ &= ~value;
      scheduleUpdate(now());
      return true;
    case AFIFO_WDATA:
      if (wfifo_.size() >= kFifoWords) {
        raise(INT_SR_PENDING_WR_OVERFLOW.mask());
        return true;
      }
      if (wfifo_.empty() && writeLineFree_ < now()) writeLineFree_ = now();  // an idle serializer takes it now
      wfifo_.push_back(value);
      if (mode_ == Mode::IndirectWrite) drainWrite();
      return true;
    case QSPI_PULSE: pulse(value); return true;
    case MAPPING_ACT: mappingAct_ = value & MAPPING_ACT_MAPPING_ACT.mask(); return true;
    default: return false;
  }
}

}  // namespace wtm::periph
