// A DebugTarget for the stub tests: an RV32 register file with a few CSRs, 64 KiB of RAM at 0 and
// 64 KiB of flash (4 KiB blocks) at kFlashBase; it records what the stub asked of it.
#pragma once
#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "debug/DebugTarget.h"
#include "debug/MemoryMapXml.h"
#include "debug/RiscvTargetDescription.h"

namespace wtm::debug::test {

class FakeTarget : public DebugTarget {
 public:
  static constexpr uint64_t kRamSize = 64 * 1024;
  static constexpr uint64_t kFlashBase = 0x60000000;
  static constexpr uint64_t kFlashSize = 64 * 1024;
  static constexpr uint64_t kFlashBlock = 4096;

  struct BreakpointCall {
    bool insert;
    uint64_t address;
    bool hardware;
  };
  struct WatchpointCall {
    bool insert;
    uint64_t address;
    uint64_t length;
    WatchKind kind;
  };
  struct FlashWrite {
    uint64_t address;
    std::vector<uint8_t> data;
  };

  static std::vector<CsrDescription> csrs() {
    return {{"fflags", 0x001}, {"frm", 0x002},   {"fcsr", 0x003}, {"mstatus", 0x300},  {"misa", 0x301},
            {"mie", 0x304},    {"mtvec", 0x305}, {"mtvt", 0x307}, {"mscratch", 0x340}, {"mepc", 0x341},
            {"mcause", 0x342}, {"mtval", 0x343}, {"mip", 0x344},  {"mcycle", 0xb00},   {"mhartid", 0xf14}};
  }

  FakeTarget() : ram(kRamSize, 0), flash(kFlashSize, 0xff) {
    for (unsigned r = 0; r <= kPcRegnum; ++r) setRegister(r, r == 0 ? 0 : 0x1000 + r);
    for (unsigned f = 0; f < 32; ++f) setRegister(riscvFpRegnum(f), 0x3f800000);  // 1.0f
    for (const auto& csr : csrs()) setRegister(riscvCsrRegnum(csr.number), 0x100 + csr.number);
    setRegister(riscvCsrRegnum(0x301), 0x40001125);  // misa: RV32 IMAFC
    description = riscvTargetXml(csrs(), true);
  }

  void setRegister(unsigned regnum, uint32_t value) {
    registers[regnum] = {uint8_t(value), uint8_t(value >> 8), uint8_t(value >> 16), uint8_t(value >> 24)};
  }
  uint32_t registerValue(unsigned regnum) const {
    const auto& b = registers.at(regnum);
    return uint32_t(b[0]) | uint32_t(b[1]) << 8 | uint32_t(b[2]) << 16 | uint32_t(b[3]) << 24;
  }

  std::optional<std::string> targetDescription(const std::string& annex) override {
    if (annex == "target.xml") return description;
    return std::nullopt;
  }
  std::string memoryMap() override {
    return memoryMapXml(
        {{0, kRamSize, MemoryRegion::Type::Ram, 0}, {kFlashBase, kFlashSize, MemoryRegion::Type::Flash, kFlashBlock}});
  }

  bool readRegister(unsigned regnum, std::vector<uint8_t>& bytes) override {
    auto it = registers.find(regnum);
    if (it == registers.end()) return false;
    bytes = it->second;
    return true;
  }
  bool writeRegister(unsigned regnum, const std::vector<uint8_t>& bytes) override {
    auto it = registers.find(regnum);
    if (it == registers.end() || it->second.size() != bytes.size()) return false;
    if (regnum != 0) it->second = bytes;  // x0 stays zero
    return true;
  }
  std::vector<unsigned> generalRegisters() override {
    std::vector<unsigned> regs;
    for (unsigned r = 0; r <= kPcRegnum; ++r) regs.push_back(r);
    return regs;
  }

  size_t readMemory(uint64_t address, uint8_t* data, size_t length) override {
    if (address < kRamSize) return copyOut(ram, address, data, length);
    if (address >= kFlashBase && address < kFlashBase + kFlashSize)
      return copyOut(flash, address - kFlashBase, data, length);
    return 0;
  }
  size_t writeMemory(uint64_t address, const uint8_t* data, size_t length) override {
    if (address >= kRamSize) return 0;  // flash is written only through the flash calls
    const size_t n = static_cast<size_t>(std::min<uint64_t>(length, kRamSize - address));
    std::memcpy(&ram[address], data, n);
    return n;
  }

  bool eraseFlash(uint64_t address, uint64_t length) override {
    erases.emplace_back(address, length);
    if (!inFlash(address, length) || (address - kFlashBase) % kFlashBlock != 0 || length % kFlashBlock != 0)
      return false;
    std::memset(&flash[address - kFlashBase], 0xff, length);
    return true;
  }
  bool writeFlash(uint64_t address, const uint8_t* data, size_t length) override {
    flashWrites.push_back({address, std::vector<uint8_t>(data, data + length)});
    if (!inFlash(address, length)) return false;
    std::memcpy(&flash[address - kFlashBase], data, length);
    return true;
  }
  void flashDone() override { ++flashDoneCalls; }

  bool setBreakpoint(bool insert, uint64_t address, bool hardware) override {
    breakpointCalls.push_back({insert, address, hardware});
    return !refuse;
  }
  bool setWatchpoint(bool insert, uint64_t address, uint64_t length, WatchKind kind) override {
    watchpointCalls.push_back({insert, address, length, kind});
    return !refuse;
  }

  std::optional<std::string> monitor(const std::string& command) override {
    monitorCommands.push_back(command);
    if (command == "help") return std::string("reset  -- reset the board\nhelp   -- this text\n");
    if (command == "reset") return std::string();
    if (command == "long") return std::string(20000, 'x') + "\n";
    return std::nullopt;
  }

  std::map<unsigned, std::vector<uint8_t>> registers;
  std::vector<uint8_t> ram, flash;
  std::string description;
  bool refuse = false;  // breakpoint and watchpoint calls fail
  std::vector<BreakpointCall> breakpointCalls;
  std::vector<WatchpointCall> watchpointCalls;
  std::vector<std::pair<uint64_t, uint64_t>> erases;
  std::vector<FlashWrite> flashWrites;
  int flashDoneCalls = 0;
  std::vector<std::string> monitorCommands;

 private:
  static size_t copyOut(const std::vector<uint8_t>& from, uint64_t offset, uint8_t* data, size_t length) {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(length, from.size() - offset));
    std::memcpy(data, &from[offset], n);
    return n;
  }
  static bool inFlash(uint64_t address, uint64_t length) {
    return address >= kFlashBase && length <= kFlashSize && address - kFlashBase <= kFlashSize - length;
  }
};

}  // namespace wtm::debug::test
