// Base of every memory-mapped peripheral model: a TLM-2.0 target socket that decodes generic
// payloads into register reads and writes, reports accesses to undefined offsets (once per
// offset, with the PC of the instruction behind them) and optionally turns them into bus errors.
#pragma once
#include <cstdint>
#include <set>
#include <string>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "RegisterTable.h"

namespace wtm {

class MmioDevice : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<MmioDevice> socket;

  MmioDevice(sc_core::sc_module_name name, uint32_t windowSize, const RegisterInfo* table,
             size_t tableSize);

  // When set, accesses to undefined registers end in TLM_ADDRESS_ERROR_RESPONSE (the core then
  // takes an access fault) instead of reading 0 / ignoring the write.
  static void setStrictDecode(bool strict);
  static bool strictDecode();

  uint32_t windowSize() const { return windowSize_; }

 protected:
  // `offset` is relative to the block base; `size` is 1, 2 or 4; values are right-aligned.
  // Return false when nothing is decoded at that offset (the base then reports the access).
  virtual bool readRegister(uint32_t offset, unsigned size, uint32_t& value) = 0;
  virtual bool writeRegister(uint32_t offset, unsigned size, uint32_t value) = 0;

  // Simulated time of the access being served and the PC behind it (valid during the calls above).
  const sc_core::sc_time& accessTime() const { return accessTime_; }
  uint32_t accessPc() const { return accessPc_; }
  // Extra latency a register access adds on top of the bus (e.g. a slow flash operation).
  void addAccessDelay(const sc_core::sc_time& t) { extraDelay_ += t; }

  // Report an access the model does not implement (logged once per offset and direction).
  void reportUndecoded(bool isWrite, uint32_t offset, unsigned size, uint32_t value = 0);

 private:
  void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
  unsigned int transport_dbg(tlm::tlm_generic_payload& trans);

  uint32_t windowSize_;
  const RegisterInfo* table_;
  size_t tableSize_;
  std::set<uint64_t> reported_;
  sc_core::sc_time accessTime_;
  sc_core::sc_time extraDelay_;
  uint32_t accessPc_ = 0;
  bool undecodedInThisAccess_ = false;
};

}  // namespace wtm
