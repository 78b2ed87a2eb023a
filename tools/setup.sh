#!/usr/bin/env bash
# One-step set-up of the virtual WTM2101 board on Debian 12 (run as root, or with sudo
# available): installs the missing Debian packages, configures and builds everything
# (host models, tools, tests and the firmware in sw/), then
#   tools/setup.sh demo   runs the default demo (hello on the virtual X3 board)
#   tools/setup.sh test   runs every test through ctest
#   tools/setup.sh build  only builds
# Idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-demo}"
build_dir="${WTM_BUILD_DIR:-build}"

packages=(
  cmake ninja-build g++ pkg-config git
  libsystemc-dev verilator libeigen3-dev libboost-program-options-dev
  libgtest-dev googletest libelf-dev nlohmann-json3-dev
  libsndfile1-dev libsamplerate0-dev
  gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf
  qemu-system-misc gnuplot-nox
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
    "$build_dir/platform/wtm2101-board" --elf "$build_dir/sw/apps/hello.elf" --stats
    ;;
  test)
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
    ;;
  build) ;;
  *)
    echo "usage: tools/setup.sh [demo|test|build]" >&2
    exit 2
    ;;
esac
