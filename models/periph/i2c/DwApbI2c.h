// DW_apb_i2c as the WTM2101's I2C block (0x6400_7000, IRQ 29; reference/soc.md §4.10, vendor
// i2c.c and the sht20 example): master mode with 7-bit addressing, 8-deep TX (command) and RX
// FIFOs, devices attached per address (I2cDevice); an address nobody answers is not acknowledged
// (TX_ABRT with ABRT_7B_ADDR_NOACK, TX FIFO flushed until IC_CLR_TX_ABRT is read).
//
// Timing: each IC_DATA_CMD write is placed on a bus timeline when it is written, at the CPU's
// local time: START + address (9 SCL periods), RESTART on a direction change or the RESTART bit,
// 9 SCL periods per byte plus any clock stretching of the device, and a STOP when the command has
// the STOP bit or — as the DW master does — when the TX FIFO is empty at the end of a byte. The
// SCL period is (HCNT + LCNT + 8 + SPKLEN) ic_clk cycles for the selected speed (the inverse of
// the vendor I2C_Init). Status (TXFLR/RXFLR, IC_STATUS, RAW_INTR_STAT, STOP_DET ...) is derived
// from that timeline when read, so a byte is in the RX FIFO only once its ninth clock has passed.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>

#include <systemc>

#include "common/ClockDomain.h"
#include "common/DmaHandshake.h"
#include "common/TimedDevice.h"
#include "periph/i2c/I2cDevice.h"
#include "periph/i2c/i2c_regs.h"

namespace wtm::periph {

// The block's state that a reset clears: every register, FIFO and bus-timeline entry, at its
// reset value.
struct DwApbI2cState {
  struct Event {
    sc_core::sc_time at;
    enum Kind { RxByte, Raw, Abort, Stop } kind;
    uint32_t value;
  };

  uint32_t con_ = i2c::IC_CON_RESET, tar_ = i2c::IC_TAR_RESET, sar_ = i2c::IC_SAR_RESET;
  uint32_t ssHcnt_ = i2c::IC_SS_SCL_HCNT_RESET, ssLcnt_ = i2c::IC_SS_SCL_LCNT_RESET;
  uint32_t fsHcnt_ = i2c::IC_FS_SCL_HCNT_RESET, fsLcnt_ = i2c::IC_FS_SCL_LCNT_RESET;
  uint32_t intrMask_ = i2c::IC_INTR_MASK_RESET, rxTl_ = 0, txTl_ = 0, enable_ = 0;
  uint32_t sdaHold_ = i2c::IC_SDA_HOLD_RESET, sdaSetup_ = i2c::IC_SDA_SETUP_RESET;
  uint32_t dmaCr_ = 0, dmaTdlr_ = 0, dmaRdlr_ = 0;
  uint32_t ackGenCall_ = i2c::IC_ACK_GENERAL_CALL_RESET, spklen_ = i2c::IC_FS_SPKLEN_RESET;

  std::deque<Event> events_;               // future effects, in time order
  std::deque<sc_core::sc_time> txStarts_;  // when each queued command leaves the TX FIFO
  std::deque<uint8_t> rx_;
  uint32_t raw_ = 0;  // latched raw interrupt bits
  uint32_t abrtSource_ = 0;
  // Bus timeline.
  bool inTransfer_ = false;  // a transfer without its STOP decided yet
  bool lastRead_ = false;
  I2cDevice* current_ = nullptr;
  sc_core::sc_time lastEnd_;    // end of the last byte on the bus
  sc_core::sc_time busFreeAt_;  // end of the last STOP
  sc_core::sc_time abortAt_;
  bool abortPending_ = false;  // TX FIFO flushed from abortAt_ until IC_CLR_TX_ABRT is read
  uint32_t flushed_ = 0;
  // Slave mode: the TX FIFO holds data for an external master's reads.
  std::deque<uint8_t> slaveTx_;
  bool slaveActive_ = false;  // addressed, until the STOP
};

class DwApbI2c : public TimedDevice, private DwApbI2cState {
 public:
  sc_core::sc_out<bool> irq{"irq"};
  static constexpr unsigned kFifoDepth = 8;  // IC_TXFLR / IC_RXFLR are 4 bits

  // `icClk` is the block clock the SCL counts are in (the APB/AHB clock on this chip).
  DwApbI2c(sc_core::sc_module_name name, const ClockDomain& icClk);

  // The device answering 7-bit address `address` (nullptr removes it).
  void attach(uint8_t address, I2cDevice* device);
  // Block reset: registers, FIFOs and any transfer in progress back to the reset state.
  void reset();
  // SCL period for the current speed setting.
  sc_core::sc_time sclPeriod() const;
  // DMA handshakes (IC_DMA_CR.TDMAE / RDMAE with IC_DMA_TDLR / IC_DMA_RDLR), for the board to connect.
  DmaHandshake& dmaTx() { return dmaTx_; }
  DmaHandshake& dmaRx() { return dmaRx_; }

  // Slave mode (IC_CON.MASTER_MODE = 0, IC_SLAVE_DISABLE = 0, enabled): the bus as an external
  // master drives it, each call at the simulated time of its bus event.
  // START (or repeated START) and the address byte: true = acknowledged (the address is IC_SAR).
  bool slaveAddressed(uint8_t address, bool read);
  // A byte the master wrote, acknowledged (RX_OVER and lost when the RX FIFO is full).
  void slaveReceive(uint8_t byte);
  // The byte the master reads next; nullopt while the TX FIFO is empty: RD_REQ is raised and the
  // slave holds SCL low (wait for slaveTxWritten() and ask again).
  std::optional<uint8_t> slaveTransmit();
  // The master's answer to a byte it read: a NACK ends the read (RX_DONE; bytes still in the TX
  // FIFO are flushed with TX_ABRT, ABRT_SLVFLUSH_TXFIFO).
  void slaveReadAnswered(bool ack);
  void slaveStop();
  const sc_core::sc_event& slaveTxWritten() const { return slaveTxWritten_; }

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;
  void afterAccess() override { updateDmaRequests(); }

 private:
  bool slaveMode() const;
  void slaveEvent(uint32_t rawBits);  // bus time has come to now: latch `rawBits`, update the outputs
  void pushEvent(const sc_core::sc_time& at, Event::Kind kind, uint32_t value);
  void command(uint32_t value);
  void scheduleStop(const sc_core::sc_time& at);
  void abort(const sc_core::sc_time& at, uint32_t source);
  unsigned txLevel() const;
  uint32_t rawStatus() const;
  uint32_t status() const;
  bool registerValue(uint32_t offset, uint32_t& value) const;
  void readClear(uint32_t bits);
  void updateDmaRequests();

  void advanceTo(const sc_core::sc_time& t) override;  // bus events up to t
  void driveOutputs() override;                        // irq and the DMA requests
  std::optional<sc_core::sc_time> nextChange() const override;
  void warnOnce(const std::string& key, const std::string& text);

  const ClockDomain& clk_;
  std::map<uint8_t, I2cDevice*> devices_;

  sc_core::sc_event slaveTxWritten_;
  std::set<std::string> warned_;
  DmaHandshake dmaTx_, dmaRx_;
};

}  // namespace wtm::periph
