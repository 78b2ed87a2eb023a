// SystemC testbench for the NPU front end; scenarios run as tests/support/ScenarioTestbench.h
// describes, after an NPU reset. The NPU DMA master talks to a plain memory standing for the
// system SRAM view at 0x3000_0000.
#pragma once
#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "MmioTestbench.h"
#include "common/ClockDomain.h"
#include "npu/frontend/NpuDevice.h"
#include "npu/frontend/npu_regs.h"

namespace npu_test {

using sc_core::sc_time;
using sc_core::SC_US;
using wtm::npu::NpuDevice;
namespace regs = wtm::npu::regs;

constexpr std::uint64_t kSysBase = 0x30000000;
constexpr std::size_t kSysSize = 0x50000;

// System SRAM view as the DMA sees it (absolute addresses).
class SystemMemory : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<SystemMemory> socket{"socket"};
  std::vector<std::uint8_t> bytes = std::vector<std::uint8_t>(kSysSize, 0);
  explicit SystemMemory(sc_core::sc_module_name n) : sc_core::sc_module(n) {
    socket.register_b_transport(this, &SystemMemory::transport);
  }
  void transport(tlm::tlm_generic_payload& p, sc_time&) {
    const std::uint64_t a = p.get_address();
    if (a < kSysBase || a + p.get_data_length() > kSysBase + kSysSize) {
      p.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
      return;
    }
    std::uint8_t* m = &bytes[a - kSysBase];
    if (p.is_write()) std::memcpy(m, p.get_data_ptr(), p.get_data_length());
    else std::memcpy(p.get_data_ptr(), m, p.get_data_length());
    p.set_response_status(tlm::TLM_OK_RESPONSE);
  }
};

// Register accesses go through BusTestbench's checked read / write on `bus`, at the NPU's widths.
class Testbench : public periph_test::BusTestbench<Testbench> {
 public:
  wtm::ClockDomain hclk{"hclk", 24e6};
  NpuDevice npu{"npu", hclk};
  SystemMemory memory{"memory"};
  sc_core::sc_signal<bool> irq{"irq"};

  explicit Testbench(sc_core::sc_module_name name = "tb") : BusTestbench(name) {
    bus.bind(npu.socket);
    npu.dma.bind(memory.socket);
    npu.irq.bind(irq);
  }

  void w16(std::uint32_t off, std::uint32_t v) { write(off, v, 2); }
  void w32(std::uint32_t off, std::uint32_t v) { write(off, v, 4); }
  void w8(std::uint32_t off, std::uint32_t v) { write(off, v, 1); }
  std::uint32_t r16(std::uint32_t off) { return read(off, 2); }
  std::uint32_t r32(std::uint32_t off) { return read(off, 4); }
  std::uint32_t r8(std::uint32_t off) { return read(off, 1); }

  // A 16-bit register (or `size` bytes) read by debug transport, as a debugger reads it (DebugRead.h).
  std::uint32_t debugRead(std::uint32_t off, unsigned size = 2) { return BusTestbench::debugRead(off, size); }

  // Waits (in steps of `step`) until (reg & mask) != 0; false after `limit`.
  bool waitFor(std::uint32_t off, std::uint32_t mask, sc_time limit = sc_time(10, sc_core::SC_MS),
               sc_time step = sc_time(1, SC_US)) {
    for (sc_time t; t <= limit; t += step) {
      if (r16(off) & mask) return true;
      wait(step);
    }
    return false;
  }

  // The engine's regfile write: head bytes on their lanes, 32-bit bulk, tail bytes.
  void writeRegfile(int addr, const std::vector<std::uint8_t>& data) {
    w16(regs::REGFILE_ADDR, static_cast<std::uint32_t>(addr));
    w16(regs::REGFILE_WLEN, regs::REGFILE_WLEN_LEN_M1.set(0, static_cast<std::uint32_t>(data.size() - 1)));
    w16(regs::ACCESS_MODE, regs::ACCESS_MODE_REGFILE_WRITE.mask());
    std::size_t i = 0;
    while (i < data.size() && ((addr + i) & 3)) {
      w8(regs::REGFILE_DATA + ((addr + i) & 3), data[i]);
      ++i;
    }
    for (; i + 4 <= data.size(); i += 4)
      w32(regs::REGFILE_DATA, data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (std::uint32_t(data[i + 3]) << 24));
    for (; i < data.size(); ++i) w8(regs::REGFILE_DATA + ((addr + i) & 3), data[i]);
    w16(regs::ACCESS_MODE, 0);
  }
  std::vector<std::uint8_t> readRegfile(int addr, int len) {
    std::vector<std::uint8_t> out;
    w16(regs::REGFILE_ADDR, static_cast<std::uint32_t>(addr));
    w16(regs::ACCESS_MODE, regs::ACCESS_MODE_REGFILE_READ.mask());
    for (int i = 0; i < len; ++i) out.push_back(static_cast<std::uint8_t>(r8(regs::REGFILE_DATA + ((addr + i) & 3))));
    w16(regs::ACCESS_MODE, 0);
    return out;
  }
  void writeRoundSram(int entry, const std::vector<std::uint32_t>& words) {
    w16(regs::PI_SEL, 0);
    w16(regs::ROUND_CFG_ADDR, static_cast<std::uint32_t>(entry));
    w16(regs::ACCESS_MODE, regs::ACCESS_MODE_ROUND_WRITE.mask());
    for (std::uint32_t w : words) w32(regs::ROUND_CFG_DATA, w);
    w16(regs::ACCESS_MODE, 0);
  }
  void writeLut(int slot, const wtm::npu::ActivationLut& t) {
    w16(regs::LUT_SEL, static_cast<std::uint32_t>(slot));
    for (int i = 0; i < 256; i += 4)
      w32(slot == 1 ? regs::LUT1_DATA : regs::LUT2_DATA,
          t[i] | (t[i + 1] << 8) | (t[i + 2] << 16) | (std::uint32_t(t[i + 3]) << 24));
    w16(regs::LUT_SEL, 0);
  }

 private:
  void prepare() override { npu.reset(); }
};

inline Testbench& bench() { return wtm::test::elaboratedOnce<Testbench>(); }

}  // namespace npu_test
