#include "AddressMap.h"

#include <algorithm>
#include <stdexcept>

namespace wtm::platform {

const std::vector<RegionSpec>& addressMap() {
  static const std::vector<RegionSpec> map = {
#define SRAM_ILM RegionKind::SramIlm
#define SRAM_DLM RegionKind::SramDlm
#define SRAM_SYS RegionKind::SramSys
#define FLASH_XIP RegionKind::FlashXip
#define DEVICE RegionKind::Device
#define PLACEHOLDER RegionKind::Placeholder
#define WTM_REGION(name, base, size, kind, lat, desc) {#name, base, size, kind, lat, desc},
#include "address_map.def"
#undef WTM_REGION
#undef SRAM_ILM
#undef SRAM_DLM
#undef SRAM_SYS
#undef FLASH_XIP
#undef DEVICE
#undef PLACEHOLDER
  };
  return map;
}

const std::vector<IrqSpec>& irqMap() {
  static const std::vector<IrqSpec> map = {
#define WTM_IRQ(name, id, desc) {#name, id, desc},
#include "irq_map.def"
#undef WTM_IRQ
  };
  return map;
}

std::optional<RegionSpec> findRegion(const std::string& name) {
  for (const auto& r : addressMap())
    if (name == r.name) return r;
  return std::nullopt;
}

RegionSpec requireRegion(const std::string& name) {
  const std::optional<RegionSpec> r = findRegion(name);
  if (!r) throw std::logic_error("region " + name + " is not in address_map.def");
  return *r;
}

void checkDeviceModels(const std::vector<RegionSpec>& map, const std::vector<std::string>& modelNames) {
  auto hasModel = [&](const std::string& region) {
    return std::find(modelNames.begin(), modelNames.end(), region) != modelNames.end();
  };
  for (const auto& r : map)
    if (r.kind == RegionKind::Device && !hasModel(r.name))
      throw std::logic_error(std::string("address_map.def: DEVICE region ") + r.name +
                             " has no model (declare it PLACEHOLDER if none is meant)");
  for (const auto& name : modelNames) {
    const auto it = std::find_if(map.begin(), map.end(), [&](const RegionSpec& r) { return name == r.name; });
    if (it == map.end() || it->kind != RegionKind::Device)
      throw std::logic_error("model " + name + " has no DEVICE region in address_map.def");
  }
}

std::optional<unsigned> findIrq(const std::string& name) {
  for (const auto& i : irqMap())
    if (name == i.name) return i.id;
  return std::nullopt;
}

std::vector<memory::MemoryView> sramViews() {
  memory::MemoryView ilm{"ilm", {}, true}, dlm{"dlm", {}, true}, sys{"sys", {}, true};
  constexpr uint32_t NONE = 0xFFFFFFFFu;
#define WTM_SRAM_BANK(name, size, ilmOff, dlmOff, sysOff)             \
  if ((ilmOff) != NONE) ilm.chunks.push_back({ilmOff, sysOff, size}); \
  if ((dlmOff) != NONE) dlm.chunks.push_back({dlmOff, sysOff, size}); \
  sys.chunks.push_back({sysOff, sysOff, size});
#include "sram_banks.def"
#undef WTM_SRAM_BANK
  return {ilm, dlm, sys};
}

memory::MemoryView flashWindowView(uint32_t windowSize, uint32_t flashSize) {
  memory::MemoryView v{"xip", {}, false};
  for (uint32_t off = 0; off < windowSize; off += flashSize) v.chunks.push_back({off, 0, flashSize});
  return v;
}

}  // namespace wtm::platform
