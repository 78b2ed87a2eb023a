#!/usr/bin/env bash
# Instruction-set speed of the board's two cores and of qemu-system-riscv32 on the same code
# (sw/apps/bench_cpu): best of N runs each, one table, and the ratios. The RTL core runs the short
# program (its speed does not depend on the length); the fast core and QEMU the long one (2000
# rounds), built for the board and for QEMU's virt machine from the same main.c. The printed
# checksums must agree across the three, or the figures are not about the same work.
#   bench/core_speed.sh [BUILD_DIR] [RUNS]
# QEMU runs plain TCG (its mcycle/minstret then count host ticks): its instructions are the board's
# for the same program (the same compiled loop: an -icount run checks this), and its time is the
# long run's wall time less the short run's, which is QEMU's own start-up (30-70 ms here,
# up to half the long run).
set -euo pipefail
build="${1:-build}"
runs="${2:-5}"
board="$build/platform/wtm2101-board"
apps="$build/sw/apps"
[ -x "$board" ] || { echo "core_speed: $board not built" >&2; exit 2; }
for f in bench_cpu bench_cpu_long bench_cpu_qemu bench_cpu_qemu_long; do
  [ -f "$apps/$f.elf" ] || { echo "core_speed: $apps/$f.elf not built" >&2; exit 2; }
done
qemu=$(command -v qemu-system-riscv32 || true)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

checksum() { sed -n 's/^bench_cpu: checksum \([0-9a-f]*\),.*/\1/p' "$1"; }

board_once() {  # CORE ELF -> "cycles instructions host_seconds checksum"
  "$board" --core "$1" --elf "$2" --stats >"$tmp/out" 2>"$tmp/err"
  awk '/simulated time/ {gsub(/\(/,""); c=$6} /^instructions/ {i=$3} /host time/ {h=$4}
       END {print c, i, h}' "$tmp/err" | tr '\n' ' '
  checksum "$tmp/out"
}

qemu_once() {  # ELF [qemu args...] -> "wall_seconds checksum"
  local elf="$1"; shift
  local t0 t1
  t0=$(date +%s%N)
  "$qemu" -machine virt -cpu rv32 -nographic -bios none "$@" -kernel "$elf" >"$tmp/out" </dev/null
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000 ))e-6 $(checksum "$tmp/out")"
}

best() {  # FIELD COMMAND... -> the output line of the run whose FIELD (host seconds) is least
  local field="$1"; shift
  for _ in $(seq "$runs"); do "$@"; echo; done |
    awk -v f="$field" 'NF && (best == "" || $f + 0 < low) {low = $f + 0; best = $0} END {print best}'
}

read -r rc ri rh rsum < <(best 3 board_once rtl "$apps/bench_cpu.elf")
read -r sc si sh ssum < <(best 3 board_once fast "$apps/bench_cpu.elf")
read -r lc li lh lsum < <(best 3 board_once fast "$apps/bench_cpu_long.elf")
[ "$rsum" = "$ssum" ] || { echo "core_speed: checksum rtl $rsum, fast $ssum (bench_cpu)" >&2; exit 1; }

row() {  # CORE PROGRAM INSTRUCTIONS SECONDS CYCLES|-
  awk -v k="$1" -v p="$2" -v i="$3" -v h="$4" -v c="$5" 'BEGIN {
    printf "| %-5s | %-28s | %12d | %6.3f | %9.1f | %10s |\n", k, p, i, h, i / h / 1e6,
      c == "-" ? "-" : sprintf("%.1f", c / h / 1e6) }'
}

echo "bench_cpu on $(uname -m), $(nproc) cores, best of $runs runs, $(date -u +%Y-%m-%d):"
echo "| core  | program                      | instructions | host s | M instr/s | M cycles/s |"
echo "|-------|------------------------------|-------------:|-------:|----------:|-----------:|"
row rtl "bench_cpu (40 rounds)" "$ri" "$rh" "$rc"
row fast "bench_cpu (40 rounds)" "$si" "$sh" "$sc"
row fast "bench_cpu_long (2000 rounds)" "$li" "$lh" "$lc"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3g", a / b}'; }
fast_ips=$(awk -v i="$li" -v h="$lh" 'BEGIN {print i / h}')
rtl_ips=$(awk -v i="$ri" -v h="$rh" 'BEGIN {print i / h}')
if [ -z "$qemu" ]; then
  echo "fast/rtl $(ratio "$fast_ips" "$rtl_ips")x; qemu-system-riscv32 not found: no QEMU figure" \
       "(Debian: apt-get install qemu-system-misc)"
  exit 0
fi

# The program's own minstret under -icount counts instructions: it must be the board's count.
"$qemu" -machine virt -cpu rv32 -nographic -bios none -icount shift=0 \
  -kernel "$apps/bench_cpu_qemu_long.elf" >"$tmp/icount" </dev/null
"$board" --core fast --elf "$apps/bench_cpu_long.elf" >"$tmp/fast" 2>/dev/null
loop_instr() { sed -n 's/.* cycles, \([0-9]*\) instructions$/\1/p' "$1"; }
if [ "$(loop_instr "$tmp/icount")" != "$(loop_instr "$tmp/fast")" ]; then
  echo "core_speed: the timed loop is $(loop_instr "$tmp/fast") instructions on the board," \
       "$(loop_instr "$tmp/icount") in QEMU: not the same code" >&2
  exit 1
fi
read -r qs qssum < <(best 1 qemu_once "$apps/bench_cpu_qemu.elf")
read -r ql qlsum < <(best 1 qemu_once "$apps/bench_cpu_qemu_long.elf")
for pair in "$qssum:$rsum:bench_cpu" "$qlsum:$lsum:bench_cpu_long"; do
  IFS=: read -r q b p <<<"$pair"
  [ "$q" = "$b" ] || { echo "core_speed: checksum board $b, qemu $q ($p)" >&2; exit 1; }
done
row qemu "bench_cpu_long, wall" "$li" "$ql" -
net=$(awk -v l="$ql" -v s="$qs" 'BEGIN {print l - s}')
row qemu "bench_cpu_long - start-up" "$((li - si))" "$net" -
qemu_ips=$(awk -v i="$((li - si))" -v h="$net" 'BEGIN {print i / h}')
echo "fast/rtl $(ratio "$fast_ips" "$rtl_ips")x, fast/qemu $(ratio "$fast_ips" "$qemu_ips")x" \
     "(QEMU start-up $(awk -v s="$qs" 'BEGIN {printf "%.3f", s}') s left out; with it" \
     "$(ratio "$fast_ips" "$(awk -v i="$li" -v h="$ql" 'BEGIN {print i / h}')")x)"
