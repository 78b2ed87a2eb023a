#include "Wtm2101Soc.h"

#include <cctype>
#include <fstream>
#include <algorithm>
#include <functional>
#include <iterator>

#include "AddressMap.h"
#include "MemoryWiring.h"
#include "common/Hex.h"
#include "common/InputError.h"
#include "common/InputFile.h"
#include "common/UnimplementedDevice.h"
#include "periph/clock/pmu_regs.h"
#include "periph/clock/rcc_regs.h"

namespace wtm::platform {
namespace {
std::string lowerCase(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}
}  // namespace

Wtm2101Soc::Wtm2101Soc(sc_core::sc_module_name name, const Config& config)
    : sc_core::sc_module(name),
      hclk("hclk", config.hclkHz),
      systick("systick", config.hclkHz / 8),
      rtcclk("rtcclk", config.hclkHz / 32),
      wdtclk("wdtclk", config.hclkHz / 32),
      audclk("audclk", 24.576e6 / 6),
      clocks(hclk, systick, periph::Oscillators{config.hclkHz}),
      rcc("rcc"),
      pmu("pmu"),
      afc24m("afc24m", periph::AfcCalibrator::Kind::Osc24M, clocks),
      afc320k("afc320k", periph::AfcCalibrator::Kind::Osc320K, clocks),
      cpu("cpu", hclk, config.core),
      router("router", hclk),
      sram("sram", kSramSize, sramViews()),
      flash("qspi_flash", kQspiFlashSize, {flashWindowView(requireRegion("QSPI_XIP").size, kQspiFlashSize)}, 0xFF),
      uart0("uart0", hclk),
      uart1("uart1", hclk),
      eclic("eclic"),
      systimer("systimer", systick, hclk),
      gpio("gpio"),
      timers("timers", hclk),
      wdt("wdt", wdtclk),
      rtc("rtc", rtcclk),
      pwm0("pwm0", hclk),
      pwm1("pwm1", hclk),
      audio("audio", audclk),
      fbank("fbank", hclk),
      npu("npu", hclk),
      flashChip("qspi_flash_chip", flash.storage(), kQspiFlashSize),
      qspi("qspi", hclk),
      spim("spim", periph::DwApbSsi::Role::Master, hclk),
      spis("spis", periph::DwApbSsi::Role::Slave, hclk),
      i2c("i2c", hclk),
      dma("dma", hclk),
      i2s0("i2s0", hclk),
      i2s1("i2s1", hclk),
      pins(gpio, rcc, pwm0, pwm1),
      debugPort("debugPort") {
  cpu.bus.bind(router.targetSocket);
  debugPort.bind(router.targetSocket);
  npu.dma.bind(router.targetSocket);  // NPU DMA master: system SRAM view 0x3000_0000
  dma.bus.bind(router.targetSocket);  // DW_ahb_dmac master, same router as the CPU
  bindRegions();
  wireInterrupts();
  wireClocks();
  wireDma();
  wireResets();
  qspi.attach(&flashChip);
  i2c.attach(periph::Sht20Sensor::kAddress, &sht20);
  // The board does not model a chip reset: a watchdog reset ends the run (wdt logs it).
  wdt.onSystemReset([this](const sc_core::sc_time&) {
    cpu.requestStop();
    sc_core::sc_stop();
  });
  auto softReset = [this](const char* source) {
    softwareReset_ = {true, sc_core::sc_time_stamp(), source, static_cast<uint32_t>(cpu.pc())};
    cpu.requestStop();
    sc_core::sc_stop();
  };
  systimer.onSoftwareReset([softReset] { softReset("SysTimer MSFTRST"); });
  pmu.onSoftwareReset([softReset] { softReset("PMU SOFT_RST"); });
}

void Wtm2101Soc::wireClocks() {
  clocks.useDomain(periph::ClockTree::Domain::Rtc, rtcclk);
  clocks.useDomain(periph::ClockTree::Domain::Wdt, wdtclk);
  clocks.useDomain(periph::ClockTree::Domain::Audio, audclk);
  clocks.attach(rcc, pmu);
  for (unsigned n = 0; n < periph::TimerBlock::kTimers; ++n) timers.setTimerClock(n, clocks.timer(n));
  pwm0.setClock(clocks.pwm(0));
  pwm1.setClock(clocks.pwm(1));
  // The NPU divides its bus clock itself (PMU CLK_CTL.NPU_DIV_NUM).
  pmu.onClockConfigChange(
      [this] { npu.setClockDivider(periph::pmu::CLK_CTL_NPU_DIV_NUM.get(pmu.value(periph::pmu::CLK_CTL))); });
}

void Wtm2101Soc::wireResets() {
  // A block whose active-low RST_EN bit is cleared returns to its reset state (held resets are
  // not modelled: the block works again at once).
  // Blocks without RST_EN bits (rstEnBits 0) never match.
  rcc.onResetChange([resets = blockResets()](uint32_t asserted, uint32_t) {
    for (const BlockReset& b : resets)
      if (asserted & b.rstEnBits) b.reset();
  });
  // The NPU soft reset is a PMU LP_CTL.NPU_RSTN pulse 0 -> 1 (10 ms) -> 0 (reference/npu.md §5,
  // npu_soft_reset): the NPU resets as the pulse begins. Its flash (array, trims) survives.
  pmu.onLowPowerControl([this, level = false](uint8_t lpCtl) mutable {
    const bool now = periph::pmu::LP_CTL_NPU_RSTN.get(lpCtl) != 0;
    if (now && !level) npu.reset();
    level = now;
  });
}

void Wtm2101Soc::wireDma() {
  // Other bus masters see SRAM only through the system view (reference/soc.md §2.2, mmap_to_sys).
  for (const RegionSpec& r : addressMap())
    if (r.kind == RegionKind::SramIlm || r.kind == RegionKind::SramDlm)
      dma.addUnreachableWindow(r.base, r.size,
                               std::string("inside the core-local ") + r.name +
                                   " view of SRAM: DMA masters use the 0x3000_0000 view (mmap_to_sys)");
  // Hardware handshake numbers: dma_handshakes.def. Numbers 0-3 serve a UART or an AUDIO
  // channel, as RCC SYS_CFG.DMA_REUSE selects (bit n: number n goes to AUDIO).
  using Hs = DmaHandshakeId;
  auto number = [](Hs id) { return static_cast<unsigned>(id); };
  auto reusedByAudio = [this](Hs id) {
    const uint32_t reuse = periph::rcc::SYS_CFG_DMA_REUSE.get(rcc.value(periph::rcc::SYS_CFG));
    return (reuse >> static_cast<unsigned>(id) & 1u) != 0;
  };
  auto connect = [this, number](DmaHandshake& side, Hs id, std::function<bool()> owns = {}) {
    side.connect(
        [this, n = number(id), owns](bool level) {
          if (!owns || owns()) dma.setRequest(n, level);
        },
        [this, n = number(id), owns](bool level) {
          if (!owns || owns()) dma.setSingleRequest(n, level);
        });
  };
  auto uartOwns = [reusedByAudio](Hs id) { return [reusedByAudio, id] { return !reusedByAudio(id); }; };
  connect(uart0.dmaTx(), Hs::UART0_TX, uartOwns(Hs::UART0_TX));
  connect(uart0.dmaRx(), Hs::UART0_RX, uartOwns(Hs::UART0_RX));
  connect(uart1.dmaTx(), Hs::UART1_TX, uartOwns(Hs::UART1_TX));
  connect(uart1.dmaRx(), Hs::UART1_RX, uartOwns(Hs::UART1_RX));
  connect(i2c.dmaTx(), Hs::I2C_TX);
  connect(i2c.dmaRx(), Hs::I2C_RX);
  connect(spim.dmaTx(), Hs::SPIM_TX);
  connect(spim.dmaRx(), Hs::SPIM_RX);
  connect(qspi.dmaTx(), Hs::QSPI_TX);
  connect(qspi.dmaRx(), Hs::QSPI_RX);
  i2s0.setDmaRequestHandler([this, n = number(Hs::I2S0)](bool level) { dma.setRequest(n, level); });
  i2s1.setDmaRequestHandler([this, n = number(Hs::I2S1)](bool level) { dma.setRequest(n, level); });
  // AUDIO channel 1 may take number 0 or 3, channel 2 number 1 or 2.
  audio.setDmaRequestHandler([this, number, reusedByAudio](unsigned ch, bool level) {
    if (ch == 0) dma.setRequest(number(Hs::AUDIO_CH0), level);
    for (Hs id : {Hs::UART0_TX, Hs::UART1_RX})
      if (ch == 1 && reusedByAudio(id)) dma.setRequest(number(id), level);
    for (Hs id : {Hs::UART0_RX, Hs::UART1_TX})
      if (ch == 2 && reusedByAudio(id)) dma.setRequest(number(id), level);
  });
  i2s0.setClockDividerProbe(
      [this] { return periph::rcc::CLK_DIV_3_DIV_GI2S_0.get(rcc.value(periph::rcc::CLK_DIV_3)); });
  i2s1.setClockDividerProbe(
      [this] { return periph::rcc::CLK_DIV_3_DIV_GI2S_1.get(rcc.value(periph::rcc::CLK_DIV_3)); });
}

sc_core::sc_signal<bool>& Wtm2101Soc::irqLine(const std::string& name) {
  auto& line = irqLines_[name];
  if (!line) {
    if (!findIrq(name)) throw std::logic_error("IRQ " + name + " is not in irq_map.def");
    line = std::make_unique<sc_core::sc_signal<bool>>(("irq_" + name).c_str());
  }
  return *line;
}

void Wtm2101Soc::wireInterrupts() {
  // Interrupt sources, by their names in irq_map.def.
  uart0.irq.bind(irqLine("UART0"));
  uart1.irq.bind(irqLine("UART1"));
  systimer.timerIrq.bind(irqLine("SYSTIMER"));
  systimer.softwareIrq.bind(irqLine("SYSTIMER_SW"));
  gpio.irq.bind(irqLine("GPIO"));
  gpio.wakeIrq.bind(irqLine("GPIO_WAKEUP"));
  for (unsigned n = 0; n < periph::TimerBlock::kTimers; ++n) timers.irq[n].bind(irqLine("TIMER" + std::to_string(n)));
  wdt.irq.bind(irqLine("WDT"));
  rtc.irq.bind(irqLine("RTC"));
  pwm0.irq.bind(irqLine("PWM0"));
  pwm1.irq.bind(irqLine("PWM1"));
  npu.irq.bind(irqLine("NPU"));
  audio.irq.bind(irqLine("AUDIO"));
  audio.vadIrq.bind(irqLine("VAD"));
  fbank.irq.bind(irqLine("FBANK"));
  qspi.irq.bind(irqLine("QSPI"));
  spim.irq.bind(irqLine("SPIM"));
  spis.irq.bind(irqLine("SPIS"));
  i2c.irq.bind(irqLine("I2C"));
  dma.irq.bind(irqLine("DMA"));
  i2s0.irq.bind(irqLine("I2S0"));
  i2s1.irq.bind(irqLine("I2S1"));
  // ECLIC inputs: each id from the table, the rest tied low.
  std::vector<bool> bound(riscv::EclicController::kNumInterrupts, false);
  for (const IrqSpec& irq : irqMap()) {
    if (irq.id >= bound.size())
      throw std::logic_error(std::string("irq_map.def: ") + irq.name + " has id " + std::to_string(irq.id) +
                             ", beyond the ECLIC's " + std::to_string(bound.size()) + " inputs");
    auto it = irqLines_.find(irq.name);
    if (it == irqLines_.end()) continue;
    if (bound[irq.id])
      throw std::logic_error(std::string("irq_map.def: id ") + std::to_string(irq.id) + " is given twice");
    eclic.lines[irq.id].bind(*it->second);
    bound[irq.id] = true;
  }
  for (unsigned id = 0; id < bound.size(); ++id)
    if (!bound[id]) eclic.lines[id].bind(noIrq_);
  eclic.onRequestChanged([this](const riscv::InterruptRequest& r) { cpu.setInterruptRequest(r); });
  cpu.setClaimHandler([this](unsigned id) { eclic.claim(id); });
}

Wtm2101Soc::~Wtm2101Soc() = default;

void Wtm2101Soc::bindRegions() {
  std::map<std::string, MmioDevice*> models = {
      {"UART0", &uart0},   {"UART1", &uart1},     {"ECLIC", &eclic}, {"SYSTIMER", &systimer}, {"GPIO", &gpio},
      {"TIMER", &timers},  {"WDT", &wdt},         {"RTC", &rtc},     {"PWM0", &pwm0},         {"PWM1", &pwm1},
      {"NPU", &npu},       {"AUDIO", &audio},     {"FBANK", &fbank}, {"RCC", &rcc},           {"PMU", &pmu},
      {"AFC24M", &afc24m}, {"AFC320K", &afc320k}, {"QSPI", &qspi},   {"SPIM", &spim},         {"SPIS", &spis},
      {"I2C", &i2c},       {"DMA", &dma},         {"I2S0", &i2s0},   {"I2S1", &i2s1}};
  std::vector<std::string> modelNames;
  for (const auto& [name, model] : models) modelNames.push_back(name);
  checkDeviceModels(addressMap(), modelNames);
  for (const RegionSpec& r : addressMap()) {
    if (attachMemoryRegion(router, r, sram, flash)) continue;
    if (r.kind == RegionKind::Placeholder) {
      auto dev = std::make_unique<UnimplementedDevice>(lowerCase(r.name).c_str(), r.size);
      router.attach(r.name, r.base, r.size, r.latencyCycles, dev->socket);
      devices_.emplace_back(r.name, dev.get());
      placeholders_.push_back(std::move(dev));
      continue;
    }
    MmioDevice* model = models.at(r.name);  // a Device region
    // The window is the address map's; the model's registers must fit in it.
    if (MmioDevice::tableWindowSize(model->registerTable()) > r.size)
      throw std::logic_error(std::string("address_map.def: ") + r.name + " is smaller than its model's registers");
    model->setWindowSize(static_cast<uint32_t>(r.size));
    router.attach(r.name, r.base, r.size, r.latencyCycles, model->socket);
    devices_.emplace_back(r.name, model);
  }
}

MmioDevice* Wtm2101Soc::device(const std::string& name) const {
  const std::string wanted = lowerCase(name);
  for (const auto& [region, model] : devices_)
    if (lowerCase(region) == wanted) return model->registers().empty() ? nullptr : model;
  return nullptr;
}

std::optional<RegionSpec> Wtm2101Soc::deviceRegion(const std::string& name) const {
  const std::string wanted = lowerCase(name);
  for (const auto& [region, model] : devices_)
    if (lowerCase(region) == wanted && !model->registers().empty()) return findRegion(region);
  return std::nullopt;
}

std::vector<std::string> Wtm2101Soc::deviceNames() const {
  std::vector<std::string> names;
  for (const auto& [region, model] : devices_)
    if (!model->registers().empty()) names.push_back(lowerCase(region));
  return names;
}

bool Wtm2101Soc::debugWrite(uint64_t address, const uint8_t* data, unsigned length) {
  tlm::tlm_generic_payload t;
  t.set_command(tlm::TLM_WRITE_COMMAND);
  t.set_address(address);
  t.set_data_ptr(const_cast<uint8_t*>(data));
  t.set_data_length(length);
  return debugPort->transport_dbg(t) == length;
}

bool Wtm2101Soc::debugRead(uint64_t address, uint8_t* data, unsigned length) {
  tlm::tlm_generic_payload t;
  t.set_command(tlm::TLM_READ_COMMAND);
  t.set_address(address);
  t.set_data_ptr(data);
  t.set_data_length(length);
  return debugPort->transport_dbg(t) == length;
}

uint8_t* Wtm2101Soc::backingStore(uint64_t address) {
  for (const RegionSpec& r : addressMap()) {
    if (address < r.base || address - r.base >= r.size) continue;
    const uint64_t off = address - r.base;
    int64_t phys = -1;
    switch (r.kind) {
      case RegionKind::SramIlm: phys = sram.translate(0, off); break;
      case RegionKind::SramDlm: phys = sram.translate(1, off); break;
      case RegionKind::SramSys: phys = sram.translate(2, off); break;
      case RegionKind::FlashXip: return flash.storage() + flash.translate(0, off);
      case RegionKind::Device:
      case RegionKind::Placeholder: return nullptr;
    }
    return phys < 0 ? nullptr : sram.storage() + phys;
  }
  return nullptr;
}

void Wtm2101Soc::load(const FirmwareImage& image) {
  // Straight into the memories' storage, decoded with the address map: loading happens before
  // elaboration ends, when bus transport is not available yet.
  for (const LoadSegment& seg : image.segments) {
    uint8_t* page = nullptr;
    for (size_t i = 0; i < seg.bytes.size(); ++i) {
      const uint64_t addr = uint64_t{seg.address} + i;
      if (i == 0 || (addr & 0xFFF) == 0) page = backingStore(addr);
      if (!page) {
        const RegionSpec* r = nullptr;
        for (const RegionSpec& x : addressMap())
          if (addr >= x.base && addr - x.base < x.size) r = &x;
        const std::string where = r ? std::string("the ") + r->name + " register window, not memory" : "unmapped space";
        throw InputError(image.source, "segment at " + hex32(seg.address) + " (" + std::to_string(seg.bytes.size()) +
                                           " bytes) reaches " + hex32(addr) + ", which is " + where);
      }
      *page++ = seg.bytes[i];
    }
  }
}

void Wtm2101Soc::loadFlash(const std::string& path) {
  const std::vector<uint8_t> bytes = readRegularFile(path, kQspiFlashSize, /*allowEmpty=*/true);
  std::copy(bytes.begin(), bytes.end(), flash.storage());
}

void Wtm2101Soc::saveFlash(const std::string& path) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (f) f.write(reinterpret_cast<const char*>(flash.storage()), static_cast<std::streamsize>(kQspiFlashSize));
  if (!f) throw InputError(path, "cannot write the flash image");
}

}  // namespace wtm::platform
