// The board's NPU flash file (--npu-flash): header, programming record, layer table, trims, cells.
#include "QuietLog.h"
#include "FuzzInput.h"
#include "npu/frontend/NpuFlash.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static wtm::fuzz::TempFile file(".npuflash");
  static wtm::npu::CrossbarArray array;
  file.write(data, size);
  try {
    wtm::npu::NpuFlashContent content;
    wtm::npu::loadNpuFlash(file.path(), content, array);
  } catch (const wtm::InputError&) {
  }
  return 0;
}
