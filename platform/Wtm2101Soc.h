// The WTM2101 SoC, declared once from the address map: CPU core, bus router, SRAM (three
// views), QSPI flash window, and one model per peripheral window (a reporting placeholder where
// no model exists yet). Board-level extras (LEDs, keys, microphones) live in X3Board.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <systemc>
#include <tlm_utils/simple_initiator_socket.h>

#include "AddressMap.h"
#include "FirmwareImage.h"
#include "bus/AddressRouter.h"
#include "common/ClockDomain.h"
#include "common/MmioDevice.h"
#include "memory/BankedMemory.h"
#include "npu/frontend/NpuDevice.h"
#include "periph/gpio/GpioPort.h"
#include "periph/pwm/PwmBlock.h"
#include "PinRouter.h"
#include "periph/rtc/RtcCounter.h"
#include "periph/timer/TimerBlock.h"
#include "periph/uart/Uart16550.h"
#include "periph/audio/AudioFrontEnd.h"
#include "periph/clock/AfcCalibrator.h"
#include "periph/clock/ClockTree.h"
#include "periph/clock/PmuController.h"
#include "periph/clock/RccController.h"
#include "periph/fbank/FbankAccelerator.h"
#include "periph/wdt/WatchdogTimer.h"
#include "periph/i2c/DwApbI2c.h"
#include "periph/i2c/Sht20Sensor.h"
#include "periph/qspi/QspiController.h"
#include "periph/qspi/SpiNorFlash.h"
#include "periph/spi/DwApbSsi.h"
#include "periph/dma/DwAhbDmac.h"
#include "periph/i2s/DwApbI2s.h"
#include "RiscvCore.h"
#include "eclic/EclicController.h"
#include "systimer/SysTimer.h"

namespace wtm::platform {

class Wtm2101Soc : public sc_core::sc_module {
 public:
  struct Config {
    riscv::RiscvCore::Config core;
    double hclkHz = 24.576e6;  // internal oscillator, the clock out of reset
  };

  Wtm2101Soc(sc_core::sc_module_name name, const Config& config);
  ~Wtm2101Soc() override;

  // Places the image's bytes in SRAM / flash at their addresses; throws InputError naming the
  // image when a segment lies outside memory. Works before the simulation starts.
  void load(const FirmwareImage& image);
  // Chip reset for a debugger (monitor reset): every block back to its reset state and the core
  // at its reset vector, from the core's thread while it is halted. Memory and the flash keep
  // their contents (the caller loads the firmware again); simulated time goes on.
  void chipReset();
  // Host pointer of the memory byte at a bus address (nullptr outside SRAM/flash).
  uint8_t* backingStore(uint64_t address);
  // Fills the QSPI flash from a file (at most its 2 MB); throws InputError.
  void loadFlash(const std::string& path);
  // Writes the whole QSPI flash to a file (--flash-save); throws InputError.
  void saveFlash(const std::string& path);
  // Debug transport through the bus (after elaboration): for host tools, tests and RTT.
  bool debugRead(uint64_t address, uint8_t* data, unsigned length);
  bool debugWrite(uint64_t address, const uint8_t* data, unsigned length);
  // The model serving the address_map.def region `name`, in any case ("uart0", "UART0");
  // nullptr for an unknown name or a placeholder without a register table.
  MmioDevice* device(const std::string& name) const;
  // The regions device() answers for, in lower case and address-map order.
  std::vector<std::string> deviceNames() const;
  // The address-map region of device(name) (same names), nullopt when there is no such device.
  std::optional<RegionSpec> deviceRegion(const std::string& name) const;

  ClockDomain hclk;
  ClockDomain systick;  // SysTimer tick: AHB/8 (RCC SYSTICK_SEL reset value)
  // PMU CLK.RTCCLK_SEL / WDTCLK_SEL reset value SYSCLK/32; a PMU model retunes them.
  ClockDomain rtcclk;
  ClockDomain wdtclk;
  // Audio master clock 24M / (PMU CLK_CTL.AUD_DIV_NUM + 1): 4.096 MHz as every vendor audio set-up
  // programs it (÷6), until the clock tree drives it (ClockTree::useDomain(Audio, audclk)).
  ClockDomain audclk;
  // RCC / PMU registers -> frequencies of hclk, systick, rtcclk, wdtclk, audclk and its own domains
  // (APB0, TIMER0..3, NPU, debounce); AFC24M/AFC320K calibrate its oscillators.
  periph::ClockTree clocks;
  periph::RccController rcc;
  periph::PmuController pmu;
  periph::AfcCalibrator afc24m;
  periph::AfcCalibrator afc320k;
  riscv::RiscvCore cpu;
  bus::AddressRouter router;
  memory::BankedMemory sram;
  memory::BankedMemory flash;
  periph::Uart16550 uart0;
  periph::Uart16550 uart1;
  riscv::EclicController eclic;
  riscv::SysTimer systimer;
  periph::GpioPort gpio;
  periph::TimerBlock timers;  // counts at HCLK until an RCC model binds TIM_DIV domains (setTimerClock)
  periph::WatchdogTimer wdt;  // a watchdog reset ends the run (wdt.resetOccurred())

  // A software chip reset (SysTimer MSFTRST or PMU SOFT_RST) ends the run as a watchdog reset
  // does: the board does not simulate the restart.
  struct SoftwareReset {
    bool occurred = false;
    sc_core::sc_time at;
    std::string source;
    uint32_t pc = 0;
  };
  const SoftwareReset& softwareReset() const { return softwareReset_; }
  periph::RtcCounter rtc;
  periph::PwmBlock pwm0;
  periph::PwmBlock pwm1;
  periph::AudioFrontEnd audio;  // PDM mics from the board (X3Board / --mic0/--mic1); DMA hook: setDmaRequestHandler
  periph::FbankAccelerator fbank;
  wtm::npu::NpuDevice npu;  // NPU clock = HCLK (PMU NPU divider 0) until a PMU model calls setClockDivider
  // The ZD25WQ16 on the QSPI pins, working on `flash`'s bytes: what it programs is what the
  // 0x6000_0000 window reads, and --flash FILE fills both.
  periph::SpiNorFlash flashChip;
  periph::QspiController qspi;
  periph::DwApbSsi spim;  // what answers on CS0 is chosen by X3Setup (default: nothing, frames loop back)
  periph::DwApbSsi spis;  // a host-side master can drive it (it is a periph::SpiDevice)
  periph::DwApbI2c i2c;
  periph::Sht20Sensor sht20;  // at 0x40: the sensor the vendor i2c examples talk to
  // DW_ahb_dmac: a bus master on the router (SRAM through the 0x3000_0000 view only); hardware
  // handshakes from AUDIO and I2S0/I2S1 (wireDma). Peripheral models call dma.setRequest(n, level).
  periph::DwAhbDmac dma;
  // I2S0/I2S1: bit clock HCLK / (RCC CLK_DIV_3.DIV_GI2S_x + 1); host audio via setTxSink/setRxSource.
  periph::DwApbI2s i2s0;
  periph::DwApbI2s i2s1;
  // The pin mux for the functions modelled at pin level (PWM outputs, capture and break-in).
  PinRouter pins;
  // Debug-transport master of the loaders and host tools (no simulated time, no side effects).
  tlm_utils::simple_initiator_socket<Wtm2101Soc> debugPort;

 private:
  void bindRegions();
  void wireInterrupts();
  void wireClocks();
  void wireDma();
  void wireResets();  // RCC RST_EN bits -> the blocks' reset()
  // Every block with a reset state, in chip-reset order (clocks first, the ECLIC last), with the
  // RCC RST_EN bits that also reset it (0: none). chipReset and wireResets both read it.
  struct BlockReset {
    uint32_t rstEnBits;
    std::function<void()> reset;
  };
  std::vector<BlockReset> blockResets();
  // The line of the IRQ named in irq_map.def (created on first use).
  sc_core::sc_signal<bool>& irqLine(const std::string& name);
  std::vector<std::unique_ptr<sc_core::sc_module>> placeholders_;
  std::vector<std::pair<std::string, MmioDevice*>> devices_;  // region name -> model (placeholders too)
  std::map<std::string, std::unique_ptr<sc_core::sc_signal<bool>>> irqLines_;
  sc_core::sc_signal<bool> noIrq_{"no_irq"};  // ties off ECLIC inputs no block drives
  SoftwareReset softwareReset_;
};

}  // namespace wtm::platform
