// Debug transport (transport_dbg) through a testbench's initiator socket, as a debugger reads
// and writes, and the checks the models' debug-read tests share: a register read by debug
// transport at several lengths and alignments shows the same value every time.
#pragma once
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <tlm>

#include "common/Log.h"
#include "common/MmioActivity.h"

namespace periph_test {

// The bytes at [address, address + length) read by debug transport; `served` gets the byte count
// the target reported (the whole length inside its window).
template <typename Socket>
std::vector<uint8_t> debugRead(Socket& socket, uint64_t address, unsigned length, unsigned* served = nullptr) {
  std::vector<uint8_t> bytes(length, 0xA5);  // a byte the target does not write shows as 0xA5
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_address(address);
  p.set_data_ptr(bytes.data());
  p.set_data_length(length);
  p.set_streaming_width(length);
  const unsigned n = socket->transport_dbg(p);
  if (served) *served = n;
  else EXPECT_EQ(n, length) << "debug read of " << length << " bytes at " << address;
  return bytes;
}

template <typename Socket>
unsigned debugWrite(Socket& socket, uint64_t address, std::vector<uint8_t> bytes) {
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_WRITE_COMMAND);
  p.set_address(address);
  p.set_data_ptr(bytes.data());
  p.set_data_length(static_cast<unsigned>(bytes.size()));
  p.set_streaming_width(static_cast<unsigned>(bytes.size()));
  return socket->transport_dbg(p);
}

// The `size`-byte register at `address` read by debug transport as GDB might: alone, byte by
// byte, inside a 64-byte block, and inside an unaligned block around it. Expects the same value
// from all of them and returns it.
template <typename Socket>
uint32_t debugReadRegister(Socket& socket, uint64_t address, unsigned size = 4) {
  auto valueAt = [size](const std::vector<uint8_t>& bytes, size_t at) {
    uint32_t v = 0;
    std::memcpy(&v, bytes.data() + at, size);
    return v;
  };
  const uint32_t alone = valueAt(debugRead(socket, address, size), 0);
  uint32_t bytewise = 0;
  for (unsigned b = 0; b < size; ++b) bytewise |= uint32_t{debugRead(socket, address + b, 1)[0]} << (8 * b);
  const uint64_t block = address & ~uint64_t{63};
  const uint32_t inBlock = valueAt(debugRead(socket, block, 64), address - block);
  const uint64_t around = address >= 3 ? address - 3 : 0;
  const auto aroundLength = static_cast<unsigned>(address - around + size);
  const uint32_t unaligned = valueAt(debugRead(socket, around, aroundLength), address - around);
  EXPECT_EQ(bytewise, alone) << "byte-wise debug reads at " << address;
  EXPECT_EQ(inBlock, alone) << "64-byte debug read around " << address;
  EXPECT_EQ(unaligned, alone) << "unaligned debug read around " << address;
  return alone;
}

// Runs `reads` (debug reads) and expects them to log nothing, even at debug level, and to leave
// the MmioActivity polling detector as it was.
template <typename Reads>
void expectQuiet(Reads&& reads) {
  const wtm::MmioRun before = wtm::MmioActivity::current();
  const auto threshold = wtm::log::threshold();
  wtm::log::setThreshold(wtm::log::Level::Debug);
  testing::internal::CaptureStderr();
  reads();
  const std::string log = testing::internal::GetCapturedStderr();
  wtm::log::setThreshold(threshold);
  EXPECT_EQ(log, "") << "debug reads logged";
  const wtm::MmioRun& after = wtm::MmioActivity::current();
  EXPECT_EQ(after.count, before.count) << "debug reads counted by MmioActivity";
  EXPECT_EQ(after.block, before.block);
  EXPECT_EQ(after.offset, before.offset);
  EXPECT_EQ(after.isRead, before.isRead);
  EXPECT_EQ(after.lastValue, before.lastValue);
}

}  // namespace periph_test
