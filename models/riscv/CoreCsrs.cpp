#include "CoreCsrs.h"

#include <algorithm>

namespace wtm::riscv {

const std::vector<CsrName>& coreCsrs() {
  static const std::vector<CsrName> list = {
#define WTM_CORE_CSR(name, number) {#name, number},
#include "core_csrs.inc"
#undef WTM_CORE_CSR
  };
  return list;
}

std::vector<CsrName> debuggerCsrs() {
  // Reading these from a debugger would be misleading (they act rather than hold a value) or
  // repeats (cycle/instret mirror mcycle/minstret).
  static const char* const kHidden[] = {"mnxti", "jalmnxti", "pushmsubm", "pushmcause", "pushmepc",
                                        "cycle", "cycleh",   "instret",   "instreth"};
  std::vector<CsrName> out;
  for (const CsrName& c : coreCsrs())
    if (std::none_of(std::begin(kHidden), std::end(kHidden), [&](const char* h) { return c.name == h; }))
      out.push_back(c);
  return out;
}

}  // namespace wtm::riscv
