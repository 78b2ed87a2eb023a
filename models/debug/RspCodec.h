// GDB Remote Serial Protocol at the byte level: framing of outgoing packets, decoding of the
// incoming byte stream into packets and control bytes, and the small text helpers (hex, numbers,
// "addr,len") the packets are made of.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wtm::debug {

// "$" payload "#" checksum, with '$', '#', '}' and '*' escaped as '}' (byte ^ 0x20): the debugger
// would otherwise take them for frame delimiters or run-length markers.
std::string rspFrame(std::string_view payload);

// Bytes the payload takes once escaped (without the frame).
size_t rspEscapedSize(std::string_view payload);

// One thing seen on the incoming byte stream.
struct RspEvent {
  enum class Kind {
    Packet,     // payload is unescaped and run-length decoded
    Ack,        // '+'
    Nak,        // '-'
    Interrupt,  // 0x03 between packets (Ctrl-C in the debugger)
    Overflow,   // a packet longer than the limit ended; it was dropped
  } kind = Kind::Packet;
  std::string payload;
  bool checksumOk = false;
};

// Incremental decoder: bytes may arrive in any split. Anything between packets that is not an
// ack, nak or interrupt is skipped; a '$' inside a packet abandons it and starts a new one.
class RspDecoder {
 public:
  static constexpr size_t kDefaultMaxPacket = 64 * 1024;
  explicit RspDecoder(size_t maxPacket = kDefaultMaxPacket) : maxPacket_(maxPacket) {}

  void feed(const char* data, size_t length);
  // The next decoded event, oldest first; nullopt when none is pending.
  std::optional<RspEvent> next();
  // Drops a partly received packet and pending events (a new connection starts clean).
  void reset();

 private:
  enum class State {
    Idle,
    Payload,
    Escape,
    RunLength,
    Checksum1,
    Checksum2,
    Discard,
    DiscardChecksum1,
    DiscardChecksum2
  };
  void consume(char c);
  void startPacket();
  void appendDecoded(char c);
  void finishPacket();

  size_t maxPacket_;
  State state_ = State::Idle;
  std::string payload_;
  uint8_t rawSum_ = 0;  // sum of the bytes between '$' and '#', as sent
  int checksumHigh_ = 0;
  std::deque<RspEvent> events_;
};

// --- helpers for the packet contents -----------------------------------------------------------

// Lower-case hex, two digits a byte.
std::string hexEncode(const uint8_t* data, size_t length);
std::string hexEncode(std::string_view bytes);
// False on an odd length or a non-hex digit.
bool hexDecode(std::string_view hex, std::vector<uint8_t>& out);
bool hexDecode(std::string_view hex, std::string& out);

// A big-endian hex number as in "addr" or "len": no prefix, at least one digit, fits 64 bits.
std::optional<uint64_t> parseHexNumber(std::string_view text);
// "addr,len".
std::optional<std::pair<uint64_t, uint64_t>> parseAddressLength(std::string_view text);

// Splits at the first `separator`: {before, after}; nullopt when it does not occur.
std::optional<std::pair<std::string_view, std::string_view>> splitAt(std::string_view text, char separator);

}  // namespace wtm::debug
