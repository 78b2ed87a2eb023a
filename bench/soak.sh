#!/usr/bin/env bash
# Soak: long runs must hold steady. Runs the board on
#   1. x3_demo on the fast core (timer interrupts blinking the LEDs, a key press, UART input)
#      for many simulated hours (--max-time), and
#   2. the KWS demo (sw/apps/kws_demo: PDM microphone -> AUDIO -> DMA -> FBANK -> NPU every
#      50 ms) on the RTL core with a recording played in a loop (--audio-end loop),
# each for at most SECONDS of host time (stopped with SIGINT, as Ctrl-C would), sampling the
# board process's resident memory (VmRSS), open file descriptors (/proc/PID/fd) and threads
# (/proc/PID/status) every second. Prints first / last / max of each and the simulated time
# reached (--stats). A leak shows as a last (and max) well above the first.
#   bench/soak.sh [BUILD_DIR] [SECONDS]     (defaults: build, 60)
set -euo pipefail
build="${1:-build}"
seconds="${2:-60}"
board="$build/platform/wtm2101-board"
src="$(cd "$(dirname "$0")/.." && pwd)"
[ -x "$board" ] || { echo "soak: $board not built" >&2; exit 2; }
[ -d /proc/self/fd ] || { echo "soak: needs /proc (Linux)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp/kws.wav" <<'PY'
import math, random, struct, sys, wave
random.seed(1)
w = wave.open(sys.argv[1], "wb"); w.setnchannels(1); w.setsampwidth(2); w.setframerate(16000)
w.writeframes(b"".join(struct.pack("<h", int(2000 * math.sin(2 * math.pi * 700 * i / 16000) + random.gauss(0, 300)))
                       for i in range(10 * 16000)))
w.close()
PY
printf 'hello board\r' > "$tmp/uart.txt"

# soak LABEL ARGS... : run the board, sample it every second, print the figures.
soak() {
  local label="$1"; shift
  local samples="$tmp/samples.txt" err="$tmp/err.txt"
  : > "$samples"
  # A background job of a script starts with SIGINT ignored, which the board keeps: restore it.
  env --default-signal=INT "$board" "$@" --stats -q --uart0 none > /dev/null 2> "$err" &
  local pid=$! t=0
  # The first sample after a second: the board has loaded the firmware and built the SoC.
  sleep 1
  t=1
  while kill -0 "$pid" 2> /dev/null; do
    if [ -r "/proc/$pid/status" ]; then
      local rss threads fds
      rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2> /dev/null || true)
      threads=$(awk '/^Threads:/ {print $2}' "/proc/$pid/status" 2> /dev/null || true)
      fds=$(ls "/proc/$pid/fd" 2> /dev/null | wc -l)
      if [ -n "$rss" ] && [ -n "$threads" ]; then echo "$t $rss $fds $threads" >> "$samples"; fi
    fi
    # Past the budget: SIGINT (the board ends the run and prints --stats), SIGTERM if it does not.
    if [ "$t" -ge "$seconds" ]; then kill -INT "$pid" 2> /dev/null || true; fi
    if [ "$t" -ge "$((seconds + 5))" ]; then kill -TERM "$pid" 2> /dev/null || true; fi
    sleep 1
    t=$((t + 1))
  done
  wait "$pid" || true
  local simulated
  simulated=$(sed -n 's/^simulated time *: \([0-9.]* s\).*/\1/p' "$err" | tail -1)
  echo "$label: ${t} s host, ${simulated:-?} simulated, $(wc -l < "$samples") samples"
  awk 'NR == 1 {for (i = 2; i <= 4; i++) {f[i] = $i; m[i] = $i}}
       {for (i = 2; i <= 4; i++) {l[i] = $i; if ($i > m[i]) m[i] = $i}}
       END {if (NR == 0) {print "  (ended before the first sample)"; exit}
            printf "  %-12s first %8d  last %8d  max %8d\n", "RSS (kB)", f[2], l[2], m[2]
            printf "  %-12s first %8d  last %8d  max %8d\n", "open fds", f[3], l[3], m[3]
            printf "  %-12s first %8d  last %8d  max %8d\n", "threads", f[4], l[4], m[4]}' "$samples"
  if [ "${SOAK_VERBOSE:-0}" = 1 ]; then cat "$samples"; fi
}

echo "soak: at most $seconds s of host time per run, $(uname -m)"
soak "x3_demo, fast core, --max-time 10h" --core fast --elf "$build/sw/apps/x3_demo.elf" --max-time 36000 \
  --press K2@1s --uart0-input "$tmp/uart.txt@300ms"
soak "KWS demo, RTL core, audio looped" --elf "$build/sw/apps/kws_demo/kws_demo.elf" \
  --npu-weights "$src/traces/dnn_yxt" --mic0 "$tmp/kws.wav" --audio-end loop --max-time 36000
