// A whole mapper output folder (--npu-weights DIR, wtm-regress, wtm-sweep): the files are packed in
// one input (FuzzFolder.h), unpacked into a temporary folder, then loaded as the tools load them
// (MapperOutput::load with its cross-checks, the expected bins when present) and as the board does
// (programFromMapperFolder, which also takes WitinProgramTool folders). Only InputError may come out.
#include "QuietLog.h"
#include "FuzzFolder.h"
#include "common/InputError.h"
#include "npu/frontend/NpuBoardSetup.h"
#include "npu/mapper/MapperOutput.h"

extern "C" int sc_main(int, char*[]) { return 0; }  // libsystemc wants one; libFuzzer provides main()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static wtm::fuzz::FuzzFolder folder;
  const std::string dir = folder.unpack(data, size);
  try {
    const auto output = wtm::npu::MapperOutput::load(dir);
    (void)output.arrayRounds();
    if (output.hasExpectedBins()) (void)output.loadExpectedBins();
  } catch (const wtm::InputError&) {
  }
  try {
    wtm::npu::CrossbarArray array;
    wtm::npu::NpuFlashContent content;
    (void)wtm::npu::programFromMapperFolder(dir, array, content);
  } catch (const wtm::InputError&) {
  }
  return 0;
}
