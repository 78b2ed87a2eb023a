// SystemC testbenches for memory-mapped models: BusTestbench, a ScenarioTestbench with an
// initiator socket and the register accesses scenarios make through it (the UART and NPU
// benches build on it), and MmioTestbench, the bench of one model (the timer, gpio, wdt, rtc,
// pwm, clock, spi, qspi, i2c, audio and fbank tests): its bus socket bound to the model,
// scenarios run as ScenarioTestbench.h describes.
#pragma once
#include <gtest/gtest.h>

#include <functional>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "DebugRead.h"
#include "ScenarioTestbench.h"
#include "common/MmioDevice.h"

namespace periph_test {

using sc_core::sc_time;
using sc_core::SC_ZERO_TIME;

// Accesses from the scenario thread through `bus` (or another socket of the bench): read and
// write expect TLM_OK_RESPONSE, transport hands back the status for tests that expect an error.
// `delay` is the initiator's local time offset.
template <typename Derived>
class BusTestbench : public wtm::test::ScenarioTestbench<Derived> {
 public:
  using Socket = tlm_utils::simple_initiator_socket<BusTestbench>;

  Socket bus{"bus"};

  tlm::tlm_response_status transport(Socket& socket, bool write, uint32_t offset, uint32_t& value, unsigned size,
                                     sc_time delay) {
    return wtm::test::tlmAccess(socket, write, offset, value, size, delay);
  }
  tlm::tlm_response_status transport(bool write, uint32_t offset, uint32_t& value, unsigned size, sc_time delay) {
    return transport(bus, write, offset, value, size, delay);
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

 protected:
  explicit BusTestbench(sc_core::sc_module_name name) : wtm::test::ScenarioTestbench<Derived>(name) {}
};

class MmioTestbench : public BusTestbench<MmioTestbench> {
 public:
  MmioTestbench(sc_core::sc_module_name name, wtm::MmioDevice& device) : BusTestbench(name) { bus.bind(device.socket); }
};

}  // namespace periph_test
