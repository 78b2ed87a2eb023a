#!/bin/sh
# --npu-trace on the board: our dnn_yxt firmware feeds the 100 recorded frames and the board knows
# the mapper folder (--npu-weights), so the trace is written in the mapper's own layout and must
# equal its layer_debug byte for byte (diff -r), with no round left unattributed.
# usage: trace_matches_layer_debug.sh BOARD ELF TRACES_DIR OUT_DIR
set -u
board=$1 elf=$2 traces=$3 out=$4
rm -rf "$out"
"$board" --elf "$elf" -q --max-time 5s --npu-weights "$traces" --npu-trace "$out" \
  --stop-on-uart "npu_dnn_yxt: PASS" > /dev/null || { echo "board run failed"; exit 1; }
diff -r "$out/layer_debug" "$traces/layer_debug" || { echo "trace differs from $traces/layer_debug"; exit 1; }
n=$(find "$out" -name '*.txt' | wc -l)
[ "$n" -eq 10 ] || { echo "$n trace files, expected 10 (rounds not attributed to a layer?)"; ls -R "$out"; exit 1; }
echo "trace: $n files equal to layer_debug (diff -r)"
