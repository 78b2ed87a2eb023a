#include "MmioDevice.h"

#include <algorithm>
#include <cstring>

#include "BusAccessInfo.h"
#include "Hex.h"
#include "Log.h"
#include "MmioActivity.h"

namespace wtm {
namespace {
bool g_strict = false;
}

// Marks the device as serving debug transport for its lifetime: kernel time, PC 0, and the
// access state of any bus access in progress restored afterwards.
class MmioDevice::DebugScope {
 public:
  DebugScope(MmioDevice& device, bool read)
      : device_(device),
        time_(device.accessTime_),
        delay_(device.extraDelay_),
        pc_(device.accessPc_),
        undecoded_(device.undecodedInThisAccess_),
        transport_(device.debugTransport_),
        read_(device.debugRead_) {
    device.accessTime_ = sc_core::sc_time_stamp();
    device.accessPc_ = 0;
    device.debugTransport_ = true;
    device.debugRead_ = read;
  }
  ~DebugScope() {
    device_.accessTime_ = time_;
    device_.extraDelay_ = delay_;
    device_.accessPc_ = pc_;
    device_.undecodedInThisAccess_ = undecoded_;
    device_.debugTransport_ = transport_;
    device_.debugRead_ = read_;
  }
  DebugScope(const DebugScope&) = delete;
  DebugScope& operator=(const DebugScope&) = delete;

 private:
  MmioDevice& device_;
  sc_core::sc_time time_, delay_;
  uint32_t pc_;
  bool undecoded_, transport_, read_;
};

uint32_t MmioDevice::tableWindowSize(const RegisterTable& table) {
  constexpr uint32_t kPage = 0x1000;
  uint32_t end = 0;
  for (const RegisterInfo& r : table.registers) end = std::max(end, r.offset + 4);
  return std::max(kPage, (end + kPage - 1) / kPage * kPage);
}

MmioDevice::MmioDevice(sc_core::sc_module_name name, const RegisterTable& table)
    : sc_core::sc_module(name), socket("socket"), windowSize_(tableWindowSize(table)), table_(table) {
  socket.register_b_transport(this, &MmioDevice::b_transport);
  socket.register_transport_dbg(this, &MmioDevice::transport_dbg);
  for (const RegisterInfo& r : table.registers) {
    Declared& d = declared_[r.offset];
    d.readable |= r.access != RegAccess::WO;
    d.writable |= r.access != RegAccess::RO && r.access != RegAccess::RC;
  }
}

bool MmioDevice::readChecked(uint32_t offset, unsigned size, uint32_t& value) {
  const auto d = declared_.find(offset);
  if (d == declared_.end() || d->second.readable) return readRegister(offset, size, value);
  value = 0;
  noteIgnored(false, offset);
  return true;
}

bool MmioDevice::writeChecked(uint32_t offset, unsigned size, uint32_t value) {
  const auto d = declared_.find(offset);
  if (d == declared_.end() || d->second.writable) return writeRegister(offset, size, value);
  noteIgnored(true, offset);
  return true;
}

void MmioDevice::noteIgnored(bool isWrite, uint32_t offset) {
  if (debugTransport_ || !firstReport(isWrite, offset)) return;
  const char* reg = registerName(table_.registers.items, table_.registers.count, offset);
  if (isWrite)
    log::info(basename(), ".", reg, " is read-only: write at pc ", hex32(accessPc_), " ignored (noted once)");
  else log::info(basename(), ".", reg, " is write-only: read at pc ", hex32(accessPc_), " gives 0 (noted once)");
}

bool MmioDevice::firstReport(bool isWrite, uint32_t offset) {
  return reported_.insert((static_cast<uint64_t>(isWrite) << 32) | offset).second;
}

void MmioDevice::setStrictDecode(bool strict) { g_strict = strict; }
bool MmioDevice::strictDecode() { return g_strict; }

void MmioDevice::reportUndecoded(bool isWrite, uint32_t offset, unsigned size, uint32_t value) {
  if (debugTransport_) return;
  undecodedInThisAccess_ = true;
  if (!firstReport(isWrite, offset)) return;
  const char* reg = registerName(table_.registers.items, table_.registers.count, offset);
  std::string what = std::string(basename()) + (reg ? std::string(".") + reg : std::string("+") + hex32(offset));
  if (isWrite)
    log::warn("unimplemented write of ", hex32(value), " (", size, " bytes) to ", what, " at pc ", hex32(accessPc_),
              g_strict ? "" : " (ignored; reported once)");
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
    decoded = readChecked(offset, len, value);
    if (!decoded) {
      reportUndecoded(false, offset, len);
      value = 0;
    }
    std::memcpy(data, &value, len);  // host and target are both little-endian
  } else if (trans.is_write()) {
    uint32_t value = 0;
    std::memcpy(&value, data, len);
    decoded = writeChecked(offset, len, value);
    if (!decoded) reportUndecoded(true, offset, len, value);
  } else {
    trans.set_response_status(tlm::TLM_COMMAND_ERROR_RESPONSE);
    return;
  }
  afterAccess();
  {
    uint32_t value = 0;
    std::memcpy(&value, data, len);
    // Register names only on a new run of accesses: polling loops stay cheap.
    const MmioRun& run = MmioActivity::current();
    const bool same = run.count && run.offset == offset && run.isRead == trans.is_read() && run.block == basename();
    MmioActivity::record(this, basename(),
                         same ? nullptr : registerName(table_.registers.items, table_.registers.count, offset), offset,
                         trans.is_read(), accessPc_, value);
  }
  delay += extraDelay_;
  if ((!decoded || undecodedInThisAccess_) && g_strict) {
    trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return;
  }
  trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

bool MmioDevice::peekRegister(uint32_t offset, unsigned size, uint32_t& value) {
  value = 0;
  if ((size != 1 && size != 2 && size != 4) || uint64_t{offset} + size > windowSize_) return false;
  DebugScope scope(*this, true);
  uint32_t v = 0;
  if (!readChecked(offset, size, v)) return false;
  value = size == 4 ? v : v & ((1u << (8 * size)) - 1u);
  return true;
}

void MmioDevice::debugReadWord(uint32_t word, unsigned first, unsigned last, unsigned char* out) {
  // Registers are read whole: a model sees the sizes a core could use, never a split register.
  uint32_t value = 0;
  if (readChecked(word, 4, value)) {
    for (unsigned b = first; b < last; ++b) out[b - first] = static_cast<unsigned char>(value >> (8 * b));
    return;
  }
  // Halfword and byte registers (PMU, ECLIC, NPU) where the word is not decoded as one.
  for (unsigned half = 0; half < 4; half += 2) {
    const unsigned from = std::max(first, half), to = std::min(last, half + 2);
    if (from >= to) continue;
    if (readChecked(word + half, 2, value)) {
      for (unsigned b = from; b < to; ++b) out[b - first] = static_cast<unsigned char>(value >> (8 * (b - half)));
      continue;
    }
    for (unsigned b = from; b < to; ++b) {
      uint32_t byte = 0;
      out[b - first] = readChecked(word + b, 1, byte) ? static_cast<unsigned char>(byte) : 0;
    }
  }
}

void MmioDevice::debugWrite(uint32_t offset, unsigned length, const unsigned char* data) {
  // Naturally aligned pieces, each the write a core store of that size would make.
  while (length > 0) {
    const unsigned size = (offset % 4 == 0 && length >= 4) ? 4 : (offset % 2 == 0 && length >= 2) ? 2 : 1;
    uint32_t value = 0;
    std::memcpy(&value, data, size);
    writeChecked(offset, size, value);
    offset += size;
    data += size;
    length -= size;
  }
}

unsigned int MmioDevice::transport_dbg(tlm::tlm_generic_payload& trans) {
  const uint64_t addr = trans.get_address();
  trans.set_response_status(tlm::TLM_OK_RESPONSE);
  if (addr >= windowSize_) return 0;
  const auto offset = static_cast<uint32_t>(addr);
  const unsigned length = static_cast<unsigned>(std::min<uint64_t>(trans.get_data_length(), windowSize_ - addr));
  unsigned char* data = trans.get_data_ptr();
  if (trans.is_read()) {
    DebugScope scope(*this, true);
    for (uint32_t pos = offset; pos < offset + length;) {
      const uint32_t word = pos & ~3u;
      const unsigned first = pos - word;
      const unsigned last = static_cast<unsigned>(std::min<uint64_t>(4, uint64_t{offset} + length - word));
      debugReadWord(word, first, last, data + (pos - offset));
      pos = word + last;
    }
    return length;
  }
  if (trans.is_write()) {
    DebugScope scope(*this, false);
    debugWrite(offset, length, data);
    return length;
  }
  trans.set_response_status(tlm::TLM_COMMAND_ERROR_RESPONSE);
  return 0;
}

}  // namespace wtm
