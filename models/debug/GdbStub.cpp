#include "debug/GdbStub.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <limits>
#include <vector>

#include "common/Log.h"
#include "debug/RspCodec.h"

namespace wtm::debug {
namespace {

const std::string kOk = "OK";
const std::string kError = "E01";
const std::string kUnsupported;  // the empty reply
// qXfer's error for a bad request or an unknown annex.
const std::string kXferError = "E00";
// Our replies stay within the size we ask the debugger to keep to.
constexpr size_t kMaxReply = GdbStub::kPacketSize;
constexpr uint64_t kOurThread = 1;

bool startsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::string hexByte(unsigned value) {
  char text[3];
  std::snprintf(text, sizeof text, "%02x", value & 0xffu);
  return text;
}

std::string hexNumber(uint64_t value) {
  char text[20];
  std::snprintf(text, sizeof text, "%llx", static_cast<unsigned long long>(value));
  return text;
}

// "1", "-1" (all), "0" (any) or the multiprocess form "p1.1": does it name our only thread?
bool isOurThread(std::string_view id) {
  if (startsWith(id, "p")) {
    const size_t dot = id.find('.');
    if (dot == std::string_view::npos) return true;  // "pPID": every thread of the process
    id = id.substr(dot + 1);
  }
  if (id == "-1" || id == "0") return true;
  const auto number = parseHexNumber(id);
  return number && *number == kOurThread;
}

// A signal number of C/S packets: two hex digits.
std::optional<GdbSignal> parseSignal(std::string_view text) {
  const auto number = parseHexNumber(text);
  if (!number || *number > 0xff) return std::nullopt;
  return static_cast<GdbSignal>(*number);
}

// One qXfer read of `document`: 'm' + data when more follows, 'l' + data for the last part.
std::string xferChunk(const std::string& document, std::string_view offsetLength) {
  const auto range = parseAddressLength(offsetLength);
  if (!range) return kXferError;
  const auto [offset, length] = *range;
  if (offset >= document.size()) return "l";
  // The reply is escaped on the way out: count the escaped size so the packet stays in bounds.
  size_t end = static_cast<size_t>(offset);
  size_t replySize = 1;
  while (end < document.size() && end - offset < length) {
    const size_t cost = rspEscapedSize(std::string_view(&document[end], 1));
    if (replySize + cost > kMaxReply) break;
    replySize += cost;
    ++end;
  }
  std::string reply(1, end >= document.size() ? 'l' : 'm');
  reply.append(document, static_cast<size_t>(offset), end - static_cast<size_t>(offset));
  return reply;
}

}  // namespace

GdbStub::GdbStub(RspChannel& channel, DebugTarget& target) : channel_(channel), target_(target) {}

ResumeRequest GdbStub::serve(const StopEvent& stop, bool reportStop) {
  lastStop_ = stop;
  if (reportStop) channel_.send(stopReply(stop));
  for (;;) {
    const Incoming in = channel_.receive();
    if (in.kind == Incoming::Kind::Disconnected) return ResumeRequest{ResumeRequest::Kind::Detach, GdbSignal::None};
    Outcome outcome = Reply{kError};
    try {
      outcome = handle(in.payload);
    } catch (const std::exception& e) {
      // A failing target call must not end the debugging session.
      log::warn("gdb stub: '", in.payload.substr(0, 40), "' failed: ", e.what());
    }
    if (const auto* request = std::get_if<ResumeRequest>(&outcome)) return *request;
    channel_.send(std::get<Reply>(outcome).payload);
  }
}

void GdbStub::targetExited(int exitCode) { channel_.send("W" + hexByte(static_cast<unsigned>(exitCode))); }

std::string GdbStub::stopReply(const StopEvent& stop) const {
  std::string reply = "T" + hexByte(static_cast<unsigned>(stop.signal)) + "thread:" + hexNumber(kOurThread) + ";";
  switch (stop.cause) {
    case StopEvent::Cause::None: break;
    case StopEvent::Cause::SwBreak:
      if (debuggerKnowsSwBreak_) reply += "swbreak:;";
      break;
    case StopEvent::Cause::HwBreak:
      if (debuggerKnowsHwBreak_) reply += "hwbreak:;";
      break;
    case StopEvent::Cause::Watch: {
      const char* name = stop.watchKind == WatchKind::Write  ? "watch"
                         : stop.watchKind == WatchKind::Read ? "rwatch"
                                                             : "awatch";
      reply += std::string(name) + ":" + hexNumber(stop.dataAddress) + ";";
      break;
    }
  }
  return reply;
}

// --- dispatch ----------------------------------------------------------------------------------

GdbStub::Outcome GdbStub::handle(std::string_view packet) {
  if (packet.empty()) return Reply{kUnsupported};
  const std::string_view args = packet.substr(1);
  switch (packet[0]) {
    case '?': return Reply{stopReply(lastStop_)};
    case 'q':
    case 'Q': return handleQuery(packet);
    case 'v': return handleV(packet);
    case 'g': return Reply{readAllRegisters()};
    case 'G': return Reply{writeAllRegisters(args)};
    case 'p': return Reply{readOneRegister(args)};
    case 'P': return Reply{writeOneRegister(args)};
    case 'm': return Reply{readMemory(args)};
    case 'M': return Reply{writeMemoryHex(args)};
    case 'X': return Reply{writeMemoryBinary(args)};
    case 'Z': return Reply{breakpoint(true, args)};
    case 'z': return Reply{breakpoint(false, args)};
    case 'c':
    case 'C':
    case 's':
    case 'S': return resume(packet);
    case 'D': channel_.send(kOk); return ResumeRequest{ResumeRequest::Kind::Detach, GdbSignal::None};
    case 'k': return ResumeRequest{ResumeRequest::Kind::Kill, GdbSignal::None};  // k has no reply
    case 'H': return Reply{kOk};  // one thread: every thread selection names it
    case 'T': return Reply{isOurThread(args) ? kOk : kError};
    default: return Reply{kUnsupported};
  }
}

GdbStub::Outcome GdbStub::handleQuery(std::string_view packet) {
  if (packet == "qSupported" || startsWith(packet, "qSupported:"))
    return Reply{handleSupported(packet.substr(std::min(packet.size(), sizeof "qSupported:" - 1)))};
  if (packet == "QStartNoAckMode") {
    // Before the reply: the debugger's next packet must already find the channel without acks.
    channel_.setNoAckMode(true);
    return Reply{kOk};
  }
  if (startsWith(packet, "qXfer:")) return Reply{handleXfer(packet.substr(6))};
  if (startsWith(packet, "qRcmd,")) return Reply{monitorCommand(packet.substr(6))};
  if (packet == "qC") return Reply{"QC" + hexNumber(kOurThread)};
  if (packet == "qfThreadInfo") return Reply{"m" + hexNumber(kOurThread)};
  if (packet == "qsThreadInfo") return Reply{"l"};
  // We never start processes: the debugger detaches rather than kills when it quits.
  if (packet == "qAttached" || startsWith(packet, "qAttached:")) return Reply{"1"};
  return Reply{kUnsupported};
}

GdbStub::Outcome GdbStub::handleV(std::string_view packet) {
  if (packet == "vCont?") return Reply{"vCont;c;C;s;S"};
  if (startsWith(packet, "vCont;")) return resumeVCont(packet.substr(6));
  if (packet == "vKill" || startsWith(packet, "vKill;")) {
    channel_.send(kOk);
    return ResumeRequest{ResumeRequest::Kind::Kill, GdbSignal::None};
  }
  if (startsWith(packet, "vFlashErase:")) return Reply{flashErase(packet.substr(12))};
  if (startsWith(packet, "vFlashWrite:")) return Reply{flashWrite(packet.substr(12))};
  if (packet == "vFlashDone") {
    target_.flashDone();
    return Reply{kOk};
  }
  return Reply{kUnsupported};  // vMustReplyEmpty and everything we do not know
}

std::string GdbStub::handleSupported(std::string_view features) {
  debuggerKnowsSwBreak_ = debuggerKnowsHwBreak_ = false;
  while (!features.empty()) {
    const size_t end = std::min(features.find(';'), features.size());
    const std::string_view feature = features.substr(0, end);
    if (feature == "swbreak+") debuggerKnowsSwBreak_ = true;
    if (feature == "hwbreak+") debuggerKnowsHwBreak_ = true;
    features.remove_prefix(std::min(end + 1, features.size()));
  }
  return "PacketSize=" + hexNumber(kPacketSize) +
         ";qXfer:features:read+;qXfer:memory-map:read+;QStartNoAckMode+;swbreak+;hwbreak+;vContSupported+";
}

// "OBJECT:read:ANNEX:OFFSET,LENGTH"
std::string GdbStub::handleXfer(std::string_view request) {
  const auto object = splitAt(request, ':');
  if (!object) return kUnsupported;
  const bool features = object->first == "features";
  const bool memoryMap = object->first == "memory-map";
  if (!features && !memoryMap) return kUnsupported;
  const auto operation = splitAt(object->second, ':');
  if (!operation) return kXferError;
  if (operation->first != "read") return kUnsupported;
  const auto annex = splitAt(operation->second, ':');
  if (!annex) return kXferError;
  if (memoryMap) {
    if (!annex->first.empty()) return kXferError;
    return xferChunk(target_.memoryMap(), annex->second);
  }
  const auto document = target_.targetDescription(std::string(annex->first));
  if (!document) return kXferError;
  return xferChunk(*document, annex->second);
}

// --- registers ---------------------------------------------------------------------------------

std::string GdbStub::readAllRegisters() {
  std::string reply;
  std::vector<uint8_t> bytes;
  for (unsigned regnum : target_.generalRegisters()) {
    if (!target_.readRegister(regnum, bytes)) return kError;
    reply += hexEncode(bytes.data(), bytes.size());
  }
  return reply;
}

std::string GdbStub::writeAllRegisters(std::string_view hex) {
  std::vector<uint8_t> data;
  if (!hexDecode(hex, data)) return kError;
  // The packet carries no sizes: they are those of the registers as read now.
  const std::vector<unsigned> regnums = target_.generalRegisters();
  std::vector<size_t> sizes;
  size_t total = 0;
  std::vector<uint8_t> bytes;
  for (unsigned regnum : regnums) {
    if (!target_.readRegister(regnum, bytes)) return kError;
    sizes.push_back(bytes.size());
    total += bytes.size();
  }
  if (total != data.size()) return kError;
  size_t at = 0;
  for (size_t i = 0; i < regnums.size(); ++i) {
    const std::vector<uint8_t> value(data.begin() + static_cast<std::ptrdiff_t>(at),
                                     data.begin() + static_cast<std::ptrdiff_t>(at + sizes[i]));
    if (!target_.writeRegister(regnums[i], value)) return kError;
    at += sizes[i];
  }
  return kOk;
}

std::string GdbStub::readOneRegister(std::string_view args) {
  const auto regnum = parseHexNumber(args);
  if (!regnum || *regnum > std::numeric_limits<unsigned>::max()) return kError;
  std::vector<uint8_t> bytes;
  if (!target_.readRegister(static_cast<unsigned>(*regnum), bytes)) return kError;
  return hexEncode(bytes.data(), bytes.size());
}

// "n=value"
std::string GdbStub::writeOneRegister(std::string_view args) {
  const auto parts = splitAt(args, '=');
  if (!parts) return kError;
  const auto regnum = parseHexNumber(parts->first);
  std::vector<uint8_t> value, current;
  if (!regnum || *regnum > std::numeric_limits<unsigned>::max() || !hexDecode(parts->second, value)) return kError;
  const auto number = static_cast<unsigned>(*regnum);
  if (!target_.readRegister(number, current) || current.size() != value.size()) return kError;
  return target_.writeRegister(number, value) ? kOk : kError;
}

// --- memory ------------------------------------------------------------------------------------

std::string GdbStub::readMemory(std::string_view args) {
  const auto range = parseAddressLength(args);
  if (!range) return kError;
  // Two hex digits a byte; the debugger takes a shorter answer and asks for the rest.
  const size_t length = static_cast<size_t>(std::min<uint64_t>(range->second, kMaxReply / 2));
  if (length == 0) return "";
  std::vector<uint8_t> data(length);
  const size_t done = std::min(target_.readMemory(range->first, data.data(), length), length);
  if (done == 0) return kError;
  return hexEncode(data.data(), done);
}

// "addr,len:hex"
std::string GdbStub::writeMemoryHex(std::string_view args) {
  const auto parts = splitAt(args, ':');
  if (!parts) return kError;
  const auto range = parseAddressLength(parts->first);
  std::vector<uint8_t> data;
  if (!range || !hexDecode(parts->second, data) || data.size() != range->second) return kError;
  if (data.empty()) return kOk;
  return target_.writeMemory(range->first, data.data(), data.size()) == data.size() ? kOk : kError;
}

// "addr,len:binary" (already unescaped by the decoder); "X addr,0:" is the debugger's probe.
std::string GdbStub::writeMemoryBinary(std::string_view args) {
  const auto parts = splitAt(args, ':');
  if (!parts) return kError;
  const auto range = parseAddressLength(parts->first);
  if (!range || parts->second.size() != range->second) return kError;
  if (parts->second.empty()) return kOk;
  const auto* data = reinterpret_cast<const uint8_t*>(parts->second.data());
  return target_.writeMemory(range->first, data, parts->second.size()) == parts->second.size() ? kOk : kError;
}

// --- breakpoints and watchpoints ---------------------------------------------------------------

// "type,addr,kind[;cond...]"
std::string GdbStub::breakpoint(bool insert, std::string_view args) {
  args = args.substr(0, args.find(';'));  // conditions and commands: we never asked for them
  const auto typeRest = splitAt(args, ',');
  if (!typeRest) return kError;
  const auto type = parseHexNumber(typeRest->first);
  const auto addressKind = parseAddressLength(typeRest->second);
  if (!type || !addressKind) return kError;
  const auto [address, kind] = *addressKind;
  bool done = false;
  switch (*type) {
    case 0:
    case 1: done = target_.setBreakpoint(insert, address, *type == 1); break;
    case 2: done = target_.setWatchpoint(insert, address, kind, WatchKind::Write); break;
    case 3: done = target_.setWatchpoint(insert, address, kind, WatchKind::Read); break;
    case 4: done = target_.setWatchpoint(insert, address, kind, WatchKind::Access); break;
    default: return kUnsupported;  // a kind we do not know: the debugger falls back on others
  }
  return done ? kOk : kError;
}

// --- monitor and flash -------------------------------------------------------------------------

std::string GdbStub::monitorCommand(std::string_view hexCommand) {
  std::string command;
  if (!hexDecode(hexCommand, command)) return kError;
  const auto output = target_.monitor(command);
  // An unknown command is told in words and answered OK: GDB shows an error reply only as
  // "Protocol error with Rcmd", which would hide the reason.
  const std::string text = output ? *output : "unknown monitor command '" + command + "'\n";
  constexpr size_t kTextPerPacket = (kMaxReply - 1) / 2;
  for (size_t at = 0; at < text.size(); at += kTextPerPacket)
    channel_.send("O" + hexEncode(std::string_view(text).substr(at, kTextPerPacket)));
  return kOk;
}

// "addr,length"
std::string GdbStub::flashErase(std::string_view args) {
  const auto range = parseAddressLength(args);
  if (!range) return kError;
  return target_.eraseFlash(range->first, range->second) ? kOk : kError;
}

// "addr:binary"
std::string GdbStub::flashWrite(std::string_view args) {
  const auto parts = splitAt(args, ':');
  if (!parts) return kError;
  const auto address = parseHexNumber(parts->first);
  if (!address) return kError;
  const auto* data = reinterpret_cast<const uint8_t*>(parts->second.data());
  return target_.writeFlash(*address, data, parts->second.size()) ? kOk : kError;
}

// --- resuming ----------------------------------------------------------------------------------

// c, s, "C sig", "S sig". A resume address ("c addr") is refused: the stub does not know which
// register is the PC, and GDB no longer sends one.
GdbStub::Outcome GdbStub::resume(std::string_view packet) {
  const bool step = packet[0] == 's' || packet[0] == 'S';
  const ResumeRequest::Kind kind = step ? ResumeRequest::Kind::Step : ResumeRequest::Kind::Continue;
  std::string_view args = packet.substr(1);
  if (packet[0] == 'c' || packet[0] == 's') {
    if (!args.empty()) return Reply{kError};
    return ResumeRequest{kind, GdbSignal::None};
  }
  if (args.find(';') != std::string_view::npos) return Reply{kError};
  const auto signal = parseSignal(args);
  if (!signal) return Reply{kError};
  return ResumeRequest{kind, *signal};
}

// "action[:thread-id];action[:thread-id]...": the first action that applies to our thread wins.
GdbStub::Outcome GdbStub::resumeVCont(std::string_view actions) {
  while (!actions.empty()) {
    const size_t end = std::min(actions.find(';'), actions.size());
    std::string_view action = actions.substr(0, end);
    actions.remove_prefix(std::min(end + 1, actions.size()));
    std::string_view thread;
    if (const auto parts = splitAt(action, ':')) {
      action = parts->first;
      thread = parts->second;
    }
    if (action.empty()) return Reply{kError};
    if (!thread.empty() && !isOurThread(thread)) continue;
    const char op = action[0];
    if (op == 'c' || op == 's') {
      if (action.size() != 1) return Reply{kError};
      return ResumeRequest{op == 's' ? ResumeRequest::Kind::Step : ResumeRequest::Kind::Continue, GdbSignal::None};
    }
    if (op == 'C' || op == 'S') {
      const auto signal = parseSignal(action.substr(1));
      if (!signal) return Reply{kError};
      return ResumeRequest{op == 'S' ? ResumeRequest::Kind::Step : ResumeRequest::Kind::Continue, *signal};
    }
    return Reply{kError};  // t, r and others we did not offer in vCont?
  }
  return Reply{kError};
}

}  // namespace wtm::debug
