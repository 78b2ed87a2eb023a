// Geometry of the WTM2101 (BB04P1) analog crossbar and its regfile, as the mapper sees them
// (reference/npu.md §1.1, reference/mapper-formats.md §4). Everything that sizes or indexes the
// array goes through these constants so no other file hard-codes a dimension.
#pragma once
#include <cstdint>

namespace wtm::npu {

// Logical input rows (word lines driven by the 8-bit DACs) and output columns (ADC side).
constexpr int kInputRows = 1792;
constexpr int kColumns = 1024;
// Bias rows: extra word lines driven by the constant input kBiasInput.
constexpr int kBiasRows = 16;
constexpr int kBiasInput = 128;
// map.csv numbers bias row z as physical word line 2049 + 2z (odd rows above 2048).
constexpr int kFirstBiasPhysicalRow = 2049;
constexpr int kBiasPhysicalRowStep = 2;
// The mapper's "SIM_MODE" and weight-x2 optimisation emit cell values beyond int8; ±275 is the
// widest range it documents, so the model stores int16 and rejects anything wider.
constexpr int kMaxCellMagnitude = 275;
// 8 KB byte-addressed activation SRAM (13-bit addresses in the round records).
constexpr int kRegfileBytes = 8192;
// Inputs are unsigned bytes.
constexpr int kMaxInput = 255;

constexpr bool isBiasPhysicalRow(int physicalRow) {
  return physicalRow >= kFirstBiasPhysicalRow &&
         physicalRow < kFirstBiasPhysicalRow + kBiasPhysicalRowStep * kBiasRows &&
         (physicalRow - kFirstBiasPhysicalRow) % kBiasPhysicalRowStep == 0;
}
constexpr int biasIndexOfPhysicalRow(int physicalRow) {
  return (physicalRow - kFirstBiasPhysicalRow) / kBiasPhysicalRowStep;
}
constexpr int physicalRowOfBias(int z) { return kFirstBiasPhysicalRow + kBiasPhysicalRowStep * z; }

}  // namespace wtm::npu
