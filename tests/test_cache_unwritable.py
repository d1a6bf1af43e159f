"""Every page renders when Numba's cache cannot be written: the configured ``NUMBA_CACHE_DIR`` is a
read-only directory, and so are the app folder, the user's cache and (in the second case) every
temp dir Python would fall back to (/tmp, /var/tmp; matplotlib gets its own dir in /dev/shm). A copy of the app runs the smoke test of tests/test_deploy.py (AppTest over every page and the
seed link) under a read-only mount (root) or with write permission removed (others)."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


from tests.test_deploy import _SMOKE, _run_probe_read_only

ROOT = Path(__file__).resolve().parents[1]
# convt chooses its cache dir on import, with nothing writable; then AppTest (which needs a temp
# dir of its own at import) gets matplotlib's dir
_HARNESS_TMP = "import os, tempfile, convt\ntempfile.tempdir = os.environ['MPLCONFIGDIR']\n"
APP = ("app.py", "pages", "ui", "lab", "convt", "assets", ".streamlit")


def _read_only_app(tmp_path: Path, writable_tmp: bool):
    src = tmp_path / "app"
    src.mkdir()
    for name in APP:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.nbi", "*.nbc"))
        elif (ROOT / name).exists():
            shutil.copy2(ROOT / name, src / name)
    for name in ("numba-cache", "home", "tmp"):
        (src / name).mkdir()
    tmp = tmp_path / "tmp" if writable_tmp else src / "tmp"
    tmp.mkdir(exist_ok=True)
    mpl = tmp_path / "mpl" if writable_tmp else Path(tempfile.mkdtemp(prefix="convt-mpl-", dir="/dev/shm"))
    mpl.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NUMBA_", "PYTHON"))}
    env.update(NUMBA_CACHE_DIR=str(src / "numba-cache"), HOME=str(src / "home"),
               XDG_CACHE_HOME=str(src / "home" / ".cache"), TMPDIR=str(tmp), PYTHONPATH=str(src),
               PYTHONDONTWRITEBYTECODE="1", MPLCONFIGDIR=str(mpl))
    return src, env, mpl


def _smoke(tmp_path, writable_tmp):
    src, env, mpl = _read_only_app(tmp_path, writable_tmp)
    try:
        res = _run_probe_read_only(src, env, _HARNESS_TMP + _SMOKE,
                                   also=() if writable_tmp else ("/tmp", "/var/tmp"))
    finally:
        if not writable_tmp:
            shutil.rmtree(mpl, ignore_errors=True)
    out = res.stdout + res.stderr
    assert res.returncode == 0 and "SMOKE" in res.stdout and "OK" in res.stdout, out[-4000:]
    assert "no locator available" not in out and "cannot cache" not in out, out[-4000:]
    assert not list(src.rglob("*.nbi")), "wrote into the read-only tree"
    return out


def test_every_page_renders_when_the_configured_cache_dir_is_read_only(tmp_path):
    out = _smoke(tmp_path, writable_tmp=True)
    assert "is not writable" in out, "the fallback is logged"


def test_every_page_renders_when_no_cache_dir_is_writable(tmp_path):
    out = _smoke(tmp_path, writable_tmp=False)
    assert "no writable directory for Numba's cache" in out
