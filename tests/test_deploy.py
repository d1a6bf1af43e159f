"""Deploy readiness for Streamlit Community Cloud.

- requirements.txt pins exactly the third-party packages the app imports (Cloud installs exactly it);
- .streamlit/config.toml keeps tracebacks off the page and has no developer options;
- the Numba cache works when the package folder is read-only (Cloud's app folder may be);
- every page warms the kernels through the shared, cached helper.
"""
from __future__ import annotations

import ast
import importlib.metadata
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
import tomllib
from typing import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOCAL_PACKAGES = {"convt", "lab", "ui"}
PIN_RE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([0-9][0-9A-Za-z.+!-]*)$")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_sources() -> list[Path]:
    files = [ROOT / "app.py"] if (ROOT / "app.py").exists() else []
    files += sorted((ROOT / "pages").glob("*.py"))
    for package in sorted(LOCAL_PACKAGES):
        files += sorted((ROOT / package).rglob("*.py"))
    return [f for f in files if "__pycache__" not in f.parts]


def requirement_pins() -> dict[str, str]:
    pins = {}
    for raw in (ROOT / "requirements.txt").read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = PIN_RE.match(line)
        assert m, f"requirements.txt line is not an exact pin `name==version`: {raw!r}"
        pins[_norm(m.group(1))] = m.group(2)
    return pins


def _optional_import_nodes(tree: ast.AST) -> set[int]:
    """ids of import nodes inside `try: ... except ImportError/ModuleNotFoundError:`."""
    optional = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        caught = set()
        for handler in node.handlers:
            types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
            caught |= {t.id for t in types if isinstance(t, ast.Name)}
        if caught & {"ImportError", "ModuleNotFoundError"}:
            for stmt in node.body:
                optional |= {id(n) for n in ast.walk(stmt) if isinstance(n, (ast.Import, ast.ImportFrom))}
    return optional


def top_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    optional = _optional_import_nodes(tree)
    names = set()
    for node in ast.walk(tree):
        if id(node) in optional:
            continue
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_requirements_are_exact_pins_of_the_runtime_four():
    pins = requirement_pins()
    for name in ("streamlit", "numpy", "numba", "matplotlib"):
        assert name in pins, f"requirements.txt does not pin {name}"


def test_requirements_match_the_installed_versions():
    """The tests here run against what requirements.txt declares, so Cloud gets what CI tested."""
    for name, version in requirement_pins().items():
        assert importlib.metadata.version(name) == version, (
            f"{name}: requirements.txt pins {version}, installed is "
            f"{importlib.metadata.version(name)}")


def test_every_runtime_import_is_pinned_and_nothing_else_is_needed():
    pins = requirement_pins()
    dists = importlib.metadata.packages_distributions()
    stdlib = set(sys.stdlib_module_names)
    unpinned: dict[str, list[str]] = {}
    for path in runtime_sources():
        for module in top_level_imports(path):
            if module in stdlib or module in LOCAL_PACKAGES or module == "__future__":
                continue
            providers = {_norm(d) for d in dists.get(module, [])}
            if not providers & set(pins):
                where = str(path.relative_to(ROOT))
                unpinned.setdefault(f"{module} (from {sorted(providers) or 'no installed dist'})",
                                    []).append(where)
    assert not unpinned, (
        "imported at runtime but not pinned in requirements.txt (Community Cloud installs only "
        f"what it lists): {unpinned}")


def test_streamlit_never_imported_by_the_kernel_package():
    for path in sorted((ROOT / "convt").rglob("*.py")):
        assert "streamlit" not in top_level_imports(path), f"{path} imports streamlit"


def test_streamlit_config_hides_tracebacks_and_has_no_dev_options():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    client = config.get("client", {})
    assert client.get("showErrorDetails") in ("none", False), (
        "client.showErrorDetails must be 'none' so no traceback reaches a page")
    assert config.get("global", {}).get("developmentMode", False) is False
    server = config.get("server", {})
    assert server.get("runOnSave", False) is False
    assert server.get("headless", True) is True
    assert client.get("toolbarMode", "viewer") in ("viewer", "minimal")
    assert "theme" in config, "a [theme] table gives the app its look on Cloud and locally"


def test_no_extra_dependency_file_would_outrank_requirements_txt():
    """Cloud uses the first of uv.lock > Pipfile > environment.yml > requirements.txt."""
    for name in ("uv.lock", "Pipfile", "environment.yml", "environment.yaml"):
        assert not (ROOT / name).exists(), f"{name} would be used by Cloud instead of requirements.txt"


# -- every page warms the kernels through the shared helper --------------------------------------

def _page_files() -> list[Path]:
    return [p for p in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))] if p.exists()]


def _calls_and_ui_imports(path: Path) -> tuple[set[str], set[Path]]:
    tree = ast.parse(path.read_text())
    calls = {node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
             for node in ast.walk(tree) if isinstance(node, ast.Call)}
    modules = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            if name.split(".")[0] == "ui":
                for candidate in (ROOT / (name.replace(".", "/") + ".py"),
                                  ROOT / name.replace(".", "/") / "__init__.py"):
                    if candidate.exists():
                        modules.add(candidate)
    return calls, modules


def _reaches_warm_kernels(path: Path, seen: set[Path] | None = None) -> bool:
    """The page, or a ui module it imports (transitively), calls warm_kernels()."""
    seen = set() if seen is None else seen
    if path in seen:
        return False
    seen.add(path)
    calls, modules = _calls_and_ui_imports(path)
    if "warm_kernels" in calls and path.name != "warmup.py":
        return True
    return any(_reaches_warm_kernels(m, seen) for m in modules)


@pytest.mark.parametrize("page", _page_files(), ids=lambda p: p.name)
def test_page_warms_the_kernels_once_per_process(page):
    assert _reaches_warm_kernels(page), (
        f"{page.name} does not call ui.warmup.warm_kernels() (directly or through the ui module "
        "that draws it): a shared link that opens this page first would compile the kernels "
        "inside a rerun, without the spinner")


def test_warm_kernels_is_cached_per_process():
    src = (ROOT / "ui" / "warmup.py").read_text()
    assert "st.cache_resource" in src and "st.spinner" in src


def test_warm_kernels_compiles_once_and_waits_only_when_asked(monkeypatch):
    """One warm-up per process, shared by every caller; wait=False returns at once."""
    import threading
    import streamlit as st
    from convt import kernels
    from ui import warmup

    calls, release = [], threading.Event()
    monkeypatch.setattr(kernels, "warm_up", lambda: (calls.append(1), release.wait(10)))
    st.cache_resource.clear()
    try:
        assert warmup.warm_kernels(wait=False) is False      # started, not finished, not blocking
        assert warmup.warm_kernels(wait=False) is False
        release.set()
        assert warmup.warm_kernels() is True                 # waits for the same run
        assert warmup.warm_kernels(wait=False) is True
        assert len(calls) == 1
    finally:
        release.set()
        st.cache_resource.clear()


# -- Numba cache on a read-only package folder ---------------------------------------------------

_PROBE = textwrap.dedent("""
    import os, sys, warnings
    warnings.simplefilter("error")          # a NumbaWarning 'cannot cache' fails the probe
    import numpy as np
    import convt
    from convt import kernels, tf_style
    kernels.warm_up()
    x = np.arange(1 * 5 * 5 * 1, dtype=np.float64).reshape(1, 5, 5, 1)
    w = np.ones((3, 3, 1, 1))
    y = tf_style.conv2d_transpose(x, w, [1, 13, 13, 1], 3, "SAME")
    assert y.shape == (1, 13, 13, 1), y.shape
    print("CACHE_DIR=" + os.environ.get("NUMBA_CACHE_DIR", ""))
    print("PACKAGE=" + os.path.dirname(convt.__file__))
""")


def _run_probe_read_only(src_dir: Path, env: dict, code: str = _PROBE,
                         also: Sequence[str] = ()) -> subprocess.CompletedProcess:
    """Run ``code`` with src_dir read-only: a read-only bind mount as root, chmod otherwise.
    The directories in ``also`` (e.g. /tmp) are made read-only too, which needs root."""
    cmd = [sys.executable, "-c", code]
    if os.geteuid() != 0:
        if also:
            pytest.skip(f"making {', '.join(also)} read-only needs root and `unshare`")
        for p in [src_dir, *src_dir.rglob("*")]:
            p.chmod(p.stat().st_mode & ~0o222)
        return subprocess.run(cmd, cwd=src_dir, env=env, capture_output=True, text=True, timeout=300)
    # root ignores permission bits: make the folder read-only at the file-system level instead
    if shutil.which("unshare") is None:
        pytest.skip("running as root without `unshare`: cannot make the package read-only")
    mounts = " && ".join(f"mount --bind {d} {d} && mount -o remount,ro,bind {d}"
                         for d in map(shlex.quote, [str(src_dir), *also]))
    script = f'{mounts} && cd "$1" && shift && exec "$@"'
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"running as root and `unshare -m` is not permitted: {probe.stderr!r}")
    return subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", str(src_dir), *cmd],
                          cwd=src_dir, env=env, capture_output=True, text=True, timeout=300)


def test_numba_cache_falls_back_to_a_temp_dir_when_the_package_is_read_only(tmp_path):
    src = tmp_path / "app"
    shutil.copytree(ROOT / "convt", src / "convt", ignore=shutil.ignore_patterns("__pycache__"))
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NUMBA_")}
    # No writable home either, so numba's user-wide locator cannot rescue a missing fallback.
    env.update(HOME=str(src), XDG_CACHE_HOME=str(src / ".cache"), TMPDIR=str(tmpdir),
               PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(src))
    for attempt in ("cold", "warm"):
        res = _run_probe_read_only(src, env)
        out = res.stdout + res.stderr
        assert res.returncode == 0, f"{attempt} run failed:\n{out}"
        assert "no locator available" not in out and "cannot cache" not in out, out
        cache_dir = Path(re.search(r"CACHE_DIR=(.*)", res.stdout).group(1))
        assert cache_dir.is_relative_to(tmpdir), (
            f"expected the cache under the temp dir {tmpdir}, got {cache_dir}")
        index_files = list(cache_dir.rglob("*.nbi"))
        assert index_files, f"{attempt} run wrote no Numba cache index into {cache_dir}"
    assert not list((src / "convt").rglob("*.nbi")), "wrote into the read-only package"


# -- the real thing: requirements.txt alone, in a fresh venv (opt-in: network + ~2 minutes) ------

_SMOKE = textwrap.dedent("""
    import glob, sys
    from streamlit.testing.v1 import AppTest
    pages = ["app.py"] + sorted(glob.glob("pages/*.py"))
    bad = []
    for page in pages:
        at = AppTest.from_file("app.py", default_timeout=120)
        if page != "app.py":
            at.switch_page(page)
        at.run()
        if at.exception:
            bad.append((page, [e.value for e in at.exception]))
    seed = AppTest.from_file("app.py", default_timeout=120)
    seed.switch_page("pages/3_Shape_explorer.py")
    for k, v in dict(zip("in k s pad out".split(), "25 3 3 SAME 97".split())).items():
        seed.query_params[k] = v
    seed.run()
    if not any("actual = 25, computed = 33" in c.value for c in seed.code):
        bad.append(("seed link", "TF message missing"))
    print("SMOKE", len(pages), "pages", "FAIL" if bad else "OK", bad)
    sys.exit(1 if bad else 0)
""")


@pytest.mark.skipif(os.environ.get("CONVT_VENV_CHECK") != "1",
                    reason="opt-in (CONVT_VENV_CHECK=1): installs exactly requirements.txt into a "
                           "fresh venv from PyPI (~2 min) and smoke-runs every page in it")
def test_requirements_txt_alone_runs_every_page(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = str(venv / "bin" / "python")
    pip = [py, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "-r", str(ROOT / "requirements.txt")], check=True, timeout=1200)
    subprocess.run([*pip, "check"], check=True, timeout=120)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(NUMBA_CACHE_DIR=str(tmp_path / "numba"), PYTHONPATH=str(ROOT))
    res = subprocess.run([py, "-c", _SMOKE], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=900)
    assert res.returncode == 0 and "SMOKE" in res.stdout, res.stdout[-3000:] + res.stderr[-3000:]


