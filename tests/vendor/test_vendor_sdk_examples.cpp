// The vendor SDK's own examples (WTM2101_SDK/Common/Examples), built unmodified by
// ../shared/vendor-fw/build_sdk_examples.sh, each run with the board options of the evaluation
// setup it expects and judged by what its main.c prints on success. Skipped when the images are
// not on this machine ($WTM_VENDOR_SDK_DIR, else ~/.cache/wtm2101-vendor-fw/sdk/elf).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <ostream>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "VendorData.h"
#include "BoardRunner.h"
#include "SignalAnalysis.h"
#include "audio/WavSource.h"

namespace {

std::string sdkDir() { return wtm::test::vendorPath("WTM_VENDOR_SDK_DIR", "sdk/elf"); }

// How an example sends recorded audio over UART0 (to a file, --uart0).
enum class UartAudio {
  None,
  Hex,    // printf("%04x %04x ", ...) after a first line of text
  Raw16,  // 16-bit little-endian samples, nothing else
};

// What an example must have left on the --spim lcd display (--lcd-out).
enum class LcdScreen {
  None,
  TestColour,   // one of its full-screen test colours (white, red, green, blue) with a caption
  FinalScreen,  // the last rotation page: black, the Witmem logo and a blue caption
};

struct SdkExample {
  const char* image;                      // <group>__<example>
  const char* options;                    // the evaluation setup it needs (and its input)
  const char* maxTime;                    // simulated time it needs
  const char* success;                    // what main.c prints when the example works ("": no text, see led)
  const char* failure;                    // what it prints when it does not ("" when nothing; texts separated by '|')
  const char* led;                        // for examples that only blink: the LED (or expander pin) that must change...
  int ledChanges;                         // ...at least this many times
  bool speaker = false;                   // audio examples: what I2S1 plays (--speaker) must not be silence
  const char* i2s0Frame = "";             // the frame I2S0 must send over and over (--i2s0-out, as "left,right" in hex)
  UartAudio uartAudio = UartAudio::None;  // must carry the 440 Hz {tone} the microphone hears
  LcdScreen lcd = LcdScreen::None;
};

// Pixels of each colour in a binary PPM (P6, 8-bit).
std::map<uint32_t, int> ppmColours(const std::string& path, int& pixels) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int w = 0, h = 0, max = 0;
  in >> magic >> w >> h >> max;
  in.get();
  std::map<uint32_t, int> counts;
  pixels = 0;
  if (magic != "P6" || max != 255) return counts;
  for (int i = 0; i < w * h; ++i) {
    uint8_t rgb[3];
    if (!in.read(reinterpret_cast<char*>(rgb), 3)) break;
    ++counts[uint32_t{rgb[0]} << 16 | uint32_t{rgb[1]} << 8 | rgb[2]];
    ++pixels;
  }
  return counts;
}

// The samples an example sent over UART0, as `how` says.
std::vector<double> uartSamples(const std::string& path, UartAudio how) {
  std::ifstream in(path, std::ios::binary);
  std::vector<double> samples;
  if (how == UartAudio::Hex) {
    std::string line;
    std::getline(in, line);  // BUILD: ...
    for (std::string word; in >> word;) samples.push_back(static_cast<int16_t>(std::stoul(word, nullptr, 16)));
  } else {
    for (int lo = in.get(), hi = in.get(); hi != EOF; lo = in.get(), hi = in.get())
      samples.push_back(static_cast<int16_t>(lo | hi << 8));
  }
  return samples;
}

// What each example needs and shows comes from its main.c. The long runs use the fast core.
// Keep in step with README "Vendor SDK examples".
const SdkExample kExamples[] = {
    {"afc_example__afc_external", "", "1s", "osc24M clock is:24576000", "hal_clock_init error", "", 0},
    // Trims from the NPU flash (NPU_READ_TRIM); the dump then says by design that the clock
    // "can not be calculated" and goes on at 24.576 MHz.
    {"afc_example__afc_internal", "", "1s", "SysClock = 24576000Hz", "hal_clock_init error", "", 0},
    {"ctx_example__ctx", "--core fast", "3s", "ctx_example2_function is running", "", "", 0},
    {"dma_example__dma_multi_block_auto_reload", "", "2s", "test succeed", "test failed", "", 0},
    {"dma_example__dma_multi_block_linked_list", "", "2s", "test succeed", "test failed", "", 0},
    {"dma_example__dma_single_block", "", "2s", "test succeed", "dma value:", "", 0},
    {"extern_device__zd25wd_flash", "--core fast", "30s", "ZD25WQ flash test success", "failure", "", 0},
    {"extern_device__mtd_zd25wd_flash", "--core fast", "120s", "mtd ZD25WQ flash test success", "failure", "", 0},
    // FBANK self-test against its vectors: log, mel, sqrt, the FFT without and with the window, the
    // IFFT and the whole chain ("failed" or "error" lines when a value differs).
    {"fft_example__fft", "--core fast", "3s", "Demo complete", "failed|error", "", 0},
    {"gpio_example__gpio", "--core fast", "2.5s", "", "", "LED0", 4},
    {"gpio_example__io_expand_pcf8574",
     "--core fast --i2c-expander --press K3@1s:200ms --press K3@2s:200ms --press K3@3s:200ms", "3.5s", "", "",
     "PCF8574 P0", 2},
    {"gpio_example__gpio_interrupt", "--core fast --press K2@1s:100ms --press K2@2s:100ms", "2.5s", "", "", "LED0", 3},
    // PWM0 channel 1 on GPIO1 (up to 9999, compare 1989, dead zone 10), captured by PWM1 on GPIO10;
    // K3 prints the capture, K2 breaks the output from GPIO4 on GPIO11 and releases it. Its readme
    // shows Cycle_Num 10000 and HL_Cycle_Num 8000.
    {"pwm_example__pwm",
     "--core fast --jumper GPIO1-GPIO10 --jumper GPIO4-GPIO11 --press K3@1s:300ms --press K2@2s:300ms "
     "--press K2@3s:300ms",
     "4s", "bk_rel", "", "", 0},
    // An ILI9341 on SPIM (the example's wiring): here its first screens only (the whole run, 20 s of
    // drawing at 147 MHz, is in kLongExamples).
    {"spi_example__spi_lcd", "--core fast --spim lcd --leds none", "1.5s", "", "", "", 0, false, "", UartAudio::None,
     LcdScreen::TestColour},
    // Echoes the left channel of what arrives on I2S1's SDI back out to I2S1 (the amplifier).
    {"hal_example__hal_i2s", "--core fast --i2s1-in {tone}", "1.5s", "", "", "", 0, true},
    // Record ~1 s, then print every sample in hex at 9600 Bd.
    {"audio_example__audio", "--core fast --mic0 {tone} --audio-end loop", "4s", "", "", "", 0, false, "",
     UartAudio::Hex},
    // Streams each 120-word frame to UART0 at 460800 Bd by DMA, as 16-bit little-endian samples.
    {"audio_example__audio_uart", "--core fast --mic0 {tone} --audio-end loop", "1s", "", "", "", 0, false, "",
     UartAudio::Raw16},
    {"audio_example__audio_fifo_dma", "--core fast --mic0 {tone} --audio-end loop", "1.5s", "", "", "", 0, true},
    {"audio_example__audio_fifo_dma_analog", "--core fast --amic {tone} --audio-end loop", "1.5s", "", "", "", 0, true},
    {"audio_example__audio_fifo_dma_lr", "--core fast --mic0 {tone} --mic1 {tone} --audio-end loop", "1.5s", "", "", "",
     0, true},
    {"audio_example__audio_ram_dma", "--core fast --mic0 {tone} --audio-end loop", "1.5s", "", "", "", 0, true},
    {"hal_example__hal_audio", "--core fast --amic {tone} --audio-end loop", "1.5s", "", "", "", 0, true},
    {"hal_example__hal_clock", "", "1s", "SysClock = 24576000Hz", "hal_clock_init error", "", 0},
    {"hal_example__hal_clock_switch", "--core fast", "60s", "/**** 144M clock ****/", "", "", 0},
    {"hal_example__hal_uart", "--uart0-input {input}@1s", "3s", "receive length:10", "", "", 0},
    {"i2c_example__i2c", "", "2s", "HR: 49.99", "", "", 0},
    {"i2c_example__i2c_dma", "--i2c-eeprom", "2s", "i2c_test ok", "i2c_test err", "", 0},
    {"i2c_example__i2c_int", "", "2s", "HR: 49.99", "", "", 0},
    // Sends the words 0x12345678, 0x90112233 every millisecond as I2S0 master at 16 kHz.
    {"i2s_example__i2s", "", "20ms", "", "", "", 0, false, "12345678,90112233"},
    // Slave at 0x50: an external master (here: what the vendor i2c_dma example sends to its
    // EEPROM) writes 9 bytes, then 1 and reads 8 back.
    {"i2c_example__i2c_slave_dma", "--i2c-master {i2c_master}", "3s", "read data: 0 C0 C1 C2 C3 C4 C5 C6 C7",
     "i2c_test err", "", 0},
    {"i2s_example__i2s_int", "--i2s-loopback", "1s", "i2s_test ok", "i2s_test err", "", 0},
    {"i2s_example__i2s_int_dma", "--i2s-loopback", "1s", "i2s_test ok", "i2s_test err", "", 0},
    // Blinks, sleeps in retention mode 2 with the VAD on, and blinks again on each VAD wake-up.
    {"pmu_example__audio_vad_rsm2", "--core fast --mic0 {tone} --audio-end loop", "6s", "", "", "LED0", 6},
    {"pmu_example__gpio_rsm", "--core fast --press GPIO10@1.5s:50ms", "2.5s", "", "", "LED1", 4},
    {"pmu_example__gpio_sbm", "--core fast --press GPIO10@3s", "5s", "", "", "LED0", 12},
    {"pmu_example__rtc_rsm", "--core fast", "4s", "", "", "LED0", 6},
    {"pmu_example__wdt_rsm", "--core fast", "5s", "", "", "LED0", 12},
    {"qspi_example__qspi_flash_dma", "", "2s", "QSPI OK(2 line)", " err = ", "", 0},
    {"qspi_example__qspi_flash_mem_mapped", "", "2s", "end", "", "", 0},
    {"qspi_example__qspi_flash_w25q64jv", "", "2s", "The crc check passed", "failed", "", 0},
    {"rtc_example__rtc", "--core fast", "3s", "", "", "LED0", 2},
    {"spi_example__spi_fifo_master_send_receive", "--spim spis", "1s", "pass", "failed", "", 0},
    {"spi_example__spi_fifo_slave_send_receive", "--spim spis", "1s", "pass", "failed", "", 0},
    {"spi_example__spi_dma_send_receive", "--spim spis", "1s", "pass", "failed", "", 0},
    {"spi_example__spi_flash", "--spim flash", "1s", "check data pass", "failed", "", 0},
    {"timer_example__timer_case", "--core fast --rtt none", "4s", "", "", "LED0", 2},
    {"uart_example__uart_dma", "--uart-crosswire", "1s", "pass", "failed", "", 0},
    {"uart_example__uart_fifo", "--uart-crosswire", "1s", "pass", "failed", "", 0},
    {"uart_example__uart_int", "--uart-crosswire", "1s", "pass", "failed", "", 0},
    {"uart_example__uart_polling", "--uart-crosswire", "1s", "pass", "failed", "", 0},
    {"wdt_example__wdt_case", "--core fast --rtt none", "5s", "", "", "LED0", 2},
};

// Examples that take minutes of host time: `ctest -L long` (not in the default test run).
const SdkExample kLongExamples[] = {
    {"spi_example__spi_lcd", "--core fast --spim lcd --leds none", "30s", "/****end****/", "", "", 0, false, "",
     UartAudio::None, LcdScreen::FinalScreen},
};

void PrintTo(const SdkExample& e, std::ostream* os) { *os << e.image << " " << e.options; }

class VendorSdkExample : public ::testing::TestWithParam<SdkExample> {};

TEST_P(VendorSdkExample, ReachesItsSuccessOutput) {
  const SdkExample& e = GetParam();
  const std::string elf = sdkDir() + "/" + e.image + ".elf";
  if (!std::filesystem::exists(elf)) GTEST_SKIP() << elf << " not built (../shared/vendor-fw/build_sdk_examples.sh)";
  std::string options = e.options;
  const std::string input = processTempPath(std::string(e.image) + ".in");
  if (const auto at = options.find("{input}"); at != std::string::npos) {
    std::ofstream(input) << "0123456789";  // what the example waits for on UART0
    options.replace(at, 7, input);
  }
  const std::string i2cMaster = processTempPath(std::string(e.image) + "_i2c_master.txt");
  if (const auto at = options.find("{i2c_master}"); at != std::string::npos) {
    std::ofstream(i2cMaster) << "at 1s write 0x50 00 C0 C1 C2 C3 C4 C5 C6 C7\n"
                                "after 5ms write 0x50 00 read 8\n";
    options.replace(at, 12, i2cMaster);
  }
  const std::string tone = processTempPath(std::string(e.image) + "_tone.wav");
  if (options.find("{tone}") != std::string::npos) {
    audio_test::writeSoundFile(tone, audio_test::tone(440.0, 0.3, 16000, 1.0), 16000, 1,
                               SF_FORMAT_WAV | SF_FORMAT_PCM_16);
    for (auto at = options.find("{tone}"); at != std::string::npos; at = options.find("{tone}"))
      options.replace(at, 6, tone);
  }
  const std::string speaker = processTempPath(std::string(e.image) + "_speaker.wav");
  if (e.speaker) options += " --speaker " + speaker;
  const std::string i2s0 = processTempPath(std::string(e.image) + "_i2s0.csv");
  if (*e.i2s0Frame) options += " --i2s0-out " + i2s0;
  const std::string lcd = processTempPath(std::string(e.image) + "_lcd.ppm");
  if (e.lcd != LcdScreen::None) options += " --lcd-out " + lcd;
  const std::string uart0 = processTempPath(std::string(e.image) + "_uart0.bin");
  if (e.uartAudio != UartAudio::None) options += " --uart0 " + uart0;
  std::string args = "--elf " + elf + " " + options + " --max-time " + e.maxTime;
  if (*e.success) args += std::string(" --stop-on-uart '") + e.success + "'";
  // One --fail-on-uart per '|'-separated text.
  std::istringstream failures(e.failure);
  for (std::string text; std::getline(failures, text, '|');) args += " --fail-on-uart '" + text + "'";
  const BoardRun r = runBoard(args);
  std::remove(input.c_str());
  std::remove(tone.c_str());
  if (std::string(e.image) == "pwm_example__pwm") {
    const auto at = r.out.find("Cycle_Num:    10000;\nHL_Cycle_Num: 8000;");
    EXPECT_NE(at, std::string::npos) << r.out;
    EXPECT_LT(at, r.out.find("break")) << r.out;
  }
  if (options.find(i2cMaster) != std::string::npos) {
    std::remove(i2cMaster.c_str());
    EXPECT_NE(r.err.find("I2C master: 0x50 wrote 1 byte, read c0 c1 c2 c3 c4 c5 c6 c7"), std::string::npos) << r.err;
  }
  if (e.speaker) {
    const wtm::audio::WavSource played(speaker);
    std::remove(speaker.c_str());
    float peak = 0;
    for (float v : played.mixdown()->samples) peak = std::max(peak, std::abs(v));
    EXPECT_GT(played.frames(), 1000u);
    EXPECT_GT(peak, 0.05f) << "the speaker got silence";
  }
  if (*e.i2s0Frame) {
    // Every frame on the pins is the expected one or silence (the FIFO empty between sends), one
    // frame per 62.5 us (16 kHz).
    std::ifstream csv(i2s0);
    std::string line;
    std::getline(csv, line);
    int sent = 0, silent = 0, other = 0;
    double first = 0, last = 0;
    while (std::getline(csv, line)) {
      const auto comma = line.find(',');
      const std::string frame = line.substr(comma + 1);
      (frame == e.i2s0Frame ? sent : frame == "00000000,00000000" ? silent : other)++;
      last = std::stod(line.substr(0, comma));
      if (sent + silent + other == 1) first = last;
    }
    csv.close();
    std::remove(i2s0.c_str());
    EXPECT_GE(sent, 10) << r.err;
    EXPECT_EQ(other, 0);
    ASSERT_GT(sent + silent, 1);
    EXPECT_NEAR((last - first) / (sent + silent - 1), 62.5e-6, 1e-9);
  }
  if (e.uartAudio != UartAudio::None) {
    std::vector<double> x = uartSamples(uart0, e.uartAudio);
    std::remove(uart0.c_str());
    ASSERT_GT(x.size(), 200u) << r.err;
    x.erase(x.begin(), x.begin() + 100);  // silence and the decimators' start
    const audio_test::SineFit fit = audio_test::fitSine(x, 16000);
    EXPECT_NEAR(fit.frequency, 440.0, 5.0);
    EXPECT_GT(fit.amplitude, 1000.0);
  }
  if (e.lcd != LcdScreen::None) {
    int pixels = 0;
    const auto colours = ppmColours(lcd, pixels);
    std::remove(lcd.c_str());
    ASSERT_EQ(pixels, 240 * 320) << r.err;
    const auto count = [&colours](uint32_t rgb) { return colours.count(rgb) ? colours.at(rgb) : 0; };
    if (e.lcd == LcdScreen::TestColour) {
      int background = 0;
      for (uint32_t c : {0xFFFFFFu, 0xFF0000u, 0x00FF00u, 0x0000FFu}) background = std::max(background, count(c));
      EXPECT_GT(background, pixels * 9 / 10) << "not a full-screen test colour";
      EXPECT_GT(pixels - background, 50) << "no caption";
    } else {
      EXPECT_GT(count(0x000000), pixels * 8 / 10);
      EXPECT_GT(count(0x0000FF), 100) << "no blue caption";
      EXPECT_GT(pixels - count(0x000000) - count(0x0000FF), 500) << "no logo";
    }
  }
  if (*e.success) {
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find(e.success), std::string::npos) << r.out;
  } else if (e.speaker || *e.i2s0Frame || e.uartAudio != UartAudio::None || e.lcd != LcdScreen::None) {
    EXPECT_TRUE(r.exitCode == 0 || r.exitCode == 1) << r.exitCode << "\n" << r.out << r.err;
  } else {
    // It came to rest or ran to --max-time; either way no fault and no failure text.
    EXPECT_TRUE(r.exitCode == 0 || r.exitCode == 1) << r.exitCode << "\n" << r.out << r.err;
    int changes = 0;
    for (size_t at = r.err.find(std::string("] ") + e.led + " "); at != std::string::npos;
         at = r.err.find(std::string("] ") + e.led + " ", at + 1))
      ++changes;
    EXPECT_GE(changes, e.ledChanges) << r.err;
  }
}

std::string exampleName(const ::testing::TestParamInfo<SdkExample>& info) {
  std::string name = info.param.image;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Sdk, VendorSdkExample, ::testing::ValuesIn(kExamples), exampleName);
// Disabled in the normal run; the `vendor_sdk_examples_long` ctest (label long) runs them.
INSTANTIATE_TEST_SUITE_P(DISABLED_SdkLong, VendorSdkExample, ::testing::ValuesIn(kLongExamples), exampleName);

}  // namespace
