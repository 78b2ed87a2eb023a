// The map.csv loader sizes its work to the file: a map of a few cells must not allocate (and
// clear) the whole 1808 x 1024 array plus a listed-flag per cell, 5.5 MB, on every load.
// Own executable: it replaces the global operator new to count the bytes allocated.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include "CountingAllocator.h"
#include "npu/mapper/MapCsv.h"

using wtm::test::gAllocatedBytes;

TEST(NpuMapCsvMemory, SmallMapsCostLittle) {
  const std::string text = "640,1344,6\n641,1344,-36\n640,2049,-4\n641,2079,3\n";
  const auto before = gAllocatedBytes.load();
  const wtm::npu::MapCsv m = wtm::npu::MapCsv::parse(text, "map.csv");
  const auto used = gAllocatedBytes.load() - before;
  EXPECT_EQ(m.cellCount, 4u);
  // The per-row bookkeeping (one pointer per storage row) and three touched rows: ~16 KB.
  EXPECT_LT(used, 64u * 1024) << used << " bytes allocated for a 4-cell map";
}

// The same cells come out of the sparse form as the dense array would hold them.
TEST(NpuMapCsvMemory, CellsComeInStorageOrder) {
  const auto m = wtm::npu::MapCsv::parse("5,2079,1\n7,3,2\n6,3,0\n1,1791,-5\n", "map.csv");
  ASSERT_EQ(m.cells.size(), 4u);
  EXPECT_EQ(m.cells[0].storageRow, 3);
  EXPECT_EQ(m.cells[0].column, 6);
  EXPECT_EQ(m.cells[1].column, 7);
  EXPECT_EQ(m.cells[2].storageRow, 1791);
  EXPECT_EQ(m.cells[3].storageRow, wtm::npu::kInputRows + 15);
  EXPECT_TRUE(m.isListed(3, 6));  // listed with value 0: still listed
  EXPECT_FALSE(m.isListed(3, 5));
  const wtm::npu::CrossbarArray a = m.toArray();
  EXPECT_EQ(a.weight(3, 7), 2);
  EXPECT_EQ(a.weight(1791, 1), -5);
  EXPECT_EQ(a.bias(15, 5), 1);
}
