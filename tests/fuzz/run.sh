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
if [ "$name" = mic_path ]; then
  # The sound files of the wav harness, each behind a first byte that picks the PDM clock and
  # the end-of-audio policy.
  for f in "$here/corpus/wav"/*; do { printf '\x05'; cat "$f"; } > "$work/seeds/$(basename "$f")"; done
fi
if [ "$name" = mapper_folder ]; then
  # Our traced folder without its big weight files (those have harnesses of their own), packed.
  "$here/pack_folder.sh" "$trace" "$work/seeds/repo-dnn_yxt" register.bin BoardConfigDebug.json addr.csv \
    map/layers.txt map/name.txt params/net0/layer5/{weight,bias,bias_high}.txt \
    layer_debug/net0/5_linear_5/round4/output0.txt
  "$here/pack_folder.sh" "$trace" "$work/seeds/repo-dnn_yxt-register_c" register.c map/layers.txt
  "$here/pack_folder.sh" "$trace" "$work/seeds/repo-dnn_yxt-expected" register.bin map/layers.txt
fi

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
    # Executions add up over runs (the corpus is kept): runs.tsv has one line per run. With
    # WTM_FUZZ_GOAL=N a run stops once the total reaches N, and is skipped when it already has.
    total=$(awk '{ n += $3 } END { print n + 0 }' "$work/runs.tsv" 2>/dev/null || echo 0)
    limit=()
    if [ -n "${WTM_FUZZ_GOAL:-}" ]; then
      left=$((WTM_FUZZ_GOAL - total))
      if [ "$left" -le 0 ]; then echo "== $name: $total execs already, goal $WTM_FUZZ_GOAL reached"; exit 0; fi
      limit=(-runs="$left")
    fi
    replay || true
    rm -f "$work/artifacts"/*  # only this run's findings are copied to regressions/
    status=0
    "$bin" "${opts[@]}" "${limit[@]}" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
      "$work/corpus" "$work/seeds" > "$work/fuzz.log" 2>&1 || status=$?
    grep -E "^#[0-9]+ +(DONE|pulse)|ERROR|SUMMARY|Test unit written" "$work/fuzz.log" || true
    for a in "$work/artifacts"/{crash,leak,oom,timeout,slow-unit}-*; do
      [ -f "$a" ] || continue
      mkdir -p "$regressions"
      cp -n "$a" "$regressions/" && echo "== $name: kept $(basename "$a") in tests/fuzz/regressions/$name/"
    done
    execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$work/fuzz.log" | grep -Eo '[0-9]+$' || echo 0)
    rate=$(grep -Eo 'exec/s: *[0-9]+' "$work/fuzz.log" | tail -1 | grep -Eo '[0-9]+$' || echo 0)
    printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$seconds" "$execs" "$rate" "$status" >> "$work/runs.tsv"
    echo "== $name: status $status, $execs execs ($((total + execs)) over all runs), $rate exec/s, corpus $(ls "$work/corpus" | wc -l) units"
    exit "$status"
    ;;
  *) echo "usage: run.sh smoke|fuzz BINARY NAME [SECONDS]" >&2; exit 2 ;;
esac
