// The CSRs the core implements, by name and number, as the RTL's package declares them (the list
// is generated from rtl/wtm_core_pkg.sv at configure time).
#pragma once
#include <string>
#include <vector>

namespace wtm::riscv {

// CSR numbers by name: csr::mtvec, csr::mcycle, ...
namespace csr {
#define WTM_CORE_CSR(name, number) inline constexpr unsigned name = number;
#include "core_csrs.inc"
#undef WTM_CORE_CSR
}  // namespace csr

struct CsrName {
  std::string name;  // lower case, as assemblers and GDB spell it
  unsigned number;
};

// Every CSR of the core, in the package's order.
const std::vector<CsrName>& coreCsrs();
// The CSRs a debugger shows: all but those whose access means an action (jalmnxti, the push
// CSRs, mnxti) and the user-mode shadows of the counters.
std::vector<CsrName> debuggerCsrs();

}  // namespace wtm::riscv
