#!/usr/bin/env bash
# Simulation speed of the board on a CPU-bound program of our own (sw/apps/bench_cpu):
# simulated cycles and instructions per host second, best of N runs, one core. With a reference
# build (e.g. of the previous commit, in a git worktree), its board runs the same firmware in
# the same invocation, right after each of ours, for a side-by-side figure on an equally loaded machine.
# Then bench/core_speed.sh: our RTL core, fast core and QEMU on the same program.
#   bench/cpu_speed.sh [BUILD_DIR] [RUNS] [REFERENCE_BUILD_DIR]
set -euo pipefail
build="${1:-build}"
runs="${2:-5}"
reference="${3:-}"
board="$build/platform/wtm2101-board"
fw="$build/sw/apps/bench_cpu.elf"
[ -x "$board" ] || { echo "cpu_speed: $board not built" >&2; exit 2; }
if [ -n "$reference" ] && [ ! -x "$reference/platform/wtm2101-board" ]; then
  echo "cpu_speed: $reference/platform/wtm2101-board not built" >&2
  exit 2
fi
[ -f "$fw" ] || { echo "cpu_speed: $fw not built" >&2; exit 2; }

run_one() {  # BOARD args... -> prints "cycles instructions host_seconds"
  local exe="$1"; shift
  "$exe" --elf "$fw" --stats "$@" 2>&1 >/dev/null |
    awk '/simulated time/ {gsub(/\(/,""); c=$6} /^instructions/ {i=$3} /host time/ {h=$4} END {print c, i, h}'
}

report() {  # LABEL BOARD args...
  local label="$1" exe="$2"; shift 2
  local best=""
  for _ in $(seq "$runs"); do
    read -r c i h < <(run_one "$exe" "$@")
    if [ -z "$best" ] || awk -v a="$h" -v b="${best##* }" 'BEGIN{exit !(a<b)}'; then best="$c $i $h"; fi
  done
  read -r c i h <<<"$best"
  awk -v l="$label" -v c="$c" -v i="$i" -v h="$h" \
    'BEGIN {printf "%-34s %12d cycles %12d instr %8.3f s  %7.2f M cycles/s  %7.2f M instr/s\n", l, c, i, h, c/h/1e6, i/h/1e6}'
}

echo "bench_cpu on $(uname -m), $(nproc) cores, best of $runs runs:"
for config in "default" "no fast-forward:--no-fast-forward" "quantum 1us:--quantum 1us"; do
  label="${config%%:*}"
  args=()
  [ "$config" != "$label" ] && read -r -a args <<<"${config#*:}"
  report "$label" "$board" "${args[@]}"
  [ -n "$reference" ] && report "$label (reference build)" "$reference/platform/wtm2101-board" "${args[@]}"
done
echo
"$(dirname "$0")/core_speed.sh" "$build" "$runs"
