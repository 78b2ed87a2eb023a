#!/usr/bin/env bash
# Formats the C and C++ sources with the tree's .clang-format (clang-format 14, Debian 12's).
#
#   tools/format.sh          reformat every tracked .h/.c/.cpp in place
#   tools/format.sh --check  change nothing; list the files that differ (exit 1), or exit 0
#
# Exit 77 when clang-format is not installed (the ctest `source_format` then reports a skip).
# Tables laid out by hand are kept between `// clang-format off` and `// clang-format on`;
# traces/ holds mapper outputs and is never formatted (its own .clang-format disables it).
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
case "${1:-}" in
  --check) check=1 ;;
  "") ;;
  -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "format.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
esac
tool=$(command -v clang-format-14 || command -v clang-format || true)
[ -n "$tool" ] || { echo "format.sh: clang-format is not installed (apt-get install clang-format)" >&2; exit 77; }

if git rev-parse --is-inside-work-tree > /dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.h' '*.hpp' '*.c' '*.cc' '*.cpp')
else  # an exported tree without .git
  mapfile -t files < <(find bench models platform python sw tests tools traces \
    -type f \( -name '*.h' -o -name '*.hpp' -o -name '*.c' -o -name '*.cc' -o -name '*.cpp' \) | sort)
fi
if ((check)); then
  mapfile -t bad < <(printf '%s\0' "${files[@]}" | xargs -0 "$tool" --dry-run --Werror 2>&1 |
    sed -n 's/^\(.*\):[0-9][0-9]*:[0-9][0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
  if ((${#bad[@]})); then
    printf 'format.sh: not formatted: %s\n' "${bad[@]}" >&2
    echo "format.sh: ${#bad[@]} of ${#files[@]} files differ from .clang-format (run tools/format.sh)" >&2
    exit 1
  fi
  echo "format.sh: ${#files[@]} files follow .clang-format"
else
  printf '%s\0' "${files[@]}" | xargs -0 "$tool" -i
fi
