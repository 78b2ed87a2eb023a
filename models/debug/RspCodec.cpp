#include "debug/RspCodec.h"

namespace wtm::debug {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr char kEscape = '}';
constexpr char kInterruptByte = 0x03;
// A run-length count character c means c - 29 further copies of the previous byte.
constexpr int kRunLengthBias = 29;

bool needsEscape(char c) { return c == '$' || c == '#' || c == '}' || c == '*'; }

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string rspFrame(std::string_view payload) {
  std::string frame;
  frame.reserve(payload.size() + 8);
  frame += '$';
  uint8_t sum = 0;
  auto put = [&](char c) {
    frame += c;
    sum = static_cast<uint8_t>(sum + static_cast<uint8_t>(c));
  };
  for (char c : payload) {
    if (needsEscape(c)) {
      put(kEscape);
      put(static_cast<char>(c ^ 0x20));
    } else {
      put(c);
    }
  }
  frame += '#';
  frame += kHexDigits[sum >> 4];
  frame += kHexDigits[sum & 0xf];
  return frame;
}

size_t rspEscapedSize(std::string_view payload) {
  size_t n = payload.size();
  for (char c : payload) n += needsEscape(c) ? 1 : 0;
  return n;
}

// --- RspDecoder --------------------------------------------------------------------------------

void RspDecoder::feed(const char* data, size_t length) {
  for (size_t i = 0; i < length; ++i) consume(data[i]);
}

std::optional<RspEvent> RspDecoder::next() {
  if (events_.empty()) return std::nullopt;
  RspEvent e = std::move(events_.front());
  events_.pop_front();
  return e;
}

void RspDecoder::reset() {
  state_ = State::Idle;
  payload_.clear();
  events_.clear();
}

void RspDecoder::startPacket() {
  state_ = State::Payload;
  payload_.clear();
  rawSum_ = 0;
}

void RspDecoder::appendDecoded(char c) {
  if (payload_.size() >= maxPacket_) {
    payload_.clear();
    payload_.shrink_to_fit();
    state_ = State::Discard;
    return;
  }
  payload_ += c;
}

void RspDecoder::finishPacket() {
  RspEvent e;
  e.kind = RspEvent::Kind::Packet;
  e.payload = std::move(payload_);
  payload_.clear();
  e.checksumOk = true;
  events_.push_back(std::move(e));
}

void RspDecoder::consume(char c) {
  // '$' never occurs unescaped inside a packet: it always starts a new one.
  if (c == '$') {
    if (state_ == State::Discard || state_ == State::DiscardChecksum1 || state_ == State::DiscardChecksum2)
      events_.push_back(RspEvent{RspEvent::Kind::Overflow, {}, false});
    startPacket();
    return;
  }
  switch (state_) {
    case State::Idle:
      if (c == '+') events_.push_back(RspEvent{RspEvent::Kind::Ack, {}, false});
      else if (c == '-') events_.push_back(RspEvent{RspEvent::Kind::Nak, {}, false});
      else if (c == kInterruptByte) events_.push_back(RspEvent{RspEvent::Kind::Interrupt, {}, false});
      return;  // anything else between packets is noise
    case State::Payload:
      if (c == '#') {
        state_ = State::Checksum1;
        return;
      }
      rawSum_ = static_cast<uint8_t>(rawSum_ + static_cast<uint8_t>(c));
      if (c == kEscape) state_ = State::Escape;
      else if (c == '*') state_ = State::RunLength;
      else appendDecoded(c);
      return;
    case State::Escape:
      if (c == '#') {  // a dangling escape: the packet is broken, the checksum decides
        state_ = State::Checksum1;
        return;
      }
      rawSum_ = static_cast<uint8_t>(rawSum_ + static_cast<uint8_t>(c));
      state_ = State::Payload;
      appendDecoded(static_cast<char>(c ^ 0x20));
      return;
    case State::RunLength: {
      if (c == '#') {
        state_ = State::Checksum1;
        return;
      }
      rawSum_ = static_cast<uint8_t>(rawSum_ + static_cast<uint8_t>(c));
      state_ = State::Payload;
      int repeats = static_cast<uint8_t>(c) - kRunLengthBias;
      if (payload_.empty() || repeats <= 0) return;  // nothing to repeat: ignore the marker
      const char previous = payload_.back();
      for (int i = 0; i < repeats && state_ == State::Payload; ++i) appendDecoded(previous);
      return;
    }
    case State::Checksum1:
      checksumHigh_ = hexValue(c);
      state_ = State::Checksum2;
      return;
    case State::Checksum2: {
      const int low = hexValue(c);
      const bool ok = checksumHigh_ >= 0 && low >= 0 && ((checksumHigh_ << 4) | low) == rawSum_;
      finishPacket();
      events_.back().checksumOk = ok;
      state_ = State::Idle;
      return;
    }
    case State::Discard:
      if (c == '#') state_ = State::DiscardChecksum1;
      return;
    case State::DiscardChecksum1: state_ = State::DiscardChecksum2; return;
    case State::DiscardChecksum2:
      events_.push_back(RspEvent{RspEvent::Kind::Overflow, {}, false});
      state_ = State::Idle;
      return;
  }
}

// --- text helpers ------------------------------------------------------------------------------

std::string hexEncode(const uint8_t* data, size_t length) {
  std::string out;
  out.reserve(2 * length);
  for (size_t i = 0; i < length; ++i) {
    out += kHexDigits[data[i] >> 4];
    out += kHexDigits[data[i] & 0xf];
  }
  return out;
}

std::string hexEncode(std::string_view bytes) {
  return hexEncode(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

bool hexDecode(std::string_view hex, std::vector<uint8_t>& out) {
  out.clear();
  if (hex.size() % 2 != 0) return false;
  out.reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    const int hi = hexValue(hex[i]), lo = hexValue(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<uint8_t>((hi << 4) | lo));
  }
  return true;
}

bool hexDecode(std::string_view hex, std::string& out) {
  std::vector<uint8_t> bytes;
  if (!hexDecode(hex, bytes)) return false;
  out.assign(bytes.begin(), bytes.end());
  return true;
}

std::optional<uint64_t> parseHexNumber(std::string_view text) {
  if (text.empty()) return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    const int digit = hexValue(c);
    if (digit < 0 || (value >> 60) != 0) return std::nullopt;
    value = (value << 4) | static_cast<uint64_t>(digit);
  }
  return value;
}

std::optional<std::pair<uint64_t, uint64_t>> parseAddressLength(std::string_view text) {
  auto parts = splitAt(text, ',');
  if (!parts) return std::nullopt;
  auto address = parseHexNumber(parts->first);
  auto length = parseHexNumber(parts->second);
  if (!address || !length) return std::nullopt;
  return std::make_pair(*address, *length);
}

std::optional<std::pair<std::string_view, std::string_view>> splitAt(std::string_view text, char separator) {
  const size_t at = text.find(separator);
  if (at == std::string_view::npos) return std::nullopt;
  return std::make_pair(text.substr(0, at), text.substr(at + 1));
}

}  // namespace wtm::debug
