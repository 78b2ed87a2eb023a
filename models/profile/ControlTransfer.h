// What a retired RISC-V instruction does to the call stack, from its encoding alone. Only the
// forms a profiler needs are told apart; everything else is `Plain` (a branch or `j` is Plain too:
// whether it leaves the function is decided from where the next instruction is).
#pragma once
#include "CoreCsrs.h"
#include <cstdint>

namespace wtm::profile {

enum class TransferKind : uint8_t {
  Plain,
  Call,      // jal/jalr/c.jal/c.jalr linking in ra or t0 (t0: the -msave-restore millicode calls)
  Return,    // jalr x0 through ra or t0, c.jr ra/t0
  Mret,      // return from a trap or interrupt
  Jalmnxti,  // Nuclei ECLIC csrrw/csrrs rd, jalmnxti: a call when it jumps to a handler
};

// ra (x1) and t0 (x5) are the link registers of the RISC-V calling convention's hints.
constexpr bool isLinkRegister(uint32_t reg) { return reg == 1 || reg == 5; }

// `insn` is a 32-bit encoding, or a compressed one in the low 16 bits (upper half 0).
constexpr TransferKind transferKind(uint32_t insn) {
  if ((insn & 3) == 3) {
    const uint32_t opcode = insn & 0x7f;
    const uint32_t rd = (insn >> 7) & 31;
    const uint32_t rs1 = (insn >> 15) & 31;
    switch (opcode) {
      case 0x6f:  // jal
        return isLinkRegister(rd) ? TransferKind::Call : TransferKind::Plain;
      case 0x67:  // jalr
        if (isLinkRegister(rd)) return TransferKind::Call;
        return rd == 0 && isLinkRegister(rs1) ? TransferKind::Return : TransferKind::Plain;
      case 0x73: {  // SYSTEM
        if (insn == 0x30200073) return TransferKind::Mret;
        const uint32_t funct3 = (insn >> 12) & 7;
        const bool csrrwOrCsrrs = funct3 == 1 || funct3 == 2;
        return csrrwOrCsrrs && (insn >> 20) == riscv::csr::jalmnxti && rd != 0 ? TransferKind::Jalmnxti
                                                                               : TransferKind::Plain;
      }
      default: return TransferKind::Plain;
    }
  }
  const uint32_t quadrant = insn & 3;
  const uint32_t funct3 = (insn >> 13) & 7;
  if (quadrant == 1 && funct3 == 1) return TransferKind::Call;  // c.jal (RV32 only), links in ra
  if (quadrant == 2 && funct3 == 4) {
    const uint32_t rs1 = (insn >> 7) & 31;
    const uint32_t rs2 = (insn >> 2) & 31;
    if (rs2 != 0 || rs1 == 0) return TransferKind::Plain;                     // c.mv, c.add, c.ebreak
    if ((insn >> 12) & 1) return TransferKind::Call;                          // c.jalr: links in ra
    return isLinkRegister(rs1) ? TransferKind::Return : TransferKind::Plain;  // c.jr
  }
  return TransferKind::Plain;
}

}  // namespace wtm::profile
