/* CPU-bound benchmark for the board's simulation speed: a fixed mix of integer work (CRC-32,
 * 12x12 matrix multiply, insertion sort, division-heavy digit sums) repeated ROUNDS times,
 * printing a checksum so that a wrong result is visible, and the cycles it took. */
#include <stdint.h>
#include <stdio.h>

#include "bsp.h"

#ifndef ROUNDS
#define ROUNDS 40
#endif

#define N 12
static int32_t ma[N][N], mb[N][N], mc[N][N];
static uint8_t buf[1024];
static int32_t arr[96];

static uint32_t crc32(const uint8_t *p, unsigned n) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned i = 0; i < n; ++i) {
    crc ^= p[i];
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1u));
  }
  return ~crc;
}

static uint32_t matmul(void) {
  uint32_t sum = 0;
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) {
      int32_t acc = 0;
      for (int k = 0; k < N; ++k) acc += ma[i][k] * mb[k][j];
      mc[i][j] = acc;
      sum += (uint32_t)acc;
    }
  return sum;
}

static uint32_t sort(uint32_t seed) {
  for (unsigned i = 0; i < sizeof arr / sizeof arr[0]; ++i) {
    seed = seed * 1103515245u + 12345u;
    arr[i] = (int32_t)(seed >> 8);
  }
  for (unsigned i = 1; i < sizeof arr / sizeof arr[0]; ++i) {
    int32_t v = arr[i];
    int j = (int)i - 1;
    while (j >= 0 && arr[j] > v) {
      arr[j + 1] = arr[j];
      --j;
    }
    arr[j + 1] = v;
  }
  return (uint32_t)arr[0] ^ (uint32_t)arr[47] ^ (uint32_t)arr[95];
}

static uint32_t digits(uint32_t x) {
  uint32_t s = 0;
  for (int i = 0; i < 40; ++i) {
    uint32_t v = x + (uint32_t)i * 7919u;
    while (v) {
      s += v % 10u;
      v /= 10u;
    }
  }
  return s;
}

int main(void) {
  for (unsigned i = 0; i < sizeof buf; ++i) buf[i] = (uint8_t)(i * 37u + 11u);
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) {
      ma[i][j] = i * 3 - j;
      mb[i][j] = j * 5 + i - 7;
    }
  uint64_t c0 = bsp_cycles(), i0 = bsp_instret();
  uint32_t check = 0;
  for (int r = 0; r < ROUNDS; ++r) {
    buf[r & 1023] ^= (uint8_t)r;
    check ^= crc32(buf, sizeof buf);
    check += matmul();
    check ^= sort(check + (uint32_t)r);
    check += digits(check);
  }
  uint64_t c1 = bsp_cycles(), i1 = bsp_instret();
  printf("bench_cpu: checksum %08lx, %lu cycles, %lu instructions\n", (unsigned long)check, (unsigned long)(c1 - c0),
         (unsigned long)(i1 - i0));
  printf("bench_cpu: done\n");
  return 0;
}
