#include "npu/mapper/BoardConfigDebug.h"

#include <nlohmann/json.hpp>

#include "common/InputError.h"
#include "npu/mapper/JsonReader.h"
#include "npu/mapper/TextFile.h"

namespace wtm::npu {

namespace {

using Json = nlohmann::json;

// The config's integers are plain JSON integers (no booleans) and a null counts as absent.
struct Reader : JsonReader {
  using JsonReader::JsonReader;
  int integer(const Json& obj, const std::string& where, const char* key) const {
    const Json& v = member(obj, where, key);
    if (!v.is_number_integer()) fail(where + "." + key, "is not an integer");
    return v.get<int>();
  }
  int integerOr(const Json& obj, const std::string& where, const char* key, int fallback) const {
    return obj.is_object() && obj.contains(key) && !obj[key].is_null() ? integer(obj, where, key) : fallback;
  }
};

DebugPort parsePort(const Reader& r, const Json& v, const std::string& where, const char* lengthKey) {
  DebugPort p;
  p.startAddr = r.integer(v, where, "start_addr");
  p.length = r.integer(v, where, lengthKey);
  p.dataType = r.stringOr(v, "data_type");
  p.filePath = r.stringOr(v, "store_file_path");
  return p;
}

std::vector<RegfileRegion> parseRegions(const Reader& r, const Json& net, const std::string& where, const char* key) {
  std::vector<RegfileRegion> out;
  if (!net.contains(key) || net[key].is_null()) return out;
  const Json& a = r.array(net, where, key);
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string w = where + "." + key + "[" + std::to_string(i) + "]";
    out.push_back({r.integer(a[i], w, "addr"), r.integer(a[i], w, "len"), r.stringOr(a[i], "comment")});
  }
  return out;
}

// "0x03020100,0x07060504,..." -> bytes, little-endian per word.
std::vector<std::uint8_t> parseLutWords(const Reader& r, const std::string& text, const std::string& where) {
  std::vector<std::uint8_t> bytes;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto comma = text.find(',', i);
    const std::string word = trim(text.substr(i, comma == std::string::npos ? std::string::npos : comma - i));
    i = comma == std::string::npos ? text.size() : comma + 1;
    if (word.empty()) continue;
    char* end = nullptr;
    const unsigned long v = std::strtoul(word.c_str(), &end, 16);
    if (word.size() < 3 || word[0] != '0' || (word[1] != 'x' && word[1] != 'X') || *end != '\0' || v > 0xFFFFFFFFul)
      r.fail(where, "'" + quoteToken(word) + "' is not a 0x%08x word");
    for (int k = 0; k < 4; ++k) bytes.push_back(std::uint8_t(v >> (8 * k)));
  }
  return bytes;
}

}  // namespace

BoardConfigDebug BoardConfigDebug::load(const std::string& path) { return parse(readTextFile(path), path); }

BoardConfigDebug BoardConfigDebug::parse(const std::string& text, const std::string& path) {
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::exception& e) {
    std::string what = e.what();
    what = oneLine(what);
    throw InputError(path, "not valid JSON (truncated or corrupted?): " + what);
  }
  Reader r(path);
  BoardConfigDebug cfg;
  cfg.source = path;
  cfg.chip = r.stringOr(doc, "chip");
  cfg.modelName = r.stringOr(doc, "model_name");
  cfg.version = r.stringOr(doc, "version");
  const Json& nets = r.array(doc, "(top)", "nets");
  for (std::size_t n = 0; n < nets.size(); ++n) {
    const std::string nw = "nets[" + std::to_string(n) + "]";
    const Json& nj = nets[n];
    DebugNet net;
    net.index = r.integerOr(nj, nw, "net_cnt", static_cast<int>(n));
    net.roundTotal = r.integerOr(nj, nw, "round_total", 0);
    net.netInputs = parseRegions(r, nj, nw, "net_inputs");
    net.netOutputs = parseRegions(r, nj, nw, "net_outputs");
    const Json& flows = r.array(nj, nw, "compute_flow_debug");
    for (std::size_t f = 0; f < flows.size(); ++f) {
      const std::string fw = nw + ".compute_flow_debug[" + std::to_string(f) + "]";
      if (!flows[f].is_array()) r.fail(fw, "is not an array of rounds");
      for (std::size_t k = 0; k < flows[f].size(); ++k) {
        const std::string rw = fw + "[" + std::to_string(k) + "]";
        const Json& rj = flows[f][k];
        DebugRound round;
        round.flowIndex = r.integerOr(rj, rw, "flow_index", static_cast<int>(f));
        round.roundIndex = r.integer(rj, rw, "round_index");
        round.roundConfigStart = r.integer(rj, rw, "round_config_start");
        round.packageLen = r.integer(rj, rw, "package_len");
        round.layerName = oneLine(r.stringOr(rj, "layer_name"));
        round.layerType = r.stringOr(rj, "layer_type");
        const Json& ins = r.array(rj, rw, "inputs");
        for (std::size_t i = 0; i < ins.size(); ++i)
          round.inputs.push_back(parsePort(r, ins[i], rw + ".inputs[" + std::to_string(i) + "]", "input_len"));
        const Json& outs = r.array(rj, rw, "outputs");
        for (std::size_t i = 0; i < outs.size(); ++i)
          round.outputs.push_back(parsePort(r, outs[i], rw + ".outputs[" + std::to_string(i) + "]", "output_len"));
        net.rounds.push_back(std::move(round));
      }
    }
    if (nj.contains("diff_lookup_table") && nj["diff_lookup_table"].is_object()) {
      const Json& lut = nj["diff_lookup_table"];
      const std::string lw = nw + ".diff_lookup_table";
      const Json& data = r.member(lut, lw, "data");
      if (!data.is_string()) r.fail(lw + ".data", "is not a string");
      net.lutBytes = parseLutWords(r, data.get<std::string>(), lw + ".data");
      const int len = r.integerOr(lut, lw, "len", static_cast<int>(net.lutBytes.size()));
      if (len != static_cast<int>(net.lutBytes.size()))
        r.fail(lw, "len " + std::to_string(len) + " but data holds " + std::to_string(net.lutBytes.size()) + " bytes");
      net.lutOffset = r.integerOr(lut, lw, "offset", -1);
    }
    cfg.nets.push_back(std::move(net));
  }
  return cfg;
}

}  // namespace wtm::npu
