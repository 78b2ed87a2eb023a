// addr.csv: one "in" and one "out" row per round with its regfile address, length and
// layer_debug file (reference/mapper-formats.md §2.4). Header
// net_idx,layer_name,layer_type,round_type,round_idx,flow_idx,in/out,addr,type,len,file;
// blank lines separate nets.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace wtm::npu {

struct AddrCsvRow {
  std::size_t line = 0;  // 1-based line in the file, for messages
  int net = 0;
  std::string layerName;
  std::string layerType;
  std::string roundType;
  int roundIndex = 0;
  int flowIndex = 0;
  bool isInput = false;  // "in" or "out"
  int addr = 0;
  std::string memType;
  int len = 0;
  std::string file;
};

struct AddrCsv {
  std::string source;
  std::vector<AddrCsvRow> rows;

  const AddrCsvRow* find(int net, int roundIndex, bool input) const;
  static AddrCsv load(const std::string& path);
  static AddrCsv parse(const std::string& text, const std::string& path);
};

}  // namespace wtm::npu
