#include "npu/mapper/MapCsv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <memory>

#include "common/InputError.h"
#include "npu/mapper/TextFile.h"

namespace wtm::npu {

MapCsv MapCsv::load(const std::string& path) { return parse(readTextFile(path), path); }

namespace {
bool storageOrder(const MapCsv::Cell& a, const MapCsv::Cell& b) {
  return a.storageRow != b.storageRow ? a.storageRow < b.storageRow : a.column < b.column;
}
}  // namespace

bool MapCsv::isListed(int storageRow, int column) const {
  const Cell key{storageRow, column, 0};
  const auto it = std::lower_bound(cells.begin(), cells.end(), key, storageOrder);
  return it != cells.end() && it->storageRow == storageRow && it->column == column;
}

void MapCsv::programInto(CrossbarArray& array) const {
  array.clear();
  for (const Cell& c : cells) {
    if (!c.value) continue;
    if (c.storageRow < kInputRows) array.setWeight(c.storageRow, c.column, c.value);
    else array.setBias(c.storageRow - kInputRows, c.column, c.value);
  }
}

CrossbarArray MapCsv::toArray() const {
  CrossbarArray array;
  programInto(array);
  return array;
}

MapCsv MapCsv::parse(const std::string& text, const std::string& path) {
  MapCsv map;
  map.source = path;
  // Cells seen so far, for "listed twice": one 1024-bit set per storage row, made when the row
  // first appears (a file touching a few rows costs a few hundred bytes, not the whole array).
  using RowBits = std::array<std::uint64_t, kColumns / 64>;
  std::vector<std::unique_ptr<RowBits>> seenRows(CrossbarArray::kStorageRows);
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
    auto& rowBits = seenRows[std::size_t(storageRow)];
    if (!rowBits) rowBits = std::make_unique<RowBits>(RowBits{});
    std::uint64_t& word = (*rowBits)[std::size_t(col) / 64];
    const std::uint64_t bit = std::uint64_t{1} << (col % 64);
    if (word & bit)
      throw InputError(path, "line " + std::to_string(line) + ": cell (" + std::to_string(col) + "," +
                                 std::to_string(row) + ") listed twice");
    word |= bit;
    map.cells.push_back({storageRow, col, value});
    ++map.cellCount;
  }
  if (map.cellCount == 0) throw InputError(path, "no cells listed");
  std::sort(map.cells.begin(), map.cells.end(), storageOrder);
  return map;
}

}  // namespace wtm::npu
