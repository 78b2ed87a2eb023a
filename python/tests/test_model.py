"""The wtm2101 module on traces/dnn_yxt: ideal runs equal the mapper's recorded traces (what
wtm-regress checks), knobs and seeds behave as in wtm-sweep, errors are Python exceptions."""
import os
import subprocess

import numpy as np
import pytest

import wtm2101

TRACE = os.path.join(os.environ.get("WTM_SOURCE_DIR", "."), "traces", "dnn_yxt")


@pytest.fixture(scope="module")
def model():
    return wtm2101.Model(TRACE, frames=40)


def test_layers_and_frames(model):
    assert model.frames == 40
    layers = model.layers
    assert len(layers) == 5
    assert all(l["rows"] > 0 and l["columns"] > 0 for l in layers)


def test_ideal_run_is_bit_exact_with_the_recorded_traces(model):
    r = model.run()
    assert r["recorded_compared"] > 0
    assert r["recorded_equal"] == r["recorded_compared"]
    for pre, stored, layer in zip(r["pre_activation"], r["stored"], model.layers):
        assert pre.dtype == np.int8 and stored.dtype == np.uint8
        assert pre.shape == (40, layer["columns"])
    last = r["metrics"]["layers"][-1]
    assert last["std"] == 0 and last["bit_exact"] == 1
    assert r["metrics"]["decision_agreement"] == 1


def test_ideal_outputs_match_wtm_regress(model, tmp_path):
    # wtm-regress replays the same folder against its traces: both must call it exact.
    regress = os.environ.get("WTM_REGRESS")
    if not regress:
        pytest.skip("WTM_REGRESS not set (run from ctest)")
    out = subprocess.run([regress, TRACE], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert model.run()["recorded_equal"] == model.run()["recorded_compared"]


def test_noise_depends_on_the_seed_and_repeats_for_the_same_seed(model):
    a = model.run(seed=3, noise_level=4)
    b = model.run(seed=3, noise_level=4)
    c = model.run(seed=4, noise_level=4)
    assert np.array_equal(a["pre_activation"][0], b["pre_activation"][0])
    assert not np.array_equal(a["pre_activation"][0], c["pre_activation"][0])
    assert a["metrics"]["layers"][0]["std"] > 0
    assert a["key"].startswith("model=normal level=4")  # a level alone means the NORMAL law


def test_fewer_adc_bits_give_larger_errors(model):
    coarse = model.run(adc_bits=5)["metrics"]["layers"][-1]["std"]
    fine = model.run(adc_bits=10)["metrics"]["layers"][-1]["std"]
    assert coarse > fine


def test_a_point_runs_every_seed_it_needs(model):
    assert len(model.point(seeds=3, noise_level=4)) == 3
    assert len(model.point(seeds=3, adc_bits=8)) == 1  # deterministic: one seed


def test_a_smaller_array_splits_layers(model):
    fits = model.run(rows=256, columns=128)["fits"]
    assert any(not f["fits"] and f["rounds"] > 1 for f in fits)


def test_bad_knobs_and_folders_raise(model):
    with pytest.raises(wtm2101.InputError, match=r"^colour: not a sweep knob"):
        model.run(colour=3)
    with pytest.raises(wtm2101.InputError, match=r"^adc_bits: 'x' is not"):
        model.run(adc_bits="x")
    with pytest.raises(wtm2101.InputError, match=r"name the noise model"):
        model.run(noise_level=4, sigma=1)
    with pytest.raises(wtm2101.InputError):
        model.run(g=100)
    with pytest.raises(wtm2101.InputError):
        wtm2101.Model("/nonexistent/folder")
    assert "adc-bits" in wtm2101.knobs()


def test_own_inputs_run_like_the_recorded_ones_and_are_checked(model):
    rows = model.net_input_rows
    assert rows == [800]
    recorded = model.recorded_inputs(0)
    assert recorded.shape == (40, 800) and recorded.dtype == np.uint8
    a = model.run(seed=2, noise_level=4)
    b = model.run(seed=2, noise_level=4, inputs=recorded)
    for x, y in zip(a["pre_activation"], b["pre_activation"]):
        assert np.array_equal(x, y)
    assert b["recorded_compared"] is None  # nothing recorded for the caller's frames
    # Other frames: a batch of 7 of the caller's own, the ideal run on the same inputs.
    mine = np.random.default_rng(0).integers(0, 256, size=(7, 800), dtype=np.uint8)
    c = model.run(inputs=mine)
    assert c["pre_activation"][-1].shape == (7, model.layers[-1]["columns"])
    assert c["metrics"]["layers"][-1]["bit_exact"] == 1
    with pytest.raises(wtm2101.InputError):
        model.run(inputs=np.zeros((3, 799), dtype=np.uint8))
    with pytest.raises(wtm2101.InputError):
        model.run(inputs=[recorded, recorded])
    # Other dtypes are taken when every value is a byte, refused instead of wrapped otherwise.
    d = model.run(inputs=mine.astype(np.int64))
    assert np.array_equal(d["pre_activation"][-1], c["pre_activation"][-1])
    for bad in (mine.astype(np.int64) + 300, mine.astype(np.float64) + 0.5, mine.astype(np.int64) - 256):
        with pytest.raises(wtm2101.InputError, match=r"is not a byte 0\.\.255"):
            model.run(inputs=bad)
    for bad in (mine > 100, mine.astype(np.complex128), mine.astype(str)):
        with pytest.raises(wtm2101.InputError, match=r"not of bytes"):
            model.run(inputs=bad)
    # Rows as Python lists are one net's frames.
    e = model.run(inputs=mine.tolist())
    assert np.array_equal(e["pre_activation"][-1], c["pre_activation"][-1])


def test_labels_and_seeds_are_checked(model):
    with pytest.raises(wtm2101.InputError, match=r"^labels: label 1: -1 is not a class index"):
        model.run(labels=[0, -1])
    with pytest.warns(UserWarning, match=r"2 labels for 40 frames"):
        model.run(labels=[0, 1])
    with pytest.raises(wtm2101.InputError, match=r"^seeds: must be at least 1"):
        model.point(seeds=0)
