#include "MmioDevice.h"

#include <cstring>

#include "BusAccessInfo.h"
#include "Hex.h"
#include "Log.h"
#include "MmioActivity.h"

namespace wtm {
namespace {
bool g_strict = false;
}

MmioDevice::MmioDevice(sc_core::sc_module_name name, uint32_t windowSize, const RegisterInfo* table,
                       size_t tableSize)
    : sc_core::sc_module(name), socket("socket"), windowSize_(windowSize), table_(table), tableSize_(tableSize) {
  socket.register_b_transport(this, &MmioDevice::b_transport);
  socket.register_transport_dbg(this, &MmioDevice::transport_dbg);
}

void MmioDevice::setStrictDecode(bool strict) { g_strict = strict; }
bool MmioDevice::strictDecode() { return g_strict; }

void MmioDevice::reportUndecoded(bool isWrite, uint32_t offset, unsigned size, uint32_t value) {
  undecodedInThisAccess_ = true;
  const uint64_t key = (static_cast<uint64_t>(isWrite) << 32) | offset;
  if (!reported_.insert(key).second) return;
  const char* reg = registerName(table_, tableSize_, offset);
  std::string what = std::string(basename()) + (reg ? std::string(".") + reg : std::string("+") + hex32(offset));
  if (isWrite)
    log::warn("unimplemented write of ", hex32(value), " (", size, " bytes) to ", what, " at pc ",
              hex32(accessPc_), g_strict ? "" : " (ignored; reported once)");
  else
    log::warn("unimplemented read (", size, " bytes) of ", what, " at pc ", hex32(accessPc_),
              g_strict ? "" : " (reads 0; reported once)");
}

void MmioDevice::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
  const uint64_t addr = trans.get_address();
  const unsigned len = trans.get_data_length();
  if (trans.get_byte_enable_ptr() || trans.get_streaming_width() < len) {
    trans.set_response_status(tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
    return;
  }
  if ((len != 1 && len != 2 && len != 4) || addr + len > windowSize_) {
    trans.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
    return;
  }
  accessTime_ = sc_core::sc_time_stamp() + delay;
  accessPc_ = BusAccessInfo::pcOf(trans);
  extraDelay_ = sc_core::SC_ZERO_TIME;
  undecodedInThisAccess_ = false;
  const auto offset = static_cast<uint32_t>(addr);
  unsigned char* data = trans.get_data_ptr();
  bool decoded;
  if (trans.is_read()) {
    uint32_t value = 0;
    decoded = readRegister(offset, len, value);
    if (!decoded) {
      reportUndecoded(false, offset, len);
      value = 0;
    }
    std::memcpy(data, &value, len);  // host and target are both little-endian
  } else if (trans.is_write()) {
    uint32_t value = 0;
    std::memcpy(&value, data, len);
    decoded = writeRegister(offset, len, value);
    if (!decoded) reportUndecoded(true, offset, len, value);
  } else {
    trans.set_response_status(tlm::TLM_COMMAND_ERROR_RESPONSE);
    return;
  }
  {
    uint32_t value = 0;
    std::memcpy(&value, data, len);
    // Register names only on a new run of accesses: polling loops stay cheap.
    const MmioRun& run = MmioActivity::current();
    const bool same = run.count && run.offset == offset && run.isRead == trans.is_read() && run.block == basename();
    MmioActivity::record(this, basename(), same ? nullptr : registerName(table_, tableSize_, offset), offset,
                         trans.is_read(), accessPc_, value);
  }
  delay += extraDelay_;
  if ((!decoded || undecodedInThisAccess_) && g_strict) {
    trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return;
  }
  trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

unsigned int MmioDevice::transport_dbg(tlm::tlm_generic_payload& trans) {
  // Registers have side effects on read; debug access is not offered.
  trans.set_response_status(tlm::TLM_OK_RESPONSE);
  return 0;
}

}  // namespace wtm
