// --image FILE[@ADDR]: the spec parser (first line of the input) and the flat loader (the rest of
// the input as the file's content, placed at the parsed address).
#include "FirmwareImage.h"
#include "FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static wtm::fuzz::TempFile file(".bin");
  const auto [spec, content] = wtm::fuzz::splitAt(wtm::fuzz::text(data, size), "\n");
  uint32_t address = 0;
  try {
    address = wtm::parseImageSpec(spec).second;
  } catch (const wtm::InputError&) {
  }
  file.write(reinterpret_cast<const uint8_t*>(content.data()), content.size());
  try {
    const wtm::FirmwareImage image = wtm::loadFlatImage(file.path(), address);
    if (image.totalBytes() != content.size()) __builtin_trap();
  } catch (const wtm::InputError&) {
  }
  return 0;
}
