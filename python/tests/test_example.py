"""The notebook-style example of docs/examples runs and draws its plot."""
import os
import subprocess
import sys

import pytest


def test_noise_vs_adc_example_makes_its_plot(tmp_path):
    pytest.importorskip("matplotlib", reason="python3-matplotlib not installed")
    root = os.environ.get("WTM_SOURCE_DIR", ".")
    out = tmp_path / "plot.png"
    r = subprocess.run([sys.executable, os.path.join(root, "docs", "examples", "npu_noise_vs_adc.py"), str(out)],
                       cwd=root, capture_output=True, text=True, env=dict(os.environ, MPLBACKEND="Agg"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "5 array layers" in r.stdout
    assert out.stat().st_size > 10000
