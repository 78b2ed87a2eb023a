#include "UartHostLink.h"

#include "BoardOptions.h"

#include <arpa/inet.h>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <fcntl.h>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common/InputError.h"
#include "common/InputFile.h"
#include "common/Log.h"

namespace wtm::platform {

UartHostLink::UartHostLink(sc_core::sc_module_name name, periph::Uart16550& uart, Kind kind, const std::string& source,
                           const sc_core::sc_time& start)
    : sc_core::sc_module(name), uart_(uart), kind_(kind), channel_(*this), start_(start) {
  if (kind_ == Kind::Stdin) inputFd_ = STDIN_FILENO;
  if (kind_ == Kind::File) {
    // A file is read whole now, so its bytes arrive at the same simulated times on every run.
    const std::vector<uint8_t> bytes = readRegularFile(source, kMaxUartInputBytes, /*allowEmpty=*/true);
    pending_.assign(bytes.begin(), bytes.end());
    eof_ = true;
    SC_HAS_PROCESS(UartHostLink);
    SC_METHOD(deliver);
    sensitive << deliverEvent_;
    dont_initialize();
    if (!pending_.empty()) deliverEvent_.notify(start_);
    return;
  }
  if (kind_ == Kind::Tcp) {
    unsigned tcpPort = 0;
    try {
      size_t used = 0;
      tcpPort = static_cast<unsigned>(std::stoul(source, &used));
      if (used != source.size() || tcpPort > 65535) throw std::invalid_argument(source);
    } catch (const std::exception&) {
      throw InputError("tcp:" + source, "not a TCP port number");
    }
    listenFd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(listenFd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(tcpPort));
    if (listenFd_ < 0 || ::bind(listenFd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listenFd_, 1) != 0) {
      const std::string why = std::strerror(errno);
      if (listenFd_ >= 0) ::close(listenFd_);
      throw InputError("tcp:" + std::to_string(tcpPort), "cannot listen on 127.0.0.1: " + why);
    }
    socklen_t len = sizeof addr;
    ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    log::warn(basename(), ": waiting for a TCP client on 127.0.0.1:", port_);
  }
  // Keep the kernel alive while host input can still arrive.
  suspending_ = channel_.attachSuspending();
  SC_HAS_PROCESS(UartHostLink);
  SC_METHOD(deliver);
  sensitive << deliverEvent_;
  dont_initialize();
  reader_ = std::thread([this] { readerLoop(); });
}

UartHostLink::~UartHostLink() {
  stopping_ = true;
  if (reader_.joinable()) {
    if (kind_ == Kind::Stdin) reader_.detach();  // a blocked read of stdin cannot be interrupted
    else reader_.join();
  }
  if (clientFd_ >= 0) ::close(clientFd_);
  if (listenFd_ >= 0) ::close(listenFd_);
}

void UartHostLink::readerLoop() {
  int fd = inputFd_;
  uint8_t buf[256];
  while (!stopping_) {
    if (kind_ == Kind::Tcp && fd < 0) {
      pollfd p{listenFd_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      fd = ::accept(listenFd_, nullptr, nullptr);
      if (fd < 0) continue;
      std::lock_guard<std::mutex> lock(mutex_);
      clientFd_ = fd;
      while (!toHost_.empty()) {
        const uint8_t c = toHost_.front();
        toHost_.pop_front();
        if (::write(fd, &c, 1) != 1) break;
      }
      continue;
    }
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      fromHost_.insert(fromHost_.end(), buf, buf + n);
    }
    channel_.async_request_update();
  }
  eof_ = true;
  channel_.async_request_update();
}

void UartHostLink::inputArrived() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.insert(pending_.end(), fromHost_.begin(), fromHost_.end());
    fromHost_.clear();
  }
  if (!pending_.empty()) {
    const sc_core::sc_time now = sc_core::sc_time_stamp();
    deliverEvent_.notify(start_ > now ? start_ - now : sc_core::SC_ZERO_TIME);
  }
  if (eof_ && suspending_) {
    channel_.detachSuspending();  // the stream is closed: the run may end when idle
    suspending_ = false;
  }
}

void UartHostLink::deliver() {
  if (pending_.empty()) return;
  uart_.receive(pending_.front());
  pending_.pop_front();
  if (!pending_.empty()) {
    // Pace the host input at the programmed line rate so the RX FIFO does not overrun.
    const double baud = uart_.baudRate();
    const sc_core::sc_time charTime =
        baud > 0 ? sc_core::sc_time(10.0 / baud, sc_core::SC_SEC) : sc_core::sc_time(100, sc_core::SC_US);
    deliverEvent_.notify(charTime);
  }
}

bool UartHostLink::hasUnread() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return !fromHost_.empty();
}

void UartHostLink::send(uint8_t byte) {
  if (kind_ != Kind::Tcp) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (clientFd_ >= 0) {
    if (::write(clientFd_, &byte, 1) == 1) return;
  }
  toHost_.push_back(byte);
}

}  // namespace wtm::platform
