// Connects a UART of the board to host input: a file (read whole at start-up, so runs are
// reproducible), standard input, or a TCP client on 127.0.0.1:PORT (`--uart0 tcp:PORT`; TX goes
// to the client, what it sends goes to RX). For live streams a host thread reads; bytes enter the
// simulation through an async update. Bytes are handed to the UART no faster than its line rate.
// While a live stream is open the simulation waits for input instead of ending when idle.
#pragma once
#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include <systemc>

#include "periph/uart/Uart16550.h"

namespace wtm::platform {

class UartHostLink : public sc_core::sc_module {
 public:
  enum class Kind { Stdin, File, Tcp };

  // `source`: the file to read for Kind::File, the port number for Kind::Tcp (0 = any free
  // port). Throws InputError when the file or port cannot be opened.
  UartHostLink(sc_core::sc_module_name name, periph::Uart16550& uart, Kind kind, const std::string& source = "",
               const sc_core::sc_time& start = sc_core::SC_ZERO_TIME);
  ~UartHostLink() override;

  // TX bytes of the UART (for TCP: sent to the client, buffered until one connects).
  void send(uint8_t byte);
  unsigned port() const { return port_; }
  // Input may still arrive (the stream is open, or bytes wait to be delivered).
  bool active() const { return !eof_ || !pending_.empty() || hasUnread(); }

 private:
  struct Channel : sc_core::sc_prim_channel {
    explicit Channel(UartHostLink& link) : sc_core::sc_prim_channel("host_input"), link_(link) {}
    void update() override { link_.inputArrived(); }
    bool attachSuspending() { return async_attach_suspending(); }
    bool detachSuspending() { return async_detach_suspending(); }
    UartHostLink& link_;
  };

  void readerLoop();
  bool hasUnread() const;
  void inputArrived();  // kernel context
  void deliver();       // SC_METHOD: one byte per character time

  periph::Uart16550& uart_;
  Kind kind_;
  unsigned port_ = 0;
  int listenFd_ = -1;
  int inputFd_ = -1;  // stdin
  std::atomic<int> clientFd_{-1};
  Channel channel_;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::deque<uint8_t> fromHost_;  // filled by the reader thread
  std::deque<uint8_t> pending_;   // kernel side, waiting for the line
  std::deque<uint8_t> toHost_;    // TX before a client connected
  std::atomic<bool> eof_{false};
  std::atomic<bool> stopping_{false};
  bool suspending_ = false;
  sc_core::sc_event deliverEvent_;
  sc_core::sc_time start_;  // no input is delivered before this simulated time
};

}  // namespace wtm::platform
