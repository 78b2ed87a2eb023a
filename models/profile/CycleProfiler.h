// Cycle profile of a firmware run: every core cycle is charged to the call stack of the firmware
// functions at that moment, rebuilt from the stream of retired instructions. Cycles asleep in wfi
// and cycles stalled on MMIO become leaves "[wfi]" and "[mmio UART0]" under the stack they
// happened in. The results: a table per function, folded stacks, an SVG flame graph.
//
// Stack rules (decided from a retired instruction and the pc of the next one retired):
//   call      jal/jalr/c.jal/c.jalr linking in ra or t0, a jalmnxti that jumps: push the callee
//   return    jalr x0 through ra or t0 (c.jr ra): pop; the root and trap frames are never popped
//   trap      entering a trap or interrupt pushes the handler as a trap frame, and keeps the
//             instruction before it pending; mret pops back to below the trap frame (whatever the
//             handler left above it) and then decides that pending instruction with its pc
//   otherwise landing in another function than the top's (tail call, falling through into the
//             next symbol, longjmp) replaces the top
// Code without a symbol is a frame named after where it was entered ("[0x00001234]"; after
// kMaxUnknownFrames of them, "[unknown]"). Stacks deeper than kMaxDepth replace their top.
// Cycles before the first instruction retires go to "[reset]".
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "profile/CallTree.h"
#include "profile/ControlTransfer.h"
#include "profile/FunctionMap.h"
#include "profile/ProfileData.h"

namespace wtm::profile {

class CycleProfiler {
 public:
  static constexpr uint32_t kMaxDepth = 256;
  static constexpr size_t kMaxUnknownFrames = 4096;
  static constexpr size_t kMaxNodes = size_t{1} << 20;

  // `regionName(address)`: the peripheral an MMIO address belongs to ("UART0"), for the stall
  // table; asked once per distinct address (up to 65536 of them are remembered).
  CycleProfiler(std::vector<ProfileFunction> functions, std::function<std::string(uint64_t)> regionName);

  // One call per clock edge of the core, in simulation order: `cycles` core cycles passed on it
  // (1 + fast-forwarded idle cycles); `retired`: an instruction completed on this edge, at `pc`,
  // `insn` its encoding (the low 16 bits only for a compressed instruction, upper half 0);
  // `trapEntry`: the core entered a trap or interrupt on this edge (the next instruction retired
  // is the handler's). The cycles go to the stack as it stood when the last instruction retired.
  void edge(uint64_t cycles, bool retired, uint32_t pc, uint32_t insn, bool trapEntry) {
    if (retired) {
      // Fast path: the last instruction cannot have changed the stack and this one is still
      // in the top frame's function.
      if (!lastPlain_ || static_cast<uint32_t>(pc - rangeStart_) >= rangeSpan_) changeStack(pc);
      lastPc_ = pc;
      lastInsn_ = insn;
      lastPlain_ = transferKind(insn) == TransferKind::Plain;
      ++pendingInstructions_;
    }
    pendingCycles_ += cycles;
    if (trapEntry) {
      trapEntered_ = true;
      lastPlain_ = false;  // the next retirement takes the slow path
    }
  }
  void slept(uint64_t cycles);  // cycles asleep in wfi (not also passed to edge())
  // Of the cycles passed to edge() (before or after this call), `cycles` were the core waiting
  // for the bus on an access to `address` (MMIO latency). They move from the current stack's own
  // cycles to its leaf "[mmio REGION]" when the profile is read, never more than the stack has
  // (the rest is reported as unattributed and stays with the stack).
  void mmioStall(uint64_t address, uint64_t cycles);

  uint64_t totalCycles() const;  // everything passed to edge() and slept()
  // The profile so far (the report writers' input).
  ProfileData data() const;

  void writeTable(std::ostream& out) const;
  void writeFolded(std::ostream& out) const;
  void writeSvg(std::ostream& out, const std::string& title) const;

 private:
  struct TrapRecord {
    uint32_t depth;     // of the trap frame
    uint32_t overflow;  // overflow_ when the trap was taken
    bool hadLast;       // the instruction retired before the trap, decided after its mret
    uint32_t lastPc;
    uint32_t lastInsn;
  };

  void changeStack(uint32_t pc);
  void enterTrap(uint32_t pc);
  void call(uint32_t pc);
  void follow(uint32_t pc);  // a transfer that is neither call nor return
  void replaceTop(uint32_t frame);
  void setTop(uint32_t depth, uint32_t node);
  void flushPending();
  void setRange(uint32_t segment);
  uint32_t protectedDepth() const { return trapCount_ > 0 ? traps_[trapCount_ - 1].depth : 1; }
  uint32_t unknownFrame(uint32_t pc, uint32_t segment);
  // The frame of the code at `pc` (in `segment` of the function map).
  uint32_t frameAt(uint32_t pc, uint32_t segment);
  // Pushes the frame of `pc` as a callee of the top; false when the stack is full.
  bool push(uint32_t pc, uint32_t segment);
  uint32_t mmioFrame(uint64_t address);
  uint32_t addFrame(std::string name, FrameKind kind, uint32_t segment = FunctionMap::kNoFunction);

  FunctionMap functions_;
  std::function<std::string(uint64_t)> regionName_;
  std::vector<ProfileFrame> frames_;    // the functions by index, the 4 own frames, then new ones
  std::vector<uint32_t> frameSegment_;  // Unknown frames: the gap segment they were entered in
  uint32_t resetFrame_, sleepFrame_, unknownCatchAll_, truncatedFrame_;
  std::unordered_map<uint32_t, uint32_t> unknownFrames_;  // entry pc -> frame
  std::unordered_map<uint64_t, uint32_t> mmioFrameOfAddress_;
  std::map<std::string, uint32_t> mmioFrameOfRegion_;
  CallTree tree_;

  std::array<uint32_t, kMaxDepth + 1> stack_{};  // nodes; stack_[0] is the root
  uint32_t depth_ = 1;                           // index of the top
  uint32_t overflow_ = 0;                        // calls past kMaxDepth that replaced the top
  std::array<TrapRecord, kMaxDepth> traps_{};
  uint32_t trapCount_ = 0;

  // The last retired instruction, not yet decided (the next retirement's pc decides it).
  bool hadLast_ = false;
  bool lastPlain_ = false;
  bool trapEntered_ = false;
  uint32_t lastPc_ = 0;
  uint32_t lastInsn_ = 0;
  // Code range of the top frame's current segment: pc - rangeStart_ < rangeSpan_ is inside.
  uint32_t rangeStart_ = 0;
  uint64_t rangeSpan_ = 0;
  // Charged to the top node but not yet added to it (added when the stack changes).
  uint64_t pendingCycles_ = 0;
  uint64_t pendingInstructions_ = 0;
  uint64_t flushedCycles_ = 0;
  uint64_t sleepCycles_ = 0;
};

}  // namespace wtm::profile
