#!/usr/bin/env bash
# wtm-sweep throughput on traces/dnn_yxt (5 layers, 100 frames): (point, seed) runs per host
# second, for ideal-arithmetic points, noisy points (normal law) and split-array points, on one
# thread and on all cores.
#   bench/sweep_speed.sh [BUILD_DIR]
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-build}"
sweep="$build/tools/wtm-sweep/wtm-sweep"
[ -x "$sweep" ] || { echo "sweep_speed: $sweep not built" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

measure() {  # label jobs args... -> runs/s
  local label="$1" jobs="$2"; shift 2
  rm -rf "$tmp/out"
  local t0 t1 runs
  t0=$(date +%s.%N)
  "$sweep" "$src/traces/dnn_yxt" --out "$tmp/out" --no-plot --no-progress -q --jobs "$jobs" "$@" >/dev/null
  t1=$(date +%s.%N)
  runs=$(($(wc -l <"$tmp/out/results.csv") - 1))
  awk -v l="$label" -v j="$jobs" -v n="$runs" -v a="$t0" -v b="$t1" \
    'BEGIN {printf "%-34s %2d thread(s) %5d runs %7.2f s  %8.1f runs/s\n", l, j, n, b-a, n/(b-a)}'
}

echo "wtm-sweep on traces/dnn_yxt, $(uname -m), $(nproc) cores (includes loading the folder):"
for j in 1 "$(nproc)"; do
  measure "ADC bits 2..24 (deterministic)" "$j" --adc-bits 2:24
  measure "normal law, 8 levels x 8 seeds" "$j" --noise-level 1:8 --seeds 8
  measure "mbs law, 4 levels x 8 seeds" "$j" --noise-model mbs --noise-level 1:4 --seeds 8
  measure "split array (rows 64..512)" "$j" --rows 64,128,256,512 --columns 64,256
done
