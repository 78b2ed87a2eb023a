// Firmware images as the board loads them before reset: the bytes to place in memory, read from
// an ELF executable (placed like a J-Link/gdb `load` would) or from a flat binary. No SystemC here,
// so tools and tests can use it on their own. Every function throws wtm::InputError whose one-line
// message names the file and the cause; malformed files never crash, hang or allocate absurdly.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/InputError.h"

namespace wtm {

// Bytes to place at `address` (the load address, LMA).
struct LoadSegment {
  uint32_t address;
  std::vector<uint8_t> bytes;
};

// The code range [address, address + size) of a function or assembly routine of the firmware.
struct FunctionSymbol {
  std::string name;
  uint32_t address;
  uint32_t size;  // never 0
};

struct FirmwareImage {
  std::string source;                       // file name, for messages
  uint32_t entry = 0;                       // ELF e_entry (informational; the board resets to 0x0)
  std::vector<LoadSegment> segments;        // in file order; where they overlap, the later one wins
  std::map<std::string, uint32_t> symbols;  // defined symbols from .symtab, empty for flat images
  // Code symbols of .symtab for profiles, by ascending address; empty for flat images. STT_FUNC
  // symbols and the STT_NOTYPE labels of executable sections (assembly routines such as _start or
  // a trap entry), without local labels (.L*) and mapping symbols ($x, $d). One per address: of
  // aliases (vfprintf/__d_vfprintf) a FUNC, sized, global, plainer name wins. A symbol of size 0
  // extends to the next one or to the end of its section.
  std::vector<FunctionSymbol> functions;

  std::optional<uint32_t> symbol(const std::string& name) const;
  // Sum of the segments' sizes.
  uint64_t totalBytes() const;
};

// Largest file the loader reads, and most bytes one image may place in memory (the board's
// largest region, the XIP flash window, is 64 MiB). They turn e.g. a 4 GiB .bss of a corrupt ELF
// into an error instead of an allocation.
constexpr uint64_t kMaxImageFileBytes = uint64_t{1} << 30;
constexpr uint64_t kMaxImageLoadBytes = uint64_t{256} << 20;

// An ELF32 little-endian RISC-V executable. Every PT_LOAD segment goes to its physical address
// (p_paddr, the LMA) with its p_filesz bytes from the file; the p_memsz - p_filesz tail is
// zero-filled only when p_paddr == p_vaddr (a .bss at its run address). When they differ the
// segment is a load image the startup code copies (.data from ILM to DLM) or a NOLOAD area, and
// the tail is left alone. Segments with nothing to write are dropped.
FirmwareImage loadElfImage(const std::string& path);
// The same from the file's bytes (`path` names them in messages); for tests and fuzzing.
FirmwareImage parseElfImage(std::vector<uint8_t> file, const std::string& path);

// The whole file, placed at `address` (also reported as `entry`).
FirmwareImage loadFlatImage(const std::string& path, uint32_t address);

// Splits "FILE[@ADDR]" as given to --image; ADDR is decimal or 0x-hex (no octal: "010" is 10),
// default 0. The text after the LAST '@' is the address unless it contains a '/', in which case
// that '@' belongs to a directory name and the whole spec is the file ("dir@x/a.bin" -> file
// "dir@x/a.bin", address 0). A file whose own name contains '@' is given with an explicit
// address: "fw@v2.bin@0". Throws InputError on an empty FILE or a bad ADDR ("a.bin@zz", "a.bin@").
std::pair<std::string, uint32_t> parseImageSpec(const std::string& spec);

}  // namespace wtm
