#include "npu/mapper/RegisterBlob.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "common/InputError.h"
#include "npu/RoundDecoder.h"
#include "npu/mapper/Base64.h"
#include "npu/mapper/JsonReader.h"
#include "npu/mapper/RegisterCSource.h"
#include "npu/mapper/TextFile.h"

namespace wtm::npu {

namespace {

using Json = nlohmann::json;

constexpr std::size_t kHeaderBytes = 12;

std::uint32_t readU32(const std::uint8_t* p) {
  return std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8) | (std::uint32_t(p[2]) << 16) | (std::uint32_t(p[3]) << 24);
}
void writeU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) out.push_back(std::uint8_t(v >> (8 * k)));
}

// A base64 string of at least `minCount` int32 values (the blob's packed arrays).
std::vector<std::int32_t> ints(const JsonReader& r, const Json& v, const std::string& where, std::size_t minCount) {
  if (!v.is_string()) r.fail(where, "is not a base64 string");
  auto values = decodeBase64Int32(v.get<std::string>());
  if (!values) r.fail(where, "is not valid base64 of int32 values");
  if (values->size() < minCount)
    r.fail(where, "has " + std::to_string(values->size()) + " int32 values, expected " + std::to_string(minCount));
  return *values;
}

RegfileRegion parseRegion(const JsonReader& r, const Json& v, const std::string& where) {
  RegfileRegion region;
  region.addr = r.integer(v, where, "addr");
  region.len = r.integer(v, where, "len");
  region.comment = r.stringOr(v, "comment");
  return region;
}

RawSpan span(const std::vector<std::int32_t>& v, std::size_t at) { return {v[at], v[at + 1]}; }

void checkSpan(const JsonReader& r, const RawSpan& s, std::size_t rawSize, const std::string& where) {
  if (s.offset < 0 || s.length < 0 || std::size_t(s.offset) + std::size_t(s.length) > rawSize)
    r.fail(where, "raw span (" + std::to_string(s.offset) + ", " + std::to_string(s.length) + ") outside the " +
                      std::to_string(rawSize) + "-byte raw area");
}

DiffInfo parseDiff(const JsonReader& r, const Json& entry, const std::string& where, std::size_t rawSize) {
  // Newer blobs wrap the base64 in {"data": ...}; accept a bare string too.
  const Json& payload = entry.is_object() ? r.member(entry, where, "data") : entry;
  const auto v = ints(r, payload, where, 23);
  DiffInfo d;
  d.roundIndex = v[0];
  d.fetchAddr = v[1];
  d.expectInputAddr = v[2];
  d.expectInputLen = v[3];
  d.npuOutputAddr = v[4];
  d.npuOutputLen = v[5];
  d.expectInput0 = span(v, 6);
  d.expectOutput0 = span(v, 8);
  d.expectInput1 = span(v, 10);
  d.expectOutput1 = span(v, 12);
  d.roundConfig = span(v, 14);
  d.roundConfigBits = v[16];
  d.packageLen = v[17];
  d.activationType = v[18];
  d.tableType = v[19];
  d.lut = span(v, 20);
  d.gain = v[22];
  for (const RawSpan* s :
       {&d.expectInput0, &d.expectOutput0, &d.expectInput1, &d.expectOutput1, &d.roundConfig, &d.lut})
    checkSpan(r, *s, rawSize, where);
  return d;
}

void decodeRoundTable(const JsonReader& r, BlobNet& net, const std::vector<std::uint8_t>& raw,
                      const std::string& where) {
  const RawSpan& s = net.roundTableSpan;
  checkSpan(r, s, raw.size(), where);
  if (s.length % 4 != 0) r.fail(where, "round table length " + std::to_string(s.length) + " is not a multiple of 4");
  net.roundTable.resize(std::size_t(s.length) / 4);
  for (std::size_t i = 0; i < net.roundTable.size(); ++i)
    net.roundTable[i] = readU32(&raw[std::size_t(s.offset) + 4 * i]);
  try {
    std::size_t offset = 0;
    for (const RoundConfig& round : wtm::npu::decodeRoundTable(net.roundTable)) {
      net.roundWordOffsets.push_back(offset);
      offset += round.words.size();
      net.rounds.push_back(round);
    }
  } catch (const RoundDecodeError& e) {
    r.fail(where, std::string("round table: ") + e.what());
  }
}

BlobNet parseNet(const JsonReader& r, const Json& v, const std::string& where, std::size_t position,
                 const std::vector<std::uint8_t>& raw) {
  BlobNet net;
  net.index = r.integerOr(v, where, "net_cnt", static_cast<int>(position));
  for (std::size_t i = 0; i < r.array(v, where, "net_inputs").size(); ++i)
    net.inputs.push_back(parseRegion(r, v["net_inputs"][i], where + ".net_inputs[" + std::to_string(i) + "]"));
  for (std::size_t i = 0; i < r.array(v, where, "net_outputs").size(); ++i)
    net.outputs.push_back(parseRegion(r, v["net_outputs"][i], where + ".net_outputs[" + std::to_string(i) + "]"));
  net.roundTotal = r.integer(v, where, "round_total");
  bool haveTable = false;
  const Json& flows = r.array(v, where, "compute_flow");
  for (std::size_t f = 0; f < flows.size(); ++f) {
    const std::string fw = where + ".compute_flow[" + std::to_string(f) + "]";
    const Json& fj = flows[f];
    BlobFlow flow;
    flow.index = r.integerOr(fj, fw, "flow_cnt", static_cast<int>(f));
    flow.type = r.string(fj, fw, "flow_type");
    if (fj.contains("event_config") && !fj["event_config"].is_null()) {
      const Json& events = r.array(fj, fw, "event_config");
      for (std::size_t e = 0; e < events.size(); ++e) {
        const std::string ew = fw + ".event_config[" + std::to_string(e) + "]";
        BlobEvent ev;
        ev.type = r.string(events[e], ew, "type");
        ev.init = r.integerOr(events[e], ew, "init", 0);
        ev.data = ints(r, r.member(events[e], ew, "data"), ew + ".data", 0);
        if (ev.type == "round") {
          if (ev.data.size() < 3) r.fail(ew + ".data", "round event needs 3 int32 values (offset, length, bits)");
          if (ev.data[2] != 32)
            r.fail(ew + ".data", "round table bit width " + std::to_string(ev.data[2]) + ", expected 32");
          if (haveTable) r.fail(ew, "second round table in one net");
          net.roundTableSpan = {ev.data[0], ev.data[1]};
          decodeRoundTable(r, net, raw, ew + ".data");
          haveTable = true;
        }
        flow.events.push_back(std::move(ev));
      }
    }
    if (fj.contains("base") && !fj["base"].is_null()) {
      const auto b = ints(r, fj["base"], fw + ".base", 7);
      flow.base = FlowBase{b[0], b[1], b[2], b[3], b[4], b[5], b[6]};
    }
    if (fj.contains("diff") && !fj["diff"].is_null()) {
      const Json& diffs = r.array(fj, fw, "diff");
      for (std::size_t d = 0; d < diffs.size(); ++d)
        flow.diffs.push_back(parseDiff(r, diffs[d], fw + ".diff[" + std::to_string(d) + "]", raw.size()));
    }
    net.flows.push_back(std::move(flow));
  }
  // Flow round ranges must address records of the table.
  for (const BlobFlow& flow : net.flows) {
    if (!flow.base) continue;
    const FlowBase& b = *flow.base;
    if (b.roundStart < 0 || b.roundCount < 0 ||
        std::size_t(b.roundStart) + std::size_t(b.roundCount) > net.rounds.size())
      r.fail(where, "flow " + std::to_string(flow.index) + " runs rounds " + std::to_string(b.roundStart) + "+" +
                        std::to_string(b.roundCount) + " but the round table holds " +
                        std::to_string(net.rounds.size()));
  }
  return net;
}

}  // namespace

int RegisterBlob::keyBase(std::uint32_t jsonLen, std::uint32_t rawLen) {
  const std::uint32_t total = jsonLen + rawLen;
  if (total == 0) return 0;
  // float32 on purpose: this is how the runtime computes it, and double can round differently.
  volatile float ratio = static_cast<float>(jsonLen) / static_cast<float>(total);
  volatile float scaled = ratio * static_cast<float>(rawLen);
  return static_cast<int>(static_cast<std::int64_t>(scaled) % 13);
}

void RegisterBlob::deobfuscate(std::vector<std::uint8_t>& body, int base) {
  for (std::size_t i = 0; i < body.size(); ++i) {
    const int k = int(i % 5) + base;
    body[i] = static_cast<std::uint8_t>(((body[i] ^ k) - k) & 0xFF);
  }
}

void RegisterBlob::obfuscate(std::vector<std::uint8_t>& body, int base) {
  for (std::size_t i = 0; i < body.size(); ++i) {
    const int k = int(i % 5) + base;
    body[i] = static_cast<std::uint8_t>(((body[i] + k) & 0xFF) ^ k);
  }
}

std::vector<std::uint8_t> RegisterBlob::build(const std::string& jsonText, const std::vector<std::uint8_t>& rawArea) {
  const auto jsonLen = static_cast<std::uint32_t>(jsonText.size());
  const auto rawLen = static_cast<std::uint32_t>(rawArea.size());
  std::vector<std::uint8_t> body(jsonText.begin(), jsonText.end());
  body.insert(body.end(), rawArea.begin(), rawArea.end());
  obfuscate(body, keyBase(jsonLen, rawLen));
  std::vector<std::uint8_t> out;
  writeU32(out, jsonLen + rawLen);
  writeU32(out, jsonLen);
  writeU32(out, rawLen);
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

RegisterBlob RegisterBlob::parse(const std::vector<std::uint8_t>& bytes, const std::string& source) {
  if (bytes.size() < kHeaderBytes)
    throw InputError(source, "only " + std::to_string(bytes.size()) + " bytes, shorter than the 12-byte header");
  const std::uint32_t total = readU32(&bytes[0]);
  const std::uint32_t jsonLen = readU32(&bytes[4]);
  const std::uint32_t rawLen = readU32(&bytes[8]);
  if (std::uint64_t(jsonLen) + rawLen != total)
    throw InputError(source, "header total " + std::to_string(total) + " != json_len " + std::to_string(jsonLen) +
                                 " + raw_len " + std::to_string(rawLen) + " (not a register blob?)");
  if (bytes.size() - kHeaderBytes < total)
    throw InputError(source, "truncated: header announces " + std::to_string(total) + " body bytes, file has " +
                                 std::to_string(bytes.size() - kHeaderBytes));
  if (bytes.size() - kHeaderBytes > total)
    throw InputError(
        source, std::to_string(bytes.size() - kHeaderBytes - total) + " bytes after the announced end of the blob");

  std::vector<std::uint8_t> body(bytes.begin() + kHeaderBytes, bytes.end());
  deobfuscate(body, keyBase(jsonLen, rawLen));

  RegisterBlob blob;
  blob.source = source;
  blob.json.assign(body.begin(), body.begin() + jsonLen);
  blob.raw.assign(body.begin() + jsonLen, body.end());

  Json doc;
  try {
    doc = Json::parse(blob.json);
  } catch (const Json::exception& e) {
    std::string what = e.what();
    what = oneLine(what);
    throw InputError(source, "JSON part does not parse after de-obfuscation (corrupted?): " + what);
  }
  JsonReader r(source, "JSON ");
  blob.chip = r.stringOr(doc, "chip");
  blob.modelName = r.stringOr(doc, "model_name");
  blob.version = r.stringOr(doc, "version");
  blob.time = r.stringOr(doc, "time");
  const Json& nets = r.array(doc, "(top)", "nets");
  for (std::size_t n = 0; n < nets.size(); ++n)
    blob.nets.push_back(parseNet(r, nets[n], "nets[" + std::to_string(n) + "]", n, blob.raw));
  if (doc.contains("net_total") && doc["net_total"].is_number_integer() &&
      doc["net_total"].get<long long>() != static_cast<long long>(nets.size()))
    r.fail("net_total",
           std::to_string(doc["net_total"].get<long long>()) + " but " + std::to_string(nets.size()) + " nets listed");
  return blob;
}

RegisterBlob RegisterBlob::loadBin(const std::string& path) { return parse(readBinaryFile(path), path); }

RegisterBlob RegisterBlob::loadCSource(const std::string& path) { return parse(loadRegisterCSource(path), path); }

std::vector<std::uint8_t> RegisterBlob::rawBytes(const RawSpan& s) const {
  if (s.offset < 0 || s.length < 0 || std::size_t(s.offset) + std::size_t(s.length) > raw.size())
    throw std::out_of_range("raw span outside the blob");
  return {raw.begin() + s.offset, raw.begin() + s.offset + s.length};
}

}  // namespace wtm::npu
