// DW_apb_ssi as the WTM2101's SPIM (master, 0x6400_A000, IRQ 31) and SPIS (slave, 0x6400_F000,
// IRQ 43); reference/soc.md §4.10, vendor spi.c. Motorola SPI frames of 4..32 bits (CTRLR0.DFS_32,
// the field the vendor driver programs), 16-deep TX and RX FIFOs.
//
// Master: frames leave the TX FIFO one after the other once the block is enabled and a slave is
// selected (SER), each taking (frame bits x BAUDR) clock periods of simulated time: the frame
// leaves the TX FIFO as it starts and its received word enters the RX FIFO as it ends. One
// chip-select burst lasts while frames follow each other without a gap (the DW master ends it
// when the TX FIFO runs empty), so the vendor pattern SER = 0, fill the FIFO, SER = CSn, keep it
// filled sends one burst. Each frame goes to the device attached to the selected CS
// (SpiDevice::transferFrame, called as the frame starts); with no device attached, or CTRLR0.SRL
// set, the frame loops back. TMOD 0 keeps received frames, 1 drops them, 2 (receive only) starts
// NDF+1 frames with a DR write, 3 (EEPROM read) sends the FIFO then receives NDF+1 frames;
// received-only frames are clocked in as the RX FIFO has room. BAUDR = 0 stops the clock: no
// frame starts (warned once). Like the UART, the model computes frame boundaries when it is
// accessed or when the next boundary is due, never per bit.
// Slave: it is itself a SpiDevice. A master on the board (SPIM via attach(), a host test) selects
// it and exchanges frames: received frames enter the RX FIFO, answers come from the TX FIFO (an
// empty TX FIFO answers 0 and sets SR.TXE).
// Interrupts: RISR per the DW map (TXE at or below TXFTLR, RXF above RXFTLR, overflow/underflow
// latched until their clear register is read); ISR = RISR & IMR; `irq` is ISR != 0.
#pragma once
#include <cstdint>
#include <deque>
#include <set>
#include <string>

#include <systemc>

#include "common/ClockDomain.h"
#include "common/DmaHandshake.h"
#include "common/TimedDevice.h"
#include "periph/spi/SpiDevice.h"
#include "periph/spi/spi_regs.h"

namespace wtm::periph {

// The block's state that a reset clears: every register and FIFO, at its reset value.
struct DwApbSsiState {
  uint32_t ctrlr0_ = spi::CTRLR0_RESET, ctrlr1_ = 0, ssienr_ = 0, mwcr_ = 0, ser_ = 0, baudr_ = 0;
  uint32_t txftlr_ = 0, rxftlr_ = 0, imr_ = spi::IMR_RESET, dmacr_ = 0, dmatdlr_ = 0, dmardlr_ = 0;
  std::deque<uint32_t> tx_, rx_;
  uint32_t latched_ = 0;  // TXO, RXU, RXO raw bits
  bool inBurst_ = false;
  bool slaveSelected_ = false;
  bool txError_ = false;
  uint32_t receiveOnlyLeft_ = 0;  // TMOD 2/3 frames still to clock in
  // Master: the frame on the wires, and when the line is free for the next one.
  bool frameInFlight_ = false;
  bool frameKept_ = false;  // its received word goes to the RX FIFO
  uint32_t frameIn_ = 0;
  sc_core::sc_time frameEnd_;
};

class DwApbSsi : public TimedDevice, public SpiDevice, private DwApbSsiState {
 public:
  enum class Role { Master, Slave };
  sc_core::sc_out<bool> irq{"irq"};
  // 16 deep: the vendor spi examples say so and send 16 frames to the slave before anything reads
  // its RX FIFO (the vendor register header's 4-bit level fields would only count to 15).
  static constexpr unsigned kFifoDepth = 16;

  // `pclk` is the block clock SCK is divided from (BAUDR).
  DwApbSsi(sc_core::sc_module_name name, Role role, const ClockDomain& pclk);

  Role role() const { return role_; }
  // Master: the device behind chip select `cs` (0..2); nullptr detaches (the CS then loops back).
  void attach(SpiDevice* device, unsigned cs = 0);
  // Block reset: registers and FIFOs back to their reset values (attached devices stay).
  void reset();
  unsigned frameBits() const;
  unsigned rxLevel() const { return static_cast<unsigned>(rx_.size()); }
  unsigned txLevel() const { return static_cast<unsigned>(tx_.size()); }
  // DMA handshakes (DMACR.TDMAE / RDMAE with DMATDLR / DMARDLR), for the board to connect.
  DmaHandshake& dmaTx() { return dmaTx_; }
  DmaHandshake& dmaRx() { return dmaRx_; }

  // Slave side (SpiDevice): called by the master on the other end of the wires.
  void select(const sc_core::sc_time& at) override;
  void deselect(const sc_core::sc_time& at) override;
  uint8_t transfer(uint8_t out, unsigned lanes, bool hostDrives) override;
  uint32_t transferFrame(uint32_t out, unsigned bits) override;

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  bool enabled() const { return ssienr_ & 1u; }
  uint32_t frameMask() const;
  // Completes the frames that ended by t and starts the ones that follow them.
  void advanceTo(const sc_core::sc_time& t) override;
  void driveOutputs() override;                                 // irq and the DMA requests
  std::optional<sc_core::sc_time> nextChange() const override;  // the end of the frame in flight
  // Starts a frame at max(now(), end of the last one) if one can start and the line is idle.
  void pump();
  bool frameCanStart() const;
  void startFrame(const sc_core::sc_time& at);
  sc_core::sc_time frameTime() const;
  uint32_t exchange(uint32_t frame);
  void beginBurst(const sc_core::sc_time& at);  // slave select down
  void endBurst(const sc_core::sc_time& at);
  void pushRx(uint32_t frame);
  uint32_t rawStatus() const;
  uint32_t status() const;
  bool registerValue(uint32_t offset, uint32_t& value) const;
  void disable();
  void updateDmaRequests();
  // After every change of FIFOs or registers: DMA levels at once, the interrupt line via the kernel.
  void stateChanged();
  void warnOnce(const std::string& key, const std::string& text);

  Role role_;
  const ClockDomain& pclk_;
  SpiDevice* devices_[3] = {nullptr, nullptr, nullptr};
  std::set<std::string> warned_;
  DmaHandshake dmaTx_, dmaRx_;
};

}  // namespace wtm::periph
