// Serial NOR flash with the W25Q / ZD25WQ command set, defaulting to the 2 MB Zetta ZD25WQ16 of
// the X3 board (reference/soc.md §6). It works on storage it does not own — the board's flash
// bytes, which the XIP window at 0x6000_0000 also reads — so programming through the QSPI
// controller is visible in the window and `--flash FILE` contents are visible to both.
//
// Protocol: opcode on one line, then address / mode / dummy / data phases counted in clock
// cycles as the command defines them, so a controller that sends the mode byte inside a 32-bit
// address phase (the vendor 0xEB read) or as dummy cycles (0x94) works as on the chip, and a
// wrong dummy count reads idle-high bytes (reported once). Program and erase change the bytes
// at once and keep BUSY (SR1.WIP) set for the documented typical duration in simulated time.
#pragma once
#include <array>
#include <cstdint>
#include <set>
#include <string>

#include <systemc>

#include "periph/spi/SpiDevice.h"

namespace wtm::periph {

class SpiNorFlash : public SpiDevice {
 public:
  struct Identity {
    uint8_t manufacturer = 0xBA;  // Zetta (JEDEC 0x9F byte 0; vendor zd25wq.h)
    uint8_t memoryType = 0x60;    // 0x9F byte 1 (zd25wq.h)
    uint8_t capacity = 0x15;      // 0x9F byte 2: 2^21 bytes (zd25wq.h)
    uint8_t deviceId = 0x14;      // 0x90 / 0xAB device id: 16 Mbit parts use 0x14 (inferred, W25Q16 convention)
    std::array<uint8_t, 16> uniqueId{{0x57, 0x54, 0x4D, 0x32, 0x31, 0x30, 0x31, 0x2D, 0x58, 0x33, 0x2D, 0x56, 0x49,
                                      0x52, 0x54, 0x01}};  // "WTM2101-X3-VIRT\x01": any fixed value
  };
  // Typical times of the ZD25WQ16B (datasheet summary: page program 1.3 ms, 4K/32K/64K and chip
  // erase 10 ms). Page erase and status-register write are not in it: 10 ms assumed.
  struct Timing {
    sc_core::sc_time pageProgram{1.3, sc_core::SC_MS};
    sc_core::sc_time pageErase{10, sc_core::SC_MS};
    sc_core::sc_time sectorErase{10, sc_core::SC_MS};
    sc_core::sc_time blockErase{10, sc_core::SC_MS};
    sc_core::sc_time chipErase{10, sc_core::SC_MS};
    sc_core::sc_time statusWrite{10, sc_core::SC_MS};
  };

  static constexpr uint32_t kPageSize = 256;
  static constexpr uint32_t kSectorSize = 4096;

  // `storage` (`size` bytes, a power of two) stays owned by the caller and must outlive the flash.
  SpiNorFlash(std::string name, uint8_t* storage, uint32_t size, Identity id, Timing timing);
  SpiNorFlash(std::string name, uint8_t* storage, uint32_t size);

  void select(const sc_core::sc_time& at) override;
  void deselect(const sc_core::sc_time& at) override;
  uint8_t transfer(uint8_t out, unsigned lanes, bool hostDrives) override;
  void idleCycles(unsigned cycles) override;
  sc_core::sc_time statusHint() const override { return busyUntil_; }

  const std::string& name() const { return name_; }
  uint8_t* data() { return storage_; }
  uint32_t size() const { return size_; }
  // State at simulated time `at` (a program/erase started earlier may have finished by then).
  bool busy(const sc_core::sc_time& at) const { return at < busyUntil_; }
  const sc_core::sc_time& busyUntil() const { return busyUntil_; }
  uint8_t status1(const sc_core::sc_time& at);
  bool poweredDown() const { return powerDown_; }
  // Power-on state of the volatile bits (data and non-volatile status bits are kept).
  void powerOn();

 private:
  enum class Dir : uint8_t { None, In, Out };
  struct Layout {
    unsigned addrBytes = 0, addrLanes = 1, modeCycles = 0, dummyCycles = 0, dataLanes = 1;
    Dir dir = Dir::None;
    bool known = true;
  };
  static Layout layoutOf(uint8_t opcode);
  void catchUp(const sc_core::sc_time& at);
  uint8_t outputByte(uint32_t index);
  void inputByte(uint32_t index, uint8_t b);
  void complete();
  void startOperation(const sc_core::sc_time& duration);
  void eraseRange(uint32_t base, uint32_t length, const sc_core::sc_time& duration);
  uint8_t status2() const { return sr2_; }
  void warnOnce(const std::string& key, const std::string& text);

  std::string name_;
  uint8_t* storage_;
  uint32_t size_;
  Identity id_;
  Timing timing_;

  // Status and configuration registers (SR1 bit0 WIP and bit1 WEL are computed / kept apart).
  bool wel_ = false;
  uint8_t sr1_ = 0, sr2_ = 0, cr_ = 0;  // sr1_ holds BP0-4 / SRP0 (bits 2..7) only
  bool volatileSrWrite_ = false;        // 0x50 seen: the next status write is volatile
  bool resetEnabled_ = false;           // 0x66 was the previous command
  bool powerDown_ = false;
  sc_core::sc_time now_;
  sc_core::sc_time busyUntil_;
  bool welClearPending_ = false;

  // Command in progress.
  bool selected_ = false;
  int opcode_ = -1;
  Layout layout_;
  uint32_t cycle_ = 0;  // clock cycles since the opcode
  uint32_t addr_ = 0;
  unsigned addrGot_ = 0;
  uint32_t dataIndex_ = 0;
  bool ignoring_ = false;
  std::array<uint8_t, kPageSize> pageBuf_{};
  std::array<bool, kPageSize> pageTouched_{};

  std::set<std::string> warned_;
};

}  // namespace wtm::periph
