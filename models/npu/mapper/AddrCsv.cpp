#include "npu/mapper/AddrCsv.h"

#include "common/InputError.h"
#include "npu/mapper/TextFile.h"

namespace wtm::npu {

namespace {
constexpr std::size_t kFields = 11;
}

const AddrCsvRow* AddrCsv::find(int net, int roundIndex, bool input) const {
  for (const AddrCsvRow& r : rows)
    if (r.net == net && r.roundIndex == roundIndex && r.isInput == input) return &r;
  return nullptr;
}

AddrCsv AddrCsv::load(const std::string& path) { return parse(readTextFile(path), path); }

AddrCsv AddrCsv::parse(const std::string& text, const std::string& path) {
  AddrCsv csv;
  csv.source = path;
  std::size_t lineNo = 0;
  std::size_t pos = 0;
  bool sawHeader = false;
  while (pos < text.size()) {
    auto eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    const std::string line = trim(text.substr(pos, eol - pos));
    pos = eol + 1;
    ++lineNo;
    if (line.empty()) continue;
    const auto f = splitCsvLine(line);
    if (!sawHeader) {
      if (f.empty() || f[0] != "net_idx")
        throw InputError(path, "line " + std::to_string(lineNo) + ": expected the header starting with net_idx");
      if (f.size() != kFields)
        throw InputError(path,
                         "header has " + std::to_string(f.size()) + " columns, expected " + std::to_string(kFields));
      sawHeader = true;
      continue;
    }
    if (f.size() != kFields)
      throw InputError(path, "line " + std::to_string(lineNo) + " has " + std::to_string(f.size()) +
                                 " fields, expected " + std::to_string(kFields) + " (truncated?)");
    AddrCsvRow row;
    row.line = lineNo;
    row.net = static_cast<int>(parseIntegerField(f[0], path, lineNo, "net_idx"));
    row.layerName = oneLine(f[1]);
    row.layerType = f[2];
    row.roundType = f[3];
    row.roundIndex = static_cast<int>(parseIntegerField(f[4], path, lineNo, "round_idx"));
    row.flowIndex = static_cast<int>(parseIntegerField(f[5], path, lineNo, "flow_idx"));
    if (f[6] != "in" && f[6] != "out")
      throw InputError(path, "line " + std::to_string(lineNo) + ": direction '" + quoteToken(f[6]) + "' is not in/out");
    row.isInput = f[6] == "in";
    row.addr = static_cast<int>(parseIntegerField(f[7], path, lineNo, "addr"));
    row.memType = f[8];
    row.len = static_cast<int>(parseIntegerField(f[9], path, lineNo, "len"));
    row.file = f[10];
    if (row.addr < 0 || row.len < 0)
      throw InputError(path, "line " + std::to_string(lineNo) + ": negative address or length");
    csv.rows.push_back(std::move(row));
  }
  if (!sawHeader) throw InputError(path, "empty file (no header)");
  return csv;
}

}  // namespace wtm::npu
