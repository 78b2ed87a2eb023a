#include "AddressRouter.h"

#include <algorithm>
#include <stdexcept>

#include "common/Hex.h"

namespace wtm::bus {

AddressRouter::AddressRouter(sc_core::sc_module_name name, const ClockDomain& busClock)
    : sc_core::sc_module(name), targetSocket("targetSocket"), initiatorSocket("initiatorSocket"), clock_(busClock) {
  targetSocket.register_b_transport(this, &AddressRouter::b_transport);
  targetSocket.register_get_direct_mem_ptr(this, &AddressRouter::get_direct_mem_ptr);
  targetSocket.register_transport_dbg(this, &AddressRouter::transport_dbg);
  initiatorSocket.register_invalidate_direct_mem_ptr(this, &AddressRouter::invalidate_direct_mem_ptr);
}

void AddressRouter::addRegion(const RouterRegion& region) {
  if (region.size == 0) throw std::invalid_argument("region " + region.name + " has size 0");
  for (const auto& r : regions_) {
    if (region.base < r.base + r.size && r.base < region.base + region.size)
      throw std::invalid_argument("region " + region.name + " at " + hex32(region.base) + " overlaps " + r.name);
  }
  auto pos = std::upper_bound(regions_.begin(), regions_.end(), region.base,
                              [](uint64_t base, const RouterRegion& r) { return base < r.base; });
  regions_.insert(pos, region);
}

const RouterRegion* AddressRouter::decode(uint64_t address) const {
  auto it = std::upper_bound(regions_.begin(), regions_.end(), address,
                             [](uint64_t a, const RouterRegion& r) { return a < r.base; });
  if (it == regions_.begin()) return nullptr;
  --it;
  return (address - it->base < it->size) ? &*it : nullptr;
}

void AddressRouter::b_transport(int, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
  const uint64_t addr = trans.get_address();
  const RouterRegion* r = decode(addr);
  if (!r || addr + trans.get_data_length() > r->base + r->size) {
    trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return;
  }
  trans.set_address(addr - r->base);
  initiatorSocket[r->target]->b_transport(trans, delay);
  trans.set_address(addr);
  delay += clock_.cycles(r->latencyCycles);
}

bool AddressRouter::get_direct_mem_ptr(int, tlm::tlm_generic_payload& trans, tlm::tlm_dmi& dmi) {
  const uint64_t addr = trans.get_address();
  const RouterRegion* r = decode(addr);
  if (!r) {
    // Deny DMI for the whole unmapped gap around the address.
    dmi.set_start_address(addr);
    dmi.set_end_address(addr);
    return false;
  }
  trans.set_address(addr - r->base);
  const bool ok = initiatorSocket[r->target]->get_direct_mem_ptr(trans, dmi);
  trans.set_address(addr);
  // Translate back into global addresses and clip to this region.
  const uint64_t start = dmi.get_start_address() + r->base;
  const uint64_t end = std::min<uint64_t>(dmi.get_end_address() + r->base, r->base + r->size - 1);
  dmi.set_start_address(start);
  dmi.set_end_address(end);
  return ok;
}

unsigned int AddressRouter::transport_dbg(int, tlm::tlm_generic_payload& trans) {
  const uint64_t addr = trans.get_address();
  const RouterRegion* r = decode(addr);
  if (!r || addr + trans.get_data_length() > r->base + r->size) {
    trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return 0;
  }
  trans.set_address(addr - r->base);
  const unsigned n = initiatorSocket[r->target]->transport_dbg(trans);
  trans.set_address(addr);
  return n;
}

void AddressRouter::invalidate_direct_mem_ptr(int id, sc_dt::uint64 start, sc_dt::uint64 end) {
  for (const auto& r : regions_) {
    if (static_cast<int>(r.target) != id) continue;
    if (start >= r.size) continue;
    const uint64_t s = r.base + start;
    const uint64_t e = r.base + std::min<uint64_t>(end, r.size - 1);
    for (unsigned i = 0; i < targetSocket.size(); ++i) targetSocket[i]->invalidate_direct_mem_ptr(s, e);
  }
}

}  // namespace wtm::bus
