// The XML documents: the RV32 target description (names, numbers and types GDB expects) and the
// memory map.
#include <gtest/gtest.h>

#include <regex>

#include "debug/MemoryMapXml.h"
#include "debug/RiscvTargetDescription.h"

using namespace wtm::debug;

namespace {

struct Reg {
  std::string name, type, group, feature;
  unsigned regnum;
};

// The <reg> elements in document order, with the feature each sits in.
std::vector<Reg> regsOf(const std::string& xml) {
  std::vector<Reg> regs;
  std::string feature;
  const std::regex element(R"re(<feature name="([^"]+)">|<reg ([^>]*)/>)re");
  const std::regex attribute(R"re((\w+)="([^"]*)")re");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), element); it != std::sregex_iterator(); ++it) {
    if ((*it)[1].matched) {
      feature = (*it)[1];
      continue;
    }
    Reg r{"", "", "", feature, ~0u};
    const std::string attributes = (*it)[2];
    for (auto a = std::sregex_iterator(attributes.begin(), attributes.end(), attribute); a != std::sregex_iterator();
         ++a) {
      const std::string key = (*a)[1], value = (*a)[2];
      if (key == "name") r.name = value;
      if (key == "type") r.type = value;
      if (key == "group") r.group = value;
      if (key == "regnum") r.regnum = static_cast<unsigned>(std::stoul(value));
      if (key == "bitsize") {
        EXPECT_EQ(value, "32") << r.name;
      }
    }
    regs.push_back(r);
  }
  return regs;
}

const Reg* find(const std::vector<Reg>& regs, const std::string& name) {
  for (const auto& r : regs)
    if (r.name == name) return &r;
  return nullptr;
}

}  // namespace

TEST(RiscvTargetXml, RegisterNumberConstants) {
  EXPECT_EQ(kPcRegnum, 32u);
  EXPECT_EQ(kFirstFpRegnum, 33u);
  EXPECT_EQ(kFirstCsrRegnum, 65u);
  EXPECT_EQ(riscvXRegnum(10), 10u);
  EXPECT_EQ(riscvFpRegnum(31), 64u);
  EXPECT_EQ(riscvCsrRegnum(0x300), 65u + 0x300);
  EXPECT_EQ(riscvCsrOfRegnum(66), 1u);
  EXPECT_EQ(riscvCsrOfRegnum(65 + 0xfff), 0xfffu);
  EXPECT_EQ(riscvCsrOfRegnum(64), std::nullopt);
  EXPECT_EQ(riscvCsrOfRegnum(65 + 0x1000), std::nullopt);
}

TEST(RiscvTargetXml, HeaderAndArchitecture) {
  const std::string xml = riscvTargetXml({}, false);
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target", 0), 0u);
  EXPECT_NE(xml.find("<architecture>riscv:rv32</architecture>"), std::string::npos);
  EXPECT_EQ(xml.find("org.gnu.gdb.riscv.fpu"), std::string::npos);
  EXPECT_EQ(xml.find("org.gnu.gdb.riscv.csr"), std::string::npos);  // no CSRs given: no empty feature
  EXPECT_NE(xml.find("</target>"), std::string::npos);
}

TEST(RiscvTargetXml, CpuFeatureAsGdbNamesIt) {
  const auto regs = regsOf(riscvTargetXml({}, false));
  ASSERT_EQ(regs.size(), 33u);
  const char* names[] = {"zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "fp", "s1", "a0",
                         "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
                         "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6", "pc"};
  for (unsigned i = 0; i < 33; ++i) {
    EXPECT_EQ(regs[i].name, names[i]);
    EXPECT_EQ(regs[i].regnum, i);
    EXPECT_EQ(regs[i].feature, "org.gnu.gdb.riscv.cpu");
  }
  EXPECT_EQ(find(regs, "pc")->type, "code_ptr");
  EXPECT_EQ(find(regs, "ra")->type, "code_ptr");
  for (const char* p : {"sp", "gp", "tp", "fp"}) EXPECT_EQ(find(regs, p)->type, "data_ptr") << p;
  for (const char* i : {"zero", "t0", "s1", "a0", "t6"}) EXPECT_EQ(find(regs, i)->type, "int") << i;
}

TEST(RiscvTargetXml, FpuFeature) {
  const auto regs = regsOf(riscvTargetXml({}, true));
  ASSERT_EQ(regs.size(), 33u + 32u + 3u);
  const char* names[] = {"ft0", "ft1", "ft2", "ft3", "ft4",  "ft5",  "ft6", "ft7", "fs0",  "fs1", "fa0",
                         "fa1", "fa2", "fa3", "fa4", "fa5",  "fa6",  "fa7", "fs2", "fs3",  "fs4", "fs5",
                         "fs6", "fs7", "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11"};
  for (unsigned i = 0; i < 32; ++i) {
    const Reg& r = regs[33 + i];
    EXPECT_EQ(r.name, names[i]);
    EXPECT_EQ(r.regnum, 33 + i);
    EXPECT_EQ(r.type, "ieee_single");
    EXPECT_EQ(r.feature, "org.gnu.gdb.riscv.fpu");
  }
  EXPECT_EQ(find(regs, "fflags")->regnum, 66u);
  EXPECT_EQ(find(regs, "frm")->regnum, 67u);
  EXPECT_EQ(find(regs, "fcsr")->regnum, 68u);
  EXPECT_EQ(find(regs, "fcsr")->feature, "org.gnu.gdb.riscv.fpu");
}

TEST(RiscvTargetXml, CsrFeature) {
  const std::vector<CsrDescription> csrs = {{"fflags", 1},      {"frm", 2},      {"fcsr", 3},
                                            {"mstatus", 0x300}, {"mtvt", 0x307}, {"mhartid", 0xf14}};
  auto regs = regsOf(riscvTargetXml(csrs, true));
  ASSERT_EQ(regs.size(), 33u + 35u + 3u);
  int fcsrCount = 0;
  for (const auto& r : regs) fcsrCount += r.name == "fcsr";
  EXPECT_EQ(fcsrCount, 1);  // not repeated in the CSR feature
  for (const char* name : {"mstatus", "mtvt", "mhartid"}) {
    const Reg* r = find(regs, name);
    ASSERT_TRUE(r) << name;
    EXPECT_EQ(r->feature, "org.gnu.gdb.riscv.csr");
    EXPECT_EQ(r->group, "csr");
    EXPECT_EQ(r->type, "int");
  }
  EXPECT_EQ(find(regs, "mstatus")->regnum, 65u + 0x300);
  EXPECT_EQ(find(regs, "mhartid")->regnum, 65u + 0xf14);

  // Without an FPU, the floating-point CSRs given are ordinary CSRs.
  regs = regsOf(riscvTargetXml(csrs, false));
  ASSERT_EQ(regs.size(), 33u + 6u);
  EXPECT_EQ(find(regs, "fcsr")->feature, "org.gnu.gdb.riscv.csr");
  EXPECT_EQ(find(regs, "fcsr")->regnum, 68u);
}

TEST(RiscvTargetXml, CsrNamesAreEscapedAndBadNumbersDropped) {
  const auto xml = riscvTargetXml({{"a<b&\"c", 0x7c0}, {"toobig", 0x1000}}, false);
  EXPECT_NE(xml.find("name=\"a&lt;b&amp;&quot;c\""), std::string::npos);
  EXPECT_EQ(xml.find("toobig"), std::string::npos);
}

TEST(MemoryMapXml, Document) {
  const std::string xml = memoryMapXml({{0x0, 0x10000, MemoryRegion::Type::Ram, 0},
                                        {0x10000000, 0x8000, MemoryRegion::Type::Rom, 0},
                                        {0x60000000, 0x200000, MemoryRegion::Type::Flash, 0x1000}});
  EXPECT_EQ(xml,
            "<?xml version=\"1.0\"?>\n"
            "<!DOCTYPE memory-map PUBLIC \"+//IDN gnu.org//DTD GDB Memory Map V1.0//EN\" "
            "\"http://sourceware.org/gdb/gdb-memory-map.dtd\">\n"
            "<memory-map>\n"
            "  <memory type=\"ram\" start=\"0x0\" length=\"0x10000\"/>\n"
            "  <memory type=\"rom\" start=\"0x10000000\" length=\"0x8000\"/>\n"
            "  <memory type=\"flash\" start=\"0x60000000\" length=\"0x200000\">\n"
            "    <property name=\"blocksize\">0x1000</property>\n"
            "  </memory>\n"
            "</memory-map>\n");
  EXPECT_EQ(memoryMapXml({}),
            "<?xml version=\"1.0\"?>\n"
            "<!DOCTYPE memory-map PUBLIC \"+//IDN gnu.org//DTD GDB Memory Map V1.0//EN\" "
            "\"http://sourceware.org/gdb/gdb-memory-map.dtd\">\n"
            "<memory-map>\n</memory-map>\n");
}
