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
}  // namespace

CrossbarArray::CrossbarArray() : cells_(std::size_t(kStorageRows) * kColumns, 0) {}

void CrossbarArray::checkValue(int value) {
  if (value < -kMaxCellMagnitude || value > kMaxCellMagnitude)
    throw std::out_of_range("crossbar cell value " + std::to_string(value) + " outside ±" +
                            std::to_string(kMaxCellMagnitude));
}

int CrossbarArray::weight(int row, int column) const {
  checkIndex(row, kInputRows, "row");
  checkIndex(column, kColumns, "column");
  return cells_[std::size_t(row) * kColumns + column];
}

void CrossbarArray::setWeight(int row, int column, int value) {
  checkIndex(row, kInputRows, "row");
  checkIndex(column, kColumns, "column");
  checkValue(value);
  cells_[std::size_t(row) * kColumns + column] = static_cast<std::int16_t>(value);
  ++generation_;
}

int CrossbarArray::bias(int z, int column) const {
  checkIndex(z, kBiasRows, "bias row");
  checkIndex(column, kColumns, "column");
  return cells_[std::size_t(kInputRows + z) * kColumns + column];
}

void CrossbarArray::setBias(int z, int column, int value) {
  checkIndex(z, kBiasRows, "bias row");
  checkIndex(column, kColumns, "column");
  checkValue(value);
  cells_[std::size_t(kInputRows + z) * kColumns + column] = static_cast<std::int16_t>(value);
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
  std::fill(cells_.begin(), cells_.end(), std::int16_t{0});
  ++generation_;
}

}  // namespace wtm::npu
