// The mapper's map/layers.txt (array placement of each layer).
#include "FuzzInput.h"
#include "npu/mapper/LayersTxt.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    (void)wtm::npu::LayersTxt::parse(wtm::fuzz::text(data, size), "layers.txt");
  } catch (const wtm::InputError&) {
  }
  return 0;
}
