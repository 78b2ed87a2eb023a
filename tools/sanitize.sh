#!/usr/bin/env bash
# The test suite under AddressSanitizer (leaks included) and UndefinedBehaviorSanitizer:
# configures build-asan with -DWTM_SANITIZE=ON (cmake/Sanitizers.cmake), builds and runs ctest
# with the sanitizer runtime options below. docs/robustness.md, "Sanitizers".
#
#   tools/sanitize.sh                     everything: build all, run every test
#   tools/sanitize.sh -L unit -R npu      extra arguments go to ctest (a subset)
#   WTM_SANITIZE_TARGETS="test_a test_b" tools/sanitize.sh -R ...
#                                         build only these targets (with the ctest filter to match)
#   tools/sanitize.sh --env               print the runtime options (to run a binary of build-asan by hand)
#
# The environment is exported for the build too: gtest_discover_tests runs every test
# executable at build time, and the tools the build runs (gen_bsp_header) are sanitized as well.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
build_dir="${WTM_SANITIZE_BUILD_DIR:-build-asan}"
jobs="${WTM_JOBS:-$(nproc)}"

export ASAN_OPTIONS="detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# The one suppression file: what SystemC itself leaks (see the file).
export LSAN_OPTIONS="suppressions=$root/tools/sanitizer/lsan.supp:print_suppressions=0"

if [ "${1:-}" = "--env" ]; then
  printf 'export ASAN_OPTIONS=%q\nexport UBSAN_OPTIONS=%q\nexport LSAN_OPTIONS=%q\n' \
    "$ASAN_OPTIONS" "$UBSAN_OPTIONS" "$LSAN_OPTIONS"
  exit 0
fi

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DWTM_SANITIZE=ON -DWTM_RTL_ASSERTIONS=ON >/dev/null
if [ -n "${WTM_SANITIZE_TARGETS:-}" ]; then
  # shellcheck disable=SC2086  # a list of target names
  cmake --build "$build_dir" -j "$jobs" --target ${WTM_SANITIZE_TARGETS}
else
  cmake --build "$build_dir" -j "$jobs"
fi
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" "$@"
