// The cross-checks between the mapper's redundant descriptions of the same configuration. The
// round records in the register blob are what the runtime executes, so every other file is
// compared against them.
#include <sstream>

#include "npu/RoundDecoder.h"
#include "npu/mapper/MapperOutput.h"

namespace wtm::npu {

namespace {

std::string range(int a, int b) { return std::to_string(a) + ".." + std::to_string(b); }

void checkRecords(MapperOutput& out) {
  for (const MapperNet& net : out.nets)
    for (const MapperRound& r : net.rounds) {
      if (!r.isArrayRound()) {
        out.notes.push_back(out.blobPath + ": " + r.label() + " is not an array round (" +
                            std::to_string(r.config.words.size()) + " words); not modelled");
        continue;
      }
      // (Unrunnable records were already rejected by the loader.)
      const RoundConfig& c = r.config;
      if (c.mirrorRowStart != c.rowStart || c.mirrorRowEnd != c.rowEnd)
        out.disagreements.push_back(out.blobPath + ": " + r.label() + ": row range " + range(c.rowStart, c.rowEnd) +
                                    " but its copy in word 8 says " + range(c.mirrorRowStart, c.mirrorRowEnd));
    }
  for (const BlobNet& bn : out.blob.nets)
    if (bn.roundTotal != static_cast<int>(bn.rounds.size()))
      out.disagreements.push_back(out.blobPath + ": net" + std::to_string(bn.index) + " round_total " +
                                  std::to_string(bn.roundTotal) + " but its round table holds " +
                                  std::to_string(bn.rounds.size()) + " records");
}

void checkDiffs(MapperOutput& out) {
  for (const MapperNet& net : out.nets)
    for (const MapperRound& r : net.rounds) {
      if (!r.diff || !r.isArrayRound()) continue;
      const DiffInfo& d = *r.diff;
      const RoundConfig& c = r.config;
      const std::string where = out.blobPath + ": " + r.label() + " compensation record: ";
      if (c.lut != LutSelect::None && d.tableType != static_cast<int>(c.lut))
        out.disagreements.push_back(where + "table_type " + std::to_string(d.tableType) +
                                    " but the round selects LUT slot " + std::to_string(static_cast<int>(c.lut)));
      if (d.expectInputLen != c.rows())
        out.disagreements.push_back(where + "input length " + std::to_string(d.expectInputLen) +
                                    " but the round reads " + std::to_string(c.rows()) + " rows");
      if (d.npuOutputLen != c.columns())
        out.disagreements.push_back(where + "output length " + std::to_string(d.npuOutputLen) + " but the round has " +
                                    std::to_string(c.columns()) + " columns");
      if (d.roundConfig.length == 40) {
        const auto bytes = out.blob.rawBytes(d.roundConfig);
        std::vector<std::uint32_t> words(10);
        for (int i = 0; i < 10; ++i)
          words[i] = std::uint32_t(bytes[4 * i]) | (std::uint32_t(bytes[4 * i + 1]) << 8) |
                     (std::uint32_t(bytes[4 * i + 2]) << 16) | (std::uint32_t(bytes[4 * i + 3]) << 24);
        try {
          const RoundConfig copy = decodeRound(words.data(), words.size());
          if (copy.rowStart != c.rowStart || copy.rowEnd != c.rowEnd || copy.columnStart != c.columnStart ||
              copy.columnEnd != c.columnEnd || copy.biasStart != c.biasStart || copy.biasEnd != c.biasEnd ||
              copy.gainCode != c.gainCode)
            out.disagreements.push_back(where + "record copy covers " + copy.summary() + ", the round " + c.summary());
        } catch (const std::exception& e) {
          out.disagreements.push_back(where + "record copy does not decode: " + e.what());
        }
      }
    }
}

void checkLayersTxt(MapperOutput& out) {
  if (!out.layers) return;
  const auto rounds = out.arrayRounds();
  const auto& layers = out.layers->layers;
  const std::string& src = out.layers->source;
  if (layers.size() != rounds.size())
    out.disagreements.push_back(src + ": " + std::to_string(layers.size()) + " layers but the register blob has " +
                                std::to_string(rounds.size()) + " array rounds");
  for (std::size_t i = 0; i < std::min(layers.size(), rounds.size()); ++i) {
    const LayerPlacement& l = layers[i];
    const RoundConfig& c = rounds[i]->config;
    const std::string where = src + " line " + std::to_string(l.line) + " vs " + rounds[i]->label() + ": ";
    if (l.columnStart != c.columnStart || l.columnEnd != c.columnEnd)
      out.disagreements.push_back(where + "columns " + range(l.columnStart, l.columnEnd) + " vs " +
                                  range(c.columnStart, c.columnEnd));
    if (l.rowStart != c.rowStart || l.rowEnd != c.rowEnd)
      out.disagreements.push_back(where + "rows " + range(l.rowStart, l.rowEnd) + " vs " + range(c.rowStart, c.rowEnd));
    if (l.biasStart != c.biasStart || l.biasEnd != c.biasEnd)
      out.disagreements.push_back(where + "bias rows " + range(l.biasStart, l.biasEnd) + " vs " +
                                  range(c.biasStart, c.biasEnd));
    if (l.gain != c.gain())
      out.disagreements.push_back(where + "G " + std::to_string(l.gain) + " vs " + std::to_string(c.gain()));
  }
}

void checkAddrCsv(MapperOutput& out) {
  if (!out.addr) return;
  const std::string& src = out.addr->source;
  for (const MapperRound* r : out.arrayRounds()) {
    const RoundConfig& c = r->config;
    const AddrCsvRow* in = out.addr->find(r->net, r->index, true);
    const AddrCsvRow* o = out.addr->find(r->net, r->index, false);
    if (!in || !o) {
      out.disagreements.push_back(src + ": no " + std::string(!in ? "in" : "out") + " row for " + r->label());
      continue;
    }
    if (in->addr != c.inputAddr || in->len != c.rows())
      out.disagreements.push_back(src + " line " + std::to_string(in->line) + ": input " + std::to_string(in->addr) +
                                  "/" + std::to_string(in->len) + " but " + r->label() + " reads " +
                                  std::to_string(c.inputAddr) + "/" + std::to_string(c.rows()));
    if (o->addr != c.outputAddr || o->len != c.columns())
      out.disagreements.push_back(src + " line " + std::to_string(o->line) + ": output " + std::to_string(o->addr) +
                                  "/" + std::to_string(o->len) + " but " + r->label() + " writes " +
                                  std::to_string(c.outputAddr) + "/" + std::to_string(c.columns()));
  }
  for (const AddrCsvRow& row : out.addr->rows) {
    bool known = false;
    for (const MapperNet& n : out.nets)
      if (n.index == row.net && row.roundIndex >= 0 && row.roundIndex < static_cast<int>(n.rounds.size())) known = true;
    if (!known)
      out.disagreements.push_back(src + " line " + std::to_string(row.line) + ": net" + std::to_string(row.net) +
                                  " round" + std::to_string(row.roundIndex) + " does not exist in the register blob");
  }
}

void checkBoardConfigDebug(MapperOutput& out) {
  if (!out.debug) return;
  const std::string& src = out.debug->source;
  if (out.debug->nets.size() != out.blob.nets.size())
    out.disagreements.push_back(src + ": " + std::to_string(out.debug->nets.size()) +
                                " nets but the register blob has " + std::to_string(out.blob.nets.size()));
  for (const BlobNet& bn : out.blob.nets) {
    const DebugNet* dn = nullptr;
    for (const DebugNet& n : out.debug->nets)
      if (n.index == bn.index) dn = &n;
    if (!dn) continue;
    const std::string netLabel = "net" + std::to_string(bn.index);
    auto sameRegions = [](const std::vector<RegfileRegion>& a, const std::vector<RegfileRegion>& b) {
      if (a.size() != b.size()) return false;
      for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].addr != b[i].addr || a[i].len != b[i].len) return false;
      return true;
    };
    if (!sameRegions(dn->netInputs, bn.inputs) || !sameRegions(dn->netOutputs, bn.outputs))
      out.disagreements.push_back(src + ": " + netLabel + " net_inputs/net_outputs differ from the register blob");
    if (dn->rounds.size() != bn.rounds.size())
      out.disagreements.push_back(src + ": " + netLabel + " lists " + std::to_string(dn->rounds.size()) +
                                  " rounds, the register blob " + std::to_string(bn.rounds.size()));
    for (const DebugRound& d : dn->rounds) {
      if (d.roundIndex < 0 || d.roundIndex >= static_cast<int>(bn.rounds.size())) {
        out.disagreements.push_back(src + ": " + netLabel + " round_index " + std::to_string(d.roundIndex) +
                                    " does not exist in the register blob");
        continue;
      }
      const RoundConfig& c = bn.rounds[std::size_t(d.roundIndex)];
      const std::string where = src + ": " + netLabel + " round" + std::to_string(d.roundIndex) + ": ";
      if (std::size_t(d.roundConfigStart) != bn.roundWordOffsets[std::size_t(d.roundIndex)])
        out.disagreements.push_back(where + "round_config_start " + std::to_string(d.roundConfigStart) +
                                    " but the record starts at word " +
                                    std::to_string(bn.roundWordOffsets[std::size_t(d.roundIndex)]));
      if (std::size_t(d.packageLen) * 2 != c.words.size())
        out.disagreements.push_back(where + "package_len " + std::to_string(d.packageLen) + " but the record has " +
                                    std::to_string(c.words.size() / 2) + " commands");
      if (!c.isMatrixVector()) continue;
      if (!d.inputs.empty() && (d.inputs[0].startAddr != c.inputAddr || d.inputs[0].length != c.rows()))
        out.disagreements.push_back(where + "input " + std::to_string(d.inputs[0].startAddr) + "/" +
                                    std::to_string(d.inputs[0].length) + " but the record reads " +
                                    std::to_string(c.inputAddr) + "/" + std::to_string(c.rows()));
      if (!d.outputs.empty() && (d.outputs[0].startAddr != c.outputAddr || d.outputs[0].length != c.columns()))
        out.disagreements.push_back(where + "output " + std::to_string(d.outputs[0].startAddr) + "/" +
                                    std::to_string(d.outputs[0].length) + " but the record writes " +
                                    std::to_string(c.outputAddr) + "/" + std::to_string(c.columns()));
      if (out.addr) {
        const AddrCsvRow* in = out.addr->find(bn.index, d.roundIndex, true);
        if (in && !d.inputs.empty() && in->file != d.inputs[0].filePath)
          out.disagreements.push_back(where + "input file " + d.inputs[0].filePath + " but addr.csv line " +
                                      std::to_string(in->line) + " says " + in->file);
        if (in && !d.layerName.empty() && in->layerName != d.layerName)
          out.disagreements.push_back(where + "layer " + d.layerName + " but addr.csv line " +
                                      std::to_string(in->line) + " says " + in->layerName);
      }
    }
  }
}

}  // namespace

void crossCheckMapperOutput(MapperOutput& out) {
  checkRecords(out);
  checkDiffs(out);
  checkLayersTxt(out);
  checkAddrCsv(out);
  checkBoardConfigDebug(out);
}

}  // namespace wtm::npu
