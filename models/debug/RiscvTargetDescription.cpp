#include "debug/RiscvTargetDescription.h"

#include "common/XmlText.h"

namespace wtm::debug {
namespace {

// ABI names in x-register order, as GDB's riscv/32bit-cpu.xml has them.
constexpr const char* kXNames[32] = {"zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "fp", "s1", "a0",
                                     "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
                                     "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
constexpr const char* kFNames[32] = {"ft0", "ft1", "ft2", "ft3", "ft4",  "ft5",  "ft6", "ft7", "fs0",  "fs1", "fa0",
                                     "fa1", "fa2", "fa3", "fa4", "fa5",  "fa6",  "fa7", "fs2", "fs3",  "fs4", "fs5",
                                     "fs6", "fs7", "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11"};
struct FpCsr {
  const char* name;
  unsigned number;
};
constexpr FpCsr kFpCsrs[] = {{"fflags", 0x001}, {"frm", 0x002}, {"fcsr", 0x003}};

// GDB's types for the registers it treats as pointers (riscv/32bit-cpu.xml).
const char* xType(unsigned x) {
  if (x == 1) return "code_ptr";                                // ra
  if (x == 2 || x == 3 || x == 4 || x == 8) return "data_ptr";  // sp, gp, tp, fp
  return "int";
}

bool isFpCsr(unsigned number) {
  for (const FpCsr& c : kFpCsrs)
    if (c.number == number) return true;
  return false;
}

void reg(std::string& xml, const std::string& name, unsigned regnum, const char* type, const char* group = nullptr) {
  xml += "    <reg name=\"" + xmlEscape(name) + "\" bitsize=\"32\" regnum=\"" + std::to_string(regnum) + "\" type=\"" +
         type + "\"";
  if (group) xml += std::string(" group=\"") + group + "\"";
  xml += "/>\n";
}

}  // namespace

std::string riscvTargetXml(const std::vector<CsrDescription>& csrs, bool withFpu) {
  std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
      "<target version=\"1.0\">\n"
      "  <architecture>riscv:rv32</architecture>\n"
      "  <feature name=\"org.gnu.gdb.riscv.cpu\">\n";
  for (unsigned x = 0; x < 32; ++x) reg(xml, kXNames[x], riscvXRegnum(x), xType(x));
  reg(xml, "pc", kPcRegnum, "code_ptr");
  xml += "  </feature>\n";

  if (withFpu) {
    xml += "  <feature name=\"org.gnu.gdb.riscv.fpu\">\n";
    for (unsigned f = 0; f < 32; ++f) reg(xml, kFNames[f], riscvFpRegnum(f), "ieee_single");
    for (const FpCsr& c : kFpCsrs) reg(xml, c.name, riscvCsrRegnum(c.number), "int");
    xml += "  </feature>\n";
  }

  // GDB files the CSRs of this feature under "info registers csr" itself; the group attribute
  // does the same for debuggers that only read the document.
  bool csrFeatureOpen = false;
  for (const CsrDescription& csr : csrs) {
    if (csr.number >= kCsrCount || (withFpu && isFpCsr(csr.number))) continue;
    if (!csrFeatureOpen) {
      xml += "  <feature name=\"org.gnu.gdb.riscv.csr\">\n";
      csrFeatureOpen = true;
    }
    reg(xml, csr.name, riscvCsrRegnum(csr.number), "int", "csr");
  }
  if (csrFeatureOpen) xml += "  </feature>\n";
  xml += "</target>\n";
  return xml;
}

}  // namespace wtm::debug
