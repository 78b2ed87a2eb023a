#include "Uart16550.h"

#include "uart_regs.h"

namespace wtm::periph {

using namespace uart;

Uart16550::Uart16550(sc_core::sc_module_name name, const ClockDomain& pclk)
    : MmioDevice(name, 0x1000, kRegisters, kRegisterCount), pclk_(pclk) {}

double Uart16550::baudRate() const {
  const uint32_t div = (dlh_ << 8) | dll_;
  return div ? pclk_.frequency() / (16.0 * div) : 0.0;
}

bool Uart16550::readRegister(uint32_t offset, unsigned, uint32_t& value) {
  const bool dlab = LCR_DLAB.test(lcr_);
  switch (offset) {
    case RBR: value = dlab ? dll_ : 0; return true;
    case IER: value = dlab ? dlh_ : ier_; return true;
    case IIR: value = 0x01; return true;
    case LCR: value = lcr_; return true;
    case MCR: value = mcr_; return true;
    case LSR: value = LSR_THRE.mask() | LSR_TEMT.mask(); return true;
    case MSR: value = 0; return true;
    case SCR: value = scr_; return true;
    case USR: value = USR_TFNF.mask() | USR_TFE.mask(); return true;
    default: return false;
  }
}

bool Uart16550::writeRegister(uint32_t offset, unsigned, uint32_t value) {
  const bool dlab = LCR_DLAB.test(lcr_);
  switch (offset) {
    case THR:
      if (dlab) dll_ = value & 0xFF;
      else if (sink_) sink_(static_cast<uint8_t>(value));
      return true;
    case IER:
      if (dlab) dlh_ = value & 0xFF;
      else ier_ = value & 0x8F;
      return true;
    case FCR: return true;
    case LCR: lcr_ = value & 0xFF; return true;
    case MCR: mcr_ = value & 0x7F; return true;
    case SCR: scr_ = value & 0xFF; return true;
    default: return false;
  }
}

}  // namespace wtm::periph
