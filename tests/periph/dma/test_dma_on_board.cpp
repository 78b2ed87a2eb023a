// sw/tests/dma/dma_test on the board: DMA copy with the Tfr interrupt, a linked list, the Err
// interrupt for a core-local address; the copy time in core cycles against the DMA timing model.
#include <gtest/gtest.h>

#include <regex>

#include "../../firmware/BoardRunner.h"

TEST(DmaOnBoard, CopyLinkedListAndErrorOverUart) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/dma/dma_test.elf") + " --max-time 1s");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("PASS dma\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("dma error: Err interrupt\n"), std::string::npos) << r.out;
  // The firmware's mistake is named on the board's stderr.
  EXPECT_NE(r.err.find("core-local DLM view"), std::string::npos) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"(dma copy: 800 bytes in (\d+) cycles)"))) << r.out;
  // 200 words in bursts of 4: 50 x 2 x 2 transaction cycles + 400 beats + the block end = 601
  // DMA cycles; the rest is the interrupt entry and the handler before the flag is seen.
  EXPECT_GE(std::stoul(m[1]), 601u);
  EXPECT_LE(std::stoul(m[1]), 1000u);
}

TEST(DmaOnBoard, Uart0SendsAndReceivesThroughDmaHandshakes) {
  const std::string input = processTempPath("uart_dma_input.txt");
  {
    std::FILE* f = std::fopen(input.c_str(), "w");
    std::fputs("abc", f);
    std::fclose(f);
  }
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/dma/uart_dma_test.elf") + " --uart0-input " + input +
                              "@2ms --max-time 1s --stop-on-uart \"PASS uart_dma\" --fail-on-uart \"FAIL uart_dma\"");
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  // The DMA's bytes reach the line between the firmware's own lines.
  EXPECT_NE(r.out.find("uart_dma: start\nsent by the DMA\nuart_dma: tx done, rx done \"abc\"\n"), std::string::npos)
      << r.out;
  std::remove(input.c_str());
}

TEST(DmaOnBoard, FifoPeripheralsHandshakeWithoutOverrun) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/dma/periph_dma_test.elf") +
                              " --max-time 1s --stop-on-uart \"PASS periph_dma\" --fail-on-uart \"FAIL periph_dma\"");
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  std::string letters;
  for (int i = 0; i < 99; ++i) letters += static_cast<char>('a' + i % 26);
  EXPECT_NE(r.out.find(letters + "\n"), std::string::npos) << r.out;  // every byte of the DMA's bursts
  std::string pairs;
  for (int i = 0; i < 49; ++i) pairs += {static_cast<char>('a' + i % 26), static_cast<char>('A' + i % 26)};
  EXPECT_NE(r.out.find(pairs + "!\n"), std::string::npos) << r.out;  // both bytes of every 16-bit item
  EXPECT_EQ(r.err.find("character lost"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("periph_dma: uart done, narrow done, spi done\n"), std::string::npos) << r.out;
}
