// register.bin past its obfuscation: the input is the blob's JSON text, "WTMSPLIT" and its raw
// area, built into a blob with RegisterBlob::build (header and obfuscation done right) and parsed.
// Reaches the JSON walk (nets, rounds, compute_flow, diffs) that random register.bin bytes rarely do.
#include "FuzzInput.h"
#include "npu/mapper/RegisterBlob.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto [json, raw] = wtm::fuzz::splitAt(wtm::fuzz::text(data, size), "WTMSPLIT");
  try {
    const auto blob = wtm::npu::RegisterBlob::build(json, std::vector<uint8_t>(raw.begin(), raw.end()));
    (void)wtm::npu::RegisterBlob::parse(blob, "register.bin");
  } catch (const wtm::InputError&) {
  }
  return 0;
}
