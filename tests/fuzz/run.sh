#!/bin/bash
# Runs one libFuzzer harness of tests/fuzz.
#   run.sh smoke BINARY NAME          replay regressions/NAME/, then 2000 runs over the seeds (ctest -L fuzz-smoke)
#   run.sh fuzz  BINARY NAME SECONDS  fuzz for SECONDS; new crashers are copied to regressions/NAME/
# Seeds: corpus/NAME/ (ours, small) and the repository files listed below (read in place, never
# copied). Work files (the growing corpus, artifacts, logs) go to $WTM_FUZZ_WORK/NAME
# (default build-fuzz/fuzz-work/NAME).
set -euo pipefail
mode=$1 bin=$2 name=$3 seconds=${4:-120}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${WTM_FUZZ_WORK:-$root/build-fuzz/fuzz-work}/$name
mkdir -p "$work/seeds" "$work/corpus" "$work/artifacts"

# Repository files that make good seeds (they stay where they are; missing ones are skipped).
trace=$root/traces/dnn_yxt
extra=()
case $name in
  elf) extra=("$root"/build/sw/apps/hello.elf "$root"/build/sw/apps/x3_demo.elf) ;;
  layers_txt) extra=("$trace/map/layers.txt") ;;
  register_bin) extra=("$trace/register.bin") ;;
  register_c) extra=("$trace/register.c") ;;
  addr_csv) extra=("$trace/addr.csv") ;;
  params_text) extra=("$trace"/params/net0/layer5/{weight,bias,bias_high}.txt "$trace/params/net0/layer1/bias_high.txt") ;;
  layer_trace) extra=("$trace/layer_debug/net0/5_linear_5/round4/output0.txt") ;;
esac
rm -f "$work/seeds"/*
[ -d "$here/corpus/$name" ] && cp -f "$here/corpus/$name"/* "$work/seeds/" 2>/dev/null || true
for f in "${extra[@]}"; do [ -f "$f" ] && cp -f "$f" "$work/seeds/repo-$(basename "$(dirname "$f")")-$(basename "$f")"; done

opts=(-timeout=1 -rss_limit_mb=2048 -malloc_limit_mb=2048)
[ -f "$here/dict/$name.dict" ] && opts+=("-dict=$here/dict/$name.dict")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

regressions=$here/regressions/$name
replay() {
  if compgen -G "$regressions/*" > /dev/null; then
    echo "== $name: replaying $(ls "$regressions" | wc -l) regression input(s)"
    "$bin" "${opts[@]}" "$regressions"/*
  fi
}

case $mode in
  smoke)
    replay
    rm -rf "$work/smoke" && mkdir -p "$work/smoke"
    # The first directory receives new units; the seeds are only read.
    "$bin" "${opts[@]}" -runs=2000 -seed=1 -artifact_prefix="$work/artifacts/" "$work/smoke" "$work/seeds"
    ;;
  fuzz)
    replay || true
    rm -f "$work/artifacts"/*  # only this run's findings are copied to regressions/
    status=0
    "$bin" "${opts[@]}" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
      "$work/corpus" "$work/seeds" > "$work/fuzz.log" 2>&1 || status=$?
    grep -E "^#[0-9]+ +(DONE|pulse)|ERROR|SUMMARY|Test unit written" "$work/fuzz.log" || true
    for a in "$work/artifacts"/{crash,leak,oom,timeout,slow-unit}-*; do
      [ -f "$a" ] || continue
      mkdir -p "$regressions"
      cp -n "$a" "$regressions/" && echo "== $name: kept $(basename "$a") in tests/fuzz/regressions/$name/"
    done
    execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$work/fuzz.log" | grep -Eo '[0-9]+$' || echo 0)
    rate=$(grep -Eo 'exec/s: *[0-9]+' "$work/fuzz.log" | tail -1 | grep -Eo '[0-9]+$' || echo 0)
    echo "== $name: status $status, $execs execs, $rate exec/s, corpus $(ls "$work/corpus" | wc -l) units"
    exit "$status"
    ;;
  *) echo "usage: run.sh smoke|fuzz BINARY NAME [SECONDS]" >&2; exit 2 ;;
esac
