// TLM-2.0 interconnect built from a declarative region table: decodes each transaction to one
// target (address rebased to the region), adds the region's access latency, forwards DMI
// requests and invalidations with address translation, and answers TLM_ADDRESS_ERROR_RESPONSE
// where nothing is mapped.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/multi_passthrough_initiator_socket.h>
#include <tlm_utils/multi_passthrough_target_socket.h>

#include "common/ClockDomain.h"

namespace wtm::bus {

struct RouterRegion {
  std::string name;
  uint64_t base = 0;
  uint64_t size = 0;
  unsigned latencyCycles = 0;  // bus clock cycles added to every b_transport
  unsigned target = 0;         // index of the initiator-socket binding serving it
};

class AddressRouter : public sc_core::sc_module {
 public:
  tlm_utils::multi_passthrough_target_socket<AddressRouter> targetSocket;        // initiators bind here
  tlm_utils::multi_passthrough_initiator_socket<AddressRouter> initiatorSocket;  // targets bind here

  AddressRouter(sc_core::sc_module_name name, const ClockDomain& busClock);

  // Binds `target` and maps the region to it in one step, so that the region's target index is
  // the binding it was bound with, whatever the order. Regions must not overlap
  // (std::invalid_argument, and nothing is bound).
  template <typename TargetSocket>
  void attach(const std::string& name, uint64_t base, uint64_t size, unsigned latencyCycles, TargetSocket& target) {
    addRegion({name, base, size, latencyCycles, attached_});
    initiatorSocket.bind(target);
    ++attached_;
  }
  const RouterRegion* decode(uint64_t address) const;
  const std::vector<RouterRegion>& regions() const { return regions_; }

 private:
  void addRegion(const RouterRegion& region);
  void b_transport(int id, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
  bool get_direct_mem_ptr(int id, tlm::tlm_generic_payload& trans, tlm::tlm_dmi& dmi);
  unsigned int transport_dbg(int id, tlm::tlm_generic_payload& trans);
  void invalidate_direct_mem_ptr(int id, sc_dt::uint64 start, sc_dt::uint64 end);

  const ClockDomain& clock_;
  std::vector<RouterRegion> regions_;  // sorted by base
  unsigned attached_ = 0;              // bindings made by attach()
};

}  // namespace wtm::bus
