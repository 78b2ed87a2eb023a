// wtm-sweep --labels FILE: class indices separated by blanks, commas or new lines.
#include "FuzzInput.h"
#include "LabelsFile.h"
#include "common/InputError.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static wtm::fuzz::TempFile file(".labels");
  file.write(data, size);
  try {
    (void)wtm::sweep::loadLabels(file.path());
  } catch (const wtm::InputError&) {
  }
  return 0;
}
