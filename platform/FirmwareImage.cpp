#include "FirmwareImage.h"

#include <fcntl.h>
#include <gelf.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <memory>
#include <system_error>
#include <unordered_map>

#include "common/Hex.h"
#include "common/InputFile.h"

namespace wtm {
namespace {

constexpr uint64_t k4GiB = uint64_t{1} << 32;
constexpr size_t kElf32PhdrSize = sizeof(Elf32_Phdr);

std::string mibText(uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

std::string machineName(unsigned machine) {
  switch (machine) {
    case EM_386: return "Intel 80386";
    case EM_ARM: return "ARM";
    case EM_X86_64: return "x86-64";
    case EM_AARCH64: return "AArch64";
    case EM_MIPS: return "MIPS";
    case EM_PPC: return "PowerPC";
    case EM_XTENSA: return "Xtensa";
    default: return "unknown";
  }
}

std::string typeName(unsigned type) {
  switch (type) {
    case ET_NONE: return "ET_NONE";
    case ET_REL: return "ET_REL";
    case ET_DYN: return "ET_DYN";
    case ET_CORE: return "ET_CORE";
    default: return "type " + std::to_string(type);
  }
}

uint32_t readLe(const std::vector<uint8_t>& file, size_t offset, size_t width) {
  uint32_t value = 0;
  for (size_t i = 0; i < width; ++i) value |= uint32_t{file[offset + i]} << (8 * i);
  return value;
}

// Checks on the raw bytes before libelf sees the file: libelf accepts every class and byte order,
// would read an ELF header past the end of a short buffer, and rejects a section header table
// beyond the end of the file with only "invalid ELF file".
void checkRawElfHeader(const std::string& path, const std::vector<uint8_t>& file) {
  if (file.size() < SELFMAG || std::memcmp(file.data(), ELFMAG, SELFMAG) != 0) {
    throw InputError(path, "not an ELF file");
  }
  if (file.size() < EI_NIDENT) {
    throw InputError(path, "truncated: ELF identification needs " + std::to_string(EI_NIDENT) + " bytes, file has " +
                               std::to_string(file.size()));
  }
  const unsigned elfClass = file[EI_CLASS];
  if (elfClass == ELFCLASS64) throw InputError(path, "ELF64 file, expected ELF32 (RISC-V RV32)");
  if (elfClass != ELFCLASS32) {
    throw InputError(path, "invalid ELF class " + std::to_string(elfClass) + ", expected ELF32 (RISC-V RV32)");
  }
  const unsigned encoding = file[EI_DATA];
  if (encoding == ELFDATA2MSB) throw InputError(path, "big-endian ELF, expected little-endian");
  if (encoding != ELFDATA2LSB) {
    throw InputError(path, "invalid ELF data encoding " + std::to_string(encoding) + ", expected little-endian");
  }
  const unsigned version = file[EI_VERSION];
  if (version != EV_CURRENT) {
    throw InputError(path, "unsupported ELF identification version " + std::to_string(version) + ", expected 1");
  }
  if (file.size() < sizeof(Elf32_Ehdr)) {
    throw InputError(path, "truncated: ELF header needs " + std::to_string(sizeof(Elf32_Ehdr)) + " bytes, file has " +
                               std::to_string(file.size()));
  }
  const uint64_t shoff = readLe(file, offsetof(Elf32_Ehdr, e_shoff), 4);
  const uint32_t shentsize = readLe(file, offsetof(Elf32_Ehdr, e_shentsize), 2);
  const uint32_t shnum = readLe(file, offsetof(Elf32_Ehdr, e_shnum), 2);
  if (shoff == 0) return;  // no section headers: a loadable, fully stripped file
  if (shentsize != sizeof(Elf32_Shdr)) {
    throw InputError(path, "section header size is " + std::to_string(shentsize) + " bytes, expected " +
                               std::to_string(sizeof(Elf32_Shdr)));
  }
  // e_shnum == 0 means the count is in section header 0, which must be there at least.
  const uint64_t tableEnd = shoff + std::max<uint64_t>(shnum, 1) * sizeof(Elf32_Shdr);
  if (tableEnd > file.size()) {
    throw InputError(path, "truncated: section header table ends at byte " + std::to_string(tableEnd) +
                               " beyond file size " + std::to_string(file.size()));
  }
}

struct ElfCloser {
  void operator()(Elf* elf) const { elf_end(elf); }
};
using ElfHandle = std::unique_ptr<Elf, ElfCloser>;

std::string libelfError() { return std::string("libelf: ") + elf_errmsg(-1); }

ElfHandle openElf(const std::string& path, std::vector<uint8_t>& file) {
  static const bool libelfReady = elf_version(EV_CURRENT) != EV_NONE;  // once, thread-safe
  if (!libelfReady) throw InputError(path, "libelf is older than the ELF version this loader needs");
  // libelf only reads this buffer (the file is not opened for update), `file` outlives the handle.
  ElfHandle elf(elf_memory(reinterpret_cast<char*>(file.data()), file.size()));
  if (!elf || elf_kind(elf.get()) != ELF_K_ELF) throw InputError(path, "not a valid ELF file: " + libelfError());
  return elf;
}

GElf_Ehdr checkElfHeader(const std::string& path, Elf* elf) {
  GElf_Ehdr ehdr;
  if (!gelf_getehdr(elf, &ehdr)) throw InputError(path, "cannot read the ELF header: " + libelfError());
  if (ehdr.e_machine != EM_RISCV) {
    throw InputError(path, "machine is " + machineName(ehdr.e_machine) + " (" + std::to_string(ehdr.e_machine) +
                               "), expected RISC-V (" + std::to_string(EM_RISCV) + ")");
  }
  if (ehdr.e_type != ET_EXEC) throw InputError(path, "not an executable (" + typeName(ehdr.e_type) + ")");
  if (ehdr.e_version != EV_CURRENT) {
    throw InputError(path, "unsupported ELF version " + std::to_string(ehdr.e_version) + ", expected 1");
  }
  return ehdr;
}

// The number of program headers, checked to lie inside the file. libelf's own elf_getphdrnum()
// silently clamps the count to what fits, which would hide a truncated file.
size_t checkedProgramHeaderCount(const std::string& path, Elf* elf, const GElf_Ehdr& ehdr, uint64_t fileSize) {
  uint64_t count = ehdr.e_phnum;
  if (count == PN_XNUM) {  // extended numbering: the real count is in section header 0
    GElf_Shdr shdr0;
    Elf_Scn* scn0 = elf_getscn(elf, 0);
    if (!scn0 || !gelf_getshdr(scn0, &shdr0)) {
      throw InputError(path, "program header count is in section header 0, which cannot be read: " + libelfError());
    }
    count = shdr0.sh_info;
  }
  if (count == 0) return 0;
  if (ehdr.e_phentsize != kElf32PhdrSize) {
    throw InputError(path, "program header size is " + std::to_string(ehdr.e_phentsize) + " bytes, expected " +
                               std::to_string(kElf32PhdrSize));
  }
  const uint64_t tableEnd = ehdr.e_phoff + count * kElf32PhdrSize;  // < 2^37, no overflow
  if (tableEnd > fileSize) {
    // The first header that does not fit (headers before it are whole).
    const uint64_t whole = ehdr.e_phoff >= fileSize ? 0 : (fileSize - ehdr.e_phoff) / kElf32PhdrSize;
    const uint64_t end = ehdr.e_phoff + (whole + 1) * kElf32PhdrSize;
    throw InputError(path, "truncated: program header " + std::to_string(whole) + " ends at byte " +
                               std::to_string(end) + " beyond file size " + std::to_string(fileSize));
  }
  return static_cast<size_t>(count);
}

// The bytes a PT_LOAD segment places at its LMA, or nothing. `index` is the program header index
// (as readelf numbers segments).
std::optional<LoadSegment> loadSegment(const std::string& path, const std::vector<uint8_t>& file, const GElf_Phdr& ph,
                                       size_t index) {
  const std::string name = "segment " + std::to_string(index);
  if (ph.p_filesz > ph.p_memsz) {
    throw InputError(path, name + ": file size " + std::to_string(ph.p_filesz) + " exceeds memory size " +
                               std::to_string(ph.p_memsz));
  }
  // ELF32 fields are 32-bit, so these 64-bit sums cannot overflow.
  const uint64_t dataEnd = ph.p_offset + ph.p_filesz;
  if (dataEnd > file.size()) {
    throw InputError(path, "truncated: " + name + " data ends at byte " + std::to_string(dataEnd) +
                               " beyond file size " + std::to_string(file.size()));
  }
  if (ph.p_vaddr + ph.p_memsz > k4GiB) {
    throw InputError(path, name + " at virtual address " + hex32(ph.p_vaddr) + " with " + std::to_string(ph.p_memsz) +
                               " bytes wraps past 4 GiB");
  }
  // A .bss at its run address is zeroed by the loader; at a different LMA the tail is either a
  // copied load image's run-time part or a NOLOAD area, both the startup code's business.
  const uint64_t writeSize = ph.p_paddr == ph.p_vaddr ? ph.p_memsz : ph.p_filesz;
  if (ph.p_paddr + writeSize > k4GiB) {
    throw InputError(
        path, name + " at " + hex32(ph.p_paddr) + " with " + std::to_string(writeSize) + " bytes wraps past 4 GiB");
  }
  if (writeSize == 0) return std::nullopt;
  if (writeSize > kMaxImageLoadBytes) {
    throw InputError(path, name + " places " + std::to_string(writeSize) + " bytes, more than the loader limit of " +
                               mibText(kMaxImageLoadBytes));
  }
  LoadSegment segment{static_cast<uint32_t>(ph.p_paddr), {}};
  segment.bytes.reserve(static_cast<size_t>(writeSize));
  segment.bytes.assign(file.begin() + static_cast<std::ptrdiff_t>(ph.p_offset),
                       file.begin() + static_cast<std::ptrdiff_t>(dataEnd));
  segment.bytes.resize(static_cast<size_t>(writeSize), 0);
  return segment;
}

void readSegments(const std::string& path, Elf* elf, const std::vector<uint8_t>& file, size_t phnum,
                  FirmwareImage& image) {
  size_t loadCount = 0;
  uint64_t total = 0;
  for (size_t i = 0; i < phnum; ++i) {
    GElf_Phdr ph;
    if (!gelf_getphdr(elf, static_cast<int>(i), &ph)) {
      throw InputError(path, "cannot read program header " + std::to_string(i) + ": " + libelfError());
    }
    if (ph.p_type != PT_LOAD) continue;
    ++loadCount;
    std::optional<LoadSegment> segment = loadSegment(path, file, ph, i);
    if (!segment) continue;
    total += segment->bytes.size();
    if (total > kMaxImageLoadBytes) {
      throw InputError(path, "segments place " + std::to_string(total) + " bytes, more than the loader limit of " +
                                 mibText(kMaxImageLoadBytes));
    }
    image.segments.push_back(std::move(*segment));
  }
  if (loadCount == 0) throw InputError(path, "no loadable segments");
  if (image.segments.empty()) throw InputError(path, "no loadable segments (every PT_LOAD segment is empty)");
}

// Calls visit(sym, index, stringTableSection) for every entry after the reserved null symbol of
// every SHT_SYMTAB section.
template <typename Visit>
void forEachSymbol(const std::string& path, Elf* elf, Visit&& visit) {
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    GElf_Shdr shdr;
    if (!gelf_getshdr(scn, &shdr)) throw InputError(path, "cannot read a section header: " + libelfError());
    if (shdr.sh_type != SHT_SYMTAB) continue;
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (!data) throw InputError(path, "cannot read the symbol table: " + libelfError());
    const size_t count = data->d_size / sizeof(Elf32_Sym);  // the class is checked: ELF32
    for (size_t k = 1; k < count; ++k) {
      GElf_Sym sym;
      if (!gelf_getsym(data, static_cast<int>(k), &sym)) {
        throw InputError(path, "cannot read symbol " + std::to_string(k) + ": " + libelfError());
      }
      visit(sym, k, shdr.sh_link);
    }
  }
}

const char* symbolName(const std::string& path, Elf* elf, size_t stringTable, const GElf_Sym& sym, size_t index) {
  const char* name = elf_strptr(elf, stringTable, sym.st_name);
  if (!name) throw InputError(path, "bad name of symbol " + std::to_string(index) + ": " + libelfError());
  return name;
}

// RISC-V mapping symbols ("$x", "$xrv32i2p1...", "$d") mark code/data switches and name nothing.
bool isMappingSymbol(const char* name) { return name[0] == '$'; }

bool isAddressSymbol(const GElf_Sym& sym) {
  const unsigned type = GELF_ST_TYPE(sym.st_info);
  if (type != STT_FUNC && type != STT_OBJECT && type != STT_NOTYPE) return false;
  // SHN_COMMON values are alignments, not addresses (and do not occur in a linked executable).
  return sym.st_name != 0 && sym.st_shndx != SHN_UNDEF && sym.st_shndx != SHN_COMMON;
}

// Defined symbols of the .symtab. A global or weak symbol wins over a local one of the same name
// (two files' `static int count`), otherwise the first one wins. Mapping symbols are left out.
void readSymbols(const std::string& path, Elf* elf, FirmwareImage& image) {
  std::map<std::string, bool> fromLocal;
  forEachSymbol(path, elf, [&](const GElf_Sym& sym, size_t index, size_t stringTable) {
    if (!isAddressSymbol(sym)) return;
    const char* name = symbolName(path, elf, stringTable, sym, index);
    if (name[0] == '\0' || isMappingSymbol(name)) return;
    const bool local = GELF_ST_BIND(sym.st_info) == STB_LOCAL;
    auto [it, inserted] = fromLocal.emplace(name, local);
    if (inserted || (it->second && !local)) {
      image.symbols[name] = static_cast<uint32_t>(sym.st_value);
      it->second = local;
    }
  });
}

// What the function reader needs of a section.
struct SectionSpan {
  uint64_t end;  // sh_addr + sh_size
  bool allocated;
  bool executable;
};

std::unordered_map<size_t, SectionSpan> readSectionSpans(const std::string& path, Elf* elf) {
  std::unordered_map<size_t, SectionSpan> spans;
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    GElf_Shdr shdr;
    if (!gelf_getshdr(scn, &shdr)) throw InputError(path, "cannot read a section header: " + libelfError());
    spans[elf_ndxscn(scn)] = SectionSpan{shdr.sh_addr + shdr.sh_size, (shdr.sh_flags & SHF_ALLOC) != 0,
                                         (shdr.sh_flags & SHF_EXECINSTR) != 0};
  }
  return spans;
}

// A code symbol before aliases are merged and sizes filled in.
struct FunctionCandidate {
  std::string name;
  uint64_t address;
  uint64_t size;
  uint64_t limit;  // where a size-0 symbol ends at the latest: its section's end; 0 if absolute
  bool isFunc;
  unsigned bind;
};

// Order of preference among aliases: a FUNC over a label, a sized symbol, global over weak over
// local, then the plainest name (fewest leading '_', shortest, alphabetical).
bool preferredAlias(const FunctionCandidate& a, const FunctionCandidate& b) {
  auto bindRank = [](unsigned bind) { return bind == STB_GLOBAL ? 0 : bind == STB_WEAK ? 1 : 2; };
  auto underscores = [](const std::string& name) { return name.find_first_not_of('_'); };
  if (a.isFunc != b.isFunc) return a.isFunc;
  if ((a.size != 0) != (b.size != 0)) return a.size != 0;
  if (bindRank(a.bind) != bindRank(b.bind)) return bindRank(a.bind) < bindRank(b.bind);
  if (underscores(a.name) != underscores(b.name)) return underscores(a.name) < underscores(b.name);
  if (a.name.size() != b.name.size()) return a.name.size() < b.name.size();
  return a.name < b.name;
}

// STT_FUNC symbols (in an allocated section or absolute) and STT_NOTYPE labels of allocated
// executable sections, without local labels and mapping symbols. Symbols naming a section the
// file does not have (or a reserved index such as SHN_XINDEX) are left out rather than rejected:
// the profile is a bonus, the load must not fail for it.
std::optional<FunctionCandidate> functionCandidate(const GElf_Sym& sym, const char* name,
                                                   const std::unordered_map<size_t, SectionSpan>& sections) {
  const unsigned type = GELF_ST_TYPE(sym.st_info);
  if (type != STT_FUNC && type != STT_NOTYPE) return std::nullopt;
  if (name[0] == '\0' || isMappingSymbol(name) || std::strncmp(name, ".L", 2) == 0) return std::nullopt;
  uint64_t limit = 0;
  if (sym.st_shndx != SHN_ABS || type != STT_FUNC) {
    if (sym.st_shndx == SHN_UNDEF || sym.st_shndx >= SHN_LORESERVE) return std::nullopt;
    auto section = sections.find(sym.st_shndx);
    if (section == sections.end() || !section->second.allocated) return std::nullopt;
    if (type == STT_NOTYPE && !section->second.executable) return std::nullopt;
    limit = std::min(section->second.end, k4GiB);
  }
  const uint64_t address = sym.st_value;  // ELF32: below 4 GiB
  const uint64_t size = std::min<uint64_t>(sym.st_size, k4GiB - address);
  return FunctionCandidate{name,  address,          size,
                           limit, type == STT_FUNC, static_cast<unsigned>(GELF_ST_BIND(sym.st_info))};
}

void readFunctionSymbols(const std::string& path, Elf* elf, FirmwareImage& image) {
  const std::unordered_map<size_t, SectionSpan> sections = readSectionSpans(path, elf);
  std::vector<FunctionCandidate> candidates;
  forEachSymbol(path, elf, [&](const GElf_Sym& sym, size_t index, size_t stringTable) {
    const unsigned type = GELF_ST_TYPE(sym.st_info);
    if ((type != STT_FUNC && type != STT_NOTYPE) || sym.st_name == 0) return;
    std::optional<FunctionCandidate> candidate =
        functionCandidate(sym, symbolName(path, elf, stringTable, sym, index), sections);
    if (candidate) candidates.push_back(std::move(*candidate));
  });
  std::sort(candidates.begin(), candidates.end(), [](const FunctionCandidate& a, const FunctionCandidate& b) {
    return a.address != b.address ? a.address < b.address : preferredAlias(a, b);
  });

  // The first of each address group is the preferred alias; a size-0 one takes an alias's size.
  std::vector<FunctionCandidate> unique;
  for (FunctionCandidate& candidate : candidates) {
    if (!unique.empty() && unique.back().address == candidate.address) {
      if (unique.back().size == 0) unique.back().size = candidate.size;
      continue;
    }
    unique.push_back(std::move(candidate));
  }
  for (size_t i = 0; i < unique.size(); ++i) {
    FunctionCandidate& f = unique[i];
    if (f.size == 0) {
      uint64_t end = f.limit;
      if (i + 1 < unique.size() && (end == 0 || unique[i + 1].address < end)) end = unique[i + 1].address;
      // Left out: a label at or past its section's end, an absolute one with nothing after it.
      if (end <= f.address) continue;
      f.size = std::min<uint64_t>(end - f.address, UINT32_MAX);  // a section ending at 4 GiB
    }
    image.functions.push_back(
        FunctionSymbol{std::move(f.name), static_cast<uint32_t>(f.address), static_cast<uint32_t>(f.size)});
  }
}

std::optional<uint32_t> parseAddress(const std::string& text) {
  unsigned base = 10;
  size_t pos = 0;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    pos = 2;
  }
  if (pos == text.size()) return std::nullopt;
  uint64_t value = 0;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    unsigned digit;
    if (c >= '0' && c <= '9') {
      digit = static_cast<unsigned>(c - '0');
    } else if (base == 16 && c >= 'a' && c <= 'f') {
      digit = static_cast<unsigned>(c - 'a' + 10);
    } else if (base == 16 && c >= 'A' && c <= 'F') {
      digit = static_cast<unsigned>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
    value = value * base + digit;
    if (value >= k4GiB) return std::nullopt;
  }
  return static_cast<uint32_t>(value);
}

}  // namespace

std::optional<uint32_t> FirmwareImage::symbol(const std::string& name) const {
  auto it = symbols.find(name);
  if (it == symbols.end()) return std::nullopt;
  return it->second;
}

uint64_t FirmwareImage::totalBytes() const {
  uint64_t total = 0;
  for (const LoadSegment& segment : segments) total += segment.bytes.size();
  return total;
}

FirmwareImage loadElfImage(const std::string& path) {
  return parseElfImage(readRegularFile(path, kMaxImageFileBytes), path);
}

FirmwareImage parseElfImage(std::vector<uint8_t> file, const std::string& path) {
  checkRawElfHeader(path, file);
  ElfHandle elf = openElf(path, file);
  const GElf_Ehdr ehdr = checkElfHeader(path, elf.get());
  const size_t phnum = checkedProgramHeaderCount(path, elf.get(), ehdr, file.size());

  FirmwareImage image;
  image.source = path;
  image.entry = static_cast<uint32_t>(ehdr.e_entry);
  readSegments(path, elf.get(), file, phnum, image);
  readSymbols(path, elf.get(), image);
  readFunctionSymbols(path, elf.get(), image);
  return image;
}

FirmwareImage loadFlatImage(const std::string& path, uint32_t address) {
  std::vector<uint8_t> bytes = readRegularFile(path, kMaxImageLoadBytes);
  if (address + static_cast<uint64_t>(bytes.size()) > k4GiB) {
    throw InputError(path + "@" + hex32(address),
                     "image of " + std::to_string(bytes.size()) + " bytes does not fit below 4 GiB");
  }
  FirmwareImage image;
  image.source = path;
  image.entry = address;
  image.segments.push_back(LoadSegment{address, std::move(bytes)});
  return image;
}

std::pair<std::string, uint32_t> parseImageSpec(const std::string& spec) {
  const size_t at = spec.rfind('@');
  // An '@' followed later by a '/' is part of a directory name, not the address separator.
  if (at == std::string::npos || spec.find('/', at) != std::string::npos) {
    if (spec.empty()) throw InputError("image spec ''", "missing file name");
    return {spec, 0};
  }
  const std::string file = spec.substr(0, at);
  const std::string addressText = spec.substr(at + 1);
  if (file.empty()) throw InputError(spec, "missing file name before '@'");
  const std::optional<uint32_t> address = parseAddress(addressText);
  if (!address) {
    throw InputError(spec, "bad load address '" + addressText + "', expected decimal or 0x-hex below 4 GiB");
  }
  return {file, *address};
}

}  // namespace wtm
