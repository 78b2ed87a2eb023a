// ELF firmware images (--elf): header checks, program headers, PT_LOAD placement, .symtab and the
// function symbols of profiles. Every malformed input must be an InputError, nothing else.
#include "FirmwareImage.h"
#include "FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const wtm::FirmwareImage image = wtm::parseElfImage(wtm::fuzz::bytes(data, size), "fuzz.elf");
    (void)image.totalBytes();
    (void)image.symbol("_start");
  } catch (const wtm::InputError&) {
  }
  return 0;
}
