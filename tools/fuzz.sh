#!/bin/bash
# Fuzzes the parsers of user input with libFuzzer (tests/fuzz, docs/robustness.md "Fuzzing").
#
#   tools/fuzz.sh [SECONDS] [NAME...]   configure and build build-fuzz (clang, -DWTM_FUZZ=ON), then
#                                       run every harness (or the NAMEd ones) for SECONDS each
#                                       (default 60), one after the other
#
# Each run uses -timeout=1 -rss_limit_mb=2048 and the harness's dictionary; its corpus grows in
# build-fuzz/fuzz-work/NAME/corpus (kept between runs). Crashers, leaks, out-of-memory and
# timeout inputs are copied to tests/fuzz/regressions/NAME/, which `ctest -L fuzz-smoke` replays.
# Executions add up over runs (NAME/runs.tsv); the summary gives this run's and the total.
# Environment: WTM_FUZZ_BUILD (default build-fuzz), WTM_FUZZ_JOBS (build jobs, default 2),
# WTM_FUZZ_WORK (default $WTM_FUZZ_BUILD/fuzz-work), WTM_FUZZ_GOAL=N (stop a harness once its total
# reaches N executions; skip it when it already has, e.g. WTM_FUZZ_GOAL=10000000 tools/fuzz.sh 3600),
# WTM_FUZZ_UNTIL=TIME (a `date -d` time, e.g. "+150 min" or "05:30": no run goes past it, and the
# harnesses left when less than two minutes remain are skipped, so a long series ends by itself
# before a machine is needed for something else; a killed series loses its running harness's count).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
build=${WTM_FUZZ_BUILD:-$root/build-fuzz}
export WTM_FUZZ_WORK=${WTM_FUZZ_WORK:-$build/fuzz-work}

command -v clang++ > /dev/null || { echo "fuzz.sh: clang++ is needed (apt-get install clang)" >&2; exit 2; }
gen=(); command -v ninja > /dev/null && gen=(-G Ninja)
[ -f "$build/CMakeCache.txt" ] || CC=clang CXX=clang++ cmake -S "$root" -B "$build" "${gen[@]}" -DWTM_FUZZ=ON
[ -f "$build/fuzzers.txt" ] || cmake --build "$build" --target rebuild_cache > /dev/null
if [ $# -gt 0 ]; then names=("$@"); else mapfile -t names < <(sed 's/^fuzz_//' "$build/fuzzers.txt" | grep .); fi
nice -n 10 cmake --build "$build" -j "${WTM_FUZZ_JOBS:-2}" --target "${names[@]/#/fuzz_}" ||
  echo "fuzz.sh: some harnesses did not build; running the others" >&2

deadline=
if [ -n "${WTM_FUZZ_UNTIL:-}" ]; then
  deadline=$(date -d "$WTM_FUZZ_UNTIL" +%s) || { echo "fuzz.sh: WTM_FUZZ_UNTIL: '$WTM_FUZZ_UNTIL' is not a time" >&2; exit 2; }
fi

failed=()
summary=()
for name in "${names[@]}"; do
  if [ ! -x "$build/tests/fuzz/fuzz_$name" ]; then echo "=== fuzz_$name: not built" >&2; failed+=("$name"); continue; fi
  run_seconds=$seconds
  if [ -n "$deadline" ]; then
    left=$((deadline - $(date +%s)))
    if [ "$left" -lt 120 ]; then echo "=== fuzz_$name: skipped, WTM_FUZZ_UNTIL is less than 2 minutes away"; continue; fi
    [ "$left" -lt "$run_seconds" ] && run_seconds=$left
  fi
  echo "=== fuzz_$name: ${run_seconds}s"
  if nice -n 10 "$root/tests/fuzz/run.sh" fuzz "$build/tests/fuzz/fuzz_$name" "$name" "$run_seconds"; then :; else failed+=("$name"); fi
  summary+=("$(awk '{ n += $3 } END { printf "%12d", n }' "$WTM_FUZZ_WORK/$name/runs.tsv" 2>/dev/null) in all  fuzz_$name")
done
echo "=== summary (executions per harness over all runs)"
[ ${#summary[@]} -gt 0 ] && printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "=== findings in: ${failed[*]} (inputs in tests/fuzz/regressions/; logs in $WTM_FUZZ_WORK/NAME/fuzz.log)"
  exit 1
fi
echo "=== no findings"
