// The transport a GDB stub talks through: whole packets in, whole packets out. RspServer is the TCP
// one; tests use a scripted fake.
#pragma once
#include <string>

namespace wtm::debug {

struct Incoming {
  enum class Kind { Packet, Disconnected } kind = Kind::Packet;
  std::string payload;  // with Packet: unescaped, checksum verified
};

class RspChannel {
 public:
  virtual ~RspChannel() = default;
  // Blocks until a packet arrives or the debugger goes away.
  virtual Incoming receive() = 0;
  // Sends one packet; the channel frames and escapes it.
  virtual void send(const std::string& payload) = 0;
  // After QStartNoAckMode: no more '+' / '-' for incoming packets, none expected for outgoing.
  virtual void setNoAckMode(bool enabled) = 0;
};

}  // namespace wtm::debug
