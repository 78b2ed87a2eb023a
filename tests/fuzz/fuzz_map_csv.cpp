// The mapper's map.csv (listed crossbar cells).
#include "FuzzInput.h"
#include "npu/mapper/MapCsv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    (void)wtm::npu::MapCsv::parse(wtm::fuzz::text(data, size), "map.csv");
  } catch (const wtm::InputError&) {
  }
  return 0;
}
