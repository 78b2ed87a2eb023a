// WTM2101 QSPI controller (vendor IP, 0x6400_0000, IRQ 32; reference/soc.md §4.10) in indirect
// and polling mode, driving one SpiDevice (the board's SpiNorFlash).
//
// Indirect mode (QSPI_PULSE.INDIRECT_ACT): chip select, then the phases QSPI_CTRL enables —
// instruction (QSPI_INS), address (ADSIZE+1 bytes of QSPI_ADDR, MSB first), alternate bytes
// (ALSIZE+1 bytes of QSPI_ALTER), DUMMY_CYCLE idle cycles, and DATA_NUM+1 data bytes through the
// 16-word FIFOs (word bytes low byte first), each phase on its own 1/2/4 lines. Transfers take no
// simulated time: a write drains the write FIFO as soon as words are there, a read fills the read
// FIFO until it is full and continues as the CPU (or a DMA) takes words — the clock stall of the
// real controller. QSPI_STATUS shows 5 (read data) / 6 (write data) while a transfer waits for
// the FIFO, 0 when idle; the end raises QSPI_FINISH.
// Polling mode (POLLING_ACT): the configured command reads one status byte repeatedly until
// (status ^ RDSR) & RDSR_MASK == 0, then raises RDSR (the vendor drivers' "polling match") and
// stops. Between polls the model sleeps until the device can change by itself
// (SpiDevice::statusHint), so a 10 ms erase costs one poll, not thousands.
// Memory-mapped mode is configuration only: the 0x6000_0000 window reads the flash array directly.
#pragma once
#include <algorithm>
#include <cstdint>
#include <deque>
#include <set>
#include <string>

#include <systemc>

#include "common/ClockDomain.h"
#include "common/DmaHandshake.h"
#include "common/TimedDevice.h"
#include "periph/spi/SpiDevice.h"
#include "periph/qspi/qspi_regs.h"

namespace wtm::periph {

// The block's state that a reset clears: every register and FIFO, at its reset value.
struct QspiControllerState {
  enum class Mode { Idle, IndirectWrite, IndirectRead, Polling };
  uint32_t dmaCtrl_ = 0, ctrl_ = 0, ins_ = 0, addr_ = 0, alter_ = 0, dataNum_ = 0, polling_ = 0;
  uint32_t mask_ = qspi::INT_MASK_STATUS_RESET;
  uint32_t pending_ = 0;
  uint32_t mappingAct_ = 0;
  std::deque<uint32_t> wfifo_, rfifo_;
  Mode mode_ = Mode::Idle;
  uint64_t remaining_ = 0;
  sc_core::sc_time writeLineFree_;  // indirect write: when the serializer can take the next word
  sc_core::sc_time nextPoll_;       // polling: when the next status read starts
};

class QspiController : public TimedDevice, private QspiControllerState {
 public:
  sc_core::sc_out<bool> irq{"irq"};  // level: INT_SR_PENDING & ~mask

  static constexpr unsigned kFifoWords = 16;  // 4-bit water levels; DMA bursts of 8 words (inferred)
  static constexpr double kSckDivider = 2;    // SCK = pclk / 2 (assumed: no divider register is documented)

  // `pclk` sets the pace of polling (one status read per 16 SCK cycles) and of indirect writes.
  QspiController(sc_core::sc_module_name name, const ClockDomain& pclk);

  void attach(SpiDevice* device) { device_ = device; }
  // Block reset: registers and FIFOs back to their reset values, an operation abandoned.
  void reset();
  // DMA handshakes (DMA_CTRL): TX while the write FIFO is at or below its water level, RX while
  // the read FIFO holds at least its own (and a word); the single requests while the write FIFO
  // has room / the read FIFO holds a word. Driven after every access.
  DmaHandshake& dmaTx() { return dmaTx_; }
  DmaHandshake& dmaRx() { return dmaRx_; }
  bool memoryMapped() const { return mappingAct_ != 0; }

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;
  void afterAccess() override { updateDmaRequests(); }

 private:
  void updateDmaRequests();
  // An indirect write sends the words whose turn came; polling makes the status reads that fell due.
  void advanceTo(const sc_core::sc_time& t) override;
  void driveOutputs() override;  // irq and the DMA requests
  // Words waiting for the serializer leave the FIFO, and status polls happen, as time passes.
  std::optional<sc_core::sc_time> nextChange() const override;
  sc_core::sc_time wordTime(unsigned lanes) const;
  void pulse(uint32_t value);
  void sendHeader(const sc_core::sc_time& at);  // select + instruction, address, alternate, dummy
  void startIndirect();
  void drainWrite();
  void fillRead();
  void finish();
  void stop();
  bool pollOnce(const sc_core::sc_time& at);
  void schedulePoll(const sc_core::sc_time& after);
  uint32_t fifoStatus() const;
  uint32_t state() const;
  void raise(uint32_t bits);
  void warnOnce(const std::string& key, const std::string& text);

  const ClockDomain& pclk_;
  SpiDevice* device_ = nullptr;
  std::set<std::string> warned_;
  DmaHandshake dmaTx_, dmaRx_;
};

}  // namespace wtm::periph
