#include "SyntheticMapper.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <stdexcept>

#include "npu/mapper/RegisterBlob.h"

namespace wtm::npu::test {

namespace {

using Json = nlohmann::json;

void write(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

void writeBinary(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream f(path, std::ios::binary);
  f.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

std::string matrixText(const std::vector<std::vector<int>>& m) {
  std::ostringstream os;
  for (const auto& row : m) {
    for (std::size_t i = 0; i < row.size(); ++i) os << (i ? " " : "") << row[i];
    os << "\n";
  }
  return os.str();
}

void pushU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) out.push_back(std::uint8_t(v >> (8 * k)));
}

std::string base64Ints(const std::vector<std::int32_t>& v) {
  static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::vector<std::uint8_t> b;
  for (std::int32_t x : v) pushU32(b, std::uint32_t(x));
  std::string s;
  for (std::size_t i = 0; i < b.size(); i += 3) {
    const std::uint32_t t = (std::uint32_t(b[i]) << 16) | (i + 1 < b.size() ? std::uint32_t(b[i + 1]) << 8 : 0) |
                            (i + 2 < b.size() ? b[i + 2] : 0);
    s += a[(t >> 18) & 63];
    s += a[(t >> 12) & 63];
    s += i + 1 < b.size() ? a[(t >> 6) & 63] : '=';
    s += i + 2 < b.size() ? a[t & 63] : '=';
  }
  return s;
}

void setBits(std::uint32_t& w, int hi, int lo, std::uint32_t v) {
  const std::uint32_t mask = ((hi - lo == 31) ? 0xFFFFFFFFu : ((1u << (hi - lo + 1)) - 1u)) << lo;
  w = (w & ~mask) | ((v << lo) & mask);
}

}  // namespace

std::size_t SynthOutput::totalTraceValues() const {
  std::size_t n = 0;
  for (const auto& r : rounds) n += r.stored.size() * std::size_t(r.columns);
  return n;
}

int referencePreActivation(long long acc, int gain) {
  const long long t = acc / (gain / 4);  // C++ truncates toward zero
  long long y = static_cast<long long>(std::floor((double(t) + 2.0) / 4.0));
  if (y > 127) y = 127;
  if (y < -128) y = -128;
  return int(y);
}

std::vector<std::uint32_t> packRoundRecord(int gainCode, bool system, int lutSlot, int fetchAddr, int biasStart,
                                           int biasEnd, int columnStart, int columnEnd, int outputAddr, int rowStart,
                                           int rowEnd, int inputAddr, int inputEnd) {
  std::vector<std::uint32_t> w = {0x04440082u, 0,           0x10082000u, 0x00000002u, 0x70000000u,
                                  0,           0x80000000u, 0,           0x90000000u, 0};
  setBits(w[0], 12, 10, std::uint32_t(gainCode));
  setBits(w[0], 3, 3, system ? 1u : 0u);
  setBits(w[1], 31, 30, std::uint32_t(lutSlot));
  setBits(w[1], 12, 0, std::uint32_t(fetchAddr));
  setBits(w[2], 18, 15, std::uint32_t(biasStart));
  setBits(w[2], 12, 9, std::uint32_t(biasEnd));
  setBits(w[2], 7, 0, std::uint32_t(columnStart) >> 5);
  setBits(w[3], 31, 27, std::uint32_t(columnStart) & 31u);
  setBits(w[3], 26, 16, std::uint32_t(columnEnd));
  setBits(w[3], 15, 3, std::uint32_t(outputAddr));
  setBits(w[6], 27, 16, std::uint32_t(rowStart));
  setBits(w[6], 15, 4, std::uint32_t(rowEnd));
  setBits(w[6], 3, 0, std::uint32_t(inputAddr) >> 9);
  setBits(w[7], 31, 23, std::uint32_t(inputAddr) & 0x1FFu);
  setBits(w[7], 22, 10, std::uint32_t(inputEnd));
  setBits(w[8], 27, 16, std::uint32_t(rowStart));
  setBits(w[8], 15, 4, std::uint32_t(rowEnd));
  return w;
}

SynthOutput writeSyntheticMapperOutput(const std::string& dir, const SynthOptions& opt) {
  std::mt19937 rng(opt.seed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  SynthOutput out;
  out.dir = dir;
  std::filesystem::create_directories(dir);

  // Array placement: column blocks from 128 upward, a new row band when the columns run out.
  // Bands that reuse columns also need their own bias rows (zBase).
  int colCursor = 128, rowBase = 0, bandRows = 0, zBase = 0, bandBias = 0;
  // Regfile: a fresh region for every net input and layer output.
  int addrCursor = 16;
  auto allocAddr = [&](int len) {
    const int a = addrCursor;
    addrCursor += len + 2;
    if (addrCursor > 8192) throw std::runtime_error("synthetic nets do not fit the regfile");
    return a;
  };

  std::vector<std::uint8_t> lutRelu(256), lutIdentity(256);
  for (int i = 0; i < 256; ++i) {
    lutRelu[std::size_t(i)] = std::uint8_t(i < 128 ? i : 0);
    lutIdentity[std::size_t(i)] = std::uint8_t(i);
  }

  Json blobJson;
  blobJson["chip"] = "ChipId::BB04P1";
  blobJson["model_name"] = "synthetic";
  blobJson["net_total"] = int(opt.nets.size());
  blobJson["time"] = "2000-1-1-0-0-0";
  blobJson["version"] = "synthetic";
  Json debugJson = blobJson;
  std::vector<std::uint8_t> raw;
  std::ostringstream addrCsv, layersTxt, mapCsv;
  addrCsv << "net_idx,layer_name,layer_type,round_type,round_idx,flow_idx,in/out,addr,type,len,file\n";

  for (std::size_t n = 0; n < opt.nets.size(); ++n) {
    const SynthNet& net = opt.nets[n];
    addrCsv << "\n\n";
    // Net input: PN nets take a signed vector and the CPU expands it (not a round).
    const SynthLayer& first = net.layers.at(0);
    const int firstRows = net.pnInput ? 2 * first.inputs : first.inputs;
    int inAddr = allocAddr(firstRows);
    std::vector<std::vector<int>> current(std::size_t(net.frames));
    for (auto& f : current) {
      f.resize(std::size_t(firstRows));
      if (net.pnInput) {
        for (int i = 0; i < first.inputs; ++i) {
          const int x = uniform(-128, 127);
          f[std::size_t(i)] = x > 0 ? x : 0;
          f[std::size_t(first.inputs + i)] = x < 0 ? -x : 0;
        }
      } else {
        for (int i = 0; i < firstRows; ++i) f[std::size_t(i)] = uniform(0, 255);
      }
    }
    Json netBlob, netDebug;
    netBlob["compensate_en"] = 1;
    netBlob["compensate_type"] = "CompensateType::DYNAMIC";
    netBlob["fifo_update_len"] = firstRows;
    netBlob["max_dma_len"] = 0;
    netBlob["net_cnt"] = int(n);
    netBlob["net_inputs"] = Json::array(
        {{{"addr", inAddr}, {"comment", "in"}, {"len", firstRows}, {"shape", {1, firstRows}}, {"type", "regfile"}}});
    netBlob["round_total"] = int(net.layers.size());
    std::vector<std::uint32_t> table;
    Json diffs = Json::array(), debugRounds = Json::array();
    std::vector<SynthRound> netRounds;

    for (std::size_t l = 0; l < net.layers.size(); ++l) {
      const SynthLayer& L = net.layers[l];
      SynthRound r;
      r.net = int(n);
      r.index = int(l);
      r.name = "n" + std::to_string(n) + "_layer_" + std::to_string(l + 1);
      r.rows = (l == 0 && net.pnInput) ? 2 * L.inputs : L.inputs;
      if (l > 0 && r.rows != net.layers[l - 1].outputs) throw std::runtime_error("layer sizes do not chain");
      r.columns = L.outputs;
      r.gain = 256 << L.gainCode;
      r.relu = L.relu;
      if (colCursor + r.columns > 1024) {
        colCursor = 128;
        rowBase += bandRows;
        bandRows = 0;
        zBase += bandBias;
        bandBias = 0;
      }
      r.columnStart = colCursor;
      r.rowStart = rowBase;
      colCursor += r.columns;
      bandRows = std::max(bandRows, r.rows);
      if (rowBase + r.rows > 1792) throw std::runtime_error("synthetic nets do not fit the array");
      const int biasLines = L.biasRows > 0 ? L.biasRows : 1;  // a layer without bias still owns 1 zero row
      r.biasStart = zBase;
      r.biasEnd = zBase + biasLines - 1;
      bandBias = std::max(bandBias, biasLines);
      if (r.biasEnd > 15) throw std::runtime_error("synthetic nets need more than 16 bias rows");
      r.inputAddr = inAddr;
      r.outputAddr = allocAddr(r.columns);
      // Weights (PN: [W; -W]) and bias cells.
      const int logicalRows = (l == 0 && net.pnInput) ? L.inputs : r.rows;
      std::vector<std::vector<int>> w(std::size_t(logicalRows), std::vector<int>(std::size_t(r.columns)));
      for (auto& row : w)
        for (auto& v : row) v = uniform(-L.weightMax, L.weightMax);
      r.weights = w;
      if (l == 0 && net.pnInput)
        for (const auto& row : w) {
          std::vector<int> neg(row.size());
          for (std::size_t j = 0; j < row.size(); ++j) neg[j] = -row[j];
          r.weights.push_back(neg);
        }
      r.bias.assign(std::size_t(biasLines), std::vector<int>(std::size_t(r.columns), 0));
      if (L.biasRows > 0)
        for (auto& row : r.bias)
          for (auto& v : row) v = uniform(-20, 20);
      // Golden values.
      r.inputs = current;
      for (const auto& x : current) {
        std::vector<int> pre(std::size_t(r.columns)), st(std::size_t(r.columns));
        for (int j = 0; j < r.columns; ++j) {
          long long acc = 0;
          for (int i = 0; i < r.rows; ++i)
            acc += (long long)x[std::size_t(i)] * r.weights[std::size_t(i)][std::size_t(j)];
          for (const auto& b : r.bias) acc += 128LL * b[std::size_t(j)];
          pre[std::size_t(j)] = referencePreActivation(acc, r.gain);
          const int byte = (L.relu ? lutRelu : lutIdentity)[std::uint8_t(pre[std::size_t(j)])];
          st[std::size_t(j)] = byte >= 128 ? byte - 256 : byte;
        }
        r.preAct.push_back(pre);
        r.stored.push_back(st);
      }
      current.clear();
      for (const auto& st : r.stored) {
        std::vector<int> bytes(st.size());
        for (std::size_t j = 0; j < st.size(); ++j) bytes[j] = st[j] & 0xFF;
        current.push_back(bytes);
      }
      inAddr = r.outputAddr;

      // Compensation samples (frames 0 and 1) and a record copy without LUT, then the record.
      const int lutSlot = L.relu ? 1 : 2;
      std::vector<std::int32_t> diff(23, 0);
      auto addRaw = [&](const std::vector<int>& v) {
        const int off = int(raw.size());
        for (int b : v) raw.push_back(std::uint8_t(b & 0xFF));
        return off;
      };
      const int f1 = net.frames > 1 ? 1 : 0;
      diff[0] = r.index;
      diff[3] = r.rows;
      diff[5] = r.columns;
      diff[6] = addRaw(r.inputs[0]);
      diff[7] = r.rows;
      diff[10] = addRaw(r.inputs[std::size_t(f1)]);
      diff[11] = r.rows;
      diff[8] = addRaw(r.preAct[0]);
      diff[9] = r.columns;
      diff[12] = addRaw(r.preAct[std::size_t(f1)]);
      diff[13] = r.columns;
      const auto copy =
          packRoundRecord(L.gainCode, false, 0, 0, r.biasStart, r.biasEnd, r.columnStart, r.columnStart + r.columns - 1,
                          4000, r.rowStart, r.rowStart + r.rows - 1, 3000, 3000 + r.rows - 1);
      diff[14] = int(raw.size());
      for (std::uint32_t word : copy) pushU32(raw, word);
      diff[15] = 40;
      diff[16] = 32;
      diff[17] = 10;
      diff[18] = L.relu ? 2 : 0;
      diff[19] = lutSlot;
      diff[21] = 256;  // LUT offset filled in once the LUT area is placed
      diff[22] = 1;
      diffs.push_back(diff);
      const auto record = packRoundRecord(L.gainCode, true, lutSlot, 0, r.biasStart, r.biasEnd, r.columnStart,
                                          r.columnStart + r.columns - 1, r.outputAddr, r.rowStart,
                                          r.rowStart + r.rows - 1, r.inputAddr, r.inputAddr + r.rows - 1);
      table.insert(table.end(), record.begin(), record.end());

      const std::string folder = "layer_debug/net" + std::to_string(n) + "/" + std::to_string(l + 1) + "_" + r.name +
                                 "/round" + std::to_string(l) + "/";
      debugRounds.push_back({{"flow_index", 1},
                             {"round_index", r.index},
                             {"round_config_start", int(10 * l)},
                             {"package_len", 5},
                             {"layer_name", r.name},
                             {"layer_type", "OpType::MV_OP"},
                             {"inputs", Json::array({{{"start_addr", r.inputAddr},
                                                      {"input_len", r.rows},
                                                      {"data_type", l ? "layer_input" : "net_input"},
                                                      {"store_file_path", folder + "input0.txt"}}})},
                             {"outputs", Json::array({{{"start_addr", r.outputAddr},
                                                       {"output_len", r.columns},
                                                       {"data_type", "layer_output"},
                                                       {"store_file_path", folder + "output0.txt"}}})}});
      addrCsv << n << ",\"" << r.name << "\",\"OpType::MV_OP\",array," << l << ",1,in," << r.inputAddr << ",regfile,"
              << r.rows << "," << folder << "input0.txt\n";
      addrCsv << n << ",\"" << r.name << "\",\"OpType::MV_OP\",array," << l << ",1,out," << r.outputAddr << ",regfile,"
              << r.columns << "," << folder << "output0.txt\n";
      layersTxt << r.columnStart << ", " << r.columnStart + r.columns - 1 << ", " << r.rowStart << ", "
                << r.rowStart + r.rows - 1 << ", " << r.biasStart << ", " << r.biasEnd << ", " << r.gain << "\n";
      if (opt.writeMapCsv) {
        for (int i = 0; i < r.rows; ++i)
          for (int j = 0; j < r.columns; ++j)
            mapCsv << r.columnStart + j << "," << r.rowStart + i << "," << r.weights[std::size_t(i)][std::size_t(j)]
                   << "\n";
        for (std::size_t z = 0; z < r.bias.size(); ++z)
          for (int j = 0; j < r.columns; ++j)
            mapCsv << r.columnStart + j << "," << 2049 + 2 * (r.biasStart + int(z)) << "," << r.bias[z][std::size_t(j)]
                   << "\n";
      }
      if (opt.writeParams) {
        const std::string p = dir + "/params/net" + std::to_string(n) + "/layer" + std::to_string(l + 1) + "/";
        write(p + "weight.txt", matrixText(r.weights));
        write(p + "bias.txt", matrixText(r.bias));
        write(p + "bias_high.txt", matrixText({std::vector<int>(std::size_t(r.columns), 0)}));
      }
      if (opt.writeTraces) {
        write(dir + "/" + folder + "input0.txt", matrixText(r.inputs));
        write(dir + "/" + folder + "output0.txt", matrixText(r.stored));
      }
      netRounds.push_back(r);
    }
    // Round table and the two LUTs after all samples of this net.
    const int tableOffset = int(raw.size());
    for (std::uint32_t word : table) pushU32(raw, word);
    const int lutOffset = int(raw.size());
    raw.insert(raw.end(), lutRelu.begin(), lutRelu.end());
    raw.insert(raw.end(), lutIdentity.begin(), lutIdentity.end());
    for (std::size_t l = 0; l < diffs.size(); ++l) {
      auto d = diffs[l].get<std::vector<std::int32_t>>();
      d[20] = lutOffset + (d[19] == 1 ? 0 : 256);
      d[21] = 256;
      diffs[l] = {{"data", base64Ints(d)}};
    }
    const int lastOut = netRounds.back().outputAddr;
    netBlob["net_outputs"] = Json::array({{{"addr", lastOut},
                                           {"comment", netRounds.back().name},
                                           {"len", netRounds.back().columns},
                                           {"shape", {1, netRounds.back().columns}},
                                           {"type", "regfile"}}});
    netBlob["compute_flow"] = Json::array(
        {{{"event_config",
           Json::array(
               {{{"data", base64Ints({tableOffset, int(table.size() * 4), 32})}, {"init", 1}, {"type", "round"}}})},
          {"flow_cnt", 0},
          {"flow_type", "event"}},
         {{"base", base64Ints({0, firstRows, 0, int(table.size() * 4), 32, 0, int(net.layers.size())})},
          {"diff", diffs},
          {"flow_cnt", 1},
          {"flow_type", "all_round"}}});
    blobJson["nets"].push_back(netBlob);

    netDebug = netBlob;
    netDebug.erase("compute_flow");
    netDebug["compute_flow_debug"] = Json::array({debugRounds});
    std::ostringstream words;
    for (std::size_t i = 0; i < 512; i += 4) {
      const std::uint8_t* b = &raw[std::size_t(lutOffset) + i];
      char buf[16];
      std::snprintf(buf, sizeof buf, "0x%08x,", unsigned(b[0] | (b[1] << 8) | (b[2] << 16) | (unsigned(b[3]) << 24)));
      words << buf;
    }
    netDebug["diff_lookup_table"] = {{"data", words.str()}, {"len", 512}, {"offset", lutOffset}};
    netDebug["fifo_en"] = nullptr;
    debugJson["nets"].push_back(netDebug);
    out.rounds.insert(out.rounds.end(), netRounds.begin(), netRounds.end());
  }

  const std::vector<std::uint8_t> blob = RegisterBlob::build(blobJson.dump(), raw);
  if (opt.writeRegisterBin) writeBinary(dir + "/register.bin", blob);
  if (opt.writeRegisterC) {
    std::ostringstream c;
    c << "char register_data[] = {";
    for (std::size_t i = 0; i < blob.size(); ++i) c << int(blob[i]) << ", ";
    c << "};";
    write(dir + "/register.c", c.str());
  }
  if (opt.writeDebugJson) write(dir + "/BoardConfigDebug.json", debugJson.dump(1, '\t'));
  if (opt.writeAddrCsv) write(dir + "/addr.csv", addrCsv.str());
  if (opt.writeLayersTxt) write(dir + "/map/layers.txt", layersTxt.str());
  if (opt.writeMapCsv) write(dir + "/map/map.csv", mapCsv.str());
  if (opt.writeExpectedBins) {
    std::vector<std::uint8_t> in, o;
    auto i16 = [](std::vector<std::uint8_t>& v, int x) {
      v.push_back(std::uint8_t(x & 0xFF));
      v.push_back(std::uint8_t((x >> 8) & 0xFF));
    };
    i16(in, opt.expectedFrames);
    for (const SynthRound& r : out.rounds) {
      for (int f = 0; f < opt.expectedFrames; ++f)
        for (int v : r.inputs.at(std::size_t(f))) i16(in, v);
      for (int f = 0; f < opt.expectedFrames; ++f)
        for (int v : r.preAct.at(std::size_t(f))) i16(o, v);
    }
    writeBinary(dir + "/map/expected_in.bin", in);
    writeBinary(dir + "/map/expected_out.bin", o);
  }
  return out;
}

}  // namespace wtm::npu::test
