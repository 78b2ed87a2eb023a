// What the core tests see of a core, whichever implementation runs the program: a flat 64 KB RAM
// at 0, an MMIO window at 0x4000_0000 that answers with a configurable latency, a bus error
// everywhere else (and for misaligned register accesses), the interrupt request inputs, and the claims and events the
// core reports. RtlHarness drives the Verilated RTL, IssHarness the fast core (iss::Hart); BothCores.h runs a test on
// each, so that one set of tests holds both to the same architecture and cycle counts.
#pragma once
#include <cstdint>
#include <cstring>
#include <vector>

class CoreHarness {
 public:
  static constexpr uint32_t kRamSize = 64 * 1024;
  static constexpr uint32_t kMmioBase = 0x40000000;
  static constexpr uint32_t kMmioSize = 0x1000;

  struct Event {
    int kind;  // 1 trap, 2 self-loop, 3 wfi
    uint32_t pc, cause, tval;
  };

  CoreHarness() : ram_(kRamSize, 0) {}
  virtual ~CoreHarness() = default;
  CoreHarness(const CoreHarness&) = delete;
  CoreHarness& operator=(const CoreHarness&) = delete;

  void loadBytes(uint32_t addr, const std::vector<uint8_t>& bytes) {
    std::memcpy(&ram_[addr], bytes.data(), bytes.size());
  }
  void load(uint32_t addr, const std::vector<uint32_t>& words) {
    for (uint32_t w : words) {
      std::memcpy(&ram_[addr], &w, 4);
      addr += 4;
    }
  }
  void loadHalf(uint32_t addr, uint16_t h) { std::memcpy(&ram_[addr], &h, 2); }
  uint32_t word(uint32_t addr) const {
    uint32_t v;
    std::memcpy(&v, &ram_[addr], 4);
    return v;
  }
  const std::vector<uint8_t>& ram() const { return ram_; }

  // The smallest step of the implementation: one clock edge of the RTL (or 1 + skipped idle
  // cycles), one instruction (or trap entry, or slept cycle) of the fast core. Returns the cycles
  // it stood for.
  virtual uint64_t step() = 0;
  virtual bool sleeping() const = 0;
  // The pc of the next instruction.
  virtual uint32_t pc() = 0;
  // Registers and CSRs, read without a cycle passing.
  virtual uint32_t x(unsigned i) = 0;
  virtual uint32_t f(unsigned i) = 0;
  virtual uint32_t csr(unsigned number) = 0;
  // Core cycles since reset, as the SystemC wrapper counts them.
  uint64_t cycles() const { return cycles_; }

  // Runs until the core jumps to itself, sleeps or `maxCycles` pass; returns true on self-loop/wfi.
  bool run(uint64_t maxCycles = 100000) {
    const uint64_t end = cycles_ + maxCycles;
    while (cycles_ < end) {
      const size_t before = events.size();
      step();
      for (size_t i = before; i < events.size(); ++i)
        if (events[i].kind == 2 || events[i].kind == 3) return true;
    }
    return false;
  }
  // Steps until at least `n` cycles have passed (the fast core ends at an instruction boundary).
  void runCycles(uint64_t n) {
    const uint64_t end = cycles_ + n;
    while (cycles_ < end) step();
  }

  std::vector<Event> events;
  bool irqPending = false;  // wakes wfi (an interrupt request with level 0 is never taken)
  bool irqValid = false;
  uint8_t irqId = 0, irqLevel = 0;
  bool irqShv = false;
  std::vector<unsigned> claims;
  uint32_t mmioLatency = 0;
  uint32_t mmioReadValue = 0x5A5A0000;
  std::vector<uint32_t> mmioWrites;

 protected:
  // The bus: RAM, the MMIO window (not for fetches), a bus error elsewhere.
  bool access(uint32_t addr, unsigned len, bool write, uint32_t& value, uint32_t& wait, bool fetch) {
    if (addr < kRamSize && addr + len <= kRamSize) {
      if (write) std::memcpy(&ram_[addr], &value, len);
      else {
        value = 0;
        std::memcpy(&value, &ram_[addr], len);
      }
      return true;
    }
    if (!fetch && addr >= kMmioBase && addr < kMmioBase + kMmioSize) {
      // Misaligned register accesses are refused, as the board's bus does (no device expects
      // them); a register answers with, and takes, the `len` bytes of the access.
      if (addr & (len - 1)) return false;
      const uint32_t mask = len < 4 ? (1u << (8 * len)) - 1 : ~0u;
      wait += mmioLatency;
      if (write) mmioWrites.push_back(value & mask);
      else value = (mmioReadValue + (addr - kMmioBase)) & mask;
      return true;
    }
    return false;
  }
  bool irqRequested() const { return irqPending || irqValid; }

  std::vector<uint8_t> ram_;
  uint64_t cycles_ = 0;
};
