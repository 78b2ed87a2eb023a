#!/usr/bin/env bash
# What the debugging features cost (sw/apps/bench_cpu, simulated cycles per host second, best of
# N runs): the plain run; under gdb-multiarch that only continues; with a breakpoint that never
# hits; with a watchpoint on a global the program never touches; with --profile; with the traced
# core but its waveform window after the end of the run (--vcd ... --wave-from 1s); with a whole
# VCD written.
#   bench/debug_speed.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build="${1:-build}"
runs="${2:-5}"
board="$build/platform/wtm2101-board"
fw="$build/sw/apps/bench_cpu.elf"
[ -x "$board" ] || { echo "debug_speed: $board not built" >&2; exit 2; }
[ -f "$fw" ] || { echo "debug_speed: $fw not built" >&2; exit 2; }
gdb="$(command -v gdb-multiarch || true)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

speed() {  # the board's --stats on stdin -> "M cycles/s"
  awk '/simulated time/ {gsub(/\(/,""); c=$6} /host time/ {h=$4} END {printf "%.2f", c/h/1e6}'
}

plain() { "$board" --elf "$fw" --stats "$@" 2>&1 >/dev/null | speed; }

# The board under gdb-multiarch: GDB_COMMANDS (one per line) after connecting, then continue.
debugged() {
  local commands="$1"
  "$board" --elf "$fw" --stats --gdb 0 --gdb-wait --stop-on-uart "bench_cpu: done" >/dev/null 2>"$tmp/board.err" &
  local pid=$! port=""
  for _ in $(seq 200); do
    port="$(grep -o '127\.0\.0\.1:[0-9]*' "$tmp/board.err" | head -1 | cut -d: -f2 || true)"
    [ -n "$port" ] && break
    sleep 0.05
  done
  local args=(-batch -nx -ex "target remote :$port")
  while IFS= read -r c; do [ -n "$c" ] && args+=(-ex "$c"); done <<<"$commands"
  timeout 300 "$gdb" "${args[@]}" -ex continue "$fw" >/dev/null 2>&1 || true
  wait "$pid" || true
  speed <"$tmp/board.err"
}

best() {  # LABEL command... : the best of $runs
  local label="$1"; shift
  local top=0
  for _ in $(seq "$runs"); do
    local v
    v="$("$@")"
    top="$(awk -v a="$v" -v b="$top" 'BEGIN {print (a > b) ? a : b}')"
  done
  printf "%-46s %8.2f M cycles/s\n" "$label" "$top"
}

echo "bench_cpu on $(uname -m), $(nproc) cores, best of $runs runs:"
best "plain" plain
if [ -n "$gdb" ]; then
  best "gdb attached, continue" debugged ""
  best "gdb attached, a breakpoint that never hits" debugged "break bsp_trap_handler"
  best "gdb attached, a watchpoint that never hits" debugged "watch *(int *)0x20020000"
else
  echo "(gdb-multiarch not installed: the debugger rows are left out)"
fi
best "--profile" plain --profile "$tmp/profile.txt"
best "traced core, window after the run (--vcd)" plain --vcd "$tmp/none.vcd" --wave-from 1s
best "traced core, whole run to VCD" plain --vcd "$tmp/all.vcd"
best "traced core, whole run to FST" plain --fst "$tmp/all.fst"
