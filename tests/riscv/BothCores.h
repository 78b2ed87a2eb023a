// Runs a core test on both implementations: TEST_P over the core kind, instantiated once per
// suite with INSTANTIATE_BOTH_CORES(Suite); the test's names end in /rtl and /fast.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "IssHarness.h"
#include "RtlHarness.h"

enum class CoreKind { Rtl, Fast };

inline std::unique_ptr<CoreHarness> makeHarness(CoreKind kind, bool fastForward = true) {
  if (kind == CoreKind::Rtl) return std::make_unique<RtlHarness>(fastForward);
  return std::make_unique<IssHarness>(fastForward);
}

inline std::string coreName(const ::testing::TestParamInfo<CoreKind>& info) {
  return info.param == CoreKind::Rtl ? "rtl" : "fast";
}

// The fixture: `h` is a fresh harness of the core under test.
class CoreTest : public ::testing::TestWithParam<CoreKind> {
 protected:
  std::unique_ptr<CoreHarness> owned_ = makeHarness(GetParam());
  CoreHarness& h = *owned_;
};

#define INSTANTIATE_BOTH_CORES(suite) \
  INSTANTIATE_TEST_SUITE_P(Both, suite, ::testing::Values(CoreKind::Rtl, CoreKind::Fast), coreName)
