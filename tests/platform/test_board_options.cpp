// The board's command line as parsed (platform/BoardOptions): the firmware argument forms.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/InputError.h"
#include "BoardOptions.h"

namespace wtm::platform {
namespace {

std::optional<BoardOptions> parse(std::vector<std::string> args) {
  args.insert(args.begin(), "wtm2101-board");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  return parseBoardOptions(int(argv.size()), argv.data());
}

TEST(BoardOptions, ABareFileNameIsTheElfAsWithTheElfOption) {
  const auto bare = parse({"fw.elf", "--max-time", "1ms"});
  ASSERT_TRUE(bare);
  ASSERT_TRUE(bare->elf);
  EXPECT_EQ(*bare->elf, "fw.elf");
  const auto named = parse({"--max-time", "1ms", "--elf", "fw.elf"});
  ASSERT_TRUE(named && named->elf);
  EXPECT_EQ(*named->elf, "fw.elf");
}

TEST(BoardOptions, TwoFirmwareFilesOrNoneAreRefusedWithAClearMessage) {
  try {
    parse({"a.elf", "b.elf"});
    FAIL() << "two ELF files accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("command line"), std::string::npos) << e.what();
  }
  try {
    parse({"--max-time", "1ms"});
    FAIL() << "no firmware accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no firmware given"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace wtm::platform
