// GDB remote protocol over TCP: listens on a port, serves one debugger at a time. A background
// thread reads the socket, acknowledges packets, answers retransmission requests and queues the
// packets for receive(); Ctrl-C bytes and connection changes are reported at once through the
// attention handler, so that a running simulation can be stopped without polling the socket.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "debug/RspChannel.h"
#include "debug/RspCodec.h"

namespace wtm::debug {

class RspServer : public RspChannel {
 public:
  enum class Attention { Connected, Interrupt, Disconnected };

  // Listens at once on bindAddress ("127.0.0.1", "0.0.0.0", ...) and port (0: any free port).
  // Throws std::runtime_error with a one-line message when that is impossible.
  RspServer(const std::string& bindAddress, uint16_t port);
  // Stops the server thread and closes the connection, if any (no Disconnected report then).
  ~RspServer() override;
  RspServer(const RspServer&) = delete;
  RspServer& operator=(const RspServer&) = delete;

  uint16_t port() const { return port_; }

  // Called from the server thread (keep it short and thread-safe, e.g. set an atomic): a debugger
  // connected, sent Ctrl-C (0x03 between packets), or went away (also after closeClient()). When
  // this returns, the previous handler is not running and will not be called again.
  void setAttentionHandler(std::function<void(Attention)> handler);

  // Blocks until a debugger is connected (true) or abort() returns true (false); abort is polled
  // at least every 100 ms.
  bool waitForClient(const std::function<bool()>& abort);
  bool connected() const;
  // From a signal handler (async-signal-safe): the debugger is dropped and every blocked
  // receive() / waitForClient() returns (Disconnected / false), now and from then on.
  void abortWaits();
  // Ends the current connection (after a detach or kill, for instance).
  void closeClient();

  // RspChannel. receive() gives the packets received so far, then Disconnected once the debugger
  // has gone (at once when none is connected). send() without a debugger does nothing.
  Incoming receive() override;
  void send(const std::string& payload) override;
  void setNoAckMode(bool enabled) override;

 private:
  void serveLoop();
  void readClient();
  void handleEvent(RspEvent& event);
  void acceptClient();
  void dropClient();
  void notify(Attention what);
  // Writes all of `bytes` to the client under ioMutex_; false when the connection broke.
  bool writeLocked(const std::string& bytes);

  uint16_t port_ = 0;
  int listenFd_ = -1;
  int wakeRead_ = -1, wakeWrite_ = -1;  // self-pipe that interrupts the server thread's poll()
  std::atomic<bool> stopping_{false};
  std::atomic<bool> noAck_{false};
  std::atomic<bool> abortWaits_{false};
  bool aborted_ = false;  // under stateMutex_: abortWaits() was called
  RspDecoder decoder_;    // server thread only

  std::mutex ioMutex_;  // socket writes and the client descriptor's lifetime
  int clientFd_ = -1;
  std::string lastSent_;  // framed, for a '-' from the debugger

  mutable std::mutex stateMutex_;
  std::condition_variable stateChanged_;
  bool connected_ = false;
  std::deque<std::string> packets_;

  std::recursive_mutex handlerMutex_;  // the handler may itself replace the handler
  std::function<void(Attention)> handler_;

  std::thread thread_;
};

}  // namespace wtm::debug
