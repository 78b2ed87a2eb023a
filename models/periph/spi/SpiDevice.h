// A device on an SPI bus as the board's controllers (QSPI, SPIM) see it: chip select, then bytes
// clocked MSB first on 1, 2 or 4 data lines, with dummy cycles in between. Byte granularity is
// enough for every device used with these controllers; a device counts clock cycles itself
// (8 / lanes per byte) when its protocol depends on them (dummy cycles of a flash read).
#pragma once
#include <cstdint>

#include <systemc>

namespace wtm::periph {

class SpiDevice {
 public:
  virtual ~SpiDevice() = default;

  // Chip select asserted at simulated time `at` (the start of a command).
  virtual void select(const sc_core::sc_time& at) = 0;
  // Chip select released at simulated time `at`: the device completes the command (e.g. starts
  // a program or erase, which is busy from then on).
  virtual void deselect(const sc_core::sc_time& at) = 0;
  // One byte over 8 / `lanes` clock cycles. `out` is what the controller drives when `hostDrives`
  // (otherwise it only listens); returns what the device drives (0xFF: lines idle high).
  virtual uint8_t transfer(uint8_t out, unsigned lanes, bool hostDrives) = 0;
  // Clock cycles in which neither side drives data (dummy cycles).
  virtual void idleCycles(unsigned cycles) { (void)cycles; }
  // The next simulated time at which the device's state changes by itself (e.g. a flash's
  // program/erase ends), or SC_ZERO_TIME when it has nothing pending. Lets a controller that
  // polls a status register sleep instead of polling every few cycles.
  virtual sc_core::sc_time statusHint() const { return sc_core::SC_ZERO_TIME; }

  // One full-duplex frame of `bits` (4..32) on one line, as a standard SPI master sends it.
  // The default splits frames of whole bytes MSB first; devices with other frame sizes override it.
  virtual uint32_t transferFrame(uint32_t out, unsigned bits) {
    uint32_t in = 0;
    const unsigned bytes = (bits + 7) / 8;
    // A frame that is not whole bytes is sent left-aligned in the bytes that hold it.
    const uint32_t aligned = out << (bytes * 8 - bits);
    for (unsigned i = bytes; i-- > 0;) in = (in << 8) | transfer(static_cast<uint8_t>(aligned >> (i * 8)), 1, true);
    return (in >> (bytes * 8 - bits)) & (bits >= 32 ? 0xFFFFFFFFu : ((1u << bits) - 1u));
  }
};

}  // namespace wtm::periph
