// A SystemC testbench for one memory-mapped model (shared by the timer, gpio, wdt, rtc and pwm
// tests). SystemC elaborates once per process, so each test executable builds one testbench on
// first use; every test hands it a scenario that runs in the testbench's SC_THREAD, where
// register accesses happen in process context (as from the CPU) and simulated time advances with
// wait() or, for temporally decoupled accesses, through the TLM delay.
#pragma once
#include <gtest/gtest.h>

#include <cstring>
#include <functional>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "../DebugRead.h"
#include "common/MmioDevice.h"

namespace periph_test {

using sc_core::sc_time;
using sc_core::SC_ZERO_TIME;

class MmioTestbench : public sc_core::sc_module {
 public:
  using Socket = tlm_utils::simple_initiator_socket<MmioTestbench>;
  using Scenario = std::function<void(MmioTestbench&)>;

  Socket bus{"bus"};
  using sc_core::sc_module::wait;  // scenarios advance simulated time with tb.wait(...)

  MmioTestbench(sc_core::sc_module_name name, wtm::MmioDevice& device) : sc_core::sc_module(name) {
    bus.bind(device.socket);
    SC_HAS_PROCESS(MmioTestbench);
    SC_THREAD(runScenarios);
  }

  // Runs `scenario` in the testbench thread until it returns (false: it blocked first).
  // `before` runs in the thread first (e.g. a model reset).
  bool run(Scenario scenario, std::function<void()> before = nullptr) {
    scenario_ = std::move(scenario);
    before_ = std::move(before);
    finished_ = false;
    start_.notify(SC_ZERO_TIME);
    sc_core::sc_start();
    return finished_;
  }

  tlm::tlm_response_status transport(bool write, uint32_t offset, uint32_t& value, unsigned size, sc_time delay) {
    unsigned char data[4] = {};
    std::memcpy(data, &value, size);
    tlm::tlm_generic_payload p;
    p.set_command(write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
    p.set_address(offset);
    p.set_data_ptr(data);
    p.set_data_length(size);
    p.set_streaming_width(size);
    p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    bus->b_transport(p, delay);
    if (!write) {
      value = 0;
      std::memcpy(&value, data, size);
    }
    return p.get_response_status();
  }
  uint32_t read(uint32_t offset, unsigned size = 4, sc_time delay = SC_ZERO_TIME) {
    uint32_t v = 0;
    EXPECT_EQ(transport(false, offset, v, size, delay), tlm::TLM_OK_RESPONSE) << "read of " << offset;
    return v;
  }
  void write(uint32_t offset, uint32_t value, unsigned size = 4, sc_time delay = SC_ZERO_TIME) {
    EXPECT_EQ(transport(true, offset, value, size, delay), tlm::TLM_OK_RESPONSE) << "write of " << offset;
  }
  // The `size`-byte register at `offset` read by debug transport, as a debugger reads it (the same
  // value at several lengths and alignments, DebugRead.h).
  uint32_t debugRead(uint32_t offset, unsigned size = 4) { return debugReadRegister(bus, offset, size); }
  // Lets pending zero-delay updates run (a method, then its signal update).
  void settle() {
    wait(SC_ZERO_TIME);
    wait(SC_ZERO_TIME);
  }

 private:
  void runScenarios() {
    for (;;) {
      wait(start_);
      if (before_) before_();
      settle();
      scenario_(*this);
      finished_ = true;
      sc_core::sc_pause();
    }
  }

  Scenario scenario_;
  std::function<void()> before_;
  sc_core::sc_event start_;
  bool finished_ = false;
};

}  // namespace periph_test
