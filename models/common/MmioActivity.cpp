#include "MmioActivity.h"

#include "Hex.h"

namespace wtm {
namespace {
MmioRun g_run;
const void* g_device = nullptr;
}  // namespace

void MmioActivity::record(const void* device, const char* block, const char* reg, uint32_t offset, bool isRead,
                          uint32_t pc, uint32_t value) {
  if (device == g_device && offset == g_run.offset && isRead == g_run.isRead && g_run.count) {
    ++g_run.count;
    g_run.pc = pc;
    g_run.lastValue = value;
    return;
  }
  g_device = device;
  g_run.block = block;
  g_run.reg = reg ? reg : "+" + hex32(offset);
  g_run.offset = offset;
  g_run.isRead = isRead;
  g_run.pc = pc;
  g_run.count = 1;
  g_run.lastValue = value;
}

const MmioRun& MmioActivity::current() { return g_run; }

void MmioActivity::reset() {
  g_run = MmioRun{};
  g_device = nullptr;
}

}  // namespace wtm
