// Timestamps of the characters a UART transmitter holds (THR or TX FIFO plus the shift
// register). The line status is derived from these times on demand, so the model needs no
// per-bit or per-character events: a character is "waiting" before its start, "shifting"
// between start and end, and gone afterwards.
#pragma once
#include <algorithm>
#include <deque>

#include <systemc>

namespace wtm::periph {

class TxTimeline {
 public:
  // Queues a character written at `now`; it enters the shift register `loadDelay` later at the
  // earliest, and not before the previous one has left it. Returns the time its stop bit ends.
  sc_core::sc_time push(const sc_core::sc_time& now, const sc_core::sc_time& characterTime,
                        const sc_core::sc_time& loadDelay = sc_core::SC_ZERO_TIME) {
    const sc_core::sc_time start = std::max(now + loadDelay, chars_.empty() ? now : chars_.back().end);
    chars_.push_back({start, start + characterTime});
    return chars_.back().end;
  }
  // Forgets the characters that have been sent completely by `now`.
  void retire(const sc_core::sc_time& now) {
    while (!chars_.empty() && chars_.front().end <= now) chars_.pop_front();
  }
  // Characters still in THR / the FIFO at `now` (not yet in the shift register).
  unsigned waiting(const sc_core::sc_time& now) const {
    unsigned n = 0;
    for (auto it = chars_.rbegin(); it != chars_.rend() && it->start > now; ++it) ++n;
    return n;
  }
  // Nothing in THR / the FIFO nor in the shift register (call after retire()).
  bool idle() const { return chars_.empty(); }
  // When THR / the FIFO runs empty: the last queued character enters the shift register.
  sc_core::sc_time drainTime() const { return chars_.empty() ? sc_core::SC_ZERO_TIME : chars_.back().start; }
  // TX FIFO reset: drops what waits, the character in the shift register finishes.
  void dropWaiting(const sc_core::sc_time& now) {
    while (!chars_.empty() && chars_.back().start > now) chars_.pop_back();
  }
  void clear() { chars_.clear(); }

 private:
  struct Char {
    sc_core::sc_time start;  // enters the shift register
    sc_core::sc_time end;    // stop bit done
  };
  std::deque<Char> chars_;
};

}  // namespace wtm::periph
