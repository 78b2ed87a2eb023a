// DW_apb_uart (16550-compatible) as on the WTM2101 (UART0/UART1; reference/soc.md §4.1).
//
// Transmit: THR or a 16-deep FIFO (FCR.FIFOE) feeding the shift register. Every character
// takes (start + data + parity + stop bits) x 16 x divisor / f_pclk of simulated time, so
// LSR.THRE/TEMT, USR and TFL follow the programmed baud rate. Characters reach the host sink
// when written (so output is never held back); the timing only drives the status bits,
// interrupts and the arrival time at a connected peer UART.
// Receive: a 16-deep FIFO (or RBR) filled from the host (`receive`), from a peer UART or by
// loopback (MCR.LB), with LSR.DR/OE, the FIFO trigger level and the character time-out.
// Interrupts (level output `irq`): line status, received data, character time-out and THR
// empty, with the 16550 priority encoding in IIR.
// Approximations (documented in README.md here): no parity/framing/break errors are ever
// generated, the modem-status interrupt is never raised, DMA handshakes are not modelled.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <string>

#include <systemc>

#include "common/ClockDomain.h"
#include "common/MmioDevice.h"

namespace wtm::periph {

class Uart16550 : public MmioDevice {
 public:
  sc_core::sc_out<bool> irq{"irq"};

  Uart16550(sc_core::sc_module_name name, const ClockDomain& pclk);

  // Host end of the TX line.
  void setTxSink(std::function<void(uint8_t)> sink) { sink_ = std::move(sink); }
  // Cross-wires this UART's TX to `peer`'s RX: characters arrive when their stop bit ends.
  void connectTxTo(Uart16550& peer) { peer_ = &peer; }
  // Host → RX, arriving now (call from a SystemC process or before the run).
  void receive(uint8_t byte);
  void receive(const std::string& text);
  // A character that finishes arriving at simulated time `at` (peer UARTs, loopback).
  void receiveAt(uint8_t byte, const sc_core::sc_time& at);

  double baudRate() const;
  std::string lineSettings() const;  // e.g. "115200 8N1"
  unsigned rxLevel() const { return static_cast<unsigned>(rx_.size()); }

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  struct TxChar {
    sc_core::sc_time start;  // enters the shift register
    sc_core::sc_time end;    // stop bit done
  };
  struct Arrival {
    uint8_t byte;
    sc_core::sc_time at;
  };

  sc_core::sc_time characterTime() const;
  unsigned fifoDepth() const;
  // Brings the model up to `now`: retires sent characters, delivers due arrivals.
  void advance(const sc_core::sc_time& now);
  unsigned txWaiting(const sc_core::sc_time& now) const;  // characters not yet in the shift register
  bool thrEmpty(const sc_core::sc_time& now) const { return txWaiting(now) == 0; }
  bool txIdle() const { return tx_.empty(); }
  void pushRx(uint8_t byte, const sc_core::sc_time& now);
  void writeThr(uint8_t byte, const sc_core::sc_time& now);
  uint32_t lsr(const sc_core::sc_time& now) const;
  uint8_t interruptId(const sc_core::sc_time& now) const;
  void reset();
  void logLineSettings();
  // Re-evaluates the irq line now and re-arms for the next time it can change by itself.
  void updateIrq();
  void requestIrqUpdate(const sc_core::sc_time& at);

  const ClockDomain& pclk_;
  std::function<void(uint8_t)> sink_;
  Uart16550* peer_ = nullptr;

  uint32_t dll_ = 0, dlh_ = 0, ier_ = 0, lcr_ = 0, mcr_ = 0, scr_ = 0, fcr_ = 0, htx_ = 0;
  bool overrun_ = false;
  bool threInterrupt_ = false;  // THR-empty interrupt latched (cleared by IIR read / THR write)
  bool thrWasEmpty_ = true;
  std::deque<TxChar> tx_;
  std::deque<uint8_t> rx_;
  std::deque<Arrival> arrivals_;       // loopback / peer characters not yet received
  sc_core::sc_time lastRxTime_;
  sc_core::sc_event irqEvent_;
  bool warnedNoBaud_ = false;
  bool warnedTxOverflow_ = false;
  std::string lastSettings_;
};

}  // namespace wtm::periph
