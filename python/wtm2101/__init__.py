"""The WTM2101 NPU model from Python: load a witin_mapper output folder, run its frames through
the ideal or non-ideal what-if model (wtm-sweep's knobs as keyword arguments), get per-layer
outputs as numpy arrays and the error metrics.

    import wtm2101
    m = wtm2101.Model("traces/dnn_yxt")
    r = m.run(seed=3, adc_bits=8, noise_level=4)
    r["pre_activation"][0]          # numpy int8, frames x columns, first array layer
    r["metrics"]["layers"][-1]["std"]

The non-ideal laws are approximate (docs/npu-model.md).
"""
from ._wtm2101 import InputError, Model, knobs

__all__ = ["InputError", "Model", "knobs"]
