// The mapper's register.bin (header, obfuscated JSON + raw area, round records).
#include "FuzzInput.h"
#include "npu/mapper/RegisterBlob.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    (void)wtm::npu::RegisterBlob::parse(wtm::fuzz::bytes(data, size), "register.bin");
  } catch (const wtm::InputError&) {
  }
  return 0;
}
