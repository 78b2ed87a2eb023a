// DW_apb_i2s as used for I2S0 (0x6400_8000, IRQ 30, DMA handshake 12) and I2S1 (0x6400_9000,
// IRQ 42, handshake 10) of the WTM2101 (reference/soc.md §4.9): one stereo channel, a transmit
// and a receive FIFO of kFifoDepth stereo entries, master (SCLK/LRCLK from the RCC divider) or
// slave (clocked by a connected peer or an external frame rate).
//
// Frames: in master mode with IER.IEN and CER.CLKEN set, one stereo frame leaves/enters every
// 2 x (16|24|32 per CCR.WSS) SCLK cycles, SCLK = clk / (RCC CLK_DIV_3.DIV_GI2S_x + 1) — the
// vendor drivers' formula with clk = f_AHB (hal_i2s also divides by the APB0 divider, identical
// at its reset value). A frame pops one entry of the TX FIFO (zeros when empty: an underrun,
// counted) and hands it to the TX sink, and pushes one frame from the RX source (or the peer's
// TX, or zeros) into the RX FIFO (overrun sets RXFO and drops it). One SC_METHOD event per
// frame while clocked; nothing runs while the clock is off.
//
// Interrupt and DMA: ISR = RXDA (RX level >= RFCR + 1), RXFO, TXFE (transmitter enabled and TX
// level <= TFCR), TXFO; the IRQ line is ISR & ~IMR. On the WTM2101 the same level is the DMA
// handshake request: one handshake number per block serves TX and RX and the vendor code
// unmasks TXFE/RXDA "to handshake with DMA" (i2s_int_dma example, hal_i2s) — modelled so (inferred).
// IMR resets to 0x33 (all masked): every vendor driver unmasks what it uses (inferred).
//
// Data: LTHR/RTHR (or TXDMA, alternating left/right) feed separate left/right FIFOs; LRBR reads
// the oldest RX entry's left word, RRBR its right word and pops it (RXDMA alternates). Words are
// kept as written; the sink gets them sign-extended from TCR.WLEN bits, the source's values are
// truncated to RCR.WLEN bits.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>

#include <systemc>

#include "common/ClockDomain.h"
#include "common/TimedDevice.h"
#include "periph/i2s/i2s_regs.h"

namespace wtm::periph {

struct I2sFormat {
  double frameRate = 0;    // stereo frames per second (LRCLK)
  unsigned wordBits = 0;   // TCR/RCR.WLEN decoded (12..32); 0 = not configured
  unsigned slotBits = 32;  // SCLK cycles per word (CCR.WSS)
};

struct I2sFrame {
  int32_t left = 0;
  int32_t right = 0;
};

class DwApbI2s : public TimedDevice {
 public:
  static constexpr unsigned kFifoDepth = 8;  // stereo entries; hal_i2s pre-fills 8 (inferred)

  // Called once per transmitted frame (enabled transmitter) at its simulated time.
  using TxSink = std::function<void(const I2sFrame&, const I2sFormat&, const sc_core::sc_time&)>;
  // Supplies the next received frame; false = no data (the line carries zeros).
  using RxSource = std::function<bool(I2sFrame&, const I2sFormat&)>;

  sc_core::sc_out<bool> irq{"irq"};

  // `clk` is the bus clock the RCC divider divides (f_AHB).
  DwApbI2s(sc_core::sc_module_name name, const ClockDomain& clk);

  // RCC CLK_DIV_3.DIV_GI2S_x (SCLK = clk / (divider + 1)): a fixed value, or a probe read
  // whenever a frame is scheduled (the board reads the RCC register, which has no listener).
  void setClockDivider(unsigned divider);
  void setClockDividerProbe(std::function<unsigned()> probe) { dividerProbe_ = std::move(probe); }
  void setTxSink(TxSink sink) { sink_ = std::move(sink); }
  void setRxSource(RxSource source) { source_ = std::move(source); }
  // The DMA handshake request level (= the interrupt level), reported on every change.
  void setDmaRequestHandler(std::function<void(bool)> handler) { dmaRequest_ = std::move(handler); }
  bool dmaRequest() const { return level_; }
  // Wires this block's pins to `other`'s (SDO->SDI both ways, shared SCLK/LRCLK): whichever is
  // master and clocked drives the frames of both; its TX reaches the other's RX and back.
  void connectPeer(DwApbI2s& other);
  void disconnectPeer();
  // Slave mode with an external master on the pins (host side): frames at `hz` (0 = none).
  void setExternalFrameRate(double hz);
  // Block reset (RCC RST_EN.I2Sx).
  void reset();

  double sclkHz() const;
  double frameRate() const;  // of this block's own generator (master mode)
  I2sFormat txFormat() const;
  I2sFormat rxFormat() const;
  bool isMaster() const { return !(mlsw_ & 1u); }
  unsigned txLevel() const;
  unsigned rxLevel() const { return static_cast<unsigned>(rx_.size()); }
  uint64_t framesTransmitted() const { return framesTx_; }
  uint64_t framesReceived() const { return framesRx_; }
  uint64_t underruns() const { return underruns_; }

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  bool enabled() const { return ier_ & 1u; }
  bool txActive() const { return enabled() && (iter_ & 1u) && (ter_ & 1u); }
  bool rxActive() const { return enabled() && (irer_ & 1u) && (rer_ & 1u); }
  bool generatesClock() const;
  sc_core::sc_time framePeriod() const;
  uint32_t isr() const;
  I2sFrame popTx();
  void pushRx(const I2sFrame& f);
  void pushTx(bool right, uint32_t value);
  void flushTx();
  void flushRx();
  void updateLevel();  // recompute the interrupt/DMA level
  void reschedule();   // (re)start or stop the frame clock after a register change
  void tick();         // SC_METHOD: one frame
  // The frames are clocked by tick(); the timed-device update only drives `irq`.
  void advanceTo(const sc_core::sc_time&) override {}
  void driveOutputs() override { irq.write(level_); }

  const ClockDomain& clk_;
  unsigned divider_ = 0;
  std::function<unsigned()> dividerProbe_;
  uint32_t ier_ = 0, irer_ = 0, iter_ = 0, cer_ = 0, ccr_ = 0, rer_ = 1, ter_ = 1, rcr_ = 0, tcr_ = 0;
  uint32_t imr_ = i2s::IMR_RESET, rfcr_ = 0, tfcr_ = 0, mlsw_ = 0;
  bool rxOverrun_ = false, txOverrun_ = false;
  std::deque<uint32_t> txLeft_, txRight_;
  std::deque<std::pair<uint32_t, uint32_t>> rx_;
  bool txDmaRight_ = false, rxDmaRight_ = false;
  bool level_ = false;
  bool running_ = false;
  double externalRate_ = 0;
  DwApbI2s* peer_ = nullptr;
  TxSink sink_;
  RxSource source_;
  std::function<void(bool)> dmaRequest_;
  uint64_t framesTx_ = 0, framesRx_ = 0, underruns_ = 0;
  sc_core::sc_event tickEvent_;
};

}  // namespace wtm::periph
