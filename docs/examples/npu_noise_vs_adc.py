"""Error of a mapped network against its ideal run as the analog read noise grows, for a few ADC
resolutions: the wtm2101 module in a notebook-style script (an aihwkit user will recognise the
shape of it). Run from the repository root after building:

    PYTHONPATH=build/python python3 docs/examples/npu_noise_vs_adc.py [OUT.png]

The noise laws are the vendor's training-time models, not chip measurements (docs/npu-model.md).
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

import wtm2101

model = wtm2101.Model("traces/dnn_yxt", frames=100)
print(f"{model.frames} frames, {len(model.layers)} array layers:",
      ", ".join(f"{l['label']} {l['rows']}x{l['columns']}" for l in model.layers))

levels = [0, 1, 2, 3, 4, 6, 8]
seeds = 5
fig, (ax_err, ax_agree) = plt.subplots(1, 2, figsize=(10, 4))
for bits in (6, 8, 10):
    std, agree = [], []
    for level in levels:
        rows = model.point(seeds=seeds, adc_bits=bits, noise_level=level)
        std.append(np.mean([r["layers"][-1]["std"] for r in rows]))
        agree.append(np.mean([r["decision_agreement"] for r in rows]))
    ax_err.plot(levels, std, marker="o", label=f"{bits}-bit ADC")
    ax_agree.plot(levels, agree, marker="o", label=f"{bits}-bit ADC")

# One run looked at directly: the last layer's outputs against the ideal ones.
ideal = model.run()["pre_activation"][-1].astype(int)
noisy = model.run(seed=1, noise_level=4)["pre_activation"][-1].astype(int)
print("last layer at level 4: mean |error| %.2f LSB, %.0f%% of outputs exact"
      % (np.abs(noisy - ideal).mean(), 100 * np.mean(noisy == ideal)))

ax_err.set(xlabel="noise level (witin_nn NORMAL law)", ylabel="last layer error std (LSB)", title="error")
ax_agree.set(xlabel="noise level (witin_nn NORMAL law)", ylabel="decision agreement", title="decisions", ylim=(0, 1.05))
for ax in (ax_err, ax_agree):
    ax.grid(True)
    ax.legend()
fig.tight_layout()
out = sys.argv[1] if len(sys.argv) > 1 else "npu_noise_vs_adc.png"
fig.savefig(out, dpi=100)
print("plot:", out)
