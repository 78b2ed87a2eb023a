// The frame of every SystemC model test here. SystemC elaborates once per process, so each test
// executable builds its testbench once (elaboratedOnce); every test hands it a scenario that runs
// in the testbench's SC_THREAD, where register accesses happen in process context (as from the
// CPU) and simulated time advances with wait() or, for temporally decoupled accesses, through the
// TLM delay.
#pragma once
#include <cstdint>
#include <cstring>
#include <functional>

#include <systemc>
#include <tlm>

namespace wtm::test {

// One TLM access of `size` bytes (1, 2 or 4) at `address` through an initiator socket; `delay`
// is the initiator's local time offset, and `delayAfter` (if given) receives it as the target
// left it. A read's bytes come back in `value` (zero-extended).
template <typename Socket>
tlm::tlm_response_status tlmAccess(Socket& socket, bool write, std::uint64_t address, std::uint32_t& value,
                                   unsigned size, sc_core::sc_time delay = sc_core::SC_ZERO_TIME,
                                   sc_core::sc_time* delayAfter = nullptr) {
  unsigned char data[4] = {};
  std::memcpy(data, &value, size);
  tlm::tlm_generic_payload p;
  p.set_command(write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
  p.set_address(address);
  p.set_data_ptr(data);
  p.set_data_length(size);
  p.set_streaming_width(size);
  p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  socket->b_transport(p, delay);
  if (delayAfter) *delayAfter = delay;
  if (!write) {
    value = 0;
    std::memcpy(&value, data, size);
  }
  return p.get_response_status();
}

// A testbench module whose thread runs one scenario per run(): first prepare() (the bench's
// resets), then `before`, then pending zero-delay updates, then the scenario.
template <typename Derived>
class ScenarioTestbench : public sc_core::sc_module {
 public:
  using Scenario = std::function<void(Derived&)>;
  using sc_core::sc_module::wait;  // scenarios advance simulated time with tb.wait(...)

  // Runs `scenario` until it returns; false if the simulation ran out of events first (it blocked).
  bool run(Scenario scenario, std::function<void()> before = nullptr) {
    scenario_ = std::move(scenario);
    before_ = std::move(before);
    finished_ = false;
    start_.notify(sc_core::SC_ZERO_TIME);
    sc_core::sc_start();
    return finished_;
  }
  // Lets pending zero-delay updates run (a method, then its signal update).
  void settle() {
    wait(sc_core::SC_ZERO_TIME);
    wait(sc_core::SC_ZERO_TIME);
  }

 protected:
  explicit ScenarioTestbench(sc_core::sc_module_name name) : sc_core::sc_module(name) {
    SC_HAS_PROCESS(ScenarioTestbench);
    SC_THREAD(runScenarios);
  }
  virtual void prepare() {}  // what every scenario starts from

 private:
  void runScenarios() {
    for (;;) {
      wait(start_);
      prepare();
      if (before_) before_();
      settle();
      scenario_(static_cast<Derived&>(*this));
      finished_ = true;
      sc_core::sc_pause();
    }
  }

  Scenario scenario_;
  std::function<void()> before_;
  sc_core::sc_event start_;
  bool finished_ = false;
};

// The one T of this process, built on first use and elaborated; it lives until exit, like the
// simulation context.
template <typename T>
T& elaboratedOnce() {
  static T* instance = [] {
    auto* t = new T();
    sc_core::sc_start(sc_core::SC_ZERO_TIME);  // elaborate; a testbench thread waits for its first scenario
    return t;
  }();
  return *instance;
}

}  // namespace wtm::test
