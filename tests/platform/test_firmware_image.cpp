// Tests of the firmware image loader. The ELF files are written here by a small ELF32 writer, so
// the suite needs no RISC-V cross compiler and can build exactly the malformed files it wants.
#include <elf.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "FirmwareImage.h"

// The writer copies Elf32_* structs byte for byte, which gives a little-endian file only here.
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the test ELF writer assumes a little-endian host");

namespace {

using wtm::FirmwareImage;
using wtm::InputError;

// ---- A small ELF32 writer ---------------------------------------------------------------------

struct SegmentSpec {
  uint32_t type = PT_LOAD;
  uint32_t vaddr = 0;
  uint32_t paddr = 0;
  std::vector<uint8_t> data;  // the p_filesz bytes
  uint32_t memsz = 0;         // 0: data.size()
  uint32_t flags = PF_R | PF_X;
  uint32_t align = 4;
};

struct SymbolSpec {
  std::string name;
  uint32_t value = 0;
  unsigned type = STT_FUNC;
  unsigned bind = STB_GLOBAL;
  uint16_t shndx = 1;  // the .text section
  uint32_t size = 0;
};

// A section without file data (SHT_NOBITS), numbered after the writer's own sections.
struct ExtraSection {
  std::string name;
  uint32_t address = 0;
  uint32_t size = 0;
  uint32_t flags = SHF_ALLOC | SHF_WRITE;
};

struct ElfSpec {
  uint16_t type = ET_EXEC;
  uint16_t machine = EM_RISCV;
  uint32_t entry = 0;
  std::vector<SegmentSpec> segments;
  std::vector<SymbolSpec> symbols;
  bool sectionHeaders = true;  // false: no sections at all (e_shoff 0), as after a full strip
  bool relocations = false;    // adds a .rela.text, as `ld --emit-relocs` does
  bool extendedPhnum = false;  // e_phnum = PN_XNUM, the count in section header 0
  uint32_t dataAlign = 4;      // file alignment of each segment's data
  std::vector<ExtraSection> extraSections;
};

class ByteBuffer {
 public:
  template <typename T>
  size_t put(const T& value) {
    const size_t at = bytes.size();
    bytes.resize(at + sizeof(T));
    std::memcpy(bytes.data() + at, &value, sizeof(T));
    return at;
  }
  size_t put(const std::vector<uint8_t>& data) {
    const size_t at = bytes.size();
    bytes.insert(bytes.end(), data.begin(), data.end());
    return at;
  }
  void align(size_t alignment) {
    while (bytes.size() % alignment != 0) bytes.push_back(0);
  }
  std::vector<uint8_t> bytes;
};

// "\0name1\0name2\0..." with the offset of each added name.
class StringTable {
 public:
  uint32_t add(const std::string& name) {
    if (name.empty()) return 0;
    const auto at = static_cast<uint32_t>(bytes.size());
    bytes.insert(bytes.end(), name.begin(), name.end());
    bytes.push_back(0);
    return at;
  }
  std::vector<uint8_t> bytes{0};
};

template <typename T>
std::vector<uint8_t> asBytes(const std::vector<T>& items) {
  std::vector<uint8_t> out(items.size() * sizeof(T));
  if (!items.empty()) std::memcpy(out.data(), items.data(), out.size());
  return out;
}

enum SectionIndex : uint16_t { kNull, kText, kSymtab, kStrtab, kShstrtab, kRelaText };

// Layout: ELF header | program headers | segment data | .symtab .strtab .shstrtab [.rela.text] |
// section headers.
std::vector<uint8_t> buildElf(const ElfSpec& spec) {
  const size_t phnum = spec.segments.size();
  ByteBuffer file;
  file.bytes.resize(sizeof(Elf32_Ehdr) + phnum * sizeof(Elf32_Phdr));

  std::vector<Elf32_Phdr> phdrs;
  for (const SegmentSpec& segment : spec.segments) {
    file.align(spec.dataAlign);
    Elf32_Phdr ph{};
    ph.p_type = segment.type;
    ph.p_offset = static_cast<Elf32_Off>(file.put(segment.data));
    ph.p_vaddr = segment.vaddr;
    ph.p_paddr = segment.paddr;
    ph.p_filesz = static_cast<Elf32_Word>(segment.data.size());
    ph.p_memsz = segment.memsz != 0 ? segment.memsz : ph.p_filesz;
    ph.p_flags = segment.flags;
    ph.p_align = segment.align;
    phdrs.push_back(ph);
  }
  if (phnum != 0) std::memcpy(file.bytes.data() + sizeof(Elf32_Ehdr), phdrs.data(), phnum * sizeof(Elf32_Phdr));

  Elf32_Ehdr eh{};
  std::memcpy(eh.e_ident, ELFMAG, SELFMAG);
  eh.e_ident[EI_CLASS] = ELFCLASS32;
  eh.e_ident[EI_DATA] = ELFDATA2LSB;
  eh.e_ident[EI_VERSION] = EV_CURRENT;
  eh.e_type = spec.type;
  eh.e_machine = spec.machine;
  eh.e_version = EV_CURRENT;
  eh.e_entry = spec.entry;
  eh.e_phoff = phnum != 0 ? sizeof(Elf32_Ehdr) : 0;
  eh.e_flags = 0x3;  // EF_RISCV_RVC | EF_RISCV_FLOAT_ABI_SINGLE, as rv32imafc/ilp32f
  eh.e_ehsize = sizeof(Elf32_Ehdr);
  eh.e_phentsize = sizeof(Elf32_Phdr);
  eh.e_phnum = spec.extendedPhnum ? PN_XNUM : static_cast<Elf32_Half>(phnum);

  if (spec.sectionHeaders) {
    // Symbols: the null symbol, then locals, then globals (sh_info = index of the first global).
    StringTable strtab;
    std::vector<Elf32_Sym> syms(1, Elf32_Sym{});
    for (bool locals : {true, false}) {
      for (const SymbolSpec& s : spec.symbols) {
        if ((s.bind == STB_LOCAL) != locals) continue;
        Elf32_Sym sym{};
        sym.st_name = strtab.add(s.name);
        sym.st_value = s.value;
        sym.st_info = static_cast<unsigned char>(ELF32_ST_INFO(s.bind, s.type));
        sym.st_shndx = s.shndx;
        sym.st_size = s.size;
        syms.push_back(sym);
      }
    }
    uint32_t firstGlobal = 1;
    for (const SymbolSpec& s : spec.symbols) firstGlobal += s.bind == STB_LOCAL ? 1 : 0;

    StringTable shstrtab;
    const uint32_t names[] = {0,
                              shstrtab.add(".text"),
                              shstrtab.add(".symtab"),
                              shstrtab.add(".strtab"),
                              shstrtab.add(".shstrtab"),
                              shstrtab.add(".rela.text")};
    std::vector<Elf32_Shdr> shdrs(spec.relocations ? 6 : 5, Elf32_Shdr{});
    for (const ExtraSection& extra : spec.extraSections) {
      Elf32_Shdr sh{};
      sh.sh_name = shstrtab.add(extra.name);
      sh.sh_type = SHT_NOBITS;
      sh.sh_flags = extra.flags;
      sh.sh_addr = extra.address;
      sh.sh_size = extra.size;
      sh.sh_addralign = 4;
      shdrs.push_back(sh);
    }
    if (spec.extendedPhnum) shdrs[kNull].sh_info = static_cast<Elf32_Word>(phnum);

    Elf32_Shdr& text = shdrs[kText];
    text.sh_name = names[kText];
    text.sh_type = SHT_PROGBITS;
    text.sh_flags = SHF_ALLOC | SHF_EXECINSTR;
    text.sh_addr = phnum != 0 ? phdrs[0].p_vaddr : 0;
    text.sh_offset = phnum != 0 ? phdrs[0].p_offset : 0;
    text.sh_size = phnum != 0 ? phdrs[0].p_filesz : 0;
    text.sh_addralign = 4;

    auto addTable = [&](SectionIndex index, uint32_t type, const std::vector<uint8_t>& data, uint32_t entsize) {
      file.align(4);
      Elf32_Shdr& sh = shdrs[index];
      sh.sh_name = names[index];
      sh.sh_type = type;
      sh.sh_offset = static_cast<Elf32_Off>(file.put(data));
      sh.sh_size = static_cast<Elf32_Word>(data.size());
      sh.sh_entsize = entsize;
      sh.sh_addralign = entsize != 0 ? 4 : 1;
    };
    addTable(kSymtab, SHT_SYMTAB, asBytes(syms), sizeof(Elf32_Sym));
    shdrs[kSymtab].sh_link = kStrtab;
    shdrs[kSymtab].sh_info = firstGlobal;
    addTable(kStrtab, SHT_STRTAB, strtab.bytes, 0);
    if (spec.relocations) {
      Elf32_Rela rela{};
      rela.r_offset = text.sh_addr;
      rela.r_info = ELF32_R_INFO(1, 1);  // R_RISCV_32 against symbol 1
      addTable(kRelaText, SHT_RELA, asBytes(std::vector<Elf32_Rela>{rela}), sizeof(Elf32_Rela));
      shdrs[kRelaText].sh_link = kSymtab;
      shdrs[kRelaText].sh_info = kText;
      shdrs[kRelaText].sh_flags = SHF_INFO_LINK;
    }
    addTable(kShstrtab, SHT_STRTAB, shstrtab.bytes, 0);

    file.align(4);
    eh.e_shoff = static_cast<Elf32_Off>(file.put(asBytes(shdrs)));
    eh.e_shentsize = sizeof(Elf32_Shdr);
    eh.e_shnum = static_cast<Elf32_Half>(shdrs.size());
    eh.e_shstrndx = kShstrtab;
  }
  std::memcpy(file.bytes.data(), &eh, sizeof eh);
  return file.bytes;
}

template <typename T>
void patch(std::vector<uint8_t>& file, size_t offset, T value) {
  ASSERT_LE(offset + sizeof(T), file.size());
  std::memcpy(file.data() + offset, &value, sizeof(T));
}

// Overwrites a field of program header `index` (the table right after the ELF header).
void patchPhdr(std::vector<uint8_t>& file, size_t index, size_t fieldOffset, uint32_t value) {
  patch(file, sizeof(Elf32_Ehdr) + index * sizeof(Elf32_Phdr) + fieldOffset, value);
}

std::vector<uint8_t> pattern(size_t size, uint8_t seed) {
  std::vector<uint8_t> bytes(size);
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<uint8_t>(seed + i * 7);
  return bytes;
}

// The layout of the project's firmware (sw/bsp/wtm2101.ld): code in ILM from 0x0, .data linked
// in DLM with its load image in ILM after the code, a .bss at its run address, a NOLOAD stack.
ElfSpec typicalFirmware() {
  ElfSpec spec;
  spec.entry = 0x0;
  spec.segments = {
      {PT_LOAD, 0x00000000, 0x00000000, pattern(64, 1), 0, PF_R | PF_X, 0x1000},        // .text
      {PT_LOAD, 0x20000000, 0x00000040, pattern(24, 100), 0x200, PF_R | PF_W, 0x1000},  // .data
      {PT_LOAD, 0x20001000, 0x20001000, pattern(8, 200), 0x40, PF_R | PF_W, 0x1000},    // .bss
      {PT_LOAD, 0x2001e000, 0x00000058, {}, 0x2000, PF_R | PF_W, 0x1000},               // .stack
  };
  spec.symbols = {
      {"crt0.S", 0, STT_FILE, STB_LOCAL, SHN_ABS},
      {"", 0x0, STT_SECTION, STB_LOCAL, 1},
      {"$x", 0x0, STT_NOTYPE, STB_LOCAL, 1},
      {"vector_base", 0x0, STT_NOTYPE, STB_GLOBAL, 1},
      {"main", 0x20, STT_FUNC, STB_GLOBAL, 1},
      {"_SEGGER_RTT", 0x20001010, STT_OBJECT, STB_GLOBAL, 1},
      {"tohost", 0x20000010, STT_OBJECT, STB_GLOBAL, 1},
      {"__stack_top", 0x20020000, STT_NOTYPE, STB_GLOBAL, SHN_ABS},
      {"puts", 0, STT_FUNC, STB_GLOBAL, SHN_UNDEF},
  };
  return spec;
}

// ---- Fixture ----------------------------------------------------------------------------------

class FirmwareImageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string templ = (std::filesystem::temp_directory_path() / "wtm_fw_image_XXXXXX").string();
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    dir_ = templ;
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  std::string write(const std::string& name, const std::vector<uint8_t>& bytes) {
    const std::string path = (dir_ / name).string();
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    EXPECT_TRUE(out.good()) << path;
    return path;
  }
  std::string writeElf(const std::string& name, const ElfSpec& spec) { return write(name, buildElf(spec)); }

  std::filesystem::path dir_;
};

// Runs `load`, expects an InputError with exactly `message`.
void expectInputError(const std::function<void()>& load, const std::string& message) {
  try {
    load();
    ADD_FAILURE() << "no error, expected: " << message;
  } catch (const InputError& e) {
    EXPECT_EQ(e.what(), message);
  }
}

void expectElfError(const std::string& path, const std::string& cause) {
  expectInputError([&] { wtm::loadElfImage(path); }, path + ": " + cause);
}

// ---- Good ELF files ---------------------------------------------------------------------------

TEST_F(FirmwareImageTest, LoadsEachSegmentAtItsLoadAddress) {
  const std::string path = writeElf("fw.elf", typicalFirmware());
  const FirmwareImage image = wtm::loadElfImage(path);

  EXPECT_EQ(image.source, path);
  EXPECT_EQ(image.entry, 0x0u);
  ASSERT_EQ(image.segments.size(), 3u);  // the stack writes nothing and is dropped

  EXPECT_EQ(image.segments[0].address, 0x0u);
  EXPECT_EQ(image.segments[0].bytes, pattern(64, 1));

  // .data: LMA != VMA, so only the file bytes go to the LMA; the startup code copies them and
  // zeroes the rest of the 0x200 bytes at the VMA.
  EXPECT_EQ(image.segments[1].address, 0x40u);
  EXPECT_EQ(image.segments[1].bytes, pattern(24, 100));

  // .bss at its run address (LMA == VMA): file bytes, then zeros up to p_memsz.
  EXPECT_EQ(image.segments[2].address, 0x20001000u);
  std::vector<uint8_t> bss = pattern(8, 200);
  bss.resize(0x40, 0);
  EXPECT_EQ(image.segments[2].bytes, bss);
  EXPECT_EQ(image.totalBytes(), 64u + 24u + 0x40u);
}

TEST_F(FirmwareImageTest, NoloadSegmentAtOtherLoadAddressWritesNothing) {
  ElfSpec spec;
  spec.segments = {
      {PT_LOAD, 0x0, 0x0, pattern(16, 3), 0, PF_R | PF_X, 4},
      {PT_LOAD, 0x2001e000, 0x10, {}, 0x2000, PF_R | PF_W, 16},   // NOLOAD stack: nothing at 0x10
      {PT_LOAD, 0x20000000, 0x20000000, {}, 0, PF_R | PF_W, 16},  // empty segment
  };
  const FirmwareImage image = wtm::loadElfImage(writeElf("stack.elf", spec));
  ASSERT_EQ(image.segments.size(), 1u);
  EXPECT_EQ(image.segments[0].address, 0x0u);
  EXPECT_EQ(image.segments[0].bytes, pattern(16, 3));
}

TEST_F(FirmwareImageTest, BssWithoutFileBytesIsZeroFilled) {
  ElfSpec spec;
  spec.segments = {{PT_LOAD, 0x20000000, 0x20000000, {}, 0x30, PF_R | PF_W, 8}};
  const FirmwareImage image = wtm::loadElfImage(writeElf("bss.elf", spec));
  ASSERT_EQ(image.segments.size(), 1u);
  EXPECT_EQ(image.segments[0].address, 0x20000000u);
  EXPECT_EQ(image.segments[0].bytes, std::vector<uint8_t>(0x30, 0));
}

TEST_F(FirmwareImageTest, ReadsDefinedAddressSymbols) {
  const FirmwareImage image = wtm::loadElfImage(writeElf("fw.elf", typicalFirmware()));
  EXPECT_EQ(image.symbol("_SEGGER_RTT"), 0x20001010u);
  EXPECT_EQ(image.symbol("tohost"), 0x20000010u);
  EXPECT_EQ(image.symbol("main"), 0x20u);
  EXPECT_EQ(image.symbol("vector_base"), 0x0u);         // STT_NOTYPE
  EXPECT_EQ(image.symbol("__stack_top"), 0x20020000u);  // SHN_ABS, from the linker script
  EXPECT_EQ(image.symbol("puts"), std::nullopt);        // undefined
  EXPECT_EQ(image.symbol("crt0.S"), std::nullopt);      // STT_FILE
  EXPECT_EQ(image.symbol("$x"), std::nullopt);          // RISC-V mapping symbol
  EXPECT_EQ(image.symbol("nonexistent"), std::nullopt);
  EXPECT_EQ(image.symbols.size(), 5u);
  EXPECT_EQ(image.symbols.count(""), 0u);  // the section symbol has no name
}

TEST_F(FirmwareImageTest, GlobalSymbolWinsOverLocalOfTheSameName) {
  ElfSpec spec;
  spec.segments = {{PT_LOAD, 0x0, 0x0, pattern(16, 1), 0, PF_R | PF_X, 4}};
  spec.symbols = {
      {"count", 0x100, STT_OBJECT, STB_LOCAL, 1},  {"count", 0x200, STT_OBJECT, STB_LOCAL, 1},
      {"count", 0x300, STT_OBJECT, STB_GLOBAL, 1}, {"helper", 0x400, STT_FUNC, STB_LOCAL, 1},
      {"helper", 0x500, STT_FUNC, STB_LOCAL, 1},   {"init", 0x600, STT_FUNC, STB_WEAK, 1},
  };
  const FirmwareImage image = wtm::loadElfImage(writeElf("dup.elf", spec));
  EXPECT_EQ(image.symbol("count"), 0x300u);
  EXPECT_EQ(image.symbol("helper"), 0x400u);  // locals only: the first one
  EXPECT_EQ(image.symbol("init"), 0x600u);
}

// ---- Function symbols ------------------------------------------------------------------------

// (name, address, size) of each function, which GoogleTest can compare and print.
using FunctionRow = std::tuple<std::string, uint32_t, uint32_t>;
std::vector<FunctionRow> functionRows(const FirmwareImage& image) {
  std::vector<FunctionRow> rows;
  for (const wtm::FunctionSymbol& f : image.functions) rows.emplace_back(f.name, f.address, f.size);
  return rows;
}

TEST_F(FirmwareImageTest, ReadsFunctionSymbolsByAddress) {
  ElfSpec spec;
  spec.segments = {{PT_LOAD, 0x0, 0x0, pattern(0x40, 1), 0, PF_R | PF_X, 4}};  // .text is [0x0, 0x40)
  spec.extraSections = {{".bss", 0x20000000, 0x100, SHF_ALLOC | SHF_WRITE}};   // section 5
  spec.symbols = {
      {"main", 0x20, STT_FUNC, STB_GLOBAL, 1, 16},
      {"_start", 0x0, STT_NOTYPE, STB_GLOBAL, 1},          // assembly routine: up to the next symbol
      {"$xrv32i2p1_c2p0", 0x0, STT_NOTYPE, STB_LOCAL, 1},  // mapping symbols
      {"$d", 0x4, STT_NOTYPE, STB_LOCAL, 1},
      {".L3", 0x8, STT_NOTYPE, STB_LOCAL, 1},  // local label
      {"helper", 0x10, STT_FUNC, STB_LOCAL, 1, 8},
      {"fallthrough", 0x30, STT_FUNC, STB_GLOBAL, 1},  // size 0: up to the end of .text
      {"_etext", 0x40, STT_NOTYPE, STB_GLOBAL, 1},     // at the section's end: no code
      {"tohost", 0x20000010, STT_OBJECT, STB_GLOBAL, 5, 8},
      {"bss_label", 0x20000020, STT_NOTYPE, STB_GLOBAL, 5},          // not executable
      {"rom_memcpy", 0x10000, STT_FUNC, STB_GLOBAL, SHN_ABS, 0x40},  // e.g. from a ROM symbol file
      {"rom_last", 0x10100, STT_FUNC, STB_GLOBAL, SHN_ABS},          // absolute, size 0, nothing after
      {"__stack_size", 0x2000, STT_NOTYPE, STB_GLOBAL, SHN_ABS},
      {"puts", 0, STT_FUNC, STB_GLOBAL, SHN_UNDEF},
      {"in_symtab", 0x8, STT_FUNC, STB_GLOBAL, kSymtab, 4},  // a section that is not loaded
      {"no_such_section", 0x8, STT_FUNC, STB_GLOBAL, 99, 4},
      {"xindex", 0x8, STT_FUNC, STB_GLOBAL, SHN_XINDEX, 4},
  };
  const FirmwareImage image = wtm::loadElfImage(writeElf("functions.elf", spec));
  const std::vector<FunctionRow> expected = {
      {"_start", 0x0, 0x10},       {"helper", 0x10, 8},           {"main", 0x20, 16},
      {"fallthrough", 0x30, 0x10}, {"rom_memcpy", 0x10000, 0x40},
  };
  EXPECT_EQ(functionRows(image), expected);
  // The address symbols are unchanged by the function reader.
  EXPECT_EQ(image.symbol("_etext"), 0x40u);
  EXPECT_EQ(image.symbol("bss_label"), 0x20000020u);
}

TEST_F(FirmwareImageTest, OneFunctionPerAddressPreferringThePlainestAlias) {
  ElfSpec spec;
  spec.segments = {{PT_LOAD, 0x0, 0x0, pattern(0x40, 1), 0, PF_R | PF_X, 4}};
  spec.symbols = {
      {"__d_vfprintf", 0x0, STT_FUNC, STB_GLOBAL, 1, 0x10},
      {"vfprintf", 0x0, STT_FUNC, STB_GLOBAL, 1, 0x10},
      {"vfprintf_label", 0x0, STT_NOTYPE, STB_GLOBAL, 1},
      {"__riscv_save_1", 0x10, STT_FUNC, STB_GLOBAL, 1, 8},
      {"__riscv_save_0", 0x10, STT_FUNC, STB_GLOBAL, 1, 8},
      {"local_name", 0x18, STT_FUNC, STB_LOCAL, 1, 8},
      {"weak_name", 0x18, STT_FUNC, STB_WEAK, 1, 8},
      {"sized_label", 0x20, STT_NOTYPE, STB_GLOBAL, 1, 12},  // lends its size to the FUNC alias
      {"unsized_func", 0x20, STT_FUNC, STB_LOCAL, 1},
  };
  const FirmwareImage image = wtm::loadElfImage(writeElf("aliases.elf", spec));
  const std::vector<FunctionRow> expected = {
      {"vfprintf", 0x0, 0x10},
      {"__riscv_save_0", 0x10, 8},
      {"weak_name", 0x18, 8},
      {"unsized_func", 0x20, 12},
  };
  EXPECT_EQ(functionRows(image), expected);
}

// The project's startup code: 50 weak one-instruction stubs of size 0, each up to the next.
TEST_F(FirmwareImageTest, UnsizedStubsEndAtTheNextSymbol) {
  ElfSpec spec;
  spec.segments = {{PT_LOAD, 0x0, 0x0, pattern(0x20, 1), 0, PF_R | PF_X, 4}};
  for (uint32_t n = 0; n < 4; ++n) {
    spec.symbols.push_back({"irq" + std::to_string(n) + "_handler", 0x10 + 4 * n, STT_FUNC, STB_WEAK, 1});
  }
  const FirmwareImage image = wtm::loadElfImage(writeElf("stubs.elf", spec));
  std::vector<FunctionRow> expected;
  for (uint32_t n = 0; n < 4; ++n) expected.emplace_back("irq" + std::to_string(n) + "_handler", 0x10 + 4 * n, 4);
  EXPECT_EQ(functionRows(image), expected);
}

TEST_F(FirmwareImageTest, FunctionSizesStopAt4GiB) {
  ElfSpec spec;
  spec.segments = {{PT_LOAD, 0x0, 0x0, pattern(0x10, 1), 0, PF_R | PF_X, 4}};
  spec.extraSections = {{".rom", 0xfffff000, 0x1000, SHF_ALLOC | SHF_EXECINSTR}};  // ends at 4 GiB
  spec.symbols = {
      {"huge", 0x0, STT_FUNC, STB_GLOBAL, 1, 0xffffffff},
      {"near_top", 0xffffffe0, STT_FUNC, STB_GLOBAL, 5, 0x100},  // would wrap: cut at 4 GiB
      {"rom_entry", 0xfffff000, STT_NOTYPE, STB_GLOBAL, 5},      // up to the next symbol
      {"top_label", 0xfffffff8, STT_NOTYPE, STB_GLOBAL, 5},      // up to the section's end
  };
  const FirmwareImage image = wtm::loadElfImage(writeElf("top.elf", spec));
  const std::vector<FunctionRow> expected = {{"huge", 0x0, 0xffffffff},
                                             {"rom_entry", 0xfffff000, 0xfe0},
                                             {"near_top", 0xffffffe0, 0x20},
                                             {"top_label", 0xfffffff8, 8}};
  EXPECT_EQ(functionRows(image), expected);
}

TEST_F(FirmwareImageTest, LoadsFileWithoutSectionHeaders) {
  ElfSpec spec = typicalFirmware();
  spec.sectionHeaders = false;
  const FirmwareImage image = wtm::loadElfImage(writeElf("stripped.elf", spec));
  EXPECT_EQ(image.segments.size(), 3u);
  EXPECT_TRUE(image.symbols.empty());
  EXPECT_TRUE(image.functions.empty());
}

// Vendor SDK images are linked with `-X --omagic --relax --emit-relocs`: one RWX segment whose
// data is not page-aligned in the file, 0x40/0x8 alignments, and .rela.* sections.
TEST_F(FirmwareImageTest, LoadsOmagicImageWithEmittedRelocations) {
  ElfSpec spec;
  spec.entry = 0x0;
  spec.dataAlign = 8;
  spec.relocations = true;
  spec.segments = {
      {PT_LOAD, 0x0, 0x0, pattern(0x44, 9), 0x60, PF_R | PF_W | PF_X, 0x40},
      {PT_LOAD, 0x20000000, 0x60, pattern(12, 77), 0x20, PF_R | PF_W | PF_X, 0x8},
  };
  spec.symbols = {{"_start", 0x0, STT_FUNC, STB_GLOBAL, 1}, {"_SEGGER_RTT", 0x20000000, STT_OBJECT, STB_GLOBAL, 1}};
  const std::vector<uint8_t> file = buildElf(spec);
  ASSERT_NE(reinterpret_cast<const Elf32_Phdr*>(file.data() + sizeof(Elf32_Ehdr))->p_offset % 0x1000, 0u);

  const FirmwareImage image = wtm::loadElfImage(write("vendor.elf", file));
  ASSERT_EQ(image.segments.size(), 2u);
  std::vector<uint8_t> first = pattern(0x44, 9);
  first.resize(0x60, 0);  // LMA == VMA: zero-filled tail
  EXPECT_EQ(image.segments[0].bytes, first);
  EXPECT_EQ(image.segments[1].address, 0x60u);
  EXPECT_EQ(image.segments[1].bytes, pattern(12, 77));
  EXPECT_EQ(image.symbol("_SEGGER_RTT"), 0x20000000u);
  EXPECT_EQ(image.symbol("_start"), 0x0u);
}

TEST_F(FirmwareImageTest, LoadsExtendedProgramHeaderCount) {
  ElfSpec spec = typicalFirmware();
  spec.extendedPhnum = true;
  const FirmwareImage image = wtm::loadElfImage(writeElf("xnum.elf", spec));
  EXPECT_EQ(image.segments.size(), 3u);
  EXPECT_EQ(image.segments[1].address, 0x40u);
}

TEST_F(FirmwareImageTest, OtherProgramHeadersAreIgnored) {
  ElfSpec spec;
  spec.segments = {
      {0x70000003, 0x0, 0x0, pattern(8, 1), 0, PF_R, 1},  // PT_RISCV_ATTRIBUTES
      {PT_LOAD, 0x100, 0x100, pattern(8, 2), 0, PF_R | PF_X, 4},
      {PT_GNU_STACK, 0x0, 0x0, {}, 0, PF_R | PF_W, 16},
  };
  const FirmwareImage image = wtm::loadElfImage(writeElf("attr.elf", spec));
  ASSERT_EQ(image.segments.size(), 1u);
  EXPECT_EQ(image.segments[0].address, 0x100u);
  EXPECT_EQ(image.segments[0].bytes, pattern(8, 2));
}

// ---- Rejected files ---------------------------------------------------------------------------

TEST_F(FirmwareImageTest, RejectsNonElfFile) {
  const std::string text = "#!/bin/sh\necho not firmware\n";
  expectElfError(write("script.sh", std::vector<uint8_t>(text.begin(), text.end())), "not an ELF file");
  expectElfError(write("short.bin", {0x7f, 'E'}), "not an ELF file");
}

TEST_F(FirmwareImageTest, RejectsEmptyFile) { expectElfError(write("empty.elf", {}), "empty file"); }

TEST_F(FirmwareImageTest, RejectsMissingFileAndDirectory) {
  expectElfError((dir_ / "missing.elf").string(), "cannot open: No such file or directory");
  expectElfError(dir_.string(), "is a directory");
}

TEST_F(FirmwareImageTest, RejectsFifoWithoutBlocking) {
  const std::string path = (dir_ / "pipe").string();
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
  expectElfError(path, "not a regular file");
}

// Sparse files: the limits are checked before anything is read or allocated.
TEST_F(FirmwareImageTest, RejectsOversizedFilesBeforeReadingThem) {
  const std::string elf = write("huge.elf", buildElf(typicalFirmware()));
  std::filesystem::resize_file(elf, wtm::kMaxImageFileBytes + 1);
  expectElfError(elf,
                 "file of " + std::to_string(wtm::kMaxImageFileBytes + 1) + " bytes exceeds the limit of 1024 MiB");
  const std::string flat = write("huge.bin", {1});
  std::filesystem::resize_file(flat, wtm::kMaxImageLoadBytes + 1);
  expectInputError(
      [&] { wtm::loadFlatImage(flat, 0); },
      flat + ": file of " + std::to_string(wtm::kMaxImageLoadBytes + 1) + " bytes exceeds the limit of 256 MiB");
}

TEST_F(FirmwareImageTest, RejectsElf64) {
  std::vector<uint8_t> file = buildElf(typicalFirmware());
  file[EI_CLASS] = ELFCLASS64;
  expectElfError(write("fw64.elf", file), "ELF64 file, expected ELF32 (RISC-V RV32)");
  file[EI_CLASS] = 7;
  expectElfError(write("fw7.elf", file), "invalid ELF class 7, expected ELF32 (RISC-V RV32)");
}

TEST_F(FirmwareImageTest, RejectsBigEndian) {
  std::vector<uint8_t> file = buildElf(typicalFirmware());
  file[EI_DATA] = ELFDATA2MSB;
  expectElfError(write("be.elf", file), "big-endian ELF, expected little-endian");
}

TEST_F(FirmwareImageTest, RejectsWrongMachine) {
  ElfSpec spec = typicalFirmware();
  spec.machine = EM_X86_64;
  expectElfError(writeElf("x86.elf", spec), "machine is x86-64 (62), expected RISC-V (243)");
  spec.machine = 0x1234;
  expectElfError(writeElf("odd.elf", spec), "machine is unknown (4660), expected RISC-V (243)");
}

TEST_F(FirmwareImageTest, RejectsNonExecutable) {
  ElfSpec spec = typicalFirmware();
  spec.type = ET_REL;
  expectElfError(writeElf("obj.o", spec), "not an executable (ET_REL)");
  spec.type = ET_DYN;
  expectElfError(writeElf("pie.elf", spec), "not an executable (ET_DYN)");
}

TEST_F(FirmwareImageTest, RejectsBadVersions) {
  std::vector<uint8_t> file = buildElf(typicalFirmware());
  file[EI_VERSION] = 2;
  expectElfError(write("identver.elf", file), "unsupported ELF identification version 2, expected 1");
  file = buildElf(typicalFirmware());
  patch<uint32_t>(file, offsetof(Elf32_Ehdr, e_version), 0);
  expectElfError(write("ver.elf", file), "unsupported ELF version 0, expected 1");
}

TEST_F(FirmwareImageTest, RejectsTruncatedHeader) {
  std::vector<uint8_t> file = buildElf(typicalFirmware());
  file.resize(30);
  expectElfError(write("head.elf", file), "truncated: ELF header needs 52 bytes, file has 30");
  file.resize(10);
  expectElfError(write("ident.elf", file), "truncated: ELF identification needs 16 bytes, file has 10");
}

TEST_F(FirmwareImageTest, RejectsProgramHeaderTableBeyondEndOfFile) {
  ElfSpec spec = typicalFirmware();
  spec.sectionHeaders = false;  // so that the section header table is not what runs off the end
  std::vector<uint8_t> file = buildElf(spec);
  const auto size = static_cast<uint32_t>(file.size());
  patch<uint32_t>(file, offsetof(Elf32_Ehdr, e_phoff), size - 40);  // header 0 fits, header 1 does not
  expectElfError(write("phoff.elf", file), "truncated: program header 1 ends at byte " + std::to_string(size + 24) +
                                               " beyond file size " + std::to_string(size));
  patch<uint32_t>(file, offsetof(Elf32_Ehdr, e_phoff), 0xfffffff0);
  expectElfError(write("phoff2.elf", file), "truncated: program header 0 ends at byte " +
                                                std::to_string(0xfffffff0ull + 32) + " beyond file size " +
                                                std::to_string(size));
  patch<uint32_t>(file, offsetof(Elf32_Ehdr, e_phoff), 52);
  patch<uint16_t>(file, offsetof(Elf32_Ehdr, e_phnum), 0xfffe);
  expectElfError(write("phnum.elf", file), "truncated: program header " + std::to_string((size - 52) / 32) +
                                               " ends at byte " + std::to_string(52 + ((size - 52) / 32 + 1) * 32) +
                                               " beyond file size " + std::to_string(size));
}

TEST_F(FirmwareImageTest, RejectsWrongProgramHeaderSize) {
  std::vector<uint8_t> file = buildElf(typicalFirmware());
  patch<uint16_t>(file, offsetof(Elf32_Ehdr, e_phentsize), 56);
  expectElfError(write("phentsize.elf", file), "program header size is 56 bytes, expected 32");
}

TEST_F(FirmwareImageTest, RejectsSectionHeaderTableBeyondEndOfFile) {
  std::vector<uint8_t> file = buildElf(typicalFirmware());
  file.resize(file.size() - 1);
  expectElfError(write("cut.elf", file), "truncated: section header table ends at byte " +
                                             std::to_string(file.size() + 1) + " beyond file size " +
                                             std::to_string(file.size()));
}

TEST_F(FirmwareImageTest, RejectsSegmentDataBeyondEndOfFile) {
  std::vector<uint8_t> file = buildElf(typicalFirmware());
  const auto size = static_cast<uint32_t>(file.size());
  patchPhdr(file, 1, offsetof(Elf32_Phdr, p_offset), size - 10);  // 24 bytes of .data
  expectElfError(write("data.elf", file), "truncated: segment 1 data ends at byte " + std::to_string(size + 14) +
                                              " beyond file size " + std::to_string(size));
  patchPhdr(file, 1, offsetof(Elf32_Phdr, p_offset), 0xffffffff);  // no 32-bit overflow either
  expectElfError(write("data2.elf", file), "truncated: segment 1 data ends at byte " +
                                               std::to_string(0xffffffffull + 24) + " beyond file size " +
                                               std::to_string(size));
}

TEST_F(FirmwareImageTest, RejectsFileSizeAboveMemorySize) {
  std::vector<uint8_t> file = buildElf(typicalFirmware());
  patchPhdr(file, 0, offsetof(Elf32_Phdr, p_memsz), 8);  // 64 bytes in the file
  expectElfError(write("memsz.elf", file), "segment 0: file size 64 exceeds memory size 8");
}

TEST_F(FirmwareImageTest, RejectsSegmentsWrappingPast4GiB) {
  ElfSpec spec;
  spec.segments = {{PT_LOAD, 0xfffffff8, 0xfffffff8, pattern(16, 1), 0, PF_R | PF_X, 4}};
  expectElfError(writeElf("wrap.elf", spec), "segment 0 at virtual address 0xfffffff8 with 16 bytes wraps past 4 GiB");

  spec.segments = {{PT_LOAD, 0x20000000, 0xfffffff8, pattern(16, 1), 0, PF_R | PF_W, 4}};  // the LMA wraps
  expectElfError(writeElf("lmawrap.elf", spec), "segment 0 at 0xfffffff8 with 16 bytes wraps past 4 GiB");

  spec.segments = {{PT_LOAD, 0xfffff000, 0xfffff000, {}, 0x1000, PF_R | PF_W, 4}};  // ends exactly at 4 GiB
  const FirmwareImage top = wtm::loadElfImage(writeElf("top.elf", spec));
  ASSERT_EQ(top.segments.size(), 1u);
  EXPECT_EQ(top.segments[0].bytes.size(), 0x1000u);
}

TEST_F(FirmwareImageTest, RejectsHugeZeroFillWithoutAllocatingIt) {
  ElfSpec spec;
  spec.segments = {{PT_LOAD, 0x0, 0x0, pattern(16, 1), 0xfffffff0, PF_R | PF_W, 4}};
  expectElfError(writeElf("bigbss.elf", spec),
                 "segment 0 places " + std::to_string(0xfffffff0u) + " bytes, more than the loader limit of 256 MiB");
}

TEST_F(FirmwareImageTest, RejectsFileWithoutLoadableSegments) {
  ElfSpec spec;
  spec.segments = {{PT_NOTE, 0x0, 0x0, pattern(8, 1), 0, PF_R, 4}};
  expectElfError(writeElf("note.elf", spec), "no loadable segments");
  spec.segments.clear();
  expectElfError(writeElf("nophdr.elf", spec), "no loadable segments");
  spec.segments = {{PT_LOAD, 0x2001e000, 0x100, {}, 0x2000, PF_R | PF_W, 16}};
  expectElfError(writeElf("allempty.elf", spec), "no loadable segments (every PT_LOAD segment is empty)");
}

TEST_F(FirmwareImageTest, RejectsCorruptSymbolTable) {
  std::vector<uint8_t> file = buildElf(typicalFirmware());
  Elf32_Ehdr eh;
  std::memcpy(&eh, file.data(), sizeof eh);
  const size_t symtabHeader = eh.e_shoff + kSymtab * sizeof(Elf32_Shdr);
  patch<uint32_t>(file, symtabHeader + offsetof(Elf32_Shdr, sh_offset), 0x7fffff00);
  const std::string path = write("symtab.elf", file);
  try {
    wtm::loadElfImage(path);
    ADD_FAILURE() << "a symbol table beyond the end of the file was accepted";
  } catch (const InputError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind(path + ": cannot read the symbol table: libelf: ", 0), 0u) << message;
  }
}

// Every prefix of a good file and many random corruptions of it either load or give a one-line
// InputError naming the file; never another exception, a crash or a hang.
TEST_F(FirmwareImageTest, MalformedFilesNeverCrash) {
  ElfSpec spec = typicalFirmware();
  spec.relocations = true;
  spec.symbols.push_back({"helper", 0x10, STT_FUNC, STB_LOCAL, 1, 8});
  spec.symbols.push_back({"irq_stub", 0x18, STT_FUNC, STB_WEAK, 1});
  spec.symbols.push_back({"trap_entry", 0x30, STT_NOTYPE, STB_GLOBAL, 1});
  const std::vector<uint8_t> good = buildElf(spec);
  const std::string path = (dir_ / "fuzz.elf").string();
  size_t loaded = 0;
  size_t rejected = 0;
  auto tryLoad = [&](const std::vector<uint8_t>& bytes) {
    write("fuzz.elf", bytes);
    try {
      const FirmwareImage image = wtm::loadElfImage(path);
      EXPECT_FALSE(image.segments.empty());
      EXPECT_LE(image.totalBytes(), wtm::kMaxImageLoadBytes);
      for (size_t i = 0; i < image.functions.size(); ++i) {
        const wtm::FunctionSymbol& f = image.functions[i];
        EXPECT_NE(f.size, 0u) << f.name;
        EXPECT_LE(uint64_t{f.address} + f.size, uint64_t{1} << 32) << f.name;
        if (i > 0) {
          EXPECT_LT(image.functions[i - 1].address, f.address) << f.name;
        }
      }
      ++loaded;
    } catch (const InputError& e) {
      const std::string message = e.what();
      EXPECT_EQ(message.find('\n'), std::string::npos) << message;
      EXPECT_EQ(message.rfind(path + ": ", 0), 0u) << message;
      ++rejected;
    }
  };
  for (size_t size = 0; size < good.size(); ++size) {
    tryLoad(std::vector<uint8_t>(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(size)));
  }
  std::mt19937 random(2101);
  std::uniform_int_distribution<size_t> position(0, good.size() - 1);
  std::uniform_int_distribution<int> byteValue(0, 255);
  std::uniform_int_distribution<int> flips(1, 4);
  for (int round = 0; round < 3000; ++round) {
    std::vector<uint8_t> bytes = good;
    // Mostly hit the headers, where a flipped byte matters most.
    for (int k = flips(random); k > 0; --k) {
      const size_t at = round % 2 == 0 ? position(random) % 256 : position(random);
      bytes[at] = static_cast<uint8_t>(byteValue(random));
    }
    tryLoad(bytes);
  }
  EXPECT_GE(rejected, good.size());  // every strict prefix is rejected, at least
  EXPECT_GT(loaded, 0u);             // and some corruptions (e.g. of data bytes) still load
}

// ---- Flat images ------------------------------------------------------------------------------

TEST_F(FirmwareImageTest, LoadsFlatImageAtTheGivenAddress) {
  const std::string path = write("img.bin", pattern(100, 5));
  const FirmwareImage image = wtm::loadFlatImage(path, 0x1000);
  EXPECT_EQ(image.source, path);
  EXPECT_EQ(image.entry, 0x1000u);
  ASSERT_EQ(image.segments.size(), 1u);
  EXPECT_EQ(image.segments[0].address, 0x1000u);
  EXPECT_EQ(image.segments[0].bytes, pattern(100, 5));
  EXPECT_TRUE(image.symbols.empty());
  EXPECT_TRUE(image.functions.empty());
}

TEST_F(FirmwareImageTest, FlatImageMustFitBelow4GiB) {
  const std::string exact = write("exact.bin", pattern(0x10000, 1));
  EXPECT_EQ(wtm::loadFlatImage(exact, 0xffff0000).segments.at(0).bytes.size(), 0x10000u);

  const std::string path = write("img.bin", pattern(0x10001, 1));
  expectInputError([&] { wtm::loadFlatImage(path, 0xffff0000); },
                   path + "@0xffff0000: image of 65537 bytes does not fit below 4 GiB");
}

TEST_F(FirmwareImageTest, RejectsEmptyOrMissingFlatImage) {
  const std::string empty = write("img.bin", {});
  expectInputError([&] { wtm::loadFlatImage(empty, 0); }, empty + ": empty file");
  const std::string missing = (dir_ / "none.bin").string();
  expectInputError([&] { wtm::loadFlatImage(missing, 0); }, missing + ": cannot open: No such file or directory");
}

// ---- parseImageSpec ---------------------------------------------------------------------------

TEST(ParseImageSpec, SplitsFileAndAddress) {
  using Spec = std::pair<std::string, uint32_t>;
  EXPECT_EQ(wtm::parseImageSpec("a.bin"), Spec("a.bin", 0));
  EXPECT_EQ(wtm::parseImageSpec("a.bin@0x1000"), Spec("a.bin", 0x1000));
  EXPECT_EQ(wtm::parseImageSpec("a.bin@0X60000000"), Spec("a.bin", 0x60000000));
  EXPECT_EQ(wtm::parseImageSpec("a.bin@4096"), Spec("a.bin", 4096));
  EXPECT_EQ(wtm::parseImageSpec("a.bin@010"), Spec("a.bin", 10));  // decimal, not octal
  EXPECT_EQ(wtm::parseImageSpec("a.bin@0xffffffff"), Spec("a.bin", 0xffffffff));
  EXPECT_EQ(wtm::parseImageSpec("a.bin@4294967295"), Spec("a.bin", 0xffffffff));
}

TEST(ParseImageSpec, AtSignInDirectoryBelongsToThePath) {
  using Spec = std::pair<std::string, uint32_t>;
  EXPECT_EQ(wtm::parseImageSpec("dir@x/a.bin"), Spec("dir@x/a.bin", 0));
  EXPECT_EQ(wtm::parseImageSpec("/home/u/fw@2/a.bin@0x20"), Spec("/home/u/fw@2/a.bin", 0x20));
  // A file whose own name has an '@' is given with an explicit address: the last '@' splits.
  EXPECT_EQ(wtm::parseImageSpec("fw@v2.bin@0"), Spec("fw@v2.bin", 0));
}

TEST(ParseImageSpec, RejectsBadAddressOrMissingFile) {
  const std::string bad = "', expected decimal or 0x-hex below 4 GiB";
  expectInputError([] { wtm::parseImageSpec("a.bin@zz"); }, "a.bin@zz: bad load address 'zz" + bad);
  expectInputError([] { wtm::parseImageSpec("a.bin@"); }, "a.bin@: bad load address '" + bad);
  expectInputError([] { wtm::parseImageSpec("a.bin@0x"); }, "a.bin@0x: bad load address '0x" + bad);
  expectInputError([] { wtm::parseImageSpec("a.bin@-1"); }, "a.bin@-1: bad load address '-1" + bad);
  expectInputError([] { wtm::parseImageSpec("a.bin@ 16"); }, "a.bin@ 16: bad load address ' 16" + bad);
  expectInputError([] { wtm::parseImageSpec("a.bin@0x100000000"); },
                   "a.bin@0x100000000: bad load address '0x100000000" + bad);
  expectInputError([] { wtm::parseImageSpec("a.bin@4294967296"); },
                   "a.bin@4294967296: bad load address '4294967296" + bad);
  expectInputError([] { wtm::parseImageSpec("fw@v2.bin"); }, "fw@v2.bin: bad load address 'v2.bin" + bad);
  expectInputError([] { wtm::parseImageSpec("@0x10"); }, "@0x10: missing file name before '@'");
  expectInputError([] { wtm::parseImageSpec(""); }, "image spec '': missing file name");
}

}  // namespace
