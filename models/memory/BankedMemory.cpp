#include "BankedMemory.h"

#include <cstring>
#include <stdexcept>

namespace wtm::memory {

BankedMemory::BankedMemory(sc_core::sc_module_name name, uint64_t storageSize, std::vector<MemoryView> views,
                           uint8_t fill)
    : sc_core::sc_module(name), storage_(storageSize, fill), views_(std::move(views)) {
  for (size_t v = 0; v < views_.size(); ++v) {
    for (const auto& c : views_[v].chunks)
      if (c.storageOffset + c.size > storageSize)
        throw std::invalid_argument(views_[v].name + ": chunk beyond the storage");
    auto sock = std::make_unique<Socket>((views_[v].name + "_socket").c_str());
    sock->register_b_transport(this, &BankedMemory::b_transport, static_cast<int>(v));
    sock->register_get_direct_mem_ptr(this, &BankedMemory::get_direct_mem_ptr, static_cast<int>(v));
    sock->register_transport_dbg(this, &BankedMemory::transport_dbg, static_cast<int>(v));
    sockets_.push_back(std::move(sock));
  }
}

const MemoryChunk* BankedMemory::findChunk(size_t view, uint64_t offset) const {
  for (const auto& c : views_[view].chunks)
    if (offset >= c.viewOffset && offset - c.viewOffset < c.size) return &c;
  return nullptr;
}

int64_t BankedMemory::translate(size_t view, uint64_t offset) const {
  const MemoryChunk* c = findChunk(view, offset);
  return c ? static_cast<int64_t>(c->storageOffset + (offset - c->viewOffset)) : -1;
}

bool BankedMemory::copy(size_t view, uint64_t offset, uint8_t* data, unsigned len, bool toStorage) {
  while (len > 0) {
    const MemoryChunk* c = findChunk(view, offset);
    if (!c) return false;
    const uint64_t within = offset - c->viewOffset;
    const unsigned n = static_cast<unsigned>(std::min<uint64_t>(len, c->size - within));
    uint8_t* p = storage_.data() + c->storageOffset + within;
    if (toStorage) std::memcpy(p, data, n);
    else std::memcpy(data, p, n);
    offset += n;
    data += n;
    len -= n;
  }
  return true;
}

void BankedMemory::b_transport(int view, tlm::tlm_generic_payload& trans, sc_core::sc_time&) {
  if (trans.get_byte_enable_ptr()) {
    trans.set_response_status(tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
    return;
  }
  if (trans.is_write() && !views_[view].writable) {
    trans.set_response_status(tlm::TLM_COMMAND_ERROR_RESPONSE);
    return;
  }
  if (!trans.is_read() && !trans.is_write()) {
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
    return;
  }
  if (!copy(view, trans.get_address(), trans.get_data_ptr(), trans.get_data_length(), trans.is_write())) {
    trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return;
  }
  trans.set_dmi_allowed(true);
  trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

bool BankedMemory::get_direct_mem_ptr(int view, tlm::tlm_generic_payload& trans, tlm::tlm_dmi& dmi) {
  const MemoryChunk* c = findChunk(view, trans.get_address());
  if (!c) return false;
  dmi.set_start_address(c->viewOffset);
  dmi.set_end_address(c->viewOffset + c->size - 1);
  dmi.set_dmi_ptr(storage_.data() + c->storageOffset);
  dmi.set_read_latency(sc_core::SC_ZERO_TIME);
  dmi.set_write_latency(sc_core::SC_ZERO_TIME);
  dmi.allow_read();
  if (views_[view].writable) dmi.allow_read_write();
  return true;
}

unsigned int BankedMemory::transport_dbg(int view, tlm::tlm_generic_payload& trans) {
  const unsigned len = trans.get_data_length();
  if (!copy(view, trans.get_address(), trans.get_data_ptr(), len, trans.is_write())) {
    trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return 0;
  }
  trans.set_response_status(tlm::TLM_OK_RESPONSE);
  return len;
}

void BankedMemory::invalidateAll() {
  for (auto& s : sockets_) (*s)->invalidate_direct_mem_ptr(0, ~sc_dt::uint64(0));
}

}  // namespace wtm::memory
