// A named clock whose frequency firmware may change at run time (PLL, dividers). Models that
// convert between cycles and simulated time hold a reference to the domain they are clocked by.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <systemc>

namespace wtm {

class ClockDomain {
 public:
  ClockDomain(std::string name, double hz) : name_(std::move(name)) { setFrequency(hz); }

  const std::string& name() const { return name_; }
  double frequency() const { return hz_; }
  const sc_core::sc_time& period() const { return period_; }
  // Whole cycles covered by `t`, rounded up (a partial cycle still costs the core a cycle).
  // Integer units of the time resolution throughout: a double is exact only up to 2^53 of them
  // (2.5 hours of simulated time at 1 ps).
  uint64_t cyclesCeil(const sc_core::sc_time& t) const {
    const uint64_t p = period_.value();
    return (t.value() + p - 1) / p;
  }
  sc_core::sc_time cycles(uint64_t n) const { return sc_core::sc_time::from_value(period_.value() * n); }

  void setFrequency(double hz) {
    hz_ = hz;
    period_ = sc_core::sc_time(1.0 / hz, sc_core::SC_SEC);
    for (auto& cb : listeners_) cb(*this);
  }
  void onChange(std::function<void(const ClockDomain&)> cb) { listeners_.push_back(std::move(cb)); }

 private:
  std::string name_;
  double hz_ = 0;
  sc_core::sc_time period_;
  std::vector<std::function<void(const ClockDomain&)>> listeners_;
};

// The domains a model that can switch clocks listens to. ClockDomain listeners cannot be removed,
// so the model subscribes once per domain it has ever used and `handler` sees every change of
// any of them (it filters for the domain in use).
class ClockSubscriptions {
 public:
  explicit ClockSubscriptions(std::function<void(const ClockDomain&)> handler) : handler_(std::move(handler)) {}
  void add(ClockDomain& clock) {
    for (const ClockDomain* d : domains_)
      if (d == &clock) return;
    domains_.push_back(&clock);
    clock.onChange(handler_);
  }

 private:
  std::function<void(const ClockDomain&)> handler_;
  std::vector<const ClockDomain*> domains_;
};

}  // namespace wtm
