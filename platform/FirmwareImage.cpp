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
    throw InputError(path, "truncated: ELF identification needs " + std::to_string(EI_NIDENT) +
                               " bytes, file has " + std::to_string(file.size()));
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
    throw InputError(path, "truncated: ELF header needs " + std::to_string(sizeof(Elf32_Ehdr)) +
                               " bytes, file has " + std::to_string(file.size()));
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
std::optional<LoadSegment> loadSegment(const std::string& path, const std::vector<uint8_t>& file,
                                       const GElf_Phdr& ph, size_t index) {
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
    throw InputError(path, name + " at " + hex32(ph.p_paddr) + " with " + std::to_string(writeSize) +
                               " bytes wraps past 4 GiB");
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

bool isAddressSymbol(const GElf_Sym& sym) {
  const unsigned type = GELF_ST_TYPE(sym.st_info);
  if (type != STT_FUNC && type != STT_OBJECT && type != STT_NOTYPE) return false;
  // SHN_COMMON values are alignments, not addresses (and do not occur in a linked executable).
  return sym.st_name != 0 && sym.st_shndx != SHN_UNDEF && sym.st_shndx != SHN_COMMON;
}

// Defined symbols of the .symtab. A global or weak symbol wins over a local one of the same name
// (two files' `static int count`), otherwise the first one wins. RISC-V mapping symbols ("$x",
// "$d"), one per code/data switch, name no object and are left out.
void readSymbols(const std::string& path, Elf* elf, FirmwareImage& image) {
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    GElf_Shdr shdr;
    if (!gelf_getshdr(scn, &shdr)) throw InputError(path, "cannot read a section header: " + libelfError());
    if (shdr.sh_type != SHT_SYMTAB) continue;
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (!data) throw InputError(path, "cannot read the symbol table: " + libelfError());
    const size_t count = data->d_size / sizeof(Elf32_Sym);  // the class is checked: ELF32
    std::map<std::string, bool> fromLocal;
    for (size_t k = 1; k < count; ++k) {  // entry 0 is the reserved null symbol
      GElf_Sym sym;
      if (!gelf_getsym(data, static_cast<int>(k), &sym)) {
        throw InputError(path, "cannot read symbol " + std::to_string(k) + ": " + libelfError());
      }
      if (!isAddressSymbol(sym)) continue;
      const char* name = elf_strptr(elf, shdr.sh_link, sym.st_name);
      if (!name) throw InputError(path, "bad name of symbol " + std::to_string(k) + ": " + libelfError());
      if (name[0] == '\0' || name[0] == '$') continue;
      const bool local = GELF_ST_BIND(sym.st_info) == STB_LOCAL;
      auto [it, inserted] = fromLocal.emplace(name, local);
      if (inserted || (it->second && !local)) {
        image.symbols[name] = static_cast<uint32_t>(sym.st_value);
        it->second = local;
      }
    }
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
  std::vector<uint8_t> file = readRegularFile(path, kMaxImageFileBytes);
  checkRawElfHeader(path, file);
  ElfHandle elf = openElf(path, file);
  const GElf_Ehdr ehdr = checkElfHeader(path, elf.get());
  const size_t phnum = checkedProgramHeaderCount(path, elf.get(), ehdr, file.size());

  FirmwareImage image;
  image.source = path;
  image.entry = static_cast<uint32_t>(ehdr.e_entry);
  readSegments(path, elf.get(), file, phnum, image);
  readSymbols(path, elf.get(), image);
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
