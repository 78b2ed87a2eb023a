#include "PmuController.h"

#include "common/Hex.h"
#include "common/Log.h"
#include "periph/clock/pmu_regs.h"

namespace wtm::periph {

using namespace pmu;
using sc_core::sc_time;

namespace {

constexpr uint8_t kSoftResetKey = 0x55;

static_assert(CTL_RESET == (CTL_OSC_EN.mask() | CTL_OSC24M_EN.mask()) &&
              FLAG_CTL_RESET == FLAG_CTL_PORB_RST_FLAG.mask());

constexpr unsigned idx(uint32_t slot) { return slot / 4; }

}  // namespace

PmuController::PmuController(sc_core::sc_module_name name, const Config& config)
    : MmioDevice(name, kRegisterTable), config_(config) {
  reset();
}

void PmuController::reset() {
  regs_.fill(0);
  pllEnabledAt_ = sc_core::SC_ZERO_TIME;
  regs_[idx(CTL)] = CTL_RESET;  // pmu_regs.def: the values the SDK implies; the rest reset to 0
  regs_[idx(FLAG_CTL)] = FLAG_CTL_RESET;
  regs_[idx(PLL_1)] = PLL_1_RESET;
  regs_[idx(TRIM_24M_FINE)] = TRIM_24M_FINE_RESET;
  regs_[idx(TRIM_24M_COARSE)] = TRIM_24M_COARSE_RESET;
  regs_[idx(TRIM_320K)] = TRIM_320K_RESET;
  regs_[idx(REVID)] = config_.revisionId;
  for (auto& cb : clockListeners_) cb();
}

bool PmuController::isRegister(uint32_t slot) {
  if (slot >= 0xD0) return false;
  for (size_t i = 0; i < kRegisterCount; ++i)
    if (kRegisters[i].offset == slot) return true;
  return false;
}

bool PmuController::pllEnabled() const { return CTL_PLL_EN.test(regs_[idx(CTL)]); }

bool PmuController::pllLocked(const sc_time& t) const {
  return pllEnabled() && t >= pllEnabledAt_ + config_.pllLockTime;
}

uint8_t PmuController::readSlot(uint32_t slot, const sc_time& t) const {
  uint8_t v = regs_[idx(slot)];
  switch (slot) {
    case PLL_0: v = static_cast<uint8_t>(PLL_0_PLL_LOCK_DETECT.set(v, pllLocked(t) ? 1 : 0)); break;
    case CLK:  // RTC/WDT clock switches complete at once
      v |= CLK_RTC_SWIACK.mask() | CLK_WDT_SWIACK.mask();
      break;
    case LP_CTL:  // acknowledges follow their requests
      v = static_cast<uint8_t>(LP_CTL_FLASH_DPD_ACK.set(v, LP_CTL_FLASH_DPD_REQ.get(v)));
      v = static_cast<uint8_t>(LP_CTL_PERI_PD_ACK.set(v, LP_CTL_PERI_PD.get(v)));
      v = static_cast<uint8_t>(LP_CTL_NPU_PD_ACK.set(v, LP_CTL_NPU_PD.get(v)));
      break;
    case SOFT_RST: v = 0; break;
    default: break;
  }
  return v;
}

uint8_t PmuController::value(uint32_t offset) const {
  const uint32_t slot = offset & ~3u;
  return isRegister(slot) ? readSlot(slot, lastAccess_) : 0;
}

bool PmuController::readRegister(uint32_t offset, unsigned size, uint32_t& value) {
  (void)size;
  if (!debugAccess()) lastAccess_ = accessTime();  // value() answers for the firmware's time
  const uint32_t slot = offset & ~3u;
  if (!isRegister(slot)) return false;
  // Bytes 1..3 of a slot are reserved padding of the vendor struct: they read 0.
  value = (offset & 3u) ? 0 : readSlot(slot, accessTime());
  return true;
}

void PmuController::writeSlot(uint32_t slot, uint8_t v, const sc_time& t) {
  uint8_t& r = regs_[idx(slot)];
  const uint8_t old = r;
  switch (slot) {
    case REVID: return;
    case SOFT_RST:
      if (v == kSoftResetKey) {
        if (softResetListeners_.empty())
          log::warn(basename(), ": software reset requested (SOFT_RST=0x55) at pc ", hex32(accessPc()),
                    "; no reset is wired on this board");
        for (auto& cb : softResetListeners_) cb();
      }
      return;
    case FLAG_CTL:
      // FLAG_CLR clears the cause flags; the flags themselves are set by hardware only.
      if (FLAG_CTL_FLAG_CLR.test(v)) r = 0;
      return;
    case TRIM_RST: {
      uint8_t acks = old & (TRIM_RST_TRIM_24M_ACK.mask() | TRIM_RST_TRIM_320K_ACK.mask());
      if (TRIM_RST_TRIM_24M_RST.test(v)) acks |= TRIM_RST_TRIM_24M_ACK.mask();
      if (TRIM_RST_TRIM_320K_RST.test(v)) acks |= TRIM_RST_TRIM_320K_ACK.mask();
      r = acks;  // the load requests are pulses
      return;
    }
    case CLK: r = static_cast<uint8_t>(v & ~(CLK_RTC_SWIACK.mask() | CLK_WDT_SWIACK.mask())); break;
    case LP_CTL:
      r = static_cast<uint8_t>(v &
                               ~(LP_CTL_FLASH_DPD_ACK.mask() | LP_CTL_PERI_PD_ACK.mask() | LP_CTL_NPU_PD_ACK.mask()));
      for (auto& cb : lpListeners_) cb(r);
      return;
    case PLL_0: r = static_cast<uint8_t>(v & ~PLL_0_PLL_LOCK_DETECT.mask()); return;
    default: r = v; break;
  }
  switch (slot) {
    case CTL:
      if (!CTL_PLL_EN.test(old) && CTL_PLL_EN.test(r)) pllEnabledAt_ = t;
      [[fallthrough]];
    case CLK:
    case CLK_CTL:
    case PMU_RESV:
    case TRIM1:
    case PLL_1:
      for (auto& cb : clockListeners_) cb();
      break;
    default: break;
  }
}

bool PmuController::writeRegister(uint32_t offset, unsigned size, uint32_t value) {
  (void)size;
  lastAccess_ = accessTime();
  const uint32_t slot = offset & ~3u;
  if (!isRegister(slot)) return false;
  if (offset & 3u) return true;  // reserved padding bytes
  writeSlot(slot, static_cast<uint8_t>(value & 0xFFu), accessTime());
  return true;
}

}  // namespace wtm::periph
