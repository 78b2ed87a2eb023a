#include "npu/mapper/MapCsv.h"

#include <charconv>
#include <cstring>

#include "common/InputError.h"
#include "npu/mapper/TextFile.h"

namespace wtm::npu {

MapCsv MapCsv::load(const std::string& path) { return parse(readTextFile(path), path); }

MapCsv MapCsv::parse(const std::string& text, const std::string& path) {
  MapCsv map;
  map.source = path;
  map.listed.assign(std::size_t(CrossbarArray::kStorageRows) * kColumns, 0);
  const char* p = text.data();
  const char* end = p + text.size();
  std::size_t line = 0;
  while (p < end) {
    const char* eol = static_cast<const char*>(std::memchr(p, '\n', std::size_t(end - p)));
    if (!eol) eol = end;
    ++line;
    const char* q = p;
    p = eol + 1;
    while (q < eol && (*q == ' ' || *q == '\t' || *q == '\r')) ++q;
    if (q == eol) continue;  // blank line
    int v[3];
    for (int k = 0; k < 3; ++k) {
      while (q < eol && (*q == ' ' || *q == '\t')) ++q;
      if (*q == '+') ++q;
      auto [next, ec] = std::from_chars(q, eol, v[k]);
      if (ec != std::errc())
        throw InputError(path, "line " + std::to_string(line) + ": expected 'col,row,value' (field " +
                                   std::to_string(k + 1) + " is not an integer)");
      q = next;
      while (q < eol && (*q == ' ' || *q == '\t' || *q == '\r')) ++q;
      if (k < 2) {
        if (q >= eol || *q != ',')
          throw InputError(path, "line " + std::to_string(line) + ": expected 'col,row,value' (truncated line?)");
        ++q;
      }
    }
    if (q != eol) throw InputError(path, "line " + std::to_string(line) + ": extra text after 'col,row,value'");
    const int col = v[0], row = v[1], value = v[2];
    if (col < 0 || col >= kColumns)
      throw InputError(path, "line " + std::to_string(line) + ": column " + std::to_string(col) + " outside 0..1023");
    if (!CrossbarArray::isValidPhysicalRow(row))
      throw InputError(path, "line " + std::to_string(line) + ": row " + std::to_string(row) +
                                 " is neither a weight row (0..1791) nor a bias row (2049 + 2z)");
    if (value < -kMaxCellMagnitude || value > kMaxCellMagnitude)
      throw InputError(path, "line " + std::to_string(line) + ": value " + std::to_string(value) + " outside ±275");
    const int storageRow = row < kInputRows ? row : kInputRows + biasIndexOfPhysicalRow(row);
    auto& seen = map.listed[std::size_t(storageRow) * kColumns + col];
    if (seen) throw InputError(path, "line " + std::to_string(line) + ": cell (" + std::to_string(col) + "," +
                                         std::to_string(row) + ") listed twice");
    seen = 1;
    map.array.setPhysicalCell(row, col, value);
    ++map.cellCount;
  }
  if (map.cellCount == 0) throw InputError(path, "no cells listed");
  return map;
}

}  // namespace wtm::npu
