#!/usr/bin/env bash
# One-step set-up of the virtual WTM2101 board on Debian 12 (run as root, or with sudo
# available): installs the missing Debian packages, configures and builds everything
# (host models, tools, tests and the firmware in sw/), then
#   tools/setup.sh demo   runs the default demo (hello on the virtual X3 board)
#   tools/setup.sh test   runs every test through ctest, then a subset of them under ASan+UBSan
#                         (build-asan, tools/sanitize.sh)
#   tools/setup.sh build  only builds
# Idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-demo}"
build_dir="${WTM_BUILD_DIR:-build}"

packages=(
  cmake ninja-build g++ pkg-config git
  libsystemc-dev verilator libeigen3-dev libdnnl-dev libboost-program-options-dev
  libgtest-dev googletest libelf-dev nlohmann-json3-dev
  libsndfile1-dev libsamplerate0-dev
  gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf
  qemu-system-misc gnuplot-nox
  gdb-multiarch gtkwave
  clang libclang-rt-14-dev clang-format
  slurm-wlm munge
  pybind11-dev python3-dev python3-numpy python3-pytest python3-matplotlib
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

jobs="$(nproc)"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$build_dir" -j "$jobs"

case "$mode" in
  demo)
    board="$build_dir/platform/wtm2101-board"
    echo "== hello: our firmware prints over UART0"
    "$board" --elf "$build_dir/sw/apps/hello.elf" --stats
    echo "== x3_demo: LEDs blink from TIMER0, key K2 pressed at 1 s, UART0 echoes a line sent at 0.3 s"
    printf 'hello from the host\r' > "$build_dir/demo_uart_input.txt"
    "$board" --elf "$build_dir/sw/apps/x3_demo.elf" --uart0-input "$build_dir/demo_uart_input.txt@300ms" \
      --press K2@1s --max-time 1.3s || [ $? -eq 1 ]  # runs until the time limit (exit 1)
    echo
    echo "== npu_dnn_yxt: our NPU driver runs a mapper blob on the board's NPU, 100 recorded frames"
    "$board" --elf "$build_dir/sw/apps/npu_dnn_yxt/npu_dnn_yxt.elf" --npu-weights traces/dnn_yxt -q | tail -3
    ;;
  test)
    # Everything but the long runs (label long: `ctest --test-dir build -L long`).
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" -LE long
    # A subset under AddressSanitizer (leaks included) and UBSan in build-asan, chosen to keep CI
    # short (a few minutes on 2 cores): the NPU core and its mapper-output loaders (npu_tests,
    # wtm-regress), the ELF/image loader and two peripheral models (UART, I2C: the ones fed from
    # the host). The whole suite: tools/sanitize.sh.
    echo "== sanitizers (ASan+UBSan): NPU, loaders and peripheral unit tests"
    asan_targets="npu_tests wtm-regress test_firmware_image test_uart test_i2c"
    # Only these executables are built: the other suites' placeholders (*_NOT_BUILT) are left out.
    WTM_SANITIZE_TARGETS="$asan_targets" tools/sanitize.sh -L unit -E _NOT_BUILT
    (eval "$(tools/sanitize.sh --env)"
     ctest --test-dir "${WTM_SANITIZE_BUILD_DIR:-build-asan}" --output-on-failure -j "$jobs" -R '^wtm_regress_')
    # Every libFuzzer harness over its seeds and the inputs it ever crashed on (clang, build-fuzz:
    # the loader libraries only, about 1.5 minutes). Long runs: tools/fuzz.sh.
    echo "== fuzz smoke: the parsers of user input under libFuzzer"
    fuzz_dir="${WTM_FUZZ_BUILD:-build-fuzz}"
    [ -f "$fuzz_dir/CMakeCache.txt" ] || CC=clang CXX=clang++ cmake -S . -B "$fuzz_dir" -G Ninja -DWTM_FUZZ=ON
    cmake --build "$fuzz_dir" -j "$jobs"
    ctest --test-dir "$fuzz_dir" -L fuzz-smoke --output-on-failure -j "$jobs"
    ;;
  build) ;;
  *)
    echo "usage: tools/setup.sh [demo|test|build]" >&2
    exit 2
    ;;
esac
