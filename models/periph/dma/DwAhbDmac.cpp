#include "DwAhbDmac.h"

#include <algorithm>
#include <cstring>

#include "common/BusAccessInfo.h"
#include "common/Hex.h"
#include "common/Log.h"
#include "periph/dma/dma_regs.h"

namespace wtm::periph {

namespace r = dma;
using sc_core::sc_time;
using sc_core::SC_ZERO_TIME;

namespace {

constexpr uint32_t kChannelMask = (1u << DwAhbDmac::kChannels) - 1;
constexpr uint32_t kRegionEnd = DwAhbDmac::kChannels * DwAhbDmac::kChannelStride;  // 0x210
constexpr uint32_t kComponentId = 0x44571110;                                      // DesignWare "DW" + DW_ahb_dmac

enum Inc : unsigned { kIncrement = 0, kDecrement = 1, kFixed = 2 };

unsigned msizeItems(unsigned code) { return code == 0 ? 1u : (2u << code); }  // 1, 4, 8, ... 256
unsigned incMode(unsigned code) { return code >= 2 ? kFixed : code; }

// Transfer type from TT_FC: which side is a peripheral (with a handshake interface).
bool sourceIsPeripheral(unsigned ttfc) { return ttfc == 2 || ttfc == 3 || ttfc == 4 || ttfc == 5 || ttfc == 7; }
bool destinationIsPeripheral(unsigned ttfc) { return ttfc == 1 || ttfc == 3 || ttfc == 5 || ttfc == 6 || ttfc == 7; }

uint32_t advance(uint32_t address, unsigned inc, uint64_t bytes) {
  if (inc == kIncrement) return static_cast<uint32_t>(address + bytes);
  if (inc == kDecrement) return static_cast<uint32_t>(address - bytes);
  return address;
}

}  // namespace

DwAhbDmac::DwAhbDmac(sc_core::sc_module_name name, const ClockDomain& hclk)
    : TimedDevice(name, r::kRegisterTable, FirstUpdate::WhenScheduled), hclk_(hclk) {
  auto* info = new BusAccessInfo;  // owned by the payload
  info->fromCpu = false;
  trans_.set_extension(info);
  reset();
  SC_HAS_PROCESS(DwAhbDmac);
  SC_THREAD(run);
}

void DwAhbDmac::reset() {
  for (unsigned n = 0; n < kChannels; ++n) {
    ch_[n] = Channel{};
    // Databook reset values: priority = channel number, software handshaking, PROTCTL = 1.
    ch_[n].cfg = r::CFG_CH_PRIOR.set(0, n) | r::CFG_HS_SEL_DST.mask() | r::CFG_HS_SEL_SRC.mask();
    ch_[n].cfgHi = r::CFG_HI_PROTCTL.set(0, 1);
  }
  dmaCfg_ = test_ = 0;
  raw_.fill(0);
  mask_.fill(0);
  reqSrc_ = reqDst_ = sglReqSrc_ = sglReqDst_ = lstSrc_ = lstDst_ = 0;
  scheduleUpdate(sc_core::sc_time_stamp());
}

// ---------------------------------------------------------------- peripheral side

void DwAhbDmac::setRequest(unsigned handshake, bool level) {
  if (handshake >= kHandshakes || req_[handshake] == level) return;
  req_[handshake] = level;
  if (level) wake();
}

void DwAhbDmac::setSingleRequest(unsigned handshake, bool level) {
  if (handshake >= kHandshakes || single_[handshake] == level) return;
  single_[handshake] = level;
  if (level) wake();
}

bool DwAhbDmac::requestLevel(unsigned handshake) const { return handshake < kHandshakes && req_[handshake]; }

void DwAhbDmac::setAcknowledgeHandler(unsigned handshake, std::function<void(const Acknowledge&)> handler) {
  if (handshake < kHandshakes) ack_[handshake] = std::move(handler);
}

void DwAhbDmac::addUnreachableWindow(uint64_t base, uint64_t size, std::string what) {
  unreachable_.push_back({base, size, std::move(what)});
}

// ---------------------------------------------------------------- registers

sc_time DwAhbDmac::localOffset() const {
  const sc_time now = sc_core::sc_time_stamp();
  return accessTime() > now ? accessTime() - now : SC_ZERO_TIME;
}

void DwAhbDmac::wake(const sc_time& delay) { wake_.notify(delay); }

bool DwAhbDmac::readRegister(uint32_t offset, unsigned size, uint32_t& value) {
  uint32_t word = 0;
  if (!readWord(offset & ~3u, word)) return false;
  const unsigned shift = (offset & 3u) * 8;
  value = size >= 4 ? word : (word >> shift) & ((1u << (size * 8)) - 1);
  return true;
}

bool DwAhbDmac::writeRegister(uint32_t offset, unsigned size, uint32_t value) {
  const uint32_t aligned = offset & ~3u;
  if (size < 4) {
    // Narrow writes merge into the current value (drivers only use word accesses).
    uint32_t word = 0;
    if (!readWord(aligned, word)) return false;
    const unsigned shift = (offset & 3u) * 8;
    const uint32_t m = ((1u << (size * 8)) - 1) << shift;
    value = (word & ~m) | ((value << shift) & m);
  }
  return writeWord(aligned, value);
}

bool DwAhbDmac::readChannel(unsigned n, uint32_t reg, uint32_t& value) const {
  const Channel& c = ch_[n];
  switch (reg) {
    case r::SAR: value = c.sar; return true;
    case r::DAR: value = c.dar; return true;
    case r::LLP: value = c.llp; return true;
    case r::CTL: value = c.ctl; return true;
    case r::CTL_HI: value = c.ctlHi; return true;
    case r::SSTAT: value = c.sstat; return true;
    case r::DSTAT: value = c.dstat; return true;
    case r::SSTATAR: value = c.sstatar; return true;
    case r::DSTATAR: value = c.dstatar; return true;
    case r::CFG: value = c.cfg | r::CFG_FIFO_EMPTY.mask(); return true;  // data never waits between steps
    case r::CFG_HI: value = c.cfgHi; return true;
    case r::SGR: value = c.sgr; return true;
    case r::DSR: value = c.dsr; return true;
    default: value = 0; return (reg & 4u) != 0;  // high halves of the other 64-bit slots read 0
  }
}

bool DwAhbDmac::writeChannel(unsigned n, uint32_t reg, uint32_t value) {
  Channel& c = ch_[n];
  switch (reg) {
    case r::SAR: c.sar = value; return true;
    case r::DAR: c.dar = value; return true;
    case r::LLP: c.llp = value; return true;
    case r::CTL:
      c.ctl = value;
      if ((value & (r::CTL_SRC_GATHER_EN.mask() | r::CTL_DST_SCATTER_EN.mask())) && !(warned_ & 1u)) {
        warned_ |= 1u;
        log::warn(basename(), ": gather/scatter (CTL bits 17/18) is not modelled; addresses stay contiguous");
      }
      scheduleUpdate(sc_core::sc_time_stamp() + localOffset());  // INT_EN gates the status
      return true;
    case r::CTL_HI: c.ctlHi = value & (r::CTL_HI_BLOCK_TS.mask() | r::CTL_HI_DONE.mask()); return true;
    case r::SSTAT: c.sstat = value; return true;
    case r::DSTAT: c.dstat = value; return true;
    case r::SSTATAR: c.sstatar = value; return true;
    case r::DSTATAR: c.dstatar = value; return true;
    case r::CFG: {
      const bool wasSuspended = r::CFG_CH_SUSP.test(c.cfg);
      c.cfg = value & ~r::CFG_FIFO_EMPTY.mask();
      if (wasSuspended && !r::CFG_CH_SUSP.test(c.cfg)) wake(localOffset());
      return true;
    }
    case r::CFG_HI: c.cfgHi = value; return true;
    case r::SGR: c.sgr = value; return true;
    case r::DSR: c.dsr = value; return true;
    default: return (reg & 4u) != 0;  // high halves: no bits
  }
}

// A software handshake request: the register, then the transfer thread looks at it.
void DwAhbDmac::writeRequest(uint32_t& reg, uint32_t value, const sc_core::sc_time& at) {
  writeWithEnable(reg, value);
  wake(at);
}

void DwAhbDmac::writeWithEnable(uint32_t& reg, uint32_t value) {
  const uint32_t we = (value >> 8) & kChannelMask;
  reg = (reg & ~we) | (value & we);
}

uint32_t DwAhbDmac::status(IntType type) const {
  uint32_t intEn = 0;
  for (unsigned n = 0; n < kChannels; ++n)
    if (r::CTL_INT_EN.test(ch_[n].ctl)) intEn |= 1u << n;
  return raw_[type] & mask_[type] & intEn;
}

bool DwAhbDmac::readWord(uint32_t offset, uint32_t& value) {
  if (offset < kRegionEnd) return readChannel(offset / kChannelStride, offset % kChannelStride, value);
  if (offset & 4u) {  // high halves of the global 64-bit registers
    value = 0;
    return offset >= r::RAW_TFR && offset <= r::COMPONENT_ID + 4;
  }
  if (offset >= r::RAW_TFR && offset <= r::RAW_ERR) {
    value = raw_[(offset - r::RAW_TFR) / 8];
    return true;
  }
  if (offset >= r::STATUS_TFR && offset <= r::STATUS_ERR) {
    value = status(static_cast<IntType>((offset - r::STATUS_TFR) / 8));
    return true;
  }
  if (offset >= r::MASK_TFR && offset <= r::MASK_ERR) {
    value = mask_[(offset - r::MASK_TFR) / 8];
    return true;
  }
  if (offset >= r::CLEAR_TFR && offset <= r::CLEAR_ERR) {
    value = 0;  // drivers clear with `|=`: the read must not echo set bits
    return true;
  }
  switch (offset) {
    case r::STATUS_INT:
      value = 0;
      for (unsigned t = 0; t < kIntTypes; ++t)
        if (status(static_cast<IntType>(t))) value |= 1u << t;
      return true;
    case r::REQ_SRC: value = reqSrc_; return true;
    case r::REQ_DST: value = reqDst_; return true;
    case r::SGL_REQ_SRC: value = sglReqSrc_; return true;
    case r::SGL_REQ_DST: value = sglReqDst_; return true;
    case r::LST_SRC: value = lstSrc_; return true;
    case r::LST_DST: value = lstDst_; return true;
    case r::DMA_CFG: value = dmaCfg_; return true;
    case r::CH_EN:
      value = 0;
      for (unsigned n = 0; n < kChannels; ++n)
        if (ch_[n].enabled) value |= 1u << n;
      return true;
    case r::DMA_ID: value = 0; return true;
    case r::DMA_TEST: value = test_; return true;
    case r::COMPONENT_ID: value = kComponentId; return true;
    default:
      if (offset >= r::COMP_PARAMS_6 && offset <= r::COMP_PARAMS_1) {
        value = 0;  // configuration parameters: never read by the SDK
        return true;
      }
      return false;
  }
}

bool DwAhbDmac::writeWord(uint32_t offset, uint32_t value) {
  if (offset < kRegionEnd) return writeChannel(offset / kChannelStride, offset % kChannelStride, value);
  if (offset & 4u) return offset >= r::RAW_TFR && offset <= r::COMPONENT_ID + 4;
  const sc_time at = localOffset();
  if (offset >= r::RAW_TFR && offset <= r::RAW_ERR) {  // writable for debug, as in the databook
    raw_[(offset - r::RAW_TFR) / 8] = value & kChannelMask;
    scheduleUpdate(sc_core::sc_time_stamp() + at);
    return true;
  }
  if (offset >= r::STATUS_TFR && offset <= r::STATUS_ERR) return true;  // read only
  if (offset >= r::MASK_TFR && offset <= r::MASK_ERR) {
    writeWithEnable(mask_[(offset - r::MASK_TFR) / 8], value);
    scheduleUpdate(sc_core::sc_time_stamp() + at);
    return true;
  }
  if (offset >= r::CLEAR_TFR && offset <= r::CLEAR_ERR) {
    const auto type = static_cast<IntType>((offset - r::CLEAR_TFR) / 8);
    raw_[type] &= ~value;
    scheduleUpdate(sc_core::sc_time_stamp() + at);
    if (type == kBlock) {
      // A write to ClearBlock releases auto-reload channels stalled after their block.
      for (unsigned n = 0; n < kChannels; ++n) {
        Channel& c = ch_[n];
        if (!(value & (1u << n)) || c.phase != Phase::BlockStall) continue;
        if (c.resumePhase == Phase::Transfer) startBlock(c);
        else c.phase = c.resumePhase;
        wake(at);
      }
    }
    return true;
  }
  switch (offset) {
    case r::STATUS_INT: return true;
    case r::REQ_SRC: writeRequest(reqSrc_, value, at); return true;
    case r::REQ_DST: writeRequest(reqDst_, value, at); return true;
    case r::SGL_REQ_SRC: writeRequest(sglReqSrc_, value, at); return true;
    case r::SGL_REQ_DST: writeRequest(sglReqDst_, value, at); return true;
    case r::LST_SRC: writeWithEnable(lstSrc_, value); return true;
    case r::LST_DST: writeWithEnable(lstDst_, value); return true;
    case r::DMA_CFG: {
      const bool was = dmaCfg_ & 1u;
      dmaCfg_ = value & r::DMA_CFG_DMA_EN.mask();
      if (was && !(dmaCfg_ & 1u))
        for (unsigned n = 0; n < kChannels; ++n) stopChannel(n);  // databook: channels terminate
      if (dmaCfg_ & 1u) wake(at);
      return true;
    }
    case r::CH_EN: writeChannelEnable(value); return true;
    case r::DMA_TEST: test_ = value; return true;
    case r::DMA_ID:
    case r::COMPONENT_ID: return true;
    default: return offset >= r::COMP_PARAMS_6 && offset <= r::COMP_PARAMS_1;
  }
}

void DwAhbDmac::writeChannelEnable(uint32_t value) {
  for (unsigned n = 0; n < kChannels; ++n) {
    if (!(value & (1u << (n + 8)))) continue;
    if (value & (1u << n)) {
      if (!ch_[n].enabled) enableChannel(n);  // enabling a running channel is ignored
    } else {
      stopChannel(n);  // software abort: no interrupt
    }
  }
}

// ---------------------------------------------------------------- channel control

void DwAhbDmac::enableChannel(unsigned n) {
  Channel& c = ch_[n];
  c.enabled = true;
  c.initialSar = c.sar;
  c.initialDar = c.dar;
  c.lliAddress = 0;
  c.fifo.clear();
  const bool llp = r::CTL_LLP_SRC_EN.test(c.ctl) || r::CTL_LLP_DST_EN.test(c.ctl);
  if (llp && (c.llp & ~3u) != 0) c.phase = Phase::FetchLli;  // the first block comes from the list
  else startBlock(c);
  log::debug(basename(), ": channel ", n, " enabled: SAR ", hex32(c.sar), " DAR ", hex32(c.dar), " LLP ", hex32(c.llp),
             " CTL ", hex32(c.ctl), " BLOCK_TS ", r::CTL_HI_BLOCK_TS.get(c.ctlHi), " CFG ", hex32(c.cfg), "/",
             hex32(c.cfgHi), (dmaCfg_ & 1u) ? "" : " (DMA_EN is 0: waits)");
  wake(localOffset());
}

void DwAhbDmac::stopChannel(unsigned n) {
  Channel& c = ch_[n];
  c.enabled = false;
  c.phase = Phase::Idle;
  c.fifo.clear();
}

void DwAhbDmac::startBlock(Channel& c) {
  c.blockCtl = c.ctl;
  const unsigned srcWidthCode = r::CTL_SRC_TR_WIDTH.get(c.ctl);
  c.blockBytes = uint64_t{r::CTL_HI_BLOCK_TS.get(c.ctlHi)} << std::min(srcWidthCode, 2u);
  c.readBytes = 0;
  c.fifo.clear();
  c.ctlHi &= ~r::CTL_HI_DONE.mask();
  c.phase = Phase::Transfer;
}

// ---------------------------------------------------------------- scheduling

bool DwAhbDmac::sideReady(const Channel& c, bool source, bool burst) const {
  const unsigned n = static_cast<unsigned>(&c - ch_.data());
  const uint32_t bit = 1u << n;
  const bool software = source ? r::CFG_HS_SEL_SRC.test(c.cfg) : r::CFG_HS_SEL_DST.test(c.cfg);
  if (software) {
    const uint32_t reqBurst = source ? reqSrc_ : reqDst_;
    const uint32_t reqSingle = source ? sglReqSrc_ : sglReqDst_;
    return burst ? (reqBurst & bit) != 0 : ((reqBurst | reqSingle) & bit) != 0;
  }
  const unsigned hs = source ? r::CFG_HI_SRC_PER.get(c.cfgHi) : r::CFG_HI_DEST_PER.get(c.cfgHi);
  const bool activeLow = source ? r::CFG_SRC_HS_POL.test(c.cfg) : r::CFG_DST_HS_POL.test(c.cfg);
  const bool request = req_[hs] != activeLow;
  const bool single = single_[hs] != activeLow;
  return burst ? request : (request || single);
}

bool DwAhbDmac::ready(unsigned n) const {
  const Channel& c = ch_[n];
  if (!c.enabled || !(dmaCfg_ & 1u) || r::CFG_CH_SUSP.test(c.cfg)) return false;
  if (c.phase == Phase::FetchLli) return true;
  if (c.phase != Phase::Transfer) return false;
  const uint64_t left = c.blockBytes - c.readBytes;
  const unsigned ttfc = r::CTL_TT_FC.get(c.blockCtl);
  const unsigned srcW = 1u << std::min(r::CTL_SRC_TR_WIDTH.get(c.blockCtl), 2u);
  const unsigned dstW = 1u << std::min(r::CTL_DST_TR_WIDTH.get(c.blockCtl), 2u);
  bool ok = true;
  if (left > 0 && sourceIsPeripheral(ttfc))
    ok = ok && sideReady(c, true, left / srcW >= msizeItems(r::CTL_SRC_MSIZE.get(c.blockCtl)));
  // Once everything is read, the bytes still in the channel (a narrower destination item's last
  // bytes, e.g. the second byte of a 16-bit source item sent to an 8-bit THR) wait for a
  // peripheral destination's request like any other; with none left only the block end remains.
  if (destinationIsPeripheral(ttfc) && (left > 0 || !c.fifo.empty())) {
    const uint64_t dstItems = (left + c.fifo.size() + dstW - 1) / dstW;
    ok = ok && sideReady(c, false, dstItems >= msizeItems(r::CTL_DEST_MSIZE.get(c.blockCtl)));
  }
  return ok;
}

int DwAhbDmac::pickChannel() const {
  int best = -1;
  unsigned bestPrio = 0;
  for (unsigned n = 0; n < kChannels; ++n) {
    if (!ready(n)) continue;
    const unsigned prio = r::CFG_CH_PRIOR.get(ch_[n].cfg);
    if (best < 0 || prio > bestPrio) {  // equal priority: the lower channel number wins
      best = static_cast<int>(n);
      bestPrio = prio;
    }
  }
  return best;
}

void DwAhbDmac::run() {
  for (;;) {
    const int n = pickChannel();
    if (n < 0) {
      wait(wake_);
      continue;
    }
    const sc_time t = step(static_cast<unsigned>(n));
    wait(t > SC_ZERO_TIME ? t : hclk_.period());  // every step costs at least a cycle
  }
}

sc_time DwAhbDmac::step(unsigned n) {
  Channel& c = ch_[n];
  if (c.phase == Phase::FetchLli) return fetchLli(n);
  if (c.readBytes == c.blockBytes && c.fifo.empty()) return endBlock(n);
  return transferStep(n);
}

sc_time DwAhbDmac::fetchLli(unsigned n) {
  Channel& c = ch_[n];
  const uint32_t address = c.llp & ~3u;
  uint32_t lli[5] = {};
  sc_time t = hclk_.cycles(kCyclesPerTransaction);
  uint32_t failed = 0;
  if (!access(false, address, 4, kIncrement, 5, reinterpret_cast<uint8_t*>(lli), t, failed)) {
    busError(n, false, failed, "fetching a linked-list item");
    return t;
  }
  t += hclk_.cycles(5 * kCyclesPerBeat);
  // A side without block chaining keeps its contiguous address or reloads its initial one.
  const uint32_t prevCtl = c.ctl;
  if (r::CTL_LLP_SRC_EN.test(prevCtl)) c.sar = lli[0];
  else if (r::CFG_RELOAD_SRC.test(c.cfg)) c.sar = c.initialSar;
  if (r::CTL_LLP_DST_EN.test(prevCtl)) c.dar = lli[1];
  else if (r::CFG_RELOAD_DST.test(c.cfg)) c.dar = c.initialDar;
  c.llp = lli[2];
  c.ctl = lli[3];
  c.ctlHi = lli[4] & (r::CTL_HI_BLOCK_TS.mask() | r::CTL_HI_DONE.mask());
  c.lliAddress = address;
  startBlock(c);
  scheduleUpdate(sc_core::sc_time_stamp());  // the new CTL.INT_EN gates the status
  return t;
}

sc_time DwAhbDmac::transferStep(unsigned n) {
  Channel& c = ch_[n];
  const uint32_t ctl = c.blockCtl;
  const unsigned ttfc = r::CTL_TT_FC.get(ctl);
  const unsigned srcWCode = r::CTL_SRC_TR_WIDTH.get(ctl), dstWCode = r::CTL_DST_TR_WIDTH.get(ctl);
  if ((srcWCode > 2 || dstWCode > 2) && !(warned_ & 2u)) {
    warned_ |= 2u;
    log::warn(basename(), ": item widths above 32 bit do not exist on the 32-bit AHB; treated as 32 bit");
  }
  if (ttfc >= 4 && !(warned_ & 4u)) {
    warned_ |= 4u;
    log::warn(basename(), ": peripheral flow control (TT_FC ", ttfc, ") is modelled as DMA flow control (BLOCK_TS)");
  }
  const unsigned srcW = 1u << std::min(srcWCode, 2u), dstW = 1u << std::min(dstWCode, 2u);
  const unsigned sinc = incMode(r::CTL_SINC.get(ctl)), dinc = incMode(r::CTL_DINC.get(ctl));
  const unsigned srcBurst = msizeItems(r::CTL_SRC_MSIZE.get(ctl)), dstBurst = msizeItems(r::CTL_DEST_MSIZE.get(ctl));
  const bool srcPeriph = sourceIsPeripheral(ttfc), dstPeriph = destinationIsPeripheral(ttfc);
  const uint64_t left = c.blockBytes - c.readBytes;

  // How many source items to read and destination items to write in this step.
  uint64_t readItems = 0;
  bool burst = true;
  if (srcPeriph) {
    burst = left / srcW >= srcBurst && sideReady(c, true, true);
    readItems = burst ? srcBurst : std::min<uint64_t>(1, left / srcW);
  } else if (dstPeriph) {
    const uint64_t dstItemsLeft = (left + c.fifo.size() + dstW - 1) / dstW;
    burst = dstItemsLeft >= dstBurst && sideReady(c, false, true);
    const uint64_t wantBytes = (burst ? dstBurst : 1u) * uint64_t{dstW};
    const uint64_t need = wantBytes > c.fifo.size() ? wantBytes - c.fifo.size() : 0;
    readItems = std::min<uint64_t>((need + srcW - 1) / srcW, left / srcW);
  } else {
    readItems = std::min<uint64_t>(left, kMemoryBatchBytes) / srcW;
    if (readItems == 0) readItems = left / srcW;
  }

  sc_time t = SC_ZERO_TIME;
  uint32_t failed = 0;
  // Source side.
  if (readItems > 0) {
    const uint64_t bytes = readItems * srcW;
    const size_t at = c.fifo.size();
    c.fifo.resize(at + bytes);
    const unsigned transactions = srcPeriph ? 1u : static_cast<unsigned>((readItems + srcBurst - 1) / srcBurst);
    t += hclk_.cycles(uint64_t{kCyclesPerTransaction} * transactions);
    if (!access(false, c.sar, srcW, sinc, static_cast<unsigned>(readItems), c.fifo.data() + at, t, failed)) {
      busError(n, false, failed, "reading the source");
      return t;
    }
    t += hclk_.cycles(readItems * kCyclesPerBeat);
    c.sar = advance(c.sar, sinc, bytes);
    c.readBytes += bytes;
  }
  const bool sourceDone = c.readBytes == c.blockBytes;

  // Destination side: whole destination items, then (at the block end) the odd remainder bytewise.
  uint64_t writeItems = c.fifo.size() / dstW;
  if (dstPeriph && !burst) writeItems = std::min<uint64_t>(writeItems, 1);
  if (dstPeriph && burst) writeItems = std::min<uint64_t>(writeItems, dstBurst);
  if (writeItems > 0) {
    const unsigned transactions = dstPeriph ? 1u : static_cast<unsigned>((writeItems + dstBurst - 1) / dstBurst);
    t += hclk_.cycles(uint64_t{kCyclesPerTransaction} * transactions);
    if (!access(true, c.dar, dstW, dinc, static_cast<unsigned>(writeItems), c.fifo.data(), t, failed)) {
      busError(n, true, failed, "writing the destination");
      return t;
    }
    t += hclk_.cycles(writeItems * kCyclesPerBeat);
    const uint64_t bytes = writeItems * dstW;
    c.dar = advance(c.dar, dinc, bytes);
    c.fifo.erase(c.fifo.begin(), c.fifo.begin() + static_cast<std::ptrdiff_t>(bytes));
  }
  if (sourceDone && !c.fifo.empty() && c.fifo.size() < dstW) {
    const unsigned rest = static_cast<unsigned>(c.fifo.size());
    t += hclk_.cycles(kCyclesPerTransaction);
    if (!access(true, c.dar, 1, dinc, rest, c.fifo.data(), t, failed)) {
      busError(n, true, failed, "writing the destination");
      return t;
    }
    t += hclk_.cycles(uint64_t{rest} * kCyclesPerBeat);
    c.dar = advance(c.dar, dinc, rest);
    c.fifo.clear();
  }
  bytesMoved_ += readItems * srcW;
  ++transactions_;

  const bool blockEnd = c.readBytes == c.blockBytes && c.fifo.empty();
  const uint32_t bit = 1u << n;
  // Transaction-complete status, software request bits and acknowledges of the handshaking side(s).
  if (srcPeriph) {
    setRaw(kSrcTran, n);
    reqSrc_ &= ~bit;
    sglReqSrc_ &= ~bit;
    const unsigned hs = r::CFG_HI_SRC_PER.get(c.cfgHi);
    if (!r::CFG_HS_SEL_SRC.test(c.cfg) && ack_[hs]) ack_[hs]({hs, burst, blockEnd, true});
  }
  if (dstPeriph && writeItems > 0) {
    setRaw(kDstTran, n);
    reqDst_ &= ~bit;
    sglReqDst_ &= ~bit;
    const unsigned hs = r::CFG_HI_DEST_PER.get(c.cfgHi);
    if (!r::CFG_HS_SEL_DST.test(c.cfg) && ack_[hs]) ack_[hs]({hs, burst, blockEnd, false});
  }
  return t;
}

sc_time DwAhbDmac::endBlock(unsigned n) {
  Channel& c = ch_[n];
  sc_time t = hclk_.cycles(1);
  c.ctlHi |= r::CTL_HI_DONE.mask();
  uint32_t failed = 0;
  const bool ssUpd = r::CFG_HI_SS_UPD_EN.test(c.cfgHi), dsUpd = r::CFG_HI_DS_UPD_EN.test(c.cfgHi);
  if (ssUpd && !access(false, c.sstatar, 4, kFixed, 1, reinterpret_cast<uint8_t*>(&c.sstat), t, failed))
    return busError(n, false, failed, "fetching SSTAT"), t;
  if (dsUpd && !access(false, c.dstatar, 4, kFixed, 1, reinterpret_cast<uint8_t*>(&c.dstat), t, failed))
    return busError(n, false, failed, "fetching DSTAT"), t;
  const bool llpMode = r::CTL_LLP_SRC_EN.test(c.blockCtl) || r::CTL_LLP_DST_EN.test(c.blockCtl);
  if (llpMode && c.lliAddress != 0) {
    // Write-back into the LLI of this block: CTL_HI (with DONE) when built with it, then the
    // fetched status words; a single transaction over the words written.
    const uint32_t words[3] = {c.ctlHi, c.sstat, c.dstat};
    const unsigned first = controlWriteBack_ ? 0 : 1;
    const unsigned end = dsUpd ? 3 : (ssUpd ? 2 : (controlWriteBack_ ? 1 : 0));
    if (end > first) {
      const unsigned count = end - first;
      uint32_t out[3];
      std::copy(words + first, words + end, out);
      t += hclk_.cycles(kCyclesPerTransaction + count * kCyclesPerBeat);
      if (!access(true, c.lliAddress + 0x10 + 4 * first, 4, kIncrement, count, reinterpret_cast<uint8_t*>(out), t,
                  failed))
        return busError(n, true, failed, "writing back the linked-list item"), t;
    }
  }
  setRaw(kBlock, n);

  const bool reloadSrc = r::CFG_RELOAD_SRC.test(c.cfg), reloadDst = r::CFG_RELOAD_DST.test(c.cfg);
  const bool chain = (r::CTL_LLP_SRC_EN.test(c.ctl) || r::CTL_LLP_DST_EN.test(c.ctl)) && (c.llp & ~3u) != 0;
  if (!chain && !reloadSrc && !reloadDst) {  // that was the last block
    log::debug(basename(), ": channel ", n, " transfer complete at ", sc_core::sc_time_stamp());
    setRaw(kTfr, n);
    stopChannel(n);
    return t;
  }
  Phase next = Phase::FetchLli;
  if (!chain) {
    if (reloadSrc) c.sar = c.initialSar;
    if (reloadDst) c.dar = c.initialDar;
    next = Phase::Transfer;
  }
  // Auto-reload rows stall after an enabled, unmasked block interrupt until ClearBlock is written.
  const bool stall = (reloadSrc || reloadDst) && r::CTL_INT_EN.test(c.ctl) && (mask_[kBlock] & (1u << n));
  if (stall) {
    c.phase = Phase::BlockStall;
    c.resumePhase = next;
  } else if (next == Phase::Transfer) {
    startBlock(c);
  } else {
    c.phase = Phase::FetchLli;
  }
  return t;
}

void DwAhbDmac::busError(unsigned n, bool write, uint32_t address, const char* what) {
  setRaw(kErr, n);
  stopChannel(n);
  if (errorLogged_ & (1u << n)) return;
  errorLogged_ |= 1u << n;
  const char* window = unreachable(address, 1);
  log::warn(basename(), ": channel ", n, " bus error ", write ? "writing " : "reading ", hex32(address), " (", what,
            ")", window ? std::string("; ") + window : std::string(), "; channel disabled, RAW_ERR set");
}

// ---------------------------------------------------------------- bus access

const char* DwAhbDmac::unreachable(uint32_t address, unsigned length) const {
  for (const Window& w : unreachable_)
    if (address < w.base + w.size && w.base < uint64_t{address} + length) return w.what.c_str();
  return nullptr;
}

bool DwAhbDmac::transport(bool write, uint32_t address, uint8_t* data, unsigned length, sc_time& delay) {
  if (unreachable(address, length)) return false;
  trans_.set_command(write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
  trans_.set_address(address);
  trans_.set_data_ptr(data);
  trans_.set_data_length(length);
  trans_.set_streaming_width(length);
  trans_.set_byte_enable_ptr(nullptr);
  trans_.set_dmi_allowed(false);
  trans_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  bus->b_transport(trans_, delay);
  return trans_.is_response_ok();
}

bool DwAhbDmac::access(bool write, uint32_t address, unsigned width, unsigned inc, unsigned count, uint8_t* data,
                       sc_time& delay, uint32_t& failed) {
  if (count == 0) return true;
  // One transaction for a run of memory; registers (fixed addresses) and anything that refuses a
  // long transaction (register windows answer a burst error before any side effect) go item by item.
  if (count > 1 && inc != kFixed) {
    const uint64_t bytes = uint64_t{count} * width;
    const uint32_t low = inc == kIncrement ? address : static_cast<uint32_t>(address - (count - 1) * width);
    std::vector<uint8_t> reversed;
    uint8_t* buf = data;
    if (inc == kDecrement) {  // item k lives at address - k*width: the run is stored backwards
      reversed.resize(bytes);
      buf = reversed.data();
      if (write)
        for (unsigned k = 0; k < count; ++k) std::memcpy(buf + (count - 1 - k) * width, data + k * width, width);
    }
    if (transport(write, low, buf, static_cast<unsigned>(bytes), delay)) {
      if (inc == kDecrement && !write)
        for (unsigned k = 0; k < count; ++k) std::memcpy(data + k * width, buf + (count - 1 - k) * width, width);
      return true;
    }
  }
  for (unsigned k = 0; k < count; ++k) {
    const uint32_t a = inc == kIncrement ? address + k * width : inc == kDecrement ? address - k * width : address;
    if (!transport(write, a, data + k * width, width, delay)) {
      failed = a;
      return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------- interrupts

void DwAhbDmac::setRaw(IntType type, unsigned n) {
  raw_[type] |= 1u << n;
  scheduleUpdate(sc_core::sc_time_stamp());
}

void DwAhbDmac::driveOutputs() {
  bool level = false;
  for (unsigned t = 0; t < kIntTypes; ++t) level = level || status(static_cast<IntType>(t)) != 0;
  irq.write(level);
}

}  // namespace wtm::periph
