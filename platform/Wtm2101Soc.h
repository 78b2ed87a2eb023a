// The WTM2101 SoC, declared once from the address map: CPU core, bus router, SRAM (three
// views), QSPI flash window, and one model per peripheral window (a reporting placeholder where
// no model exists yet). Board-level extras (LEDs, keys, microphones) live in X3Board.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm_utils/simple_initiator_socket.h>

#include "FirmwareImage.h"
#include "bus/AddressRouter.h"
#include "common/ClockDomain.h"
#include "common/MmioDevice.h"
#include "memory/BankedMemory.h"
#include "periph/uart/Uart16550.h"
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
  // Host pointer of the memory byte at a bus address (nullptr outside SRAM/flash).
  uint8_t* backingStore(uint64_t address);
  // Fills the QSPI flash from a file (at most its 2 MB); throws InputError.
  void loadFlash(const std::string& path);
  // Debug transport through the bus (after elaboration): for host tools, tests and RTT.
  bool debugRead(uint64_t address, uint8_t* data, unsigned length);
  bool debugWrite(uint64_t address, const uint8_t* data, unsigned length);

  ClockDomain hclk;
  ClockDomain systick;  // SysTimer tick: AHB/8 (RCC SYSTICK_SEL reset value)
  riscv::RiscvCore cpu;
  bus::AddressRouter router;
  memory::BankedMemory sram;
  memory::BankedMemory flash;
  periph::Uart16550 uart0;
  periph::Uart16550 uart1;
  riscv::EclicController eclic;
  riscv::SysTimer systimer;
  // Debug-transport master of the loaders and host tools (no simulated time, no side effects).
  tlm_utils::simple_initiator_socket<Wtm2101Soc> debugPort;

 private:
  void bindRegions();
  void wireInterrupts();
  // The line of the IRQ named in irq_map.def (created on first use).
  sc_core::sc_signal<bool>& irqLine(const std::string& name);
  std::vector<std::unique_ptr<sc_core::sc_module>> placeholders_;
  std::map<std::string, std::unique_ptr<sc_core::sc_signal<bool>>> irqLines_;
  sc_core::sc_signal<bool> noIrq_{"no_irq"};  // ties off ECLIC inputs no block drives
};

}  // namespace wtm::platform
