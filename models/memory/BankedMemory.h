// One block of storage seen through several address views (aliases), each a list of chunks
// mapping view offsets onto storage offsets. Every view is its own TLM target socket, grants
// DMI per chunk, and may be read-only to bus masters (debug writes, used by loaders, always
// work). The WTM2101 SRAM (three views over five banks) and the mirrored QSPI flash window are
// both instances; the layouts live in platform/.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

namespace wtm::memory {

struct MemoryChunk {
  uint64_t viewOffset;
  uint64_t storageOffset;
  uint64_t size;
};

struct MemoryView {
  std::string name;
  std::vector<MemoryChunk> chunks;
  bool writable = true;
};

class BankedMemory : public sc_core::sc_module {
 public:
  using Socket = tlm_utils::simple_target_socket_tagged<BankedMemory>;

  BankedMemory(sc_core::sc_module_name name, uint64_t storageSize, std::vector<MemoryView> views, uint8_t fill = 0);

  Socket& socket(size_t view) { return *sockets_.at(view); }
  size_t viewCount() const { return views_.size(); }
  uint8_t* storage() { return storage_.data(); }
  uint64_t storageSize() const { return storage_.size(); }
  // Storage offset of a view offset, or -1 when that offset is a hole in the view.
  int64_t translate(size_t view, uint64_t offset) const;
  // Tells every DMI holder to drop its pointers (after the storage changed behind their back
  // only if the model itself were to move it; kept for completeness of the protocol).
  void invalidateAll();

 private:
  const MemoryChunk* findChunk(size_t view, uint64_t offset) const;
  void b_transport(int view, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
  bool get_direct_mem_ptr(int view, tlm::tlm_generic_payload& trans, tlm::tlm_dmi& dmi);
  unsigned int transport_dbg(int view, tlm::tlm_generic_payload& trans);
  // Copies between storage and `data` for [offset, offset+len) of `view`; false on a hole.
  bool copy(size_t view, uint64_t offset, uint8_t* data, unsigned len, bool toStorage);

  std::vector<uint8_t> storage_;
  std::vector<MemoryView> views_;
  std::vector<std::unique_ptr<Socket>> sockets_;
};

}  // namespace wtm::memory
