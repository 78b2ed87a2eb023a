#include "npu/CrossbarArray.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace wtm::npu {

namespace {
void checkIndex(int value, int limit, const char* what) {
  if (value < 0 || value >= limit)
    throw std::out_of_range(std::string("crossbar ") + what + " " + std::to_string(value) + " outside 0.." +
                            std::to_string(limit - 1));
}

constexpr std::size_t kCells = std::size_t(CrossbarArray::kStorageRows) * kColumns;
const std::int16_t kBlankRow[kColumns] = {};
}  // namespace

CrossbarArray::CrossbarArray() = default;

std::int16_t& CrossbarArray::cell(std::size_t index) {
  if (cells_.empty()) cells_.assign(kCells, 0);
  return cells_[index];
}

const std::int16_t* CrossbarArray::rowData(int storageRow) const {
  return cells_.empty() ? kBlankRow : &cells_[std::size_t(storageRow) * kColumns];
}

bool CrossbarArray::operator==(const CrossbarArray& other) const {
  if (cells_.empty() || other.cells_.empty()) {
    const auto& written = cells_.empty() ? other.cells_ : cells_;
    return std::all_of(written.begin(), written.end(), [](std::int16_t v) { return v == 0; });
  }
  return cells_ == other.cells_;
}

void CrossbarArray::checkValue(int value) {
  if (value < -kMaxCellMagnitude || value > kMaxCellMagnitude)
    throw std::out_of_range("crossbar cell value " + std::to_string(value) + " outside ±" +
                            std::to_string(kMaxCellMagnitude));
}

int CrossbarArray::weight(int row, int column) const {
  checkIndex(row, kInputRows, "row");
  checkIndex(column, kColumns, "column");
  return rowData(row)[column];
}

void CrossbarArray::setWeight(int row, int column, int value) {
  checkIndex(row, kInputRows, "row");
  checkIndex(column, kColumns, "column");
  checkValue(value);
  cell(std::size_t(row) * kColumns + column) = static_cast<std::int16_t>(value);
  ++generation_;
}

int CrossbarArray::bias(int z, int column) const {
  checkIndex(z, kBiasRows, "bias row");
  checkIndex(column, kColumns, "column");
  return rowData(kInputRows + z)[column];
}

void CrossbarArray::setBias(int z, int column, int value) {
  checkIndex(z, kBiasRows, "bias row");
  checkIndex(column, kColumns, "column");
  checkValue(value);
  cell(std::size_t(kInputRows + z) * kColumns + column) = static_cast<std::int16_t>(value);
  ++generation_;
}

bool CrossbarArray::isValidPhysicalRow(int physicalRow) {
  return (physicalRow >= 0 && physicalRow < kInputRows) || isBiasPhysicalRow(physicalRow);
}

int CrossbarArray::physicalCell(int physicalRow, int column) const {
  if (isBiasPhysicalRow(physicalRow)) return bias(biasIndexOfPhysicalRow(physicalRow), column);
  if (physicalRow >= 0 && physicalRow < kInputRows) return weight(physicalRow, column);
  throw std::out_of_range("crossbar physical row " + std::to_string(physicalRow) +
                          " is neither a weight row (0..1791) nor a bias row (2049 + 2z)");
}

void CrossbarArray::setPhysicalCell(int physicalRow, int column, int value) {
  if (isBiasPhysicalRow(physicalRow)) return setBias(biasIndexOfPhysicalRow(physicalRow), column, value);
  if (physicalRow >= 0 && physicalRow < kInputRows) return setWeight(physicalRow, column, value);
  throw std::out_of_range("crossbar physical row " + std::to_string(physicalRow) +
                          " is neither a weight row (0..1791) nor a bias row (2049 + 2z)");
}

void CrossbarArray::clear() {
  cells_ = {};
  ++generation_;
}

}  // namespace wtm::npu
