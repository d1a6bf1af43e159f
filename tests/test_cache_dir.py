"""The Numba cache directory: every candidate is tested by writing, and none working is not an error."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from convt import _cache_dir

ROOT = Path(__file__).resolve().parents[1]

_PROBE = textwrap.dedent("""
    import os, warnings
    warnings.simplefilter("error")          # a NumbaWarning 'cannot cache' fails the probe
    import numpy as np
    import convt
    x = np.arange(25, dtype=np.float64).reshape(1, 5, 5, 1)
    y = convt.tf_style.conv2d_transpose(x, np.ones((3, 3, 1, 1)), [1, 13, 13, 1], 3, "SAME")
    assert y.shape == (1, 13, 13, 1), y.shape
    print("CACHE_DIR=" + os.environ.get("NUMBA_CACHE_DIR", ""))
""")


def test_an_unwritable_configured_cache_dir_falls_back_and_the_kernels_still_run(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    configured = blocker / "numba-cache"           # cannot be created: its parent is a file
    env = {k: v for k, v in os.environ.items() if not k.startswith("NUMBA_")}
    env.update(NUMBA_CACHE_DIR=str(configured), PYTHONPATH=str(ROOT))
    res = subprocess.run([sys.executable, "-c", _PROBE], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=300)
    out = res.stdout + res.stderr
    assert res.returncode == 0, out
    assert "no locator available" not in out and "cannot cache" not in out, out
    chosen = out.split("CACHE_DIR=")[1].strip()
    assert chosen and chosen != str(configured), out
    assert "is not writable" in out, "the fallback is logged"


def test_the_first_writable_candidate_wins(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    good = tmp_path / "good"
    monkeypatch.setattr(_cache_dir, "_candidates", lambda: iter([str(blocker / "x"), str(good)]))
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(blocker / "x"))
    monkeypatch.setattr(_cache_dir, "CACHE_ENABLED", True)
    assert _cache_dir.ensure_numba_cache_dir() == str(good)
    assert os.environ["NUMBA_CACHE_DIR"] == str(good)
    assert good.is_dir() and not any(good.iterdir()), "the write test leaves nothing behind"


def test_no_writable_candidate_turns_caching_off_instead_of_failing(tmp_path, monkeypatch, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setattr(_cache_dir, "_candidates", lambda: iter([str(blocker / "a"), str(blocker / "b")]))
    monkeypatch.setattr(_cache_dir, "CACHE_ENABLED", True)
    assert _cache_dir.ensure_numba_cache_dir() is None
    assert _cache_dir.CACHE_ENABLED is False
    assert "compile on every start" in caplog.text
