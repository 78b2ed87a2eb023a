// X3 board keys pressed from the terminal (`--keys-stdin`): each line typed on standard input
// names a key ("K2", "K3" or "GPIOn", optionally ":HOLD" such as "K2:300ms") and presses it at
// the current simulated time. A host thread reads; presses enter the simulation through an async
// update, and the run keeps waiting for input while standard input is open.
#pragma once
#include <atomic>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include <systemc>

#include "X3Board.h"

namespace wtm::platform {

class TerminalKeys : public sc_core::sc_module {
 public:
  TerminalKeys(sc_core::sc_module_name name, X3Board& board, int fd);
  ~TerminalKeys() override;

  // Presses may still arrive (input open or lines not yet handled).
  bool active() const;

 private:
  struct Channel : sc_core::sc_prim_channel {
    explicit Channel(TerminalKeys& k) : sc_core::sc_prim_channel("key_input"), keys(k) {}
    void update() override { keys.linesArrived(); }
    bool attachSuspending() { return async_attach_suspending(); }
    bool detachSuspending() { return async_detach_suspending(); }
    TerminalKeys& keys;
  };
  void readerLoop();
  void linesArrived();  // kernel context

  X3Board& board_;
  int fd_;
  Channel channel_;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::deque<std::string> lines_;
  std::atomic<bool> eof_{false};
  std::atomic<bool> stopping_{false};
  bool suspending_ = false;
};

// "K2", "K3:200ms", "GPIO5" -> the press (at 0; hold as given or the default). Throws InputError.
KeyPress parseTerminalKey(const std::string& line);

}  // namespace wtm::platform
