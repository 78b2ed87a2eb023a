// CoreHarness over the Verilated core, driven directly (no SystemC): one clock edge per step().
// Lets the tests check architectural results and exact cycle counts of the RTL; rtl() gives the
// RTL's own signals to the tests of RTL-only features (the debug port).
#pragma once
#include <cstdint>
#include <memory>

#include "CoreHarness.h"
#include "RtlDebugPort.h"
#include "Vwtm_core.h"
#include "verilated.h"

class RtlHarness final : public CoreHarness {
 public:
  explicit RtlHarness(bool fastForward = true) : fastForward_(fastForward) {
    ctx_ = std::make_unique<VerilatedContext>();
    m_ = std::make_unique<Vwtm_core>(ctx_.get(), "core");
    wtm::riscv::rtlReset(*m_);
  }

  // One clock edge (or 1 + skip cycles while idle). Returns the cycles it stood for.
  uint64_t step() override {
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
    m_->irq_valid = irqRequested();
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

  bool sleeping() const override { return m_->sleeping; }
  uint32_t pc() override { return m_->current_pc; }
  uint32_t x(unsigned i) override { return debugRead(i); }
  uint32_t f(unsigned i) override { return debugRead(Pkg::DBG_ADDR_FPR + i); }
  uint32_t csr(unsigned number) override { return debugRead(Pkg::DBG_ADDR_CSR + number); }

  Vwtm_core& rtl() { return *m_; }

 private:
  using Pkg = wtm::riscv::RtlPkg;
  // Over the debug port: debug edges, which are not cycles.
  uint32_t debugRead(uint32_t addr) {
    uint32_t value = 0;
    wtm::riscv::rtlDebugAccess(*m_, Pkg::DBG_OP_READ, addr, 0, value);
    return value;
  }

  bool fastForward_;
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<Vwtm_core> m_;
};
