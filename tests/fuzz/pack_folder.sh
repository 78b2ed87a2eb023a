#!/bin/bash
# Packs files of a folder into one mapper_folder fuzz input (format in FuzzFolder.h):
#   pack_folder.sh DIR OUT FILE...   (FILE relative to DIR; missing ones are skipped)
set -euo pipefail
dir=$1 out=$2
shift 2
: > "$out"
for f in "$@"; do
  [ -f "$dir/$f" ] || continue
  printf '=== %s\n' "$f" >> "$out"
  cat "$dir/$f" >> "$out"
  printf '\n' >> "$out"
done
