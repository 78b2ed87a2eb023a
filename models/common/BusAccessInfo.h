// TLM extension the CPU attaches to every MMIO transaction so that targets can name the
// instruction (PC) behind an access in their diagnostics.
#pragma once
#include <cstdint>

#include <tlm>

namespace wtm {

struct BusAccessInfo : tlm::tlm_extension<BusAccessInfo> {
  uint32_t pc = 0;
  bool fromCpu = true;

  tlm_extension_base* clone() const override { return new BusAccessInfo(*this); }
  void copy_from(const tlm_extension_base& other) override { *this = static_cast<const BusAccessInfo&>(other); }
  static uint32_t pcOf(const tlm::tlm_generic_payload& trans) {
    BusAccessInfo* info = nullptr;
    trans.get_extension(info);
    return info ? info->pc : 0;
  }
};

}  // namespace wtm
