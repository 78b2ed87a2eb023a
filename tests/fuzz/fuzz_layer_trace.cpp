// The mapper's layer_debug traces (one frame a line).
#include "FuzzInput.h"
#include "npu/mapper/LayerTrace.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    // layer_debug/net<n>/<k>_<name>/round<r>/input0.txt and output0.txt rows.
    const bool output = size > 0 && (data[0] & 1);
    const std::size_t width = size > 1 ? data[1] % 4 == 0 ? 0 : data[1] : 0;
    (void)wtm::npu::LayerTrace::parse(wtm::fuzz::text(data, size), "input0.txt",
                                      output ? wtm::npu::TraceKind::Output : wtm::npu::TraceKind::Input, width);
  } catch (const wtm::InputError&) {
  }
  return 0;
}
