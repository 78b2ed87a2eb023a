// The memory regions of the address map on the router: the three SRAM views are the banked
// SRAM's sockets 0-2, the XIP window the flash's socket 0. The SoC and the address-map test wire
// them the same way through this.
#pragma once
#include "AddressMap.h"
#include "bus/AddressRouter.h"
#include "memory/BankedMemory.h"

namespace wtm::platform {

// Attaches region `r` when it is memory; false for device and placeholder regions.
inline bool attachMemoryRegion(bus::AddressRouter& router, const RegionSpec& r, memory::BankedMemory& sram,
                               memory::BankedMemory& flash) {
  auto attach = [&](auto& socket) { router.attach(r.name, r.base, r.size, r.latencyCycles, socket); };
  switch (r.kind) {
    case RegionKind::SramIlm: attach(sram.socket(0)); return true;
    case RegionKind::SramDlm: attach(sram.socket(1)); return true;
    case RegionKind::SramSys: attach(sram.socket(2)); return true;
    case RegionKind::FlashXip: attach(flash.socket(0)); return true;
    case RegionKind::Device:
    case RegionKind::Placeholder: return false;
  }
  return false;
}

}  // namespace wtm::platform
