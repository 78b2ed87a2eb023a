#!/usr/bin/env bash
# Simulated audio seconds per host second on the board, the PDM microphone path on:
#   1. our sw/tests/audio firmware capturing a 3 s tone (AUDIO RAM frames, IRQ 37);
#   2. "KWS demo: simulated audio seconds per host second": our keyword-spotting demo
#      sw/apps/kws_demo (AUDIO -> DMA ring -> FBANK FFT + CPU log-mel every 50 ms -> NPU inference
#      of traces/dnn_yxt every 50 ms) on 10 s of a tone in noise, start-up included;
#   3. the vendor speech (keyword-spotting) demo, unmodified, on the same tone with its mapper
#      weights: AUDIO + DMA + features on the CPU + NPU inference every few frames (only when the vendor image
#      and weights are on this machine: $WTM_VENDOR_FW_DIR, $WTM_VENDOR_WEIGHTS_DIR).
#   bench/audio_speed.sh [BUILD_DIR]
set -euo pipefail
build="${1:-build}"
board="$build/platform/wtm2101-board"
[ -x "$board" ] || { echo "audio_speed: $board not built" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/tone.wav" "$tmp/kws.wav" <<'PY'
import math, struct, sys, wave
w = wave.open(sys.argv[1], "wb"); w.setnchannels(1); w.setsampwidth(2); w.setframerate(16000)
w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / 16000))) for i in range(3 * 16000)))
w.close()
import random
random.seed(1)
w = wave.open(sys.argv[2], "wb"); w.setnchannels(1); w.setsampwidth(2); w.setframerate(16000)
w.writeframes(b"".join(struct.pack("<h", int(2000 * math.sin(2 * math.pi * 700 * i / 16000) + random.gauss(0, 300)))
                       for i in range(10 * 16000)))
w.close()
PY

measure() {  # label wav seconds args... -> audio s per host s
  local label="$1" wav="$2" seconds="$3"; shift 3
  local t0 t1
  t0=$(date +%s.%N)
  "$board" "$@" --mic0 "$wav" --audio-end stop --max-time "$((seconds + 1))s" -q >/dev/null 2>&1 || true
  t1=$(date +%s.%N)
  awk -v l="$label" -v a="$t0" -v b="$t1" -v s="$seconds" \
    'BEGIN {printf "%-50s %6.2f s host for %5.2f s of audio: %5.2f audio s / host s\n", l, b-a, s, s/(b-a)}'
}

echo "audio on the board, $(uname -m), one core:"
measure "sw/tests/audio (capture, RAM frames)" "$tmp/tone.wav" 3 --elf "$build/sw/tests/audio/audio_test.elf"
measure "KWS demo: simulated audio seconds per host second" "$tmp/kws.wav" 10 \
  --elf "$build/sw/apps/kws_demo/kws_demo.elf" --npu-weights "$(dirname "$0")/../traces/dnn_yxt"
measure "KWS demo on the fast core (--core fast)" "$tmp/kws.wav" 10 \
  --elf "$build/sw/apps/kws_demo/kws_demo.elf" --npu-weights "$(dirname "$0")/../traces/dnn_yxt" --core fast
fw="${WTM_VENDOR_FW_DIR:-$HOME/.cache/wtm2101-vendor-fw/elf}/kws_demo.elf"
weights="${WTM_VENDOR_WEIGHTS_DIR:-$HOME/.cache/wtm2101-vendor-fw/weights}/output_0922"
if [ -f "$fw" ] && [ -d "$weights/params" ]; then
  measure "vendor speech demo (AUDIO+DMA+CPU features+NPU)" "$tmp/tone.wav" 3 --elf "$fw" --npu-weights "$weights"
  measure "vendor speech demo on the fast core" "$tmp/tone.wav" 3 --elf "$fw" --npu-weights "$weights" --core fast
else
  echo "vendor speech demo: not on this machine (skipped)"
fi
