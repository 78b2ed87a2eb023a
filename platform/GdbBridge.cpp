#include "GdbBridge.h"

#include <chrono>
#include <iostream>
#include <stdexcept>

#include "AddressMap.h"
#include "CoreCsrs.h"
#include "ExceptionCause.h"
#include "periph/qspi/SpiNorFlash.h"
#include "common/Hex.h"
#include "common/InputError.h"
#include "debug/MemoryMapXml.h"
#include "debug/RiscvTargetDescription.h"

namespace wtm::platform {

namespace {

std::unique_ptr<debug::RspServer> listenOn(const GdbBridge::Config& config) {
  try {
    return std::make_unique<debug::RspServer>(config.host, config.port);
  } catch (const std::exception& e) {
    throw InputError("--gdb", e.what());
  }
}

// The signal a debugger sees for an exception, as a Linux gdbserver would report it.
debug::GdbSignal signalFor(uint32_t cause) {
  switch (cause) {
    case riscv::kInstructionMisaligned:
    case riscv::kLoadMisaligned:
    case riscv::kStoreMisaligned: return debug::GdbSignal::Bus;
    case riscv::kInstructionAccessFault:
    case riscv::kLoadAccessFault:
    case riscv::kStoreAccessFault: return debug::GdbSignal::Segv;
    case riscv::kIllegalInstruction: return debug::GdbSignal::Ill;
    default: return debug::GdbSignal::Trap;  // ebreak
  }
}

void say(const std::string& text) { std::cerr << "wtm2101-board: " << text << std::endl; }

}  // namespace

GdbBridge::GdbBridge(riscv::RiscvCore& core, const Config& config,
                     std::function<std::optional<std::string>(const std::string&)> monitor,
                     std::function<bool()> abortWaiting)
    : core_(core),
      config_(config),
      server_(listenOn(config)),
      stub_(*server_, *this),
      monitor_(std::move(monitor)),
      abortWaiting_(std::move(abortWaiting)) {
  server_->setAttentionHandler([this](debug::RspServer::Attention a) { onAttention(a); });
  applyTrapHalts(false);
}

GdbBridge::~GdbBridge() { server_->setAttentionHandler(nullptr); }

void GdbBridge::onAttention(debug::RspServer::Attention what) {
  // Server thread. While the core is halted the stub reads the connection itself; a Ctrl-C that
  // comes just as the debugger resumes is kept for after the resume.
  switch (what) {
    case debug::RspServer::Attention::Connected:
      interrupted_ = false;
      if (!inside_) core_.requestHalt();
      break;
    case debug::RspServer::Attention::Interrupt:
      if (inside_) {
        interruptWhileInside_ = true;
      } else {
        interrupted_ = true;
        core_.requestHalt();
      }
      break;
    case debug::RspServer::Attention::Disconnected:
      if (closing_.exchange(false) || inside_) break;  // we closed it, or the stub sees it
      leftWhileRunning_ = true;
      core_.requestHalt();
      break;
  }
}

void GdbBridge::applyTrapHalts(bool attachedNow) {
  uint32_t always = 0, unhandled = 0;
  if (config_.haltOnAllFaults) always |= config_.faultCauses;
  // auto: an unhandled fault goes to a debugger that is there; without one the run stops.
  if (config_.haltOnUnhandled && attachedNow) unhandled |= config_.faultCauses;
  // A debugger that is present sees the firmware's own ebreak, as with dcsr.ebreakm on a probe.
  if (attachedNow) always |= 1u << riscv::kBreakpoint;
  core_.setTrapHalts(always, unhandled);
}

void GdbBridge::forgetSession() {
  interrupted_ = false;
  interruptWhileInside_ = false;
  core_.clearDebugPoints();
  breakpoints_.clear();
  debuggerWaiting_ = false;
  applyTrapHalts(false);
}

bool GdbBridge::worthWaitingFor(const riscv::DebugHalt& halt) {
  switch (halt.reason) {
    case riscv::DebugHalt::Reason::Request: return !resumedOnce_;  // held at reset (--gdb-wait)
    case riscv::DebugHalt::Reason::Trap:                           // --on-fault gdb: post-mortem
      return config_.haltOnAllFaults && ((config_.faultCauses >> halt.cause) & 1u);
    default: return false;  // a stop the departed debugger asked for
  }
}

riscv::DebugResume GdbBridge::halted(const riscv::DebugHalt& halt) {
  haltStart_ = std::chrono::steady_clock::now();
  const riscv::DebugResume r = serveHalt(halt);
  haltedSeconds_ = haltedSeconds();
  haltStart_.reset();
  return r;
}

double GdbBridge::haltedSeconds() const {
  // A monitor command asks during a halt: the halt so far counts too.
  return haltedSeconds_ +
         (haltStart_ ? std::chrono::duration<double>(std::chrono::steady_clock::now() - *haltStart_).count() : 0.0);
}

riscv::DebugResume GdbBridge::serveHalt(const riscv::DebugHalt& halt) {
  inside_ = true;
  struct Leave {
    std::atomic<bool>& flag;
    ~Leave() { flag = false; }
  } leave{inside_};

  // A debugger that went away (while the firmware ran, or just as it resumed) leaves nothing
  // behind: its breakpoints and watchpoints go, and a stop it asked for is not kept.
  const bool left = leftWhileRunning_.exchange(false) || (inSession_ && !server_->connected());
  if (left) {
    forgetSession();
    inSession_ = false;
  }
  if (!server_->connected()) {
    if (!worthWaitingFor(halt)) {
      // Nobody to show it to: carry on as without a debugger (a held exception is taken).
      riscv::DebugResume r;
      r.deliverTrap = halt.reason == riscv::DebugHalt::Reason::Trap;
      return r;
    }
    if (halt.reason == riscv::DebugHalt::Reason::Trap)
      say("firmware fault at pc " + hex32(halt.pc) + " (mcause " + std::to_string(halt.cause) + ", mtval " +
          hex32(halt.tval) + "); waiting for a debugger on " + config_.host + ":" + std::to_string(port()));
    else
      say("waiting for a debugger on " + config_.host + ":" + std::to_string(port()) +
          " (gdb-multiarch: target remote :" + std::to_string(port()) + ")");
    if (!server_->waitForClient(abortWaiting_)) return {riscv::DebugResume::Kind::EndRun, false};
  }
  const bool fresh = !inSession_;
  inSession_ = true;
  if (fresh) debuggerWaiting_ = false;
  applyTrapHalts(true);
  debug::StopEvent stop = stopEventFor(halt);
  if (interrupted_.exchange(false) && halt.reason == riscv::DebugHalt::Reason::Request)
    stop.signal = debug::GdbSignal::Int;
  const debug::ResumeRequest r = stub_.serve(stop, debuggerWaiting_);
  riscv::DebugResume resume;
  switch (r.kind) {
    case debug::ResumeRequest::Kind::Continue:
    case debug::ResumeRequest::Kind::Step:
      resume.kind = r.kind == debug::ResumeRequest::Kind::Step ? riscv::DebugResume::Kind::Step
                                                               : riscv::DebugResume::Kind::Continue;
      // "signal SIGSEGV" / continuing with the fault's signal: the firmware's handler takes it.
      resume.deliverTrap = halt.reason == riscv::DebugHalt::Reason::Trap && r.signal != debug::GdbSignal::None;
      debuggerWaiting_ = true;
      resumedOnce_ = true;
      if (interruptWhileInside_.exchange(false)) {
        interrupted_ = true;
        core_.requestHalt();
      }
      break;
    case debug::ResumeRequest::Kind::Detach:
      forgetSession();
      inSession_ = false;
      resumedOnce_ = true;
      closing_ = true;
      server_->closeClient();
      resume.deliverTrap = halt.reason == riscv::DebugHalt::Reason::Trap;
      break;
    case debug::ResumeRequest::Kind::Kill:
      killed_ = true;
      inSession_ = false;
      closing_ = true;
      server_->closeClient();
      resume.kind = riscv::DebugResume::Kind::EndRun;
      break;
  }
  return resume;
}

void GdbBridge::runEnded(int exitCode) {
  if (!server_->connected() || killed_) return;
  stub_.targetExited(exitCode);
  server_->closeClient();
}

debug::StopEvent GdbBridge::stopEventFor(const riscv::DebugHalt& halt) const {
  debug::StopEvent ev;
  switch (halt.reason) {
    case riscv::DebugHalt::Reason::Request:
    case riscv::DebugHalt::Reason::Step: break;
    case riscv::DebugHalt::Reason::Breakpoint: {
      auto it = breakpoints_.find(halt.pc);
      const bool software = it == breakpoints_.end() || it->second.software > 0;
      ev.cause = software ? debug::StopEvent::Cause::SwBreak : debug::StopEvent::Cause::HwBreak;
      break;
    }
    case riscv::DebugHalt::Reason::Watchpoint: {
      ev.cause = debug::StopEvent::Cause::Watch;
      ev.dataAddress = halt.dataAddress;
      ev.watchKind = halt.access == riscv::WatchAccess::Write  ? debug::WatchKind::Write
                     : halt.access == riscv::WatchAccess::Read ? debug::WatchKind::Read
                                                               : debug::WatchKind::Access;
      break;
    }
    case riscv::DebugHalt::Reason::Trap: ev.signal = signalFor(halt.cause); break;
  }
  return ev;
}

std::optional<std::string> GdbBridge::targetDescription(const std::string& annex) {
  if (annex != "target.xml") return std::nullopt;
  std::vector<debug::CsrDescription> csrs;
  for (const riscv::CsrName& c : riscv::debuggerCsrs()) csrs.push_back({c.name, c.number});
  return debug::riscvTargetXml(csrs, /*withFpu=*/true);
}

std::string GdbBridge::memoryMap() {
  std::vector<debug::MemoryRegion> regions;
  for (const RegionSpec& r : addressMap()) {
    debug::MemoryRegion m;
    m.start = r.base;
    m.length = r.size;
    if (r.kind == RegionKind::FlashXip) {
      // The window mirrors the 2 MB chip: only the chip itself is described, as flash.
      m.length = kQspiFlashSize;
      m.type = debug::MemoryRegion::Type::Flash;
      m.blockSize = periph::SpiNorFlash::kSectorSize;
    }
    regions.push_back(m);  // registers too, so that GDB reads them on request
  }
  return debug::memoryMapXml(regions);
}

std::optional<riscv::DebugRegister> GdbBridge::registerFor(unsigned regnum) {
  if (regnum < debug::kPcRegnum) return riscv::DebugRegister::gpr(regnum - debug::kFirstXRegnum);
  if (regnum == debug::kPcRegnum) return riscv::DebugRegister::pc();
  if (regnum < debug::kFirstCsrRegnum) return riscv::DebugRegister::fpr(regnum - debug::kFirstFpRegnum);
  if (auto csr = debug::riscvCsrOfRegnum(regnum)) return riscv::DebugRegister::csr(*csr);
  return std::nullopt;
}

bool GdbBridge::readRegister(unsigned regnum, std::vector<uint8_t>& bytes) {
  const auto reg = registerFor(regnum);
  uint32_t v = 0;
  if (!reg || !core_.readRegister(*reg, v)) return false;
  bytes = {static_cast<uint8_t>(v), static_cast<uint8_t>(v >> 8), static_cast<uint8_t>(v >> 16),
           static_cast<uint8_t>(v >> 24)};
  return true;
}

bool GdbBridge::writeRegister(unsigned regnum, const std::vector<uint8_t>& bytes) {
  const auto reg = registerFor(regnum);
  if (!reg || bytes.size() != 4) return false;
  const uint32_t v = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (uint32_t{bytes[3]} << 24);
  return core_.writeRegister(*reg, v);
}

std::vector<unsigned> GdbBridge::generalRegisters() {
  std::vector<unsigned> regs;
  for (unsigned r = 0; r < debug::kFirstCsrRegnum; ++r) regs.push_back(r);  // x0..x31, pc, f0..f31
  return regs;
}

size_t GdbBridge::readMemory(uint64_t address, uint8_t* data, size_t length) {
  return core_.debugRead(address, data, length);
}

size_t GdbBridge::writeMemory(uint64_t address, const uint8_t* data, size_t length) {
  return core_.debugWrite(address, data, length);
}

bool GdbBridge::eraseFlash(uint64_t address, uint64_t length) {
  const std::vector<uint8_t> erased(static_cast<size_t>(std::min<uint64_t>(length, kQspiFlashSize)), 0xFF);
  return core_.debugWrite(address, erased.data(), erased.size()) == erased.size();
}

bool GdbBridge::writeFlash(uint64_t address, const uint8_t* data, size_t length) {
  return core_.debugWrite(address, data, length) == length;
}

bool GdbBridge::setBreakpoint(bool insert, uint64_t address, bool hardware) {
  if (address > UINT32_MAX) return false;
  const auto a = static_cast<uint32_t>(address);
  BreakpointCount& n = breakpoints_[address];
  if (insert) {
    (hardware ? n.hardware : n.software)++;
    return core_.addBreakpoint(a);
  }
  int& count = hardware ? n.hardware : n.software;
  if (count == 0) return false;
  --count;
  if (n.software == 0 && n.hardware == 0) breakpoints_.erase(address);
  return core_.removeBreakpoint(a);
}

bool GdbBridge::setWatchpoint(bool insert, uint64_t address, uint64_t length, debug::WatchKind kind) {
  if (address > UINT32_MAX || length == 0 || length > UINT32_MAX) return false;
  const riscv::WatchAccess access = kind == debug::WatchKind::Write  ? riscv::WatchAccess::Write
                                    : kind == debug::WatchKind::Read ? riscv::WatchAccess::Read
                                                                     : riscv::WatchAccess::Access;
  const auto a = static_cast<uint32_t>(address);
  const auto n = static_cast<uint32_t>(length);
  if (insert) return core_.addWatchpoint(a, n, access);
  return core_.removeWatchpoint(a, n, access);
}

std::optional<std::string> GdbBridge::monitor(const std::string& command) { return monitor_(command); }

}  // namespace wtm::platform
