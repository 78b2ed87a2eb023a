#include "debug/RspServer.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

#include "common/Log.h"

namespace wtm::debug {
namespace {

constexpr int kPollSliceMs = 100;

// strerror() text as the tail of a one-line message: "address already in use".
std::string lowerFirst(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

std::string peerName(const sockaddr_storage& address) {
  char host[NI_MAXHOST] = "?", service[NI_MAXSERV] = "?";
  getnameinfo(reinterpret_cast<const sockaddr*>(&address), sizeof address, host, sizeof host, service, sizeof service,
              NI_NUMERICHOST | NI_NUMERICSERV);
  return std::string(host) + ":" + service;
}

void closeFd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

}  // namespace

RspServer::RspServer(const std::string& bindAddress, uint16_t port) {
  const std::string where = "cannot listen on " + bindAddress + ":" + std::to_string(port) + ": ";
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const int lookup = getaddrinfo(bindAddress.c_str(), std::to_string(port).c_str(), &hints, &found);
  if (lookup != 0) throw std::runtime_error(where + lowerFirst(gai_strerror(lookup)));

  int lastError = EADDRNOTAVAIL;
  for (addrinfo* a = found; a && listenFd_ < 0; a = a->ai_next) {
    int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) {
      lastError = errno;
      continue;
    }
    // A debugger session that just ended leaves the port in TIME_WAIT; it must not block a restart.
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, 4) != 0) {
      lastError = errno;
      ::close(fd);
      continue;
    }
    listenFd_ = fd;
  }
  freeaddrinfo(found);
  if (listenFd_ < 0) throw std::runtime_error(where + lowerFirst(std::strerror(lastError)));

  sockaddr_storage bound{};
  socklen_t boundLength = sizeof bound;
  ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&bound), &boundLength);
  port_ = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                            : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);

  int wake[2];
  if (::pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) {
    const int error = errno;
    closeFd(listenFd_);
    throw std::runtime_error(where + lowerFirst(std::strerror(error)));
  }
  wakeRead_ = wake[0];
  wakeWrite_ = wake[1];
  thread_ = std::thread(&RspServer::serveLoop, this);
}

RspServer::~RspServer() {
  stopping_ = true;
  {
    std::lock_guard<std::mutex> lock(stateMutex_);
    connected_ = false;  // a receive() still waiting returns rather than waits on a dead object
  }
  stateChanged_.notify_all();
  const char byte = 0;
  [[maybe_unused]] ssize_t ignored = ::write(wakeWrite_, &byte, 1);
  if (thread_.joinable()) thread_.join();
  {
    std::lock_guard<std::mutex> io(ioMutex_);
    closeFd(clientFd_);
  }
  closeFd(listenFd_);
  closeFd(wakeRead_);
  closeFd(wakeWrite_);
}

void RspServer::setAttentionHandler(std::function<void(Attention)> handler) {
  std::lock_guard<std::recursive_mutex> lock(handlerMutex_);
  handler_ = std::move(handler);
}

bool RspServer::waitForClient(const std::function<bool()>& abort) {
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(stateMutex_);
      if (stateChanged_.wait_for(lock, std::chrono::milliseconds(kPollSliceMs),
                                 [this] { return connected_ || aborted_; }))
        return connected_;
    }
    if (abort && abort()) return false;
  }
}

void RspServer::abortWaits() {
  abortWaits_ = true;
  const char byte = 0;
  [[maybe_unused]] ssize_t ignored = ::write(wakeWrite_, &byte, 1);
}

bool RspServer::connected() const {
  std::lock_guard<std::mutex> lock(stateMutex_);
  return connected_;
}

void RspServer::closeClient() {
  {
    // The server thread owns closing the descriptor: shutting it down wakes its poll() with an
    // end of file, and it then reports the disconnection.
    std::lock_guard<std::mutex> io(ioMutex_);
    if (clientFd_ >= 0) ::shutdown(clientFd_, SHUT_RDWR);
  }
  std::lock_guard<std::mutex> lock(stateMutex_);
  connected_ = false;
  packets_.clear();
  stateChanged_.notify_all();
}

Incoming RspServer::receive() {
  std::unique_lock<std::mutex> lock(stateMutex_);
  stateChanged_.wait(lock, [this] { return !packets_.empty() || !connected_; });
  if (packets_.empty()) return Incoming{Incoming::Kind::Disconnected, {}};
  Incoming in{Incoming::Kind::Packet, std::move(packets_.front())};
  packets_.pop_front();
  return in;
}

void RspServer::send(const std::string& payload) {
  std::lock_guard<std::mutex> io(ioMutex_);
  lastSent_ = rspFrame(payload);
  writeLocked(lastSent_);
}

void RspServer::setNoAckMode(bool enabled) { noAck_ = enabled; }

bool RspServer::writeLocked(const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    // A debugger that stops reading must not hold a run that is asked to end.
    if (clientFd_ < 0 || stopping_ || abortWaits_) return false;
    const ssize_t n = ::send(clientFd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
    if (n > 0) {
      done += static_cast<size_t>(n);
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      pollfd p{clientFd_, POLLOUT, 0};
      ::poll(&p, 1, kPollSliceMs);
    } else {
      return false;  // the reader side notices the broken connection and drops it
    }
  }
  return true;
}

void RspServer::notify(Attention what) {
  // Held during the call: once setAttentionHandler() has replaced a handler, the old one is not
  // running any more, and its owner may go away.
  std::lock_guard<std::recursive_mutex> lock(handlerMutex_);
  if (handler_) handler_(what);
}

// --- server thread -----------------------------------------------------------------------------

void RspServer::serveLoop() {
  while (!stopping_) {
    pollfd fds[3] = {{wakeRead_, POLLIN, 0}, {listenFd_, POLLIN, 0}, {clientFd_, POLLIN, 0}};
    const nfds_t count = clientFd_ >= 0 ? 3 : 2;
    if (::poll(fds, count, -1) < 0) {
      if (errno == EINTR) continue;
      log::error("gdb server: poll failed: ", std::strerror(errno));
      break;
    }
    if (stopping_) break;
    if (fds[0].revents) {
      char drain[64];
      while (::read(wakeRead_, drain, sizeof drain) > 0) {
      }
      if (abortWaits_.exchange(false)) {
        // A signal handler asked blocked callers to give up: the debugger is dropped.
        if (clientFd_ >= 0) dropClient();
        std::lock_guard<std::mutex> lock(stateMutex_);
        aborted_ = true;
        stateChanged_.notify_all();
      }
    }
    // The client first: a connection that just ended must be gone before the next is accepted.
    if (count == 3 && fds[2].revents) readClient();
    if (fds[1].revents & POLLIN) acceptClient();
  }
}

void RspServer::readClient() {
  char buffer[4096];
  const ssize_t n = ::recv(clientFd_, buffer, sizeof buffer, 0);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
  if (n <= 0) {
    dropClient();
    return;
  }
  decoder_.feed(buffer, static_cast<size_t>(n));
  while (auto event = decoder_.next()) handleEvent(*event);
}

void RspServer::handleEvent(RspEvent& event) {
  switch (event.kind) {
    case RspEvent::Kind::Packet:
      if (!event.checksumOk) {
        if (!noAck_) {
          std::lock_guard<std::mutex> io(ioMutex_);
          writeLocked("-");
        } else {
          // Nobody would retransmit it; a corrupted command is better dropped than executed.
          log::warn("gdb server: dropped a packet with a bad checksum");
        }
        return;
      }
      if (!noAck_) {
        std::lock_guard<std::mutex> io(ioMutex_);
        writeLocked("+");
      }
      {
        std::lock_guard<std::mutex> lock(stateMutex_);
        if (!connected_) return;  // closeClient() was called: nobody will read it
        packets_.push_back(std::move(event.payload));
      }
      stateChanged_.notify_all();
      return;
    case RspEvent::Kind::Ack: return;
    case RspEvent::Kind::Nak:
      if (!noAck_) {
        std::lock_guard<std::mutex> io(ioMutex_);
        if (!lastSent_.empty()) writeLocked(lastSent_);
      }
      return;
    case RspEvent::Kind::Interrupt: notify(Attention::Interrupt); return;
    case RspEvent::Kind::Overflow: {
      // Asking for it again would bring the same packet back: take it and answer with an error.
      log::warn("gdb server: dropped a packet longer than ", RspDecoder::kDefaultMaxPacket, " bytes");
      std::lock_guard<std::mutex> io(ioMutex_);
      if (!noAck_) writeLocked("+");
      lastSent_ = rspFrame("E01");
      writeLocked(lastSent_);
      return;
    }
  }
}

void RspServer::acceptClient() {
  sockaddr_storage peer{};
  socklen_t peerLength = sizeof peer;
  const int fd = ::accept4(listenFd_, reinterpret_cast<sockaddr*>(&peer), &peerLength, SOCK_CLOEXEC | SOCK_NONBLOCK);
  if (fd < 0) return;  // the client gave up between poll() and accept(), or a transient error
  if (clientFd_ >= 0 && !connected()) dropClient();  // closeClient() was called: it is on its way out
  if (clientFd_ >= 0) {
    log::warn("gdb server: refused a second debugger from ", peerName(peer), " (one at a time)");
    ::close(fd);
    return;
  }
  // Small packets both ways, each waited for: Nagle's delay would slow every step.
  const int on = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  decoder_.reset();
  noAck_ = false;
  {
    std::lock_guard<std::mutex> io(ioMutex_);
    clientFd_ = fd;
    lastSent_.clear();
  }
  {
    std::lock_guard<std::mutex> lock(stateMutex_);
    packets_.clear();
    connected_ = true;
  }
  stateChanged_.notify_all();
  log::info("gdb server: debugger connected from ", peerName(peer));
  notify(Attention::Connected);
}

void RspServer::dropClient() {
  {
    std::lock_guard<std::mutex> io(ioMutex_);
    closeFd(clientFd_);
    lastSent_.clear();
  }
  {
    std::lock_guard<std::mutex> lock(stateMutex_);
    connected_ = false;
  }
  stateChanged_.notify_all();
  log::info("gdb server: debugger disconnected");
  notify(Attention::Disconnected);
}

}  // namespace wtm::debug
