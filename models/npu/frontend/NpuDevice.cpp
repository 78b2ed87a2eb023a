#include "npu/frontend/NpuDevice.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <sstream>

#include "common/Hex.h"
#include "common/Log.h"
#include "npu/RoundDecoder.h"
#include "npu/frontend/npu_regs.h"

namespace wtm::npu {

namespace r = regs;
using sc_core::sc_time;

namespace {
// Offsets below this are register storage (the vendor libraries use up to 0x31C).
constexpr std::uint32_t kStorageEnd = 0x320;
// Durations of the flash array operations (ASSUMPTION: nothing is published; a 32-bit-line
// sensing read, a program pulse burst, a row erase of an embedded NOR flash).
const sc_time kArrayReadTime(2, sc_core::SC_US);
const sc_time kArrayProgramTime(10, sc_core::SC_US);
const sc_time kArrayEraseTime(1, sc_core::SC_MS);
// NPU DMA: a start-up of 8 bus cycles, then one 32-bit beat per bus cycle (ASSUMPTION).
constexpr unsigned kDmaSetupCycles = 8;
// Analog code an array read returns for a cell bit-line (ASSUMPTION; see arrayReadValue).
constexpr int kTrimOne = 1000, kTrimZero = 100;
}  // namespace

NpuDevice::NpuDevice(sc_core::sc_module_name name, const ClockDomain& busClock)
    : TimedDevice(name, r::kRegisterTable, FirstUpdate::WhenScheduled),
      busClock_(busClock),
      regs_(kStorageEnd / 2, 0),
      regfile_(kRegfileBytes, 0),
      roundSram_(2 * kRoundSramEntries, 0) {
  lut1_ = identityLut();
  lut2_ = identityLut();
}

void NpuDevice::setClockDivider(unsigned divider) { divider_ = divider & 0xF; }
void NpuDevice::reset() {
  std::fill(regs_.begin(), regs_.end(), std::uint16_t{0});
  std::fill(regfile_.begin(), regfile_.end(), std::uint8_t{0});
  std::fill(roundSram_.begin(), roundSram_.end(), 0u);
  lut1_ = identityLut();
  lut2_ = identityLut();
  status_ = 0;
  paused_ = false;
  vbError_ = 0;
  regfilePtr_ = fifoHead_ = roundPtr_ = lutPtr_ = 0;
  engine_ = Engine::Idle;
  arrayFifo_.clear();
  arrayCmd_ = 0;
  dmaBusy_ = false;
  pending_.clear();  // an update already scheduled finds nothing due
  updateIrq();       // statistics and once-only warnings are per run, not per reset
}

double NpuDevice::npuClockHz() const { return busClock_.frequency() / (divider_ + 1); }

// ------------------------------------------------------------------------------------------
// Bus interface

bool NpuDevice::readRegister(std::uint32_t offset, unsigned size, std::uint32_t& value) {
  // A debug read shows the completions applied so far (onWake applies each at its time):
  // applying one here would run a round, with its logs, inside the debugger's read.
  if (!debugAccess()) catchUp(accessTime());
  if (offset >= r::REGFILE_DATA && offset < r::REGFILE_DATA + 4)
    return regfilePort(false, offset - r::REGFILE_DATA, size, value);
  if (offset < 4) return roundPort(false, size, value);
  if ((offset >= r::LUT2_DATA && offset < r::LUT2_DATA + 4) || (offset >= r::LUT1_DATA && offset < r::LUT1_DATA + 4)) {
    value = 0;  // write-only streams (wnpu_chip_test reads 0x1C and ignores the value)
    return true;
  }
  if (offset == r::VB_ERROR && size == 2) {
    value = vbError_;
    return true;
  }
  if (offset + size > kStorageEnd) return false;
  value = 0;
  for (unsigned i = 0; i < size;) {
    const std::uint32_t o = offset + i;
    const std::uint16_t h = readHalf(o & ~1u);
    if ((o & 1) == 0 && size - i >= 2) {
      value |= static_cast<std::uint32_t>(h) << (8 * i);
      i += 2;
    } else {
      value |= static_cast<std::uint32_t>((o & 1) ? h >> 8 : h & 0xFF) << (8 * i);
      i += 1;
    }
  }
  if (!debugAccess()) updateIrq();
  return true;
}

bool NpuDevice::writeRegister(std::uint32_t offset, unsigned size, std::uint32_t value) {
  catchUp(accessTime());
  bool ok = true;
  if (offset >= r::REGFILE_DATA && offset < r::REGFILE_DATA + 4)
    ok = regfilePort(true, offset - r::REGFILE_DATA, size, value);
  else if (offset < 4) ok = roundPort(true, size, value);
  else if (offset >= r::LUT2_DATA && offset < r::LUT2_DATA + 4) ok = lutPort(2, size, value);
  else if (offset >= r::LUT1_DATA && offset < r::LUT1_DATA + 4) ok = lutPort(1, size, value);
  else if (offset == r::VB_ERROR) vbError_ = 0;  // any write clears the extension register
  else if (offset + size > kStorageEnd) ok = false;
  else {
    for (unsigned i = 0; i < size;) {
      const std::uint32_t o = offset + i;
      if ((o & 1) == 0 && size - i >= 2) {
        writeHalf(o, static_cast<std::uint16_t>(value >> (8 * i)));
        i += 2;
      } else {
        // A byte store merges into the halfword that holds it.
        const std::uint16_t old = regValue(o & ~1u);
        const std::uint16_t b = static_cast<std::uint8_t>(value >> (8 * i));
        writeHalf(o & ~1u, (o & 1) ? static_cast<std::uint16_t>((old & 0x00FF) | (b << 8))
                                   : static_cast<std::uint16_t>((old & 0xFF00) | b));
        i += 1;
      }
    }
  }
  updateIrq();
  return ok;
}

std::uint16_t NpuDevice::readHalf(std::uint32_t offset) {
  switch (offset) {
    case r::CHIP_ID: return kChipId;
    case r::INT_STATUS: return status_;
    case r::INT_CLR: return 0;
    case r::PAUSE: return static_cast<std::uint16_t>((regValue(offset) & ~1u) | (paused_ ? 1u : 0u));
    case r::ROUND_START:
      return static_cast<std::uint16_t>((regValue(offset) & 0x7FFF) | (engine_ != Engine::Idle ? 0x8000 : 0));
    case r::ARR_FIFO_DATA: {
      if (!(regValue(r::ARR_FIFO_EN) & 1)) return 0;
      if (arrayFifo_.empty()) {
        if (!debugAccess()) warnOnce("fifo-empty", "ARR_FIFO_DATA read with no array-read result left (reads 0)");
        return 0;
      }
      const std::uint16_t v = arrayFifo_.front();
      if (!debugAccess()) arrayFifo_.pop_front();
      return v;
    }
    default: return regValue(offset);
  }
}

void NpuDevice::writeHalf(std::uint32_t offset, std::uint16_t v) {
  switch (offset) {
    case r::CHIP_ID:
    case r::INT_STATUS:
    case r::ARR_FIFO_DATA: return;  // read-only
    case r::INT_CLR: status_ = static_cast<std::uint16_t>(status_ & ~v); return;
    case r::FIFO_CFG:
      reg(offset) = v;
      fifoHead_ = 0;  // a new FIFO configuration starts an empty ring
      return;
    case r::LUT_SEL:
      reg(offset) = v;
      lutPtr_ = 0;
      return;
    case r::CTRL:
      // bit 8 continue and bit 6 clear-DAC-FIFO are pulses (the DAC FIFO holds nothing between
      // rounds in this model, so the clear has no effect).
      reg(offset) = static_cast<std::uint16_t>(v & ~(r::CTRL_CONTINUE.mask() | r::CTRL_CLEAR_DAC_FIFO.mask()));
      if (r::CTRL_CONTINUE.test(v)) {
        if (engine_ == Engine::WaitContinue) beginRound(now());
        else warnOnce("continue", "CTRL continue written while the NPU was not paused between rounds (ignored)");
      }
      return;
    case r::ACCESS_MODE:
      reg(offset) = v;
      if (v & (r::ACCESS_MODE_REGFILE_WRITE.mask() | r::ACCESS_MODE_REGFILE_READ.mask()))
        regfilePtr_ = regValue(r::REGFILE_ADDR) & (kRegfileBytes - 1);
      if (v & (r::ACCESS_MODE_ROUND_WRITE.mask() | r::ACCESS_MODE_ROUND_READ.mask()))
        roundPtr_ = 2 * (regValue(r::ROUND_CFG_ADDR) & 0xFF);
      return;
    case r::ROUND_CFG_ADDR:
      reg(offset) = v;
      roundPtr_ = 2 * (v & 0xFF);
      return;
    case r::REGFILE_ADDR:
      reg(offset) = v;
      regfilePtr_ = v & (kRegfileBytes - 1);
      return;
    case r::ROUND_START:
      reg(offset) = static_cast<std::uint16_t>(v & 0x7FFF);
      if (r::ROUND_START_START.test(v)) {
        if (engine_ == Engine::Idle) startInference();
        else warnOnce("start-busy", "ROUND_START start written while an inference runs (ignored)");
      }
      return;
    case r::PAUSE:
      reg(offset) = static_cast<std::uint16_t>(v & ~(r::PAUSE_ACK.mask() | 1u));
      if (r::PAUSE_ACK.test(v)) paused_ = false;
      return;
    case r::DMA_CTRL: {
      const std::uint16_t old = regValue(offset);
      reg(offset) = v;
      if (v & 2) {  // reset: a transfer in flight is dropped (its data already moved)
        for (auto it = pending_.begin(); it != pending_.end();)
          it = it->what == Pending::DmaDone ? pending_.erase(it) : std::next(it);
        dmaBusy_ = false;
      } else if ((v & 1) && !(old & 1)) {
        startDma();
      }
      return;
    }
    case r::ARR_CMD:
      reg(offset) = v;
      if (v) startArrayOp(v);
      return;
    default: reg(offset) = v; return;
  }
}

// ------------------------------------------------------------------------------------------
// Data ports

int NpuDevice::physicalAddress(int logical) const {
  logical &= kRegfileBytes - 1;
  const std::uint16_t cfg = regValue(r::FIFO_CFG);
  if (!r::FIFO_CFG_EN.test(cfg) || logical < kFifoWindowStart) return logical;
  const int depth = static_cast<int>(r::FIFO_CFG_DEPTH_M1.get(cfg)) + 1;
  const int a = logical - kFifoWindowStart;
  if (a >= depth) return logical;
  return kFifoWindowStart + (fifoHead_ + a) % depth;
}

void NpuDevice::writeRegfileFromPort(int logical, std::uint8_t byte) {
  logical &= kRegfileBytes - 1;
  const std::uint16_t cfg = regValue(r::FIFO_CFG);
  const int depth = static_cast<int>(r::FIFO_CFG_DEPTH_M1.get(cfg)) + 1;
  if (r::FIFO_CFG_EN.test(cfg) && logical >= kFifoWindowStart && logical < kFifoWindowStart + depth) {
    // Input FIFO (ASSUMPTION, docs/npu-frontend.md §3): every byte written into the window is
    // appended; the window always shows the last `depth` bytes, oldest at its lowest address.
    regfile_[static_cast<std::size_t>(kFifoWindowStart + fifoHead_)] = byte;
    fifoHead_ = (fifoHead_ + 1) % depth;
    return;
  }
  regfile_[static_cast<std::size_t>(logical)] = byte;
}

std::uint8_t NpuDevice::regfileByte(int address) const {
  return regfile_[static_cast<std::size_t>(physicalAddress(address))];
}

bool NpuDevice::regfilePort(bool write, unsigned lane, unsigned size, std::uint32_t& value) {
  const std::uint16_t mode = regValue(r::ACCESS_MODE);
  const bool enabled = write ? r::ACCESS_MODE_REGFILE_WRITE.test(mode) : r::ACCESS_MODE_REGFILE_READ.test(mode);
  if (!enabled) {
    if (!debugAccess())
      modelError(r::VB_ERROR_PORT_MODE.mask(), std::string("REGFILE_DATA ") + (write ? "write" : "read") +
                                                   " while ACCESS_MODE is " + hex32(mode) + " (" +
                                                   (write ? "0x4000" : "0x8000") + " expected); access ignored");
    value = 0;
    return true;
  }
  if (!write) value = 0;
  // Lane k carries the byte whose address is k mod 4 within the current word; the pointer moves
  // to the next word after lane 3 (npu.md §2.4).
  for (unsigned i = 0; i < size && lane + i < 4; ++i) {
    const int addr = (regfilePtr_ & ~3) + static_cast<int>(lane + i);
    if (write) writeRegfileFromPort(addr, static_cast<std::uint8_t>(value >> (8 * i)));
    else value |= static_cast<std::uint32_t>(regfile_[static_cast<std::size_t>(physicalAddress(addr))]) << (8 * i);
    // A debug read leaves the auto-increment pointer where it is.
    if (lane + i == 3 && !debugAccess()) regfilePtr_ = ((regfilePtr_ & ~3) + 4) & (kRegfileBytes - 1);
  }
  return true;
}

bool NpuDevice::roundPort(bool write, unsigned size, std::uint32_t& value) {
  const std::uint16_t mode = regValue(r::ACCESS_MODE);
  const bool enabled = write ? r::ACCESS_MODE_ROUND_WRITE.test(mode) : r::ACCESS_MODE_ROUND_READ.test(mode);
  if (!enabled || size != 4) {
    if (!debugAccess())
      modelError(r::VB_ERROR_PORT_MODE.mask(), std::string("ROUND_CFG_DATA ") + (write ? "write" : "read") + " of " +
                                                   std::to_string(size) + " bytes while ACCESS_MODE is " + hex32(mode) +
                                                   " (32-bit accesses in mode " + (write ? "0x1000" : "0x2000") +
                                                   " expected); access ignored");
    if (!write) value = 0;
    return true;
  }
  if (write) roundSram_[static_cast<std::size_t>(roundPtr_)] = value;
  else value = roundSram_[static_cast<std::size_t>(roundPtr_)];
  if (!debugAccess()) roundPtr_ = (roundPtr_ + 1) % (2 * kRoundSramEntries);  // a debug read stays put
  return true;
}

bool NpuDevice::lutPort(int slot, unsigned size, std::uint32_t value) {
  const int sel = regValue(r::LUT_SEL) & 3;
  if (sel != slot) {
    modelError(r::VB_ERROR_PORT_MODE.mask(), "LUT" + std::to_string(slot) + "_DATA written while LUT_SEL is " +
                                                 std::to_string(sel) + "; access ignored");
    return true;
  }
  ActivationLut& t = slot == 2 ? lut2_ : lut1_;
  for (unsigned i = 0; i < size; ++i) {  // little-endian: table[0] in bits 7:0 of the first word
    t[static_cast<std::size_t>(lutPtr_)] = static_cast<std::uint8_t>(value >> (8 * i));
    lutPtr_ = (lutPtr_ + 1) & 0xFF;
  }
  return true;
}

// ------------------------------------------------------------------------------------------
// Round engine

RoundConfig NpuDevice::decodeAtEntry(int entry, int& words) const {
  const std::size_t first = static_cast<std::size_t>(2 * (entry % kRoundSramEntries));
  std::uint32_t w[12];
  const std::size_t n = roundRecordWords(roundSram_[first]);
  for (std::size_t i = 0; i < n; ++i) w[i] = roundSram_[(first + i) % roundSram_.size()];
  words = static_cast<int>(n);
  return decodeRound(w, n);
}

void NpuDevice::startInference() {
  const std::uint16_t range = regValue(r::ROUND_RANGE);
  currentRound_ = static_cast<int>(r::ROUND_RANGE_FIRST.get(range));
  endRound_ = static_cast<int>(r::ROUND_RANGE_END.get(range));
  currentEntry_ = static_cast<int>(r::ROUND_START_ENTRY.get(regValue(r::ROUND_START)));
  inferenceBusy_ = sc_core::SC_ZERO_TIME;
  paused_ = false;
  if (log::threshold() >= log::Level::Debug)
    log::debug(basename(), ": start rounds ", currentRound_, "..", endRound_ - 1, " at entry ", currentEntry_, "\n",
               dumpRoundSram(currentEntry_, std::max(1, endRound_ - currentRound_)));
  if (endRound_ <= currentRound_) {
    // An empty range finishes at once (ASSUMPTION: the hardware has no "nothing to do" error).
    warnOnce("empty-range", "ROUND_RANGE " + hex32(range) + " selects no round; the inference ends at once");
    setStatus(r::INT_STATUS_ALL_ROUND_DONE.mask());
    ++stats_.inferences;
    return;
  }
  beginRound(now());
}

void NpuDevice::beginRound(const sc_time& at) {
  int words = 0;
  current_ = decodeAtEntry(currentEntry_, words);
  currentLatency_ = roundLatency(current_, npuClockHz(), [this](std::uint32_t o) { return regValue(o); });
  engine_ = Engine::Running;
  schedule(at + sc_time(currentLatency_.total(), sc_core::SC_SEC), Pending::RoundDone);
}

void NpuDevice::finishRound(const sc_time& at) {
  executeRound(current_);
  const sc_time t(currentLatency_.total(), sc_core::SC_SEC);
  stats_.busy += t;
  stats_.phases += currentLatency_;
  inferenceBusy_ += t;
  ++stats_.rounds;
  int words = 0;
  decodeAtEntry(currentEntry_, words);
  currentEntry_ = (currentEntry_ + words / 2) % kRoundSramEntries;
  ++currentRound_;
  std::uint16_t bits = r::INT_STATUS_CUR_ROUND_DONE.mask();
  if (currentRound_ >= endRound_) {
    bits |= r::INT_STATUS_ALL_ROUND_DONE.mask();
    engine_ = Engine::Idle;
    ++stats_.inferences;
    stats_.lastInference = inferenceBusy_;
  } else if (current_.pauseAfter()) {
    paused_ = true;
    engine_ = Engine::WaitContinue;
  } else {
    beginRound(at);
  }
  setStatus(bits);
}

void NpuDevice::traceRoundsTo(const std::string& dir, std::vector<NamedRound> names) {
  trace_ = std::make_unique<NpuRoundTrace>(dir, std::move(names));
}

void NpuDevice::executeRound(const RoundConfig& round) {
  if (!trace_) return computeRound(round);
  std::vector<std::uint8_t> in, out;
  for (int a = round.inputAddr; a <= round.inputEndAddr; ++a) in.push_back(regfileByte(a));
  computeRound(round);
  for (int c = 0; c < round.columns(); ++c) out.push_back(regfileByte(round.outputAddr + c));
  trace_->record(currentRound_, round, in, out);
}

void NpuDevice::computeRound(const RoundConfig& round) {
  const auto problems = round.problems();
  if (!problems.empty()) {
    std::string words;
    for (std::uint32_t w : round.words) words += " " + hex32(w);
    modelError(r::VB_ERROR_BAD_ROUND.mask(), "round " + std::to_string(currentRound_) + " at entry " +
                                                 std::to_string(currentEntry_) + " cannot run: " + problems.front() +
                                                 " (record" + words + "); the round completes without output");
    return;
  }
  checkAgainstProgrammedLayers(round);
  const ActivationLut* lut = round.lut == LutSelect::Slot1 ? &lut1_ : round.lut == LutSelect::Slot2 ? &lut2_ : nullptr;
  try {
    if (!r::FIFO_CFG_EN.test(regValue(r::FIFO_CFG))) {
      core_.executeRound(round, regfile_.data(), 1, kRegfileBytes, lut);
      return;
    }
    // FIFO window on: run on the linear (logical) view, then store the outputs through it.
    scratch_.resize(kRegfileBytes);
    for (int a = 0; a < kRegfileBytes; ++a) scratch_[static_cast<std::size_t>(a)] = regfileByte(a);
    core_.executeRound(round, scratch_.data(), 1, kRegfileBytes, lut);
    for (int c = 0; c < round.columns(); ++c) {
      const int a = round.outputAddr + c;
      regfile_[static_cast<std::size_t>(physicalAddress(a))] = scratch_[static_cast<std::size_t>(a)];
    }
  } catch (const std::exception& e) {
    modelError(r::VB_ERROR_BAD_ROUND.mask(), "round " + std::to_string(currentRound_) + " failed: " + e.what());
  }
}

void NpuDevice::checkAgainstProgrammedLayers(const RoundConfig& round) {
  if (flash_.layers.empty()) {
    modelError(r::VB_ERROR_NOT_PROGRAMMED.mask(),
               "a round runs on an NPU array with no weights programmed (use --npu-weights DIR or --npu-flash FILE); "
               "outputs come from empty cells");
    return;
  }
  ProgrammedLayer want{round.columnStart, round.columnEnd, round.rowStart, round.rowEnd,
                       round.biasStart,   round.biasEnd,   round.gain()};
  for (const ProgrammedLayer& l : flash_.layers)
    if (l == want) return;
  std::string have;
  for (const ProgrammedLayer& l : flash_.layers) have += (have.empty() ? "" : "; ") + l.describe();
  modelError(r::VB_ERROR_SHAPE_MISMATCH.mask(), "round at entry " + std::to_string(currentEntry_) + " (" +
                                                    want.describe() + ") is not a programmed layer (" + have +
                                                    "): the firmware's blob and the --npu-weights folder disagree");
}

std::string NpuDevice::dumpRoundSram(int entry, int maxRecords) const {
  std::ostringstream os;
  int e = entry;
  for (int i = 0; i < maxRecords; ++i) {
    int words = 0;
    RoundConfig rc;
    try {
      rc = decodeAtEntry(e, words);
    } catch (const std::exception& ex) {
      os << "  entry " << e << ": " << ex.what() << "\n";
      break;
    }
    os << "  entry " << e << ": " << rc.summary() << (rc.pauseAfter() ? " pause" : "") << "; undecoded:";
    bool any = false;
    for (std::size_t w = 0; w < rc.words.size(); ++w)
      if (rc.undecodedBits(w)) {
        os << " w" << w << "=" << hex32(rc.undecodedBits(w));
        any = true;
      }
    os << (any ? "" : " none") << "\n";
    e = (e + words / 2) % kRoundSramEntries;
  }
  return os.str();
}

// ------------------------------------------------------------------------------------------
// DMA and array operations

void NpuDevice::startDma() {
  const std::uint16_t cmd = regValue(r::DMA_CMD);
  const bool toNpu = cmd == 4, toSoc = cmd == 8;
  if (!toNpu && !toSoc) {
    warnOnce("dma-cmd" + std::to_string(cmd),
             "NPU DMA command " + std::to_string(cmd) +
                 " (CNN instruction mode or unknown) is not modelled; DMA_DONE is set");
    schedule(now() + busClock_.cycles(kDmaSetupCycles), Pending::DmaDone);
    dmaBusy_ = true;
    return;
  }
  const int len = (toNpu ? regValue(r::DMA_S2N_LEN) : regValue(r::DMA_N2S_LEN)) + 1;
  const int regAddr = toNpu ? regValue(r::DMA_S2N_DST) : regValue(r::DMA_N2S_SRC);
  const std::uint64_t sys = toNpu ? (std::uint64_t(regValue(r::DMA_S2N_SRC_HI)) << 16) | regValue(r::DMA_S2N_SRC_LO)
                                  : (std::uint64_t(regValue(r::DMA_N2S_DST_HI)) << 16) | regValue(r::DMA_N2S_DST_LO);
  if (regAddr + len > kRegfileBytes)
    modelError(r::VB_ERROR_DMA_RANGE.mask(), "NPU DMA of " + std::to_string(len) + " bytes at regfile " +
                                                 std::to_string(regAddr) + " runs past the 8 KB regfile (wraps)");
  // The data moves at the start; DMA_DONE follows after the transfer time.
  std::vector<std::uint8_t> buf(static_cast<std::size_t>(len));
  if (toSoc)
    for (int i = 0; i < len; ++i) buf[static_cast<std::size_t>(i)] = regfileByte(regAddr + i);
  bool error = false;
  sc_time delay = sc_core::SC_ZERO_TIME;
  for (int done = 0; done < len && !error;) {
    const int n = std::min(256, len - done);
    tlm::tlm_generic_payload p;
    p.set_command(toNpu ? tlm::TLM_READ_COMMAND : tlm::TLM_WRITE_COMMAND);
    p.set_address(sys + static_cast<std::uint64_t>(done));
    p.set_data_ptr(buf.data() + done);
    p.set_data_length(static_cast<unsigned>(n));
    p.set_streaming_width(static_cast<unsigned>(n));
    p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    dma->b_transport(p, delay);
    if (!p.is_response_ok()) {
      error = true;
      modelError(r::VB_ERROR_DMA_RANGE.mask(), "NPU DMA bus error at system address " +
                                                   hex32(static_cast<std::uint32_t>(sys + done)) +
                                                   " (DMA_ERROR and DMA_DONE set)");
    }
    done += n;
  }
  if (toNpu && !error)
    for (int i = 0; i < len; ++i) writeRegfileFromPort(regAddr + i, buf[static_cast<std::size_t>(i)]);
  ++stats_.dmaTransfers;
  stats_.dmaBytes += static_cast<std::uint64_t>(len);
  if (error) status_ |= r::INT_STATUS_DMA_ERROR.mask();
  dmaBusy_ = true;
  schedule(now() + delay + busClock_.cycles(kDmaSetupCycles + static_cast<unsigned>((len + 3) / 4)), Pending::DmaDone);
}

std::uint16_t NpuDevice::arrayReadValue(int row, int bitLine, int k) const {
  // Trim rows: halfword k carries bit (31 - k) of one 32-bit trim word, as a code above (1) or
  // below (0) the library's threshold of 896 (npu.md §2.7). Step g = bitLine / 64 reads word 2g
  // at the odd start bit-line and word 2g + 1 at the even one.
  if (row == TrimImage::kRowFirst || row == TrimImage::kRowSecond) {
    const int g = (bitLine / 64) & 31;
    const std::uint32_t word = flash_.trims.rowWord(row, 2 * g + ((bitLine & 1) ? 0 : 1));
    return static_cast<std::uint16_t>(((word >> (31 - k)) & 1u) ? kTrimOne : kTrimZero);
  }
  // Weight / bias rows: bit-line b = 2 x column + polarity (the differential pair of npu.md
  // §1.1, [INF]); the code grows with the magnitude of that polarity's part, 7 codes per weight
  // LSB, saturating at 1023 (ASSUMPTION: the read-current curve is not published).
  const int b = bitLine + k;
  const int column = (b / 2) % kColumns;
  int value = 0;
  if (row >= 0 && row < kInputRows) value = core_.array().weight(row, column);
  else if (isBiasPhysicalRow(row)) value = core_.array().bias(biasIndexOfPhysicalRow(row), column);
  const int part = (b & 1) ? std::max(0, -value) : std::max(0, value);
  return static_cast<std::uint16_t>(std::min(1023, part * 7));
}

void NpuDevice::startArrayOp(std::uint16_t command) {
  ++stats_.arrayOps;
  arrayCmd_ = command;
  if (command == 4) {
    const int row = regValue(r::ARR_ROW), col = regValue(r::ARR_COL);
    arrayFifo_.clear();
    for (int k = 0; k < 32; ++k) arrayFifo_.push_back(arrayReadValue(row, col, k));
    schedule(now() + kArrayReadTime, Pending::ArrayDone);
  } else if (command == 2) {
    // With PI_SEL = 1 this is the power-up step of pu_stage; otherwise a program pulse, whose cell
    // dynamics are not modelled (weights come from --npu-weights).
    if (!(regValue(r::PI_SEL) & 1))
      warnOnce("program",
               "NPU array program pulses are not modelled (cells unchanged; load weights with --npu-weights)");
    schedule(now() + kArrayProgramTime, Pending::ArrayDone);
  } else if (command == 1) {
    warnOnce("erase", "NPU array erase is not modelled (cells unchanged; the status bit is set)");
    schedule(now() + kArrayEraseTime, Pending::ArrayDone);
  } else {
    warnOnce("arrcmd" + std::to_string(command),
             "ARR_CMD " + hex32(command) + " is not a known array operation (ignored)");
    --stats_.arrayOps;
  }
}

// ------------------------------------------------------------------------------------------
// Time, status, IRQ

void NpuDevice::schedule(const sc_time& at, Pending what) {
  pending_.insert({at, what, eventOrder_++});
  scheduleUpdate(at);
}

void NpuDevice::advanceTo(const sc_time& t) {
  while (!pending_.empty() && pending_.begin()->at <= t) {
    const Event ev = *pending_.begin();
    pending_.erase(pending_.begin());
    switch (ev.what) {
      case Pending::RoundDone: finishRound(ev.at); break;  // the next round starts at ev.at
      case Pending::DmaDone:
        dmaBusy_ = false;
        setStatus(r::INT_STATUS_DMA_DONE.mask());
        break;
      case Pending::ArrayDone: {
        const std::uint16_t cmd = arrayCmd_;
        setStatus(cmd == 4   ? r::INT_STATUS_READ_ARRAY_DONE.mask()
                  : cmd == 1 ? r::INT_STATUS_ERASE_ARRAY_DONE.mask()
                             : r::INT_STATUS_PROG_ARRAY_DONE.mask());
        break;
      }
    }
  }
}

std::optional<sc_time> NpuDevice::nextChange() const {
  if (pending_.empty()) return std::nullopt;
  return pending_.begin()->at;
}

void NpuDevice::setStatus(std::uint16_t bits) { status_ |= bits; }

bool NpuDevice::irqLevel() const { return (status_ & regValue(r::INT_MASK)) != 0; }

void NpuDevice::updateIrq() {
  if (irq.get_interface() && irq.read() != irqLevel()) scheduleUpdate(sc_core::sc_time_stamp());
}

void NpuDevice::driveOutputs() {
  if (irq.get_interface()) irq.write(irqLevel());
}

void NpuDevice::modelError(std::uint16_t bit, const std::string& message) {
  vbError_ |= bit;
  if (warned_.insert(message).second) log::error(basename(), ": ", message);
}

void NpuDevice::warnOnce(const std::string& key, const std::string& message) {
  if (warned_.insert(key).second) log::warn(basename(), ": ", message);
}

std::string NpuDevice::statsReport() const {
  char buf[512];
  const double busyMs = stats_.busy.to_seconds() * 1e3;
  const double perInf = stats_.inferences ? stats_.busy.to_seconds() / static_cast<double>(stats_.inferences) : 0.0;
  std::snprintf(buf, sizeof buf,
                "npu              : %llu rounds in %llu inferences, busy %.3f ms (%.1f us per inference, last %.1f us; "
                "NPU clock %.3f MHz)\n",
                static_cast<unsigned long long>(stats_.rounds), static_cast<unsigned long long>(stats_.inferences),
                busyMs, perInf * 1e6, stats_.lastInference.to_seconds() * 1e6, npuClockHz() / 1e6);
  std::string s = buf;
  if (stats_.rounds) {
    RoundLatency avg = stats_.phases;
    const double n = static_cast<double>(stats_.rounds);
    avg.inputSeconds /= n;
    avg.analogSeconds /= n;
    avg.adcSeconds /= n;
    avg.postSeconds /= n;
    avg.outputSeconds /= n;
    s += "npu round (mean) : " + avg.describe() + "\n";
  }
  if (stats_.dmaTransfers || stats_.arrayOps) {
    std::snprintf(buf, sizeof buf, "npu dma / flash  : %llu DMA transfers (%llu bytes), %llu array operations\n",
                  static_cast<unsigned long long>(stats_.dmaTransfers),
                  static_cast<unsigned long long>(stats_.dmaBytes), static_cast<unsigned long long>(stats_.arrayOps));
    s += buf;
  }
  return s;
}

}  // namespace wtm::npu
