#!/bin/sh
# wtm-regress command-line behaviour a CI user relies on, on copies of traces/dnn_yxt:
#   - a damaged input0 trace is located in that file;
#   - deleted golden traces show as a "total skipped" line (also with -q) and fail with --strict;
#   - a changed golden value exits 1 even when the folder also contradicts itself (exit 4 otherwise);
#   - the result lines carry no host time (two runs print the same);
#   - --modes '' and --seed without --nonideal are usage errors; "all" may be part of a list;
#   - --no-prog-error with --prog-level is refused.
# usage: regress_cli_checks.sh WTM_REGRESS TRACES_DIR WORK_DIR
set -u
regress=$1 traces=$2 work=$3
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$work" && mkdir -p "$work" || fail "cannot create $work"

cp -r "$traces" "$work/nolayer" && rm -rf "$work/nolayer/layer_debug"
out=$("$regress" -q --no-progress "$work/nolayer" 2>&1); rc=$?
[ $rc -eq 0 ] || fail "missing layer_debug without --strict: exit $rc"
echo "$out" | grep -q "^total skipped     10 of 20 comparisons" || fail "no skipped line under -q: $out"
"$regress" -q --no-progress --strict "$work/nolayer" > "$work/strict.txt" 2>&1; rc=$?
[ $rc -eq 1 ] || fail "--strict with skipped comparisons: exit $rc"
grep -q "strict: 10 comparison(s) skipped" "$work/strict.txt" || fail "no --strict message"
# Deleted expected bins count as skipped too.
cp -r "$traces" "$work/nobins" && rm -f "$work/nobins/map/expected_in.bin" "$work/nobins/map/expected_out.bin"
"$regress" -q --no-progress --strict "$work/nobins" > "$work/nobins.txt" 2>&1; rc=$?
[ $rc -eq 1 ] || fail "--strict without expected bins: exit $rc"
grep -q "^total skipped     5 of" "$work/nobins.txt" || fail "deleted bins not counted: $(cat "$work/nobins.txt")"

cp -r "$traces" "$work/both" || fail "copy"
f="$work/both/layer_debug/net0/5_linear_5/round4/output0.txt"
awk 'NR == 3 { $1 = $1 + 1 } { print }' "$f" > "$f.new" && mv "$f.new" "$f"
sed -i '1s/1024$/2048/' "$work/both/map/layers.txt"
"$regress" -q --no-progress "$work/both" > "$work/both.txt" 2>&1; rc=$?
[ $rc -eq 1 ] || { cat "$work/both.txt"; fail "changed value + contradiction: exit $rc, want 1"; }
grep -q DISAGREEMENT "$work/both.txt" || fail "the layers.txt change was not reported (test setup?)"

# A damaged input0 is located as such (its value no longer what the earlier rounds wrote).
cp -r "$traces" "$work/input" || fail "copy"
f="$work/input/layer_debug/net0/3_linear_3/round2/input0.txt"
awk 'NR == 11 { $6 = $6 + 1 } { print }' "$f" > "$f.new" && mv "$f.new" "$f"
"$regress" -q --no-progress "$work/input" > "$work/input.txt" 2>&1; rc=$?
[ $rc -eq 1 ] || fail "damaged input0: exit $rc, want 1"
grep -q "3_linear_3/round2/input0.txt: frame 10 (row 11) input 5 is" "$work/input.txt" ||
  fail "damaged input0 not located: $(cat "$work/input.txt")"

# A damaged first input is not blamed on the later, intact traces (the chain diverges there).
cp -r "$traces" "$work/first" || fail "copy"
f="$work/first/layer_debug/net0/1_linear_1/round0/input0.txt"
awk 'NR == 4 { $1 = ($1 + 50) % 128 } { print }' "$f" > "$f.new" && mv "$f.new" "$f"
"$regress" -q --no-progress "$work/first" > "$work/first.txt" 2>&1
grep -q "DISAGREEMENT" "$work/first.txt" && fail "intact traces blamed: $(grep DISAGREEMENT "$work/first.txt")"

a=$("$regress" -q --no-progress "$traces" 2>&1) && b=$("$regress" -q --no-progress "$traces" 2>&1) || fail "golden run failed"
[ "$a" = "$b" ] || fail "two -q runs differ: $a / $b"

"$regress" --modes '' "$traces" > /dev/null 2>&1; [ $? -eq 2 ] || fail "--modes '' is not a usage error"
"$regress" --seed 5 "$traces" > /dev/null 2>&1; [ $? -eq 2 ] || fail "--seed without --nonideal accepted"
"$regress" -q --no-progress --modes all,blob "$traces" > /dev/null 2>&1; [ $? -eq 0 ] || fail "--modes all,blob refused"
"$regress" --nonideal --no-prog-error --prog-level 3 "$traces" > "$work/conflict.txt" 2>&1; rc=$?
[ $rc -eq 2 ] && grep -q -- "--no-prog-error: cannot be combined with --prog-level" "$work/conflict.txt" ||
  fail "--no-prog-error --prog-level: exit $rc, $(cat "$work/conflict.txt")"
rm -rf "$work"
echo "wtm-regress CLI checks passed"
