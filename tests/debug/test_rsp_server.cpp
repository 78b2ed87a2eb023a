// RspServer over real loopback sockets: acks, retransmission, Ctrl-C, connection changes, the
// one-debugger rule, listening errors and shutdown with a debugger still connected.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
#include <vector>

#include "TcpTestClient.h"
#include "debug/RspServer.h"

using namespace wtm::debug;
using namespace wtm::debug::test;
using Attention = RspServer::Attention;

namespace {

// Collects the attention reports, which arrive on the server thread.
class AttentionLog {
 public:
  void attach(RspServer& server) {
    server.setAttentionHandler([this](Attention a) {
      std::lock_guard<std::mutex> lock(mutex_);
      seen_.push_back(a);
      changed_.notify_all();
    });
  }
  // Waits until `what` has been reported `count` times in all.
  bool waitFor(Attention what, int count = 1, int timeoutMs = 2000) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] {
      int n = 0;
      for (Attention a : seen_) n += a == what;
      return n >= count;
    });
  }
  std::vector<Attention> seen() {
    std::lock_guard<std::mutex> lock(mutex_);
    return seen_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Attention> seen_;
};

bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 2000) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return condition();
}

// receive() with a time limit, so that a failing test does not hang.
Incoming receiveWithin(RspServer& server, int timeoutMs = 2000) {
  auto future = std::async(std::launch::async, [&] { return server.receive(); });
  if (future.wait_for(std::chrono::milliseconds(timeoutMs)) != std::future_status::ready) {
    server.closeClient();  // unblocks receive()
    ADD_FAILURE() << "receive() did not return";
  }
  return future.get();
}

class RspServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server = std::make_unique<RspServer>("127.0.0.1", 0);
    attention.attach(*server);
  }
  std::unique_ptr<TcpTestClient> connect() {
    auto client = std::make_unique<TcpTestClient>(server->port());
    EXPECT_TRUE(client->connected());
    EXPECT_TRUE(waitUntil([&] { return server->connected(); }));
    return client;
  }

  AttentionLog attention;
  std::unique_ptr<RspServer> server;
};

}  // namespace

TEST_F(RspServerTest, PortZeroPicksAFreePort) {
  EXPECT_NE(server->port(), 0);
  EXPECT_FALSE(server->connected());
}

TEST_F(RspServerTest, WaitForClient) {
  int polls = 0;
  EXPECT_FALSE(server->waitForClient([&] { return ++polls >= 2; }));
  EXPECT_GE(polls, 2);
  auto client = std::make_unique<TcpTestClient>(server->port());
  EXPECT_TRUE(server->waitForClient([] { return false; }));
  EXPECT_TRUE(server->connected());
  EXPECT_TRUE(attention.waitFor(Attention::Connected));
}

TEST_F(RspServerTest, GoodPacketIsAckedAndReceived) {
  auto client = connect();
  ASSERT_TRUE(client->send("$qC#b4"));
  EXPECT_EQ(client->read(1), "+");
  const Incoming in = receiveWithin(*server);
  EXPECT_EQ(in.kind, Incoming::Kind::Packet);
  EXPECT_EQ(in.payload, "qC");
}

TEST_F(RspServerTest, BadChecksumIsNakedAndNotDelivered) {
  auto client = connect();
  ASSERT_TRUE(client->send("$qC#00"));
  EXPECT_EQ(client->read(1), "-");
  ASSERT_TRUE(client->send("$qC#b4"));  // the retransmission
  EXPECT_EQ(client->read(1), "+");
  const Incoming in = receiveWithin(*server);
  EXPECT_EQ(in.payload, "qC");
}

TEST_F(RspServerTest, SendFramesAndANakResends) {
  auto client = connect();
  server->send("OK");
  EXPECT_EQ(client->read(6), "$OK#9a");
  server->send("a$b");
  EXPECT_EQ(client->read(8),
            "$a}\x04"
            "b#44");
  ASSERT_TRUE(client->send("-"));
  EXPECT_EQ(client->read(8),
            "$a}\x04"
            "b#44");
  ASSERT_TRUE(client->send("+"));
  EXPECT_EQ(client->read(1, 200), "");  // an ack asks for nothing
}

TEST_F(RspServerTest, NoAckModeStopsAcks) {
  auto client = connect();
  server->setNoAckMode(true);
  ASSERT_TRUE(client->send("$qC#b4-"));
  const Incoming in = receiveWithin(*server);
  EXPECT_EQ(in.payload, "qC");
  server->send("QC1");
  EXPECT_EQ(client->read(7), "$QC1#c5");  // no '+' before it
  EXPECT_EQ(client->read(1, 200), "");    // and no resend for the '-'
}

TEST_F(RspServerTest, CtrlCReachesTheAttentionHandler) {
  auto client = connect();
  ASSERT_TRUE(client->send("\x03"));
  EXPECT_TRUE(attention.waitFor(Attention::Interrupt));
  EXPECT_EQ(client->read(1, 200), "");  // no ack for it
}

TEST_F(RspServerTest, ConnectAndDisconnectReachTheAttentionHandler) {
  auto client = connect();
  EXPECT_TRUE(attention.waitFor(Attention::Connected));
  client->close();
  EXPECT_TRUE(attention.waitFor(Attention::Disconnected));
  EXPECT_TRUE(waitUntil([&] { return !server->connected(); }));
  EXPECT_EQ(receiveWithin(*server).kind, Incoming::Kind::Disconnected);
  EXPECT_EQ(attention.seen(), (std::vector<Attention>{Attention::Connected, Attention::Disconnected}));
}

TEST_F(RspServerTest, ReceiveDeliversPacketsBeforeTheDisconnection) {
  auto client = connect();
  ASSERT_TRUE(client->send("$D#44"));
  EXPECT_EQ(client->read(1), "+");
  client->close();
  ASSERT_TRUE(attention.waitFor(Attention::Disconnected));
  EXPECT_EQ(receiveWithin(*server).payload, "D");
  EXPECT_EQ(receiveWithin(*server).kind, Incoming::Kind::Disconnected);
}

TEST_F(RspServerTest, ReceiveWakesUpWhenTheDebuggerLeaves) {
  auto client = connect();
  auto pending = std::async(std::launch::async, [&] { return server->receive(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  client->close();
  ASSERT_EQ(pending.wait_for(std::chrono::seconds(2)), std::future_status::ready);
  EXPECT_EQ(pending.get().kind, Incoming::Kind::Disconnected);
}

TEST_F(RspServerTest, ReceiveWithoutADebuggerSaysDisconnected) {
  EXPECT_EQ(receiveWithin(*server).kind, Incoming::Kind::Disconnected);
  server->send("OK");  // nobody to send to: ignored
}

TEST_F(RspServerTest, SecondClientIsRefused) {
  auto first = connect();
  TcpTestClient second(server->port());
  EXPECT_TRUE(second.closedByPeer());
  ASSERT_TRUE(first->send("$qC#b4"));
  EXPECT_EQ(first->read(1), "+");
  EXPECT_EQ(receiveWithin(*server).payload, "qC");
  EXPECT_EQ(attention.seen(), std::vector<Attention>{Attention::Connected});
}

TEST_F(RspServerTest, NextClientAfterADisconnectionStartsClean) {
  auto first = connect();
  server->setNoAckMode(true);
  ASSERT_TRUE(first->send("$qC#b4$qC#b4"));
  first->close();
  ASSERT_TRUE(attention.waitFor(Attention::Disconnected));
  auto second = connect();
  ASSERT_TRUE(attention.waitFor(Attention::Connected, 2));
  ASSERT_TRUE(second->send("$?#3f"));
  EXPECT_EQ(second->read(1), "+");                 // acks again
  EXPECT_EQ(receiveWithin(*server).payload, "?");  // nothing left over from the first
}

TEST_F(RspServerTest, CloseClient) {
  auto client = connect();
  server->closeClient();
  EXPECT_FALSE(server->connected());
  EXPECT_TRUE(client->closedByPeer());
  EXPECT_TRUE(attention.waitFor(Attention::Disconnected));
  EXPECT_EQ(receiveWithin(*server).kind, Incoming::Kind::Disconnected);
  auto again = connect();  // and the port takes the next one
  EXPECT_TRUE(server->connected());
}

TEST_F(RspServerTest, MalformedInputNeverStopsTheServer) {
  auto client = connect();
  std::string noise;
  // Bytes with bits 0, 1 and 5 clear: never '$', '#', '+', '-' or 0x03.
  for (int i = 0; i < 20000; ++i) noise += static_cast<char>((i * 7919) & 0xdc);
  ASSERT_TRUE(client->send(noise));
  // An oversized packet: taken and answered with an error, not asked for again.
  ASSERT_TRUE(client->send("$" + std::string(70000, 'M') + "#00"));
  EXPECT_EQ(client->read(8), "+$E01#a6");
  ASSERT_TRUE(client->send("$qC#b4"));
  EXPECT_EQ(client->read(1), "+");
  const Incoming in = receiveWithin(*server);
  EXPECT_EQ(in.kind, Incoming::Kind::Packet);
  EXPECT_EQ(in.payload, "qC");
  EXPECT_TRUE(server->connected());
}

TEST_F(RspServerTest, DestructionWithAConnectedClientDoesNotHang) {
  auto client = connect();
  ASSERT_TRUE(client->send("$qC#b4"));
  EXPECT_EQ(client->read(1), "+");
  const auto start = std::chrono::steady_clock::now();
  server.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  EXPECT_TRUE(client->closedByPeer());
  client->send("$qC#b4");  // to a closed socket: the test process must survive it
}

TEST(RspServerHandler, ReplacingTheHandlerWaitsForARunningCall) {
  RspServer server("127.0.0.1", 0);
  std::atomic<bool> entered{false}, finished{false};
  server.setAttentionHandler([&](Attention) {
    entered = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    finished = true;
  });
  TcpTestClient client(server.port());
  ASSERT_TRUE(waitUntil([&] { return entered.load(); }));
  server.setAttentionHandler(nullptr);
  EXPECT_TRUE(finished);  // its owner may be destroyed now
  client.close();
  EXPECT_TRUE(waitUntil([&] { return !server.connected(); }));  // and nothing calls it any more
}

TEST(RspServerListen, SamePortTwiceThrowsAClearMessage) {
  RspServer first("127.0.0.1", 0);
  try {
    RspServer second("127.0.0.1", first.port());
    FAIL() << "listening twice on port " << first.port() << " did not throw";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot listen on 127.0.0.1:" + std::to_string(first.port()) + ": address already in use");
  }
}

TEST(RspServerListen, BadAddressThrows) {
  EXPECT_THROW(RspServer("not an address", 0), std::runtime_error);
  EXPECT_THROW(RspServer("192.0.2.1", 0), std::runtime_error);  // not ours to bind
}

TEST(RspServerListen, AnyAddress) {
  RspServer server("0.0.0.0", 0);
  TcpTestClient client(server.port());
  EXPECT_TRUE(client.connected());
  EXPECT_TRUE(server.waitForClient([] { return false; }));
}

TEST(RspServerSignals, WritingToAVanishedDebuggerDoesNotRaiseSigpipe) {
  RspServer server("127.0.0.1", 0);
  {
    TcpTestClient client(server.port());
    ASSERT_TRUE(server.waitForClient([] { return false; }));
  }
  // The client is gone; the server may not have noticed yet. Large writes hit the reset socket.
  for (int i = 0; i < 50; ++i) server.send(std::string(60000, 'x'));
  SUCCEED();
}
