// Base of every memory-mapped peripheral model: a TLM-2.0 target socket that decodes generic
// payloads into register reads and writes, reports accesses to undefined offsets (once per
// offset, with the PC of the instruction behind them) and optionally turns them into bus errors.
//
// The register table is enforced here: where it declares registers at an offset and none of them
// can be read (all WO), a read returns 0 without reaching the model; where none can be written
// (RO, RC), a write is ignored. Both are noted once per offset in the log at info level (the chip
// ignores such accesses; vendor drivers make them in read-modify-write sequences). Offsets the
// table does not declare, and offsets shared by a readable and a writable register (a 16550's
// RBR/THR), are the model's to decide.
//
// Debug transport (a debugger, the loaders, host tools): reads of any length and alignment that
// have no side effects — each model's readRegister() sees debugAccess() and leaves FIFOs, status
// bits, interrupt lines and counters as they are — and writes that act as the core's stores do.
// Neither is logged, reported as undecoded, or counted by MmioActivity.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "RegisterTable.h"

namespace wtm {

class MmioDevice : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<MmioDevice> socket;

  // `table`: the block's kRegisterTable (an empty table for a block without one). The register
  // window starts as the table's extent in whole 4 KiB pages (tableWindowSize); a platform sets
  // the size its address map gives with setWindowSize.
  MmioDevice(sc_core::sc_module_name name, const RegisterTable& table);
  static uint32_t tableWindowSize(const RegisterTable& table);
  void setWindowSize(uint32_t size) { windowSize_ = size; }

  // When set, accesses to undefined registers end in TLM_ADDRESS_ERROR_RESPONSE (the core then
  // takes an access fault) instead of reading 0 / ignoring the write.
  static void setStrictDecode(bool strict);
  static bool strictDecode();

  uint32_t windowSize() const { return windowSize_; }
  const RegisterTable& registerTable() const { return table_; }
  TableView<RegisterInfo> registers() const { return table_.registers; }
  TableView<FieldInfo> fields() const { return table_.fields; }

  // A debug read of one register (`size` 1, 2 or 4 bytes at `offset`): the value a core load
  // would see now, without its side effects. False when the model decodes nothing there.
  bool peekRegister(uint32_t offset, unsigned size, uint32_t& value);

 protected:
  // `offset` is relative to the block base; `size` is 1, 2 or 4; values are right-aligned.
  // Return false when nothing is decoded at that offset (the base then reports the access).
  // During a debug read (debugAccess()) the value must come without any side effect.
  virtual bool readRegister(uint32_t offset, unsigned size, uint32_t& value) = 0;
  virtual bool writeRegister(uint32_t offset, unsigned size, uint32_t value) = 0;

  // Called after every bus access the model served (never for debug transport): for outputs
  // that must follow an access at once rather than through the kernel, such as DMA handshake
  // levels (a DMA decides its next transaction right after its access returns).
  virtual void afterAccess() {}

  // True while readRegister() serves a debug read: no FIFO pops, no read-to-clear, no events,
  // no interrupt or DMA line changes, no once-only warnings — only the value.
  bool debugAccess() const { return debugRead_; }
  // Simulated time of the access being served and the PC behind it (valid during the calls
  // above; for debug transport the kernel time and PC 0).
  const sc_core::sc_time& accessTime() const { return accessTime_; }
  uint32_t accessPc() const { return accessPc_; }
  // Extra latency a register access adds on top of the bus (e.g. a slow flash operation).
  void addAccessDelay(const sc_core::sc_time& t) { extraDelay_ += t; }

  // Report an access the model does not implement (logged once per offset and direction;
  // silent during debug transport).
  void reportUndecoded(bool isWrite, uint32_t offset, unsigned size, uint32_t value = 0);

 private:
  class DebugScope;
  // What the table declares at one offset.
  struct Declared {
    bool readable = false, writable = false;
  };

  // readRegister / writeRegister behind the table's access check.
  bool readChecked(uint32_t offset, unsigned size, uint32_t& value);
  bool writeChecked(uint32_t offset, unsigned size, uint32_t value);
  void noteIgnored(bool isWrite, uint32_t offset);
  // True the first time an access of this direction at `offset` is logged.
  bool firstReport(bool isWrite, uint32_t offset);

  void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
  unsigned int transport_dbg(tlm::tlm_generic_payload& trans);
  // One naturally aligned word of a debug read: bytes [first, last) of the word at `word`.
  void debugReadWord(uint32_t word, unsigned first, unsigned last, unsigned char* out);
  void debugWrite(uint32_t offset, unsigned length, const unsigned char* data);

  uint32_t windowSize_;
  RegisterTable table_;
  std::unordered_map<uint32_t, Declared> declared_;  // offsets the table declares
  std::set<uint64_t> reported_;                      // (direction, offset) already logged, undecoded or ignored
  sc_core::sc_time accessTime_;
  sc_core::sc_time extraDelay_;
  uint32_t accessPc_ = 0;
  bool undecodedInThisAccess_ = false;
  bool debugTransport_ = false;  // a debug read or write is being served
  bool debugRead_ = false;
};

}  // namespace wtm
