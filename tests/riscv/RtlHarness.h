// Drives the Verilated core directly (no SystemC): a flat 64 KB RAM at 0, an MMIO window at
// 0x4000_0000 that answers with a configurable latency, and a bus error everywhere else. Lets
// the tests check architectural results and exact cycle counts of the RTL.
#pragma once
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "Vwtm_core.h"
#include "verilated.h"

class RtlHarness {
 public:
  static constexpr uint32_t kRamSize = 64 * 1024;
  static constexpr uint32_t kMmioBase = 0x40000000;
  static constexpr uint32_t kMmioSize = 0x1000;

  struct Event {
    int kind;  // 1 trap, 2 self-loop, 3 wfi
    uint32_t pc, cause, tval;
  };

  explicit RtlHarness(bool fastForward = true) : fastForward_(fastForward), ram_(kRamSize, 0) {
    ctx_ = std::make_unique<VerilatedContext>();
    m_ = std::make_unique<Vwtm_core>(ctx_.get(), "core");
    m_->clk = 0;
    m_->rst_n = 1;  // a real falling edge: registers with non-zero reset values take them
    m_->eval();
    m_->rst_n = 0;
    m_->eval();
    m_->rst_n = 1;
    m_->eval();
  }

  void loadBytes(uint32_t addr, const std::vector<uint8_t>& bytes) { std::memcpy(&ram_[addr], bytes.data(), bytes.size()); }
  void load(uint32_t addr, const std::vector<uint32_t>& words) {
    for (uint32_t w : words) {
      std::memcpy(&ram_[addr], &w, 4);
      addr += 4;
    }
  }
  void loadHalf(uint32_t addr, uint16_t h) { std::memcpy(&ram_[addr], &h, 2); }
  uint32_t word(uint32_t addr) const {
    uint32_t v;
    std::memcpy(&v, &ram_[addr], 4);
    return v;
  }

  // One clock edge (or 1 + skip cycles while idle). Returns the cycles it stood for.
  uint64_t step() {
    uint32_t wait = 0;
    if (m_->ifu_req) {
      uint32_t w = 0;
      const bool ok = access(m_->ifu_addr, 4, false, w, wait, true);
      m_->ifu_rdata = w;
      m_->ifu_err = !ok;
    }
    if (m_->lsu_req) {
      uint32_t v = m_->lsu_wdata;
      const bool ok = access(m_->lsu_addr, 1u << m_->lsu_size, m_->lsu_we, v, wait, false);
      m_->lsu_rdata = v;
      m_->lsu_err = !ok;
    }
    m_->bus_wait = wait;
    uint32_t skip = 0;
    if (fastForward_ && m_->stall_left > 1) skip = m_->stall_left - 1;
    m_->skip = skip;
    m_->irq_valid = irqPending || irqValid;
    m_->irq_id = irqId;
    m_->irq_level = irqLevel;
    m_->irq_shv = irqShv;
    m_->clk = !m_->clk;  // each edge is one cycle
    m_->eval();
    cycles_ += 1 + skip;
    if (m_->claim_valid) claims.push_back(m_->claim_id);
    if (m_->event_valid) events.push_back({m_->event_kind, m_->event_pc, m_->event_cause, m_->event_tval});
    return 1 + skip;
  }

  // Runs until the core jumps to itself, sleeps or `maxCycles` pass; returns true on self-loop/wfi.
  bool run(uint64_t maxCycles = 100000) {
    const uint64_t end = cycles_ + maxCycles;
    while (cycles_ < end) {
      step();
      if (m_->event_valid && (m_->event_kind == 2 || m_->event_kind == 3)) return true;
    }
    return false;
  }

  Vwtm_core& rtl() { return *m_; }
  uint64_t cycles() const { return cycles_; }
  std::vector<Event> events;
  bool irqPending = false;  // wakes wfi (an interrupt request with level 0 is never taken)
  bool irqValid = false;
  uint8_t irqId = 0, irqLevel = 0;
  bool irqShv = false;
  std::vector<unsigned> claims;
  uint32_t mmioLatency = 0;
  uint32_t mmioReadValue = 0x5A5A0000;
  std::vector<uint32_t> mmioWrites;

 private:
  bool access(uint32_t addr, unsigned len, bool write, uint32_t& value, uint32_t& wait, bool fetch) {
    if (addr < kRamSize && addr + len <= kRamSize) {
      if (write) std::memcpy(&ram_[addr], &value, len);
      else {
        value = 0;
        std::memcpy(&value, &ram_[addr], len);
      }
      return true;
    }
    if (!fetch && addr >= kMmioBase && addr < kMmioBase + kMmioSize) {
      wait += mmioLatency;
      if (write) mmioWrites.push_back(value);
      else value = mmioReadValue + (addr - kMmioBase);
      return true;
    }
    return false;
  }

  bool fastForward_;
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<Vwtm_core> m_;
  std::vector<uint8_t> ram_;
  uint64_t cycles_ = 0;
};
