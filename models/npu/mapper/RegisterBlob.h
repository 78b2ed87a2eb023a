// register.bin / register.c: the configuration blob the firmware links in
// (reference/mapper-formats.md §2.1). Layout: 12-byte header (total, json_len, raw_len, u32 LE),
// then `total` obfuscated bytes = JSON text + raw binary. The JSON describes nets and flows and
// carries base64 int32 structs pointing into the raw area (round-config table, per-round
// compensation samples, LUTs).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "npu/RoundConfig.h"

namespace wtm::npu {

struct RegfileRegion {
  int addr = 0;
  int len = 0;
  std::string comment;
};

// (offset, length) in bytes inside the raw area.
struct RawSpan {
  int offset = 0;
  int length = 0;
};

// BaseInfo_T of an all_round flow (7 ints).
struct FlowBase {
  int fifoEnable = 0;
  int fifoUpdateLen = 0;
  int roundConfigStart = 0;  // bytes into the net's round table
  int roundConfigLen = 0;    // bytes
  int roundBitWidth = 0;
  int roundStart = 0;
  int roundCount = 0;
};

// DiffInfo_T (23 ints): one round's compensation data.
struct DiffInfo {
  int roundIndex = 0;
  int fetchAddr = 0;
  int expectInputAddr = 0;
  int expectInputLen = 0;
  int npuOutputAddr = 0;
  int npuOutputLen = 0;
  RawSpan expectInput0, expectOutput0, expectInput1, expectOutput1;
  RawSpan roundConfig;
  int roundConfigBits = 0;
  int packageLen = 0;
  int activationType = 0;  // 2 = ReLU, 0 = none
  int tableType = 0;       // LUT slot the round uses (1 or 2)
  RawSpan lut;
  int gain = 0;
};

struct BlobEvent {
  std::string type;  // "round", "initMem", ...
  int init = 0;
  std::vector<std::int32_t> data;
};

struct BlobFlow {
  int index = 0;
  std::string type;  // "event", "all_round", ...
  std::optional<FlowBase> base;
  std::vector<DiffInfo> diffs;
  std::vector<BlobEvent> events;
};

struct BlobNet {
  int index = 0;
  std::vector<RegfileRegion> inputs;
  std::vector<RegfileRegion> outputs;
  int roundTotal = 0;
  std::vector<BlobFlow> flows;
  // The net's round-config table (from its "round" event) and its records decoded in order.
  RawSpan roundTableSpan;
  std::vector<std::uint32_t> roundTable;
  std::vector<RoundConfig> rounds;
  // Word offset of each record in roundTable (BoardConfigDebug's round_config_start).
  std::vector<std::size_t> roundWordOffsets;
};

struct RegisterBlob {
  std::string source;  // file the blob came from (for messages)
  std::string chip, modelName, version, time;
  std::string json;               // de-obfuscated JSON text
  std::vector<std::uint8_t> raw;  // de-obfuscated raw area
  std::vector<BlobNet> nets;

  // Parses container bytes (register.bin content or the bytes of register.c). Any defect
  // (short header, size mismatch, bad JSON, bad base64, span outside raw, bad round table)
  // throws InputError naming `source`.
  static RegisterBlob parse(const std::vector<std::uint8_t>& fileBytes, const std::string& source);
  static RegisterBlob loadBin(const std::string& path);
  static RegisterBlob loadCSource(const std::string& path);

  // Bytes of `span` from the raw area (throws std::out_of_range when outside).
  std::vector<std::uint8_t> rawBytes(const RawSpan& span) const;

  // Obfuscation key base: trunc(float(json_len)/float(total) * float(raw_len)) mod 13, in float32
  // as the runtime computes it.
  static int keyBase(std::uint32_t jsonLen, std::uint32_t rawLen);
  // In-place (de)obfuscation of the body (byte i uses k = i mod 5 + keyBase).
  static void deobfuscate(std::vector<std::uint8_t>& body, int keyBase);
  static void obfuscate(std::vector<std::uint8_t>& body, int keyBase);
  // Container bytes for a JSON text and raw area (header + obfuscated body): the inverse of parse.
  static std::vector<std::uint8_t> build(const std::string& json, const std::vector<std::uint8_t>& raw);
};

}  // namespace wtm::npu
