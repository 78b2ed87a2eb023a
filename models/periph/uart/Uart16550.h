// DW_apb_uart (16550-compatible) as on the WTM2101 (UART0/UART1; reference/soc.md §4.1).
//
// Transmit: THR or a 16-deep FIFO (FCR.FIFOE) in front of the shift register. A character
// occupies the transmitter for (start + data + parity + stop bits) x 16 x divisor / f_pclk of
// simulated time; LSR.THRE/TEMT, USR and TFL are computed from the queued characters'
// timestamps when read (TxTimeline). Characters reach the host sink when written, so output
// is never held back; the timing only drives status bits, interrupts and peer/loopback arrival.
// Receive: RBR or a 16-deep FIFO filled by the host (`receive`), a peer UART or loopback
// (MCR.LB), with LSR.DR/OE, the FCR trigger level and the character time-out.
// Interrupts: level output `irq`, 16550 priorities in IIR (line status, RX data, time-out,
// THR empty). The timed-device update wakes when the level can change by itself (THR drains,
// a character arrives, the time-out expires) — no per-bit events, no clock.
//
// Time: accesses carry the CPU's local time (accessTime(), possibly ahead of sc_time_stamp()
// under temporal decoupling). The model's own time only moves forward (the latest time it has
// seen), so a later callback at an earlier sc_time_stamp() never undoes what the CPU observed.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <string>

#include <systemc>

#include "common/ClockDomain.h"
#include "common/DmaHandshake.h"
#include "common/DmaHandshake.h"
#include "common/TimedDevice.h"
#include "periph/uart/TxTimeline.h"

namespace wtm::periph {

class Uart16550 : public TimedDevice {
 public:
  // High while an enabled interrupt source is active (bind to the ECLIC line).
  sc_core::sc_out<bool> irq{"irq"};

  // `pclk` drives the baud generator (f_AHB on the WTM2101); read on every character.
  Uart16550(sc_core::sc_module_name name, const ClockDomain& pclk);

  // Host end of the TX line: called once per character at the moment firmware writes THR
  // (not in loopback mode, where the serial output stays idle).
  void setTxSink(std::function<void(uint8_t)> sink) { sink_ = std::move(sink); }
  // Cross-wires this UART's TX to `peer`'s RX: characters arrive when their stop bit ends.
  void connectTxTo(Uart16550& peer) { peer_ = &peer; }
  // Host → RX, arriving at the current sc_time_stamp(). Call from a SystemC process (or
  // between sc_start() calls). A full RX FIFO / RBR sets LSR.OE.
  void receive(uint8_t byte);
  void receive(const std::string& text);
  // A character whose stop bit ends at simulated time `at` (peer UARTs, loopback).
  void receiveAt(uint8_t byte, const sc_core::sc_time& at);

  uint32_t divisor() const { return (dlh_ << 8) | dll_; }
  double baudRate() const;           // f_pclk / (16 x divisor), 0 while the divisor is 0
  std::string lineSettings() const;  // e.g. "115200 8N1"
  unsigned rxLevel() const { return static_cast<unsigned>(rx_.size()); }
  // DMA handshakes, driven after every access and as characters come and go: dma_tx_req while
  // the transmit FIFO (or THR) is empty, dma_tx_single while it has room; dma_rx_req while the
  // receive FIFO holds at least its trigger level (one character without FIFOs), dma_rx_single
  // while it holds a character. The character time-out does not raise a request (documented).
  DmaHandshake& dmaTx() { return dmaTx_; }
  DmaHandshake& dmaRx() { return dmaRx_; }

  // Block reset (RCC RST_EN): registers, FIFOs and pending characters back to their reset state.
  void reset();

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;
  void afterAccess() override { updateDmaRequests(); }

 private:
  struct Arrival {
    uint8_t byte;
    sc_core::sc_time at;
  };

  // Retires sent characters, takes in due arrivals, latches the THR-empty interrupt.
  void advanceTo(const sc_core::sc_time& t) override;
  void driveOutputs() override;  // irq and the DMA requests
  // THR drains, a peer's character arrives, the character time-out expires.
  std::optional<sc_core::sc_time> nextChange() const override;
  sc_core::sc_time characterTime() const;
  unsigned fifoDepth() const;
  unsigned rxTriggerLevel() const;
  sc_core::sc_time rxTimeoutAt() const;
  bool thrEmpty() const { return tx_.waiting(now()) == 0; }
  void latchThrEmpty();
  void transmit(uint8_t byte);
  void pushRx(uint8_t byte, const sc_core::sc_time& at);
  uint32_t popRx();

  uint32_t lineStatus() const;
  uint32_t modemStatus() const;
  uint32_t uartStatus() const;
  uint32_t interruptId() const;
  uint32_t iirValue() const;
  uint32_t readIir();  // iirValue(), acknowledging a THRE interrupt it reports
  void writeIer(uint32_t value);
  void writeFcr(uint32_t value);
  void softwareReset(uint32_t srr);
  void noteLineInUse();

  void updateDmaRequests();

  const ClockDomain& pclk_;
  std::function<void(uint8_t)> sink_;
  Uart16550* peer_ = nullptr;

  uint32_t dll_ = 0, dlh_ = 0, ier_ = 0, lcr_ = 0, mcr_ = 0, scr_ = 0, fcr_ = 0, htx_ = 0;
  TxTimeline tx_;
  bool thrWasEmpty_ = true;   // for the empty edge that raises the THRE interrupt
  bool threPending_ = false;  // THRE interrupt latched (cleared by IIR read / THR write)
  std::deque<uint8_t> rx_;
  std::deque<Arrival> arrivals_;     // peer / loopback characters, by arrival time
  sc_core::sc_time lastRxActivity_;  // restarts the character time-out
  bool overrun_ = false;

  DmaHandshake dmaTx_, dmaRx_;
  bool warnedNoBaud_ = false;
  bool warnedTxOverflow_ = false;
  std::string loggedSettings_;
};

}  // namespace wtm::periph
