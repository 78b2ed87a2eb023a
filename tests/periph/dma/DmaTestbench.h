// A small SoC for the DMA and I2S tests: a "CPU" initiator and the DMA master on one
// AddressRouter, SRAM seen at 0x3000_0000 (system view, as the WTM2101) and at 0x0 (a core-local
// alias the DMA must not reach), the DMA at 0x5000_0000, a handshaking test FIFO and an I2S
// block. Scenarios run in the testbench's SC_THREAD like the other peripheral tests.
#pragma once
#include <gtest/gtest.h>

#include <cstring>
#include <deque>
#include <functional>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "DebugRead.h"
#include "ScenarioTestbench.h"
#include "bus/AddressRouter.h"
#include "common/ClockDomain.h"
#include "common/MmioDevice.h"
#include "common/RegisterTable.h"
#include "memory/BankedMemory.h"
#include "periph/dma/DwAhbDmac.h"
#include "periph/dma/dma_regs.h"
#include "periph/i2s/DwApbI2s.h"
#include "periph/i2s/i2s_regs.h"

namespace dma_test {

using sc_core::sc_time;
using sc_core::SC_ZERO_TIME;
using wtm::periph::DwAhbDmac;
using wtm::periph::DwApbI2s;
namespace regs = wtm::periph::dma;

constexpr uint64_t kSramSys = 0x30000000;
constexpr uint64_t kSramAlias = 0x00000000;
constexpr uint64_t kSramSize = 0x10000;
constexpr uint64_t kDmaBase = 0x50000000;
constexpr uint64_t kFifoBase = 0x64004000;
constexpr uint64_t kI2sBase = 0x64009000;
constexpr uint64_t kI2sPeerBase = 0x64008000;
constexpr unsigned kFifoHandshake = 3;
constexpr unsigned kI2sHandshake = 10;

// A peripheral with a 32-bit data register at +0 backed by a FIFO and one DMA handshake
// interface: as a source it requests a burst while `burstLevel` items are waiting and a single
// transaction while any is; as a destination while it has room for `burstLevel` items.
class TestFifo : public wtm::MmioDevice {
 public:
  static constexpr wtm::RegisterInfo kRegs[] = {{"DATA", 0, wtm::RegAccess::RW, "data"}};
  TestFifo(sc_core::sc_module_name name, DwAhbDmac& dma)
      : MmioDevice(name, wtm::RegisterTable{{kRegs, 1}, {}}), dma_(dma) {
    dma.setAcknowledgeHandler(kFifoHandshake, [this](const DwAhbDmac::Acknowledge& a) { acks.push_back(a); });
  }
  std::deque<uint32_t> items;
  std::vector<uint32_t> written;
  std::vector<DwAhbDmac::Acknowledge> acks;
  unsigned burstLevel = 4;
  unsigned capacity = 16;
  bool asSource = true;

  void clear() {
    items.clear();
    written.clear();
    acks.clear();
    refresh();
  }
  void push(uint32_t v) {
    items.push_back(v);
    refresh();
  }
  void refresh() {
    if (asSource) {
      dma_.setRequest(kFifoHandshake, items.size() >= burstLevel);
      dma_.setSingleRequest(kFifoHandshake, !items.empty());
    } else {
      dma_.setRequest(kFifoHandshake, capacity - written.size() >= burstLevel);
      dma_.setSingleRequest(kFifoHandshake, written.size() < capacity);
    }
  }

 protected:
  bool readRegister(uint32_t offset, unsigned, uint32_t& value) override {
    if (offset != 0) return false;
    value = items.empty() ? 0 : items.front();
    if (debugAccess()) return true;  // a debugger's read pops nothing
    if (!items.empty()) items.pop_front();
    refresh();
    return true;
  }
  bool writeRegister(uint32_t offset, unsigned, uint32_t value) override {
    if (offset != 0) return false;
    written.push_back(value);
    refresh();
    return true;
  }

 private:
  DwAhbDmac& dma_;
};

class Testbench : public wtm::test::ScenarioTestbench<Testbench> {
 public:
  using Socket = tlm_utils::simple_initiator_socket<Testbench>;

  wtm::ClockDomain hclk{"hclk", 24.576e6};
  wtm::bus::AddressRouter router{"router", hclk};
  wtm::memory::BankedMemory sram{
      "sram", kSramSize, {{"sys", {{0, 0, kSramSize}}, true}, {"alias", {{0, 0, kSramSize}}, true}}};
  DwAhbDmac dma{"dma", hclk};
  TestFifo fifo{"fifo", dma};
  DwApbI2s i2s{"i2s", hclk};
  DwApbI2s i2sPeer{"i2s_peer", hclk};  // the other block, for pin-to-pin wiring tests
  Socket cpu{"cpu"};
  sc_core::sc_signal<bool> dmaIrq{"dma_irq"};
  sc_core::sc_signal<bool> i2sIrq{"i2s_irq"};
  sc_core::sc_signal<bool> i2sPeerIrq{"i2s_peer_irq"};

  explicit Testbench(sc_core::sc_module_name name = "tb") : ScenarioTestbench(name) {
    cpu.bind(router.targetSocket);
    dma.bus.bind(router.targetSocket);
    router.attach("SRAM_SYS", kSramSys, kSramSize, 0, sram.socket(0));
    router.attach("ALIAS", kSramAlias, kSramSize, 0, sram.socket(1));
    router.attach("DMA", kDmaBase, 0x1000, 1, dma.socket);
    router.attach("FIFO", kFifoBase, 0x1000, 2, fifo.socket);
    router.attach("I2S", kI2sBase, 0x1000, 2, i2s.socket);
    router.attach("I2S_PEER", kI2sPeerBase, 0x1000, 2, i2sPeer.socket);
    dma.addUnreachableWindow(kSramAlias, kSramSize, "core-local alias");
    dma.irq.bind(dmaIrq);
    i2s.irq.bind(i2sIrq);
    i2sPeer.irq.bind(i2sPeerIrq);
    i2s.setDmaRequestHandler([this](bool level) { dma.setRequest(kI2sHandshake, level); });
  }

  tlm::tlm_response_status transport(bool write, uint64_t address, uint32_t& value, unsigned size) {
    return wtm::test::tlmAccess(cpu, write, address, value, size);
  }
  uint32_t read(uint64_t address) {
    uint32_t v = 0;
    EXPECT_EQ(transport(false, address, v, 4), tlm::TLM_OK_RESPONSE) << "read of " << std::hex << address;
    return v;
  }
  void write(uint64_t address, uint32_t value) {
    EXPECT_EQ(transport(true, address, value, 4), tlm::TLM_OK_RESPONSE) << "write of " << std::hex << address;
  }
  // DMA registers; channel registers of channel `ch`.
  uint32_t dmaRead(uint32_t offset) { return read(kDmaBase + offset); }
  void dmaWrite(uint32_t offset, uint32_t value) { write(kDmaBase + offset, value); }
  uint32_t chRead(unsigned ch, uint32_t offset) { return dmaRead(ch * DwAhbDmac::kChannelStride + offset); }
  void chWrite(unsigned ch, uint32_t offset, uint32_t value) {
    dmaWrite(ch * DwAhbDmac::kChannelStride + offset, value);
  }

  // A register read by debug transport through the router, as a debugger reads it (DebugRead.h).
  uint32_t debugRead(uint64_t address) { return periph_test::debugReadRegister(cpu, address); }

  uint8_t* mem(uint64_t sysAddress) { return sram.storage() + (sysAddress - kSramSys); }
  sc_time cycles(double n) const { return hclk.period() * n; }

 private:
  void prepare() override {
    dma.reset();
    i2s.reset();
    i2sPeer.reset();
    fifo.clear();
    std::memset(sram.storage(), 0, kSramSize);
  }
};

inline Testbench& testbench() { return wtm::test::elaboratedOnce<Testbench>(); }

inline void runScenario(Testbench::Scenario scenario) {
  ASSERT_TRUE(testbench().run(std::move(scenario))) << "scenario blocked before finishing";
}

// CTL low word as DMA_Init builds it.
struct Ctl {
  unsigned srcWidth = 0, dstWidth = 0, sinc = 0, dinc = 0, srcMsize = 0, dstMsize = 0, ttfc = 0;
  bool llpSrc = false, llpDst = false, intEn = true;
  uint32_t value() const {
    uint32_t v = 0;
    v = regs::CTL_INT_EN.set(v, intEn);
    v = regs::CTL_DST_TR_WIDTH.set(v, dstWidth);
    v = regs::CTL_SRC_TR_WIDTH.set(v, srcWidth);
    v = regs::CTL_DINC.set(v, dinc);
    v = regs::CTL_SINC.set(v, sinc);
    v = regs::CTL_DEST_MSIZE.set(v, dstMsize);
    v = regs::CTL_SRC_MSIZE.set(v, srcMsize);
    v = regs::CTL_TT_FC.set(v, ttfc);
    v = regs::CTL_LLP_DST_EN.set(v, llpDst);
    v = regs::CTL_LLP_SRC_EN.set(v, llpSrc);
    return v;
  }
};

}  // namespace dma_test
