// GDB target description (target.xml) of an RV32 core, with the register numbers GDB's own RISC-V
// feature files use, so that the board maps GDB's numbers to its registers without retyping them.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace wtm::debug {

// GDB register numbers ("regnum" in target.xml; what p/P packets carry).
constexpr unsigned kFirstXRegnum = 0;  // x0..x31
constexpr unsigned kPcRegnum = 32;
constexpr unsigned kFirstFpRegnum = 33;   // f0..f31
constexpr unsigned kFirstCsrRegnum = 65;  // CSR n is 65 + n (fflags 66, frm 67, fcsr 68)
constexpr unsigned kCsrCount = 4096;

constexpr unsigned riscvXRegnum(unsigned x) { return kFirstXRegnum + x; }
constexpr unsigned riscvFpRegnum(unsigned f) { return kFirstFpRegnum + f; }
constexpr unsigned riscvCsrRegnum(unsigned csr) { return kFirstCsrRegnum + csr; }
// The CSR a register number stands for; nullopt for x, pc and f registers.
constexpr std::optional<unsigned> riscvCsrOfRegnum(unsigned regnum) {
  if (regnum < kFirstCsrRegnum || regnum >= kFirstCsrRegnum + kCsrCount) return std::nullopt;
  return regnum - kFirstCsrRegnum;
}

struct CsrDescription {
  std::string name;  // as GDB knows it where it does ("mstatus"), so GDB shows its fields
  unsigned number;   // the CSR address, 0..0xfff
};

// One target.xml document: architecture riscv:rv32, features org.gnu.gdb.riscv.cpu, .fpu (with
// fflags/frm/fcsr, when withFpu) and .csr (the other CSRs given, in the order given).
std::string riscvTargetXml(const std::vector<CsrDescription>& csrs, bool withFpu);

}  // namespace wtm::debug
