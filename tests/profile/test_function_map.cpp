// Address -> function look-up of the profiler: overlaps, aliases, size-0 symbols, gaps.
#include <gtest/gtest.h>

#include "profile/FunctionMap.h"

namespace {

using wtm::profile::FunctionMap;
using wtm::profile::ProfileFunction;

constexpr uint32_t kNone = FunctionMap::kNoFunction;

uint32_t functionAt(const FunctionMap& map, uint32_t pc) { return map.functionOf(map.segmentAt(pc)); }

TEST(FunctionMap, GapsBetweenAndAroundFunctions) {
  const FunctionMap map({{"b", 0x200, 0x10}, {"a", 0x100, 0x10}});  // any order
  EXPECT_EQ(functionAt(map, 0x0), kNone);
  EXPECT_EQ(functionAt(map, 0xff), kNone);
  EXPECT_EQ(functionAt(map, 0x100), 1u);
  EXPECT_EQ(functionAt(map, 0x10f), 1u);
  EXPECT_EQ(functionAt(map, 0x110), kNone);
  EXPECT_EQ(functionAt(map, 0x200), 0u);
  EXPECT_EQ(functionAt(map, 0x210), kNone);
  EXPECT_EQ(functionAt(map, 0xffffffff), kNone);
  EXPECT_EQ(map.segmentCount(), 5u);
  const uint32_t gap = map.segmentAt(0x150);
  EXPECT_EQ(map.segmentStart(gap), 0x110u);
  EXPECT_EQ(map.segmentSpan(gap), 0xf0u);
  EXPECT_EQ(map.segmentSpan(map.segmentAt(0x80000000)), 0x100000000ull - 0x210);
}

TEST(FunctionMap, TheLaterStartOwnsAnOverlap) {
  // outer [0x100, 0x200) holds inner [0x140, 0x160); a label at 0x180 of size 0 runs to 0x1c0.
  const FunctionMap map({{"outer", 0x100, 0x100}, {"inner", 0x140, 0x20}, {"label", 0x180, 0}, {"next", 0x1c0, 0x10}});
  EXPECT_EQ(functionAt(map, 0x13e), 0u);
  EXPECT_EQ(functionAt(map, 0x140), 1u);
  EXPECT_EQ(functionAt(map, 0x15f), 1u);
  EXPECT_EQ(functionAt(map, 0x160), 0u);  // back in outer
  EXPECT_EQ(functionAt(map, 0x180), 2u);
  EXPECT_EQ(functionAt(map, 0x1bf), 2u);
  EXPECT_EQ(functionAt(map, 0x1c0), 3u);
  EXPECT_EQ(functionAt(map, 0x1d0), 0u);  // outer runs to 0x200
  EXPECT_EQ(functionAt(map, 0x200), kNone);
}

TEST(FunctionMap, AliasesAndSize0Functions) {
  const FunctionMap map({{"first", 0x100, 0x10},
                         {"alias", 0x100, 0x10},
                         {"unsized", 0x300, 0},
                         {"later", 0x400, 0x10},
                         {"last_unsized", 0x1000, 0},
                         {"empty_at_zero", 0x0, 0}});
  EXPECT_EQ(functionAt(map, 0x100), 0u);   // the first given of equal ranges
  EXPECT_EQ(functionAt(map, 0x3ff), 2u);   // up to the next function
  EXPECT_EQ(functionAt(map, 0x1000), 4u);  // only its own address: nothing follows
  EXPECT_EQ(functionAt(map, 0x1001), kNone);
  EXPECT_EQ(functionAt(map, 0x0), 5u);
  EXPECT_EQ(functionAt(map, 0xff), 5u);
}

TEST(FunctionMap, FunctionAtTheTopOfTheAddressSpace) {
  const FunctionMap map({{"top", 0xfffffff0, 0x10}});
  EXPECT_EQ(functionAt(map, 0xffffffef), kNone);
  EXPECT_EQ(functionAt(map, 0xffffffff), 0u);
  EXPECT_EQ(map.segmentSpan(map.segmentAt(0xfffffff0)), 0x10u);
}

TEST(FunctionMap, EmptyMapIsOneGap) {
  const FunctionMap map({});
  EXPECT_EQ(map.segmentCount(), 1u);
  EXPECT_EQ(functionAt(map, 0x12345678), kNone);
  EXPECT_EQ(map.segmentSpan(0), 0x100000000ull);
}

// The cached segment and the binary search agree on every address around every boundary.
TEST(FunctionMap, CachedAndSearchedLookupsAgree) {
  std::vector<ProfileFunction> functions;
  for (uint32_t i = 0; i < 500; ++i)
    functions.push_back({"f" + std::to_string(i), 0x1000 + i * 0x40, 0x30 + (i % 3) * 8});
  const FunctionMap map(functions);
  for (uint32_t i = 0; i < 500; ++i) {
    for (uint32_t offset : {0u, 0x2fu, 0x30u, 0x3fu}) {
      const uint32_t pc = 0x1000 + i * 0x40 + offset;
      const uint32_t expected = offset < 0x30 + (i % 3) * 8 ? i : kNone;
      EXPECT_EQ(functionAt(map, pc), expected) << std::hex << pc;
      EXPECT_EQ(functionAt(map, pc), expected) << std::hex << pc;  // again, from the cache
    }
  }
}

}  // namespace
