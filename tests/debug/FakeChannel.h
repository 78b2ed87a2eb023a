// An RspChannel for the stub tests: packets to deliver are queued up front; what the stub sends is
// recorded. When the queue runs dry the debugger has "disconnected".
#pragma once
#include <deque>
#include <string>
#include <vector>

#include "debug/RspChannel.h"

namespace wtm::debug::test {

class FakeChannel : public RspChannel {
 public:
  Incoming receive() override {
    if (incoming.empty()) return Incoming{Incoming::Kind::Disconnected, {}};
    Incoming in{Incoming::Kind::Packet, incoming.front()};
    incoming.pop_front();
    return in;
  }
  void send(const std::string& payload) override { sent.push_back(payload); }
  void setNoAckMode(bool enabled) override { noAck = enabled; }

  std::deque<std::string> incoming;
  std::vector<std::string> sent;
  bool noAck = false;
};

}  // namespace wtm::debug::test
