// The Verilated core's own protocol (rtl/wtm_core.sv), for any build of it (plain, traced,
// lockstep), the tests of the RTL alone and the build's profile training: reset, and one register
// access over the debug port (debug edges, which are not cycles).
#pragma once
#include <cstdint>

#include "Vwtm_core_wtm_core_pkg.h"

namespace wtm::riscv {

// The RTL's own constants (public parameters of wtm_core_pkg).
using RtlPkg = Vwtm_core_wtm_core_pkg;

// Asynchronous reset; the clock does not move. A real falling edge of rst_n, so that registers
// with non-zero reset values take them.
template <class Model>
void rtlReset(Model& m) {
  m.clk = 0;
  m.rst_n = 1;
  m.eval();
  m.rst_n = 0;
  m.eval();
  m.rst_n = 1;
  m.eval();
}

// `op` (DBG_OP_READ / DBG_OP_WRITE) of the register at `addr` (dbg_addr encoding); the value
// read in `rdata`; returns dbg_ok. The model is left evaluated with the port idle.
template <class Model>
bool rtlDebugAccess(Model& m, uint8_t op, uint32_t addr, uint32_t wdata, uint32_t& rdata) {
  auto edge = [&](uint8_t edgeOp) {
    m.dbg_op = edgeOp;
    m.dbg_addr = static_cast<uint16_t>(addr);
    m.dbg_wdata = wdata;
    m.clk = !m.clk;
    m.eval();
  };
  // A CSR is read through the instructions' read logic: point it at the CSR first.
  if (op == RtlPkg::DBG_OP_READ && (addr & RtlPkg::DBG_ADDR_CSR)) edge(RtlPkg::DBG_OP_SELECT_CSR);
  edge(op);
  m.dbg_op = RtlPkg::DBG_OP_NONE;
  m.eval();
  rdata = m.dbg_rdata;
  return m.dbg_ok;
}

}  // namespace wtm::riscv
