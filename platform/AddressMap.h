// The WTM2101 address map and SRAM bank layout as data, expanded from address_map.def and
// sram_banks.def (the single source of truth, also used for the firmware header).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "memory/BankedMemory.h"

namespace wtm::platform {

enum class RegionKind { SramIlm, SramDlm, SramSys, FlashXip, Device, Placeholder };

struct RegionSpec {
  const char* name;
  uint32_t base;
  uint32_t size;
  RegionKind kind;
  unsigned latencyCycles;
  const char* description;
};

struct IrqSpec {
  const char* name;
  unsigned id;
  const char* description;
};

const std::vector<RegionSpec>& addressMap();
const std::vector<IrqSpec>& irqMap();
std::optional<RegionSpec> findRegion(const std::string& name);
// The region the board itself needs by name; std::logic_error if address_map.def has none.
RegionSpec requireRegion(const std::string& name);
std::optional<unsigned> findIrq(const std::string& name);
// Throws std::logic_error naming the first DEVICE region of `map` that no model serves, or the
// first model name with no DEVICE region: a misspelt name stops the board at start-up.
void checkDeviceModels(const std::vector<RegionSpec>& map, const std::vector<std::string>& modelNames);

// DMA hardware handshake numbers (dma_handshakes.def), e.g. DmaHandshakeId::I2C_TX.
enum class DmaHandshakeId : unsigned {
#define WTM_DMA_HANDSHAKE(name, number, desc) name = number,
#include "dma_handshakes.def"
#undef WTM_DMA_HANDSHAKE
};

inline constexpr uint32_t kSramSize = 320 * 1024;
inline constexpr uint32_t kQspiFlashSize = 2 * 1024 * 1024;  // ZD25WQ16 on the X3 board

// The three SRAM views (ILM, DLM, system) in that order, as chunk lists over the physical
// storage (laid out in system-view order).
std::vector<memory::MemoryView> sramViews();
// The QSPI XIP window: the flash mirrored across the whole window, read-only to masters.
memory::MemoryView flashWindowView(uint32_t windowSize, uint32_t flashSize);

}  // namespace wtm::platform
