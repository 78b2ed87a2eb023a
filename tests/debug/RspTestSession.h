// A debugger at the packet level: sends framed RSP packets to the board and reads its replies,
// for what gdb-multiarch never sends (RISC-V GDB steps with breakpoints, not 's') or what it
// cannot be made to send (malformed packets).
#pragma once
#include <optional>
#include <string>

#include "TcpTestClient.h"
#include "debug/RspCodec.h"

namespace board_test {

class RspTestSession {
 public:
  explicit RspTestSession(int port) : tcp_(static_cast<uint16_t>(port)) {}
  bool connected() const { return tcp_.connected(); }

  void sendRaw(const std::string& bytes) { tcp_.send(bytes); }
  // The next packet's payload (acknowledged), or nullopt when none came in time.
  std::optional<std::string> reply(int timeoutMs = 10000) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
      while (auto ev = decoder_.next()) {
        if (ev->kind != wtm::debug::RspEvent::Kind::Packet) continue;
        tcp_.send("+");
        return ev->payload;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      const std::string bytes = tcp_.read(1, static_cast<int>(left.count()));
      if (bytes.empty()) return std::nullopt;
      decoder_.feed(bytes.data(), bytes.size());
    }
  }
  std::optional<std::string> request(const std::string& payload, int timeoutMs = 10000) {
    tcp_.send(wtm::debug::rspFrame(payload));
    return reply(timeoutMs);
  }
  // A register by its GDB number, little-endian hex decoded.
  std::optional<uint32_t> readRegister(unsigned regnum) {
    const auto r = request("p" + hex(regnum));
    if (!r || r->size() != 8) return std::nullopt;
    uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint32_t>(std::stoul(r->substr(2 * i, 2), nullptr, 16));
    return v;
  }
  std::optional<uint32_t> readWord(uint32_t address) {
    const auto r = request("m" + hex(address) + ",4");
    if (!r || r->size() != 8) return std::nullopt;
    uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint32_t>(std::stoul(r->substr(2 * i, 2), nullptr, 16));
    return v;
  }
  static std::string hex(uint64_t v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(v));
    return buf;
  }
  void close() { tcp_.close(); }

 private:
  wtm::debug::test::TcpTestClient tcp_;
  wtm::debug::RspDecoder decoder_;
};

}  // namespace board_test
