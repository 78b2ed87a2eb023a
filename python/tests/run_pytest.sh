#!/bin/bash
# Runs the module's pytest suite with the interpreter it was built for; exit 77 (ctest skip)
# when that interpreter lacks pytest or numpy, saying which.
python=$1 tests=$2
for m in pytest numpy; do
  "$python" -c "import $m" 2> /dev/null || { echo "SKIP: $python has no $m (apt-get install python3-$m)"; exit 77; }
done
exec "$python" -m pytest -q -p no:cacheprovider "$tests"
