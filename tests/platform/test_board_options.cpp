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

// -q drops the LED log that goes to stderr by default, but keeps one the user asked for.
TEST(BoardOptions, QuietSilencesTheDefaultLedLogOnly) {
  EXPECT_EQ(parse({"fw.elf"})->leds, "stderr");
  EXPECT_EQ(parse({"fw.elf", "-q"})->leds, "none");
  EXPECT_EQ(parse({"fw.elf", "-q", "--leds", "stderr"})->leds, "stderr");
  EXPECT_EQ(parse({"fw.elf", "--leds", "leds.log", "-q"})->leds, "leds.log");
}

// An output option's bare word close to a keyword is refused as a typo; real file names pass.
TEST(BoardOptions, MisspeltOutputKeywordsAreRefused) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--uart0", "stdoutt"},
                                               {"--uart1", "nonee"},
                                               {"--leds", "stder"},
                                               {"--uart0", "stdi"},
                                               {"--rtt", "nonne"}}) {
    try {
      parse({"fw.elf", args[0], args[1]});
      ADD_FAILURE() << args[1] << " accepted";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(args[0] + ": '" + args[1] + "' looks like a misspelt"), std::string::npos)
          << e.what();
    }
  }
  EXPECT_EQ(parse({"fw.elf", "--uart0", "./stdoutt"})->uart0, "./stdoutt");
  EXPECT_EQ(parse({"fw.elf", "--uart0", "uart0.log"})->uart0, "uart0.log");
  EXPECT_EQ(parse({"fw.elf", "--leds", "ledlog"})->leds, "ledlog");
  EXPECT_EQ(parse({"fw.elf", "--uart1", "tcp:5555"})->uart1, "tcp:5555");
  EXPECT_EQ(parse({"fw.elf", "--uart0", "audio"})->uart0, "audio");  // two edits from stdio: a name
  // A stream the UART does not take would become a file named like it.
  try {
    parse({"fw.elf", "--uart0", "stderr"});
    ADD_FAILURE() << "--uart0 stderr accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--uart0: 'stderr' is not an output this option takes"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace wtm::platform
