// Replaces the global operator new / delete with ones that count, for tests that check a piece of
// code allocates nothing (or little). Include it in exactly one source file of an executable of its
// own: a replacement allocation function may be defined only once and must not be inline.
#pragma once
#include <atomic>
#include <cstdlib>
#include <new>

namespace wtm::test {
// Allocations made and bytes requested since the start of the program.
inline std::atomic<unsigned long long> gAllocations{0};
inline std::atomic<unsigned long long> gAllocatedBytes{0};
}  // namespace wtm::test

void* operator new(std::size_t n) {
  ++wtm::test::gAllocations;
  wtm::test::gAllocatedBytes += n;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
// GCC sees free() of memory that came from `new` once it inlines this replacement pair; with
// both replaced that is exactly right.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#pragma GCC diagnostic pop
