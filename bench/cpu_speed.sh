#!/usr/bin/env bash
# Simulation speed of the board on a CPU-bound program of our own (sw/apps/bench_cpu):
# simulated cycles and instructions per host second, best of N runs, one core.
#   bench/cpu_speed.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build="${1:-build}"
runs="${2:-5}"
board="$build/platform/wtm2101-board"
fw="$build/sw/apps/bench_cpu.elf"
[ -x "$board" ] || { echo "cpu_speed: $board not built" >&2; exit 2; }
[ -f "$fw" ] || { echo "cpu_speed: $fw not built" >&2; exit 2; }

run_one() {  # prints "cycles instructions host_seconds"
  "$board" --elf "$fw" --stats "$@" 2>&1 >/dev/null |
    awk '/simulated time/ {gsub(/\(/,""); c=$6} /^instructions/ {i=$3} /host time/ {h=$4} END {print c, i, h}'
}

report() {
  local label="$1"; shift
  local best=""
  for _ in $(seq "$runs"); do
    read -r c i h < <(run_one "$@")
    if [ -z "$best" ] || awk -v a="$h" -v b="${best##* }" 'BEGIN{exit !(a<b)}'; then best="$c $i $h"; fi
  done
  read -r c i h <<<"$best"
  awk -v l="$label" -v c="$c" -v i="$i" -v h="$h" \
    'BEGIN {printf "%-22s %12d cycles %12d instr %8.3f s  %7.2f M cycles/s  %7.2f M instr/s\n", l, c, i, h, c/h/1e6, i/h/1e6}'
}

echo "bench_cpu on $(uname -m), $(nproc) cores, best of $runs runs:"
report "default" 
report "no fast-forward" --no-fast-forward
report "quantum 1us" --quantum 1us
