// params/net<n>/layer<k>/ weight.txt, bias.txt, bias_high.txt (integer matrices).
#include "FuzzInput.h"
#include <cstdint>

#include "npu/ArrayGeometry.h"
#include "npu/mapper/TextFile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    // weight.txt / bias.txt (cells within +-275) and bias_high.txt (any int32), as LayerParams reads them.
    const std::string t = wtm::fuzz::text(data, size);
    const bool high = size > 0 && (data[0] & 1);
    (void)wtm::npu::parseIntMatrix(t, "weight.txt", high ? INT32_MIN : -wtm::npu::kMaxCellMagnitude,
                                   high ? INT32_MAX : wtm::npu::kMaxCellMagnitude);
  } catch (const wtm::InputError&) {
  }
  return 0;
}
