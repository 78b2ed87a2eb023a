// The mapper's register.c (the blob as a C array), then the blob it holds.
#include "FuzzInput.h"
#include "npu/mapper/RegisterBlob.h"
#include "npu/mapper/RegisterCSource.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto blob = wtm::npu::parseRegisterCSource(wtm::fuzz::text(data, size), "register.c");
    (void)wtm::npu::RegisterBlob::parse(blob, "register.c");
  } catch (const wtm::InputError&) {
  }
  return 0;
}
