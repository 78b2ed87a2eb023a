#!/bin/sh
# --npu-trace on the board: our dnn_yxt firmware feeds the 100 recorded frames, so every round's
# trace must equal the mapper's layer_debug input0/output0 (whitespace normalized).
# usage: trace_matches_layer_debug.sh BOARD ELF TRACES_DIR OUT_DIR
set -u
board=$1 elf=$2 traces=$3 out=$4
rm -rf "$out"
"$board" --elf "$elf" -q --max-time 5s --npu-weights "$traces" --npu-trace "$out" \
  --stop-on-uart "npu_dnn_yxt: PASS" > /dev/null || { echo "board run failed"; exit 1; }
norm() { tr -s ' \r\t' ' ' < "$1" | sed 's/^ //; s/ $//'; }
n=0
for golden in "$traces"/layer_debug/net0/*/round*; do
  r=$(basename "$golden")
  for f in input0.txt output0.txt; do
    [ -f "$out/$r/$f" ] || { echo "missing $out/$r/$f"; exit 1; }
    if ! norm "$golden/$f" | cmp -s - "$out/$r/$f"; then echo "$out/$r/$f differs from $golden/$f"; exit 1; fi
    n=$((n + 1))
  done
done
[ "$n" -eq 10 ] || { echo "compared $n files, expected 10"; exit 1; }
echo "trace: $n files equal to layer_debug"
