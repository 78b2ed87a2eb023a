// The WTM2101 NPU as the CPU sees it at 0x6400_2000 (reference/npu.md §2): a thin TLM target
// over the numeric core (NpuCore, RoundDecoder).
//
// Registers are 16 bits wide; every offset below 0x320 is storage that reads back what was
// written (the analog timing block), with behaviour on the offsets of npu_regs.def: the round-
// config SRAM (256 x 64 bit) and regfile (8 KB, optional 1 KB input FIFO window) data ports with
// auto-increment, the two activation-table streams, start / pause / continue / all-done, status
// with write-1-to-clear and mask, the NPU DMA master (system view 0x3000_0000 through `dma`),
// and the flash array operations (erase / program / read, trim rows 0x820/0x821).
//
// Rounds run on NpuCore, one frame at a time, when their simulated latency (NpuTiming) has
// elapsed. Time: accesses carry the CPU's local time; completions are applied in time order when
// an access at or after their time arrives, or by the timed-device update at their time (which
// also drives the IRQ). The level output `irq` is (INT_STATUS & INT_MASK) != 0; the ECLIC makes it an edge.
//
// Model errors the firmware cannot see on a chip (a round record that cannot run, a round whose
// array region is not a programmed layer) are logged once on the host and latched in VB_ERROR
// (0xFFC, a virtual-board extension); the NPU still completes the round so firmware never hangs.
#pragma once
#include <cstdint>
#include <deque>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <systemc>
#include <tlm_utils/simple_initiator_socket.h>

#include "common/ClockDomain.h"
#include "common/TimedDevice.h"
#include "npu/NpuCore.h"
#include "npu/RoundConfig.h"
#include "npu/frontend/NpuFlash.h"
#include "npu/frontend/NpuRoundTrace.h"
#include "npu/frontend/NpuTiming.h"

namespace wtm::npu {

class NpuDevice : public TimedDevice {
 public:
  sc_core::sc_out<bool> irq{"irq"};
  // NPU DMA master: system addresses (0x3000_0000 SRAM view); bind to the bus router.
  tlm_utils::simple_initiator_socket<NpuDevice> dma{"dma"};

  static constexpr int kRoundSramEntries = 256;
  static constexpr int kFifoWindowStart = 7168;
  static constexpr std::uint16_t kChipId = 0x00A8;

  // `busClock` is the clock the NPU clock is divided from (HCLK) and clocks the DMA.
  NpuDevice(sc_core::sc_module_name name, const ClockDomain& busClock);

  // NPU clock = bus clock / (divider + 1) (PMU CLK_CTL[3:0]; ASSUMPTION on the encoding).
  void setClockDivider(unsigned divider);
  // Soft reset (PMU LP_CTL NPU_RSTN pulse; tests): registers, status, regfile, round SRAM, LUTs
  // and any operation in flight are cleared. The flash (array, trims, layers) is kept.
  void reset();
  double npuClockHz() const;

  // ---- The flash: programmed array, trims, layer table ----
  CrossbarArray& array() { return core_.array(); }
  NpuFlashContent& flash() { return flash_; }
  const NpuFlashContent& flash() const { return flash_; }
  NpuCore& core() { return core_; }
  // Evaluation mode for the rest of the run (call after the array is programmed).
  void useIdeal() { core_.useIdeal(); }
  void useNonIdeal(const NonIdealConfig& config) { core_.useNonIdeal(config); }

  // --npu-trace: from now on every executed round appends its input and output bytes to its
  // files under DIR: the path of `names` for a round found there, else DIR/round<R>/
  // (NpuRoundTrace). Throws InputError.
  void traceRoundsTo(const std::string& dir, std::vector<NamedRound> names = {});

  // ---- Statistics (--stats) ----
  struct Stats {
    std::uint64_t rounds = 0;      // rounds executed
    std::uint64_t inferences = 0;  // round ranges completed (ALL_ROUND_DONE)
    std::uint64_t dmaTransfers = 0, dmaBytes = 0;
    std::uint64_t arrayOps = 0;
    sc_core::sc_time busy;           // sum of round latencies
    sc_core::sc_time lastInference;  // busy time of the last completed round range
    RoundLatency phases;             // sum over all rounds, per phase
  };
  const Stats& stats() const { return stats_; }
  std::string statsReport() const;

  // ---- Host/debug views (no side effects, no time) ----
  std::uint8_t regfileByte(int address) const;  // logical address (FIFO window linearised)
  std::uint32_t roundSramWord(int index) const { return roundSram_.at(static_cast<std::size_t>(index)); }
  const ActivationLut& lutSlot(int slot) const { return slot == 2 ? lut2_ : lut1_; }
  std::uint16_t vbError() const { return vbError_; }
  // Every record from `entry` on, decoded, with its undecoded bits (the debug dump).
  std::string dumpRoundSram(int entry, int maxRecords) const;

 protected:
  bool readRegister(std::uint32_t offset, unsigned size, std::uint32_t& value) override;
  bool writeRegister(std::uint32_t offset, unsigned size, std::uint32_t value) override;

 private:
  enum class Engine { Idle, Running, WaitContinue };
  enum class Pending { RoundDone, DmaDone, ArrayDone };

  std::uint16_t readHalf(std::uint32_t offset);
  void writeHalf(std::uint32_t offset, std::uint16_t value);
  std::uint16_t& reg(std::uint32_t offset) { return regs_[offset >> 1]; }
  std::uint16_t regValue(std::uint32_t offset) const { return regs_[offset >> 1]; }

  // Data ports.
  bool regfilePort(bool write, unsigned lane, unsigned size, std::uint32_t& value);
  bool roundPort(bool write, unsigned size, std::uint32_t& value);
  bool lutPort(int slot, unsigned size, std::uint32_t value);
  // Logical regfile access (the FIFO window is a ring when enabled).
  int physicalAddress(int logical) const;
  void writeRegfileFromPort(int logical, std::uint8_t byte);

  // Round engine.
  void startInference();
  void beginRound(const sc_core::sc_time& at);
  void finishRound(const sc_core::sc_time& at);  // the round that completed at `at`
  RoundConfig decodeAtEntry(int entry, int& words) const;
  void executeRound(const RoundConfig& round);
  void computeRound(const RoundConfig& round);
  void checkAgainstProgrammedLayers(const RoundConfig& round);

  // DMA and array operations.
  void startDma();
  void startArrayOp(std::uint16_t command);
  std::uint16_t arrayReadValue(int row, int bitLine, int k) const;

  // Time.
  void schedule(const sc_core::sc_time& at, Pending what);
  void advanceTo(const sc_core::sc_time& t) override;  // the completions due by t, in time order
  void driveOutputs() override;
  std::optional<sc_core::sc_time> nextChange() const override;  // the next completion
  void setStatus(std::uint16_t bits);
  bool irqLevel() const;  // what the IRQ line should be: a status bit enabled in INT_MASK
  void updateIrq();       // an update in this delta cycle when the IRQ level changed
  void modelError(std::uint16_t bit, const std::string& message);
  void warnOnce(const std::string& key, const std::string& message);

  const ClockDomain& busClock_;
  unsigned divider_ = 0;
  NpuCore core_;
  NpuFlashContent flash_;

  std::vector<std::uint16_t> regs_;
  std::uint16_t status_ = 0;
  bool paused_ = false;
  std::uint16_t vbError_ = 0;

  std::vector<std::uint8_t> regfile_;
  int regfilePtr_ = 0;
  int fifoHead_ = 0;
  std::vector<std::uint32_t> roundSram_;  // 512 words, stream order (entry e = words 2e, 2e+1)
  int roundPtr_ = 0;
  ActivationLut lut1_{}, lut2_{};
  int lutPtr_ = 0;

  Engine engine_ = Engine::Idle;
  int currentRound_ = 0, endRound_ = 0;
  int currentEntry_ = 0;
  RoundConfig current_;
  RoundLatency currentLatency_;
  sc_core::sc_time inferenceBusy_;
  std::vector<std::uint8_t> scratch_;

  std::deque<std::uint16_t> arrayFifo_;
  std::uint16_t arrayCmd_ = 0;  // operation in flight (its completion bit)
  bool dmaBusy_ = false;

  struct Event {
    sc_core::sc_time at;
    Pending what;
    std::uint64_t order;
    bool operator<(const Event& o) const { return at != o.at ? at < o.at : order < o.order; }
  };
  std::set<Event> pending_;
  std::uint64_t eventOrder_ = 0;

  Stats stats_;
  std::set<std::string> warned_;
  std::unique_ptr<NpuRoundTrace> trace_;
};

}  // namespace wtm::npu
