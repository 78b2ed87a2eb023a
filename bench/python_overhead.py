"""What the Python module adds to the C++ model: run() on a batch of 1,000 frames (the recorded
inputs of dnn_yxt, repeated), its wall time in Python against the C++ time inside the call
(`native_seconds`: model runs, metrics, array copies). Run after building:

    PYTHONPATH=build/python python3 bench/python_overhead.py [MAPPER_DIR] [--frames N] [--repeats R]
"""
import argparse
import time

import numpy as np

import wtm2101

p = argparse.ArgumentParser()
p.add_argument("folder", nargs="?", default="traces/dnn_yxt")
p.add_argument("--frames", type=int, default=1000)
p.add_argument("--repeats", type=int, default=5)
a = p.parse_args()

model = wtm2101.Model(a.folder)
inputs = [np.resize(model.recorded_inputs(n), (a.frames, rows)) for n, rows in enumerate(model.net_input_rows)]
if len(inputs) == 1:
    inputs = inputs[0]
for knobs in ({}, {"noise_level": 4}):
    best = None
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        r = model.run(inputs=inputs, **knobs)
        wall = time.perf_counter() - t0
        if best is None or wall < best[0]:
            best = (wall, r["native_seconds"])
    wall, native = best
    print("%-16s %d frames: %.1f ms in Python, %.1f ms in C++: Python adds %.1f %%"
          % (str(knobs or "ideal"), a.frames, wall * 1e3, native * 1e3, 100 * (wall - native) / native))
