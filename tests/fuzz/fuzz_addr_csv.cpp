// The mapper's addr.csv (per-round regfile addresses).
#include "FuzzInput.h"
#include "npu/mapper/AddrCsv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto csv = wtm::npu::AddrCsv::parse(wtm::fuzz::text(data, size), "addr.csv");
    (void)csv.find(0, 0, true);
  } catch (const wtm::InputError&) {
  }
  return 0;
}
