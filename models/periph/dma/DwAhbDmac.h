// DW_ahb_dmac as on the WTM2101 (reference/soc.md §4.6): 6 channels, one AHB master port, 16
// hardware handshake interfaces, one combined interrupt line (IRQ 35).
//
// Programming model: global enable (DMA_CFG), channel enable with write-enable bits (CH_EN),
// per-channel SAR/DAR/LLP/CTL/CFG; item widths 8/16/32 bit, increment/decrement/fixed addresses,
// block sizes in source items; memory<->memory, memory<->peripheral and peripheral<->peripheral
// with hardware (setRequest) or software (REQ_*/SGL_REQ_* registers) handshaking; multi-block
// transfers by linked lists (LLI fetch, CTL/SSTAT/DSTAT write-back), auto-reload of SAR/DAR
// (with the databook's stall after the block interrupt until CLEAR_BLOCK) and contiguous
// addresses; raw/status/mask/clear for Tfr, Block, SrcTran, DstTran, Err and STATUS_INT.
//
// Data moves through `bus` (b_transport into the board's router), so peripherals see every
// access of a DMA to their FIFO registers exactly as from the CPU. Transfers run in one
// SC_THREAD that picks the highest-priority ready channel, performs one transaction (a burst or
// single transaction of a handshaking peripheral; for memory-to-memory a batch of up to
// kMemoryBatchBytes, one TLM transaction per side when addresses increment) and waits for its
// bus time. No per-cycle ticking.
//
// Timing (HCLK cycles; assumed, no public figure exists): every data item costs one bus beat on
// each side (kCyclesPerBeat), every burst/single transaction adds kCyclesPerTransaction for
// channel arbitration and the AHB address phase, plus whatever latency the router reports for
// the regions (APB peripherals 2 cycles per access, SRAM 0). An LLI fetch is 5 beats plus one
// transaction, the CTL write-back 1 beat (+1 each for SSTAT/DSTAT) plus one transaction.
// Memory-to-memory batching does not change the time: the cost is counted per MSIZE burst.
//
// Interrupt semantics (vendor firmware): RAW_* bits are set whether or not CTL.INT_EN is set
// (uart_dma / spi examples poll RAW_TFR with INT_EN = 0); STATUS_* = RAW & MASK & INT_EN of the
// channel; the line is high while any STATUS bit is set. CH_EN bits read back 1 until the
// transfer ends (drivers poll them).
//
// Bus errors (TLM error responses, or addresses inside a window registered as unreachable —
// the board registers the core-private ILM/DLM views, DMA masters see SRAM at 0x3000_0000) set
// RAW_ERR and disable the channel; the first one per channel is logged with the address.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "common/ClockDomain.h"
#include "common/TimedDevice.h"

namespace wtm::periph {

class DwAhbDmac : public TimedDevice {
 public:
  static constexpr unsigned kChannels = 6;
  static constexpr unsigned kHandshakes = 16;
  static constexpr uint32_t kChannelStride = 0x58;
  static constexpr unsigned kCyclesPerBeat = 1;
  static constexpr unsigned kCyclesPerTransaction = 2;
  static constexpr unsigned kMemoryBatchBytes = 1024;

  // Acknowledge of one transaction to a handshaking peripheral (dma_ack): after its last data
  // beat, before the DMA looks at the request level again.
  struct Acknowledge {
    unsigned handshake = 0;
    bool burst = true;      // false: a single transaction
    bool blockEnd = false;  // the transaction ended the block
    bool peripheralIsSource = true;
  };

  tlm_utils::simple_initiator_socket<DwAhbDmac> bus{"bus"};
  sc_core::sc_out<bool> irq{"irq"};  // combined interrupt (IRQ 35), level

  DwAhbDmac(sc_core::sc_module_name name, const ClockDomain& hclk);

  // ---- Peripheral side of the hardware handshake interfaces (0..15, reference/soc.md §4.6) ----
  // dma_req: burst request level. A channel whose remaining block is at least one burst waits
  // for it; in the single-transaction region the DMA also accepts it as a single request.
  void setRequest(unsigned handshake, bool level);
  // dma_single: single-transaction request level (optional; peripherals without it leave it low).
  void setSingleRequest(unsigned handshake, bool level);
  bool requestLevel(unsigned handshake) const;
  // Called after each transaction with that handshake interface (from the DMA thread).
  void setAcknowledgeHandler(unsigned handshake, std::function<void(const Acknowledge&)> handler);

  // Linked-list mode, block end: whether CTL (with DONE and the item count) is written back into
  // the block's LLI (the DW_ahb_dmac build option DMAH_CHx_CTL_WB_EN). Off by default: the
  // vendor's own linked-list example reads that word back as a byte count after the first block
  // interrupt, which works only without write-back (docs in README.md). SSTAT/DSTAT are written
  // back whenever CFG_HI.SS_UPD_EN / DS_UPD_EN fetched them.
  void setControlWriteBack(bool on) { controlWriteBack_ = on; }

  // Addresses the DMA master cannot reach (accesses end in an error): [base, base + size).
  void addUnreachableWindow(uint64_t base, uint64_t size, std::string what);
  // Block reset (RCC RST_EN.DMA): every channel stops, registers return to reset values.
  void reset();

  // Introspection for tests and diagnostics.
  bool channelEnabled(unsigned ch) const { return ch < kChannels && ch_[ch].enabled; }
  uint64_t bytesMoved() const { return bytesMoved_; }
  uint64_t transactions() const { return transactions_; }

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  enum class Phase { Idle, FetchLli, Transfer, BlockStall };
  struct Channel {
    uint32_t sar = 0, dar = 0, llp = 0, ctl = 0, ctlHi = 0, sstat = 0, dstat = 0, sstatar = 0, dstatar = 0;
    uint32_t cfg = 0, cfgHi = 0, sgr = 0, dsr = 0;
    bool enabled = false;
    Phase phase = Phase::Idle;
    uint32_t initialSar = 0, initialDar = 0;
    uint32_t lliAddress = 0;              // LLI the current block came from (write-back target), 0 = none
    uint32_t blockCtl = 0;                // CTL as the current block started
    uint64_t blockBytes = 0;              // source bytes of the current block (BLOCK_TS x source width)
    uint64_t readBytes = 0;               // source bytes read so far in the block
    std::vector<uint8_t> fifo;            // read but not yet written (width conversion)
    Phase resumePhase = Phase::Transfer;  // after a BlockStall
  };
  enum IntType { kTfr, kBlock, kSrcTran, kDstTran, kErr, kIntTypes };

  bool readWord(uint32_t offset, uint32_t& value);
  bool writeWord(uint32_t offset, uint32_t value);
  bool readChannel(unsigned ch, uint32_t reg, uint32_t& value) const;
  bool writeChannel(unsigned ch, uint32_t reg, uint32_t value);
  void writeChannelEnable(uint32_t value);
  static void writeWithEnable(uint32_t& reg, uint32_t value);
  void writeRequest(uint32_t& reg, uint32_t value, const sc_core::sc_time& at);

  void enableChannel(unsigned ch);
  void stopChannel(unsigned ch);
  void startBlock(Channel& c);
  void run();  // SC_THREAD
  bool ready(unsigned ch) const;
  bool sideReady(const Channel& c, bool source, bool burst) const;
  int pickChannel() const;
  // One step of channel `ch`; returns the bus time it took.
  sc_core::sc_time step(unsigned ch);
  sc_core::sc_time fetchLli(unsigned ch);
  sc_core::sc_time transferStep(unsigned ch);
  sc_core::sc_time endBlock(unsigned ch);
  void busError(unsigned ch, bool write, uint32_t address, const char* what);

  // Moves `count` items of `width` bytes at `address` (step per item by `inc` mode) between
  // the bus and `data`; false on a bus error (address of the failing item in `failed`).
  bool access(bool write, uint32_t address, unsigned width, unsigned inc, unsigned count, uint8_t* data,
              sc_core::sc_time& delay, uint32_t& failed);
  bool transport(bool write, uint32_t address, uint8_t* data, unsigned length, sc_core::sc_time& delay);
  const char* unreachable(uint32_t address, unsigned length) const;

  void setRaw(IntType type, unsigned ch);
  uint32_t status(IntType type) const;
  // The transfers run in run(); the timed-device update only drives `irq`.
  void advanceTo(const sc_core::sc_time&) override {}
  void driveOutputs() override;
  void wake(const sc_core::sc_time& delay = sc_core::SC_ZERO_TIME);
  sc_core::sc_time localOffset() const;

  const ClockDomain& hclk_;
  std::array<Channel, kChannels> ch_{};
  uint32_t dmaCfg_ = 0, test_ = 0;
  std::array<uint32_t, kIntTypes> raw_{}, mask_{};
  uint32_t reqSrc_ = 0, reqDst_ = 0, sglReqSrc_ = 0, sglReqDst_ = 0, lstSrc_ = 0, lstDst_ = 0;
  std::array<bool, kHandshakes> req_{}, single_{};
  std::array<std::function<void(const Acknowledge&)>, kHandshakes> ack_;
  struct Window {
    uint64_t base, size;
    std::string what;
  };
  std::vector<Window> unreachable_;
  uint32_t errorLogged_ = 0;
  uint32_t warned_ = 0;
  uint64_t bytesMoved_ = 0, transactions_ = 0;
  bool controlWriteBack_ = false;
  sc_core::sc_event wake_;
  tlm::tlm_generic_payload trans_;
};

}  // namespace wtm::periph
