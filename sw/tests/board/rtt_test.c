/* A SEGGER-RTT-compatible control block of our own (same memory layout as the J-Link protocol
 * expects: id, buffer counts, up/down buffer descriptors). The board's debug-probe model must find
 * it (by ELF symbol or by scanning RAM) and drain up-buffer 0, including when it wraps. */
#include <string.h>

#include "bsp.h"

struct rtt_buffer {
  const char *name;
  char *data;
  unsigned size;
  volatile unsigned wr;
  volatile unsigned rd;
  unsigned flags;
};

struct rtt_control_block {
  char id[16];
  int max_up;
  int max_down;
  struct rtt_buffer up[1];
  struct rtt_buffer down[1];
};

static char up_data[64];
struct rtt_control_block _SEGGER_RTT;

static void rtt_write(const char *s) {
  while (*s) {
    unsigned next = (_SEGGER_RTT.up[0].wr + 1) % _SEGGER_RTT.up[0].size;
    while (next == _SEGGER_RTT.up[0].rd) { /* full: wait for the probe to drain it */
      __asm__ volatile("nop");
    }
    _SEGGER_RTT.up[0].data[_SEGGER_RTT.up[0].wr] = *s++;
    _SEGGER_RTT.up[0].wr = next;
  }
}

int main(void) {
  _SEGGER_RTT.max_up = 1;
  _SEGGER_RTT.max_down = 1;
  _SEGGER_RTT.up[0].name = "Terminal";
  _SEGGER_RTT.up[0].data = up_data;
  _SEGGER_RTT.up[0].size = sizeof up_data;
  /* the id last, as SEGGER's init does, so the probe never sees a half-made block */
  memcpy(_SEGGER_RTT.id, "SEGGER RTT", 11);
  rtt_write("hello over rtt\n");
  for (int i = 0; i < 8; ++i) /* more than the buffer holds: needs draining and wrap-around */
    rtt_write("0123456789abcdef");
  rtt_write("\nrtt: done\n");
  return 0;
}
