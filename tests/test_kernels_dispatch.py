"""Which path a call takes: the app's pages run the direct loops only, and never load convt.fast
or an OpenMP runtime into the server; big calls do go to convt.fast.

Each check runs in a fresh interpreter: in this one, other tests have imported convt.fast.
"""
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from convt import kernels

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The page models' computations at the largest settings their pages offer (lab/*.py bounds).
PAGES_AT_THEIR_LARGEST = """
    from lab import animation, checkerboard, gradient, walkthrough
    walkthrough.line_demo(); walkthrough.ambiguity_demo(); walkthrough.seed_failure()
    walkthrough.adjoint_demo(); walkthrough.timing_demo(True)
    cfg, _, _ = animation.resolve_transpose({"in": 16, "k": 7, "s": 4, "d": 3, "pad": "SAME", "seed": 1})
    animation.channel_demo(4, 4, cfg)
    for size in checkerboard.PHOTO_SIZES:
        checkerboard.photo_demo(size, checkerboard.MAX_KERNEL, checkerboard.MAX_STRIDE)
    checkerboard.overlap_counts(checkerboard.MAX_IN, checkerboard.MAX_KERNEL, checkerboard.MAX_STRIDE)
    gradient.gradient_demo(gradient.GradientConfig(
        in_size=gradient.MAX_IN, out_size=gradient.MAX_OUT, kernel=gradient.MAX_KERNEL,
        stride=gradient.MAX_STRIDE, channels_in=gradient.MAX_CHANNELS, channels_out=gradient.MAX_CHANNELS))
    gradient.gradient_demo(gradient.SEED)
"""

REPORT = """
    import sys
    maps = open("/proc/self/maps").read()
    print("fast" if "convt.fast" in sys.modules else "no fast",
          "openmp" if any(lib in maps for lib in ("libgomp", "libomp", "libiomp")) else "no openmp")
"""


def run_fresh(code: str) -> str:
    env = dict(os.environ, PYTHONPATH=REPO)
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code) + textwrap.dedent(REPORT)],
                         env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout.strip().splitlines()[-1]


def test_import_convt_loads_no_fast_path_and_no_openmp():
    assert run_fresh("import convt\nfrom convt import kernels\nkernels.warm_up()") == "no fast no openmp"


def test_the_pages_run_the_direct_loops_only():
    assert run_fresh(PAGES_AT_THEIR_LARGEST) == "no fast no openmp"


def test_a_big_call_loads_convt_fast_and_still_no_openmp():
    code = """
        import numpy as np
        from convt import tf_style
        x = np.ones((4, 33, 33, 16), dtype=np.float32)
        tf_style.conv2d_transpose(x, np.ones((3, 3, 16, 16), np.float32), [4, 97, 97, 16], 3, "SAME")
    """
    assert run_fresh(code) == "fast no openmp"


@pytest.mark.parametrize("macs, cg, og, fast", [
    (kernels.FAST_MIN_MACS - 1, 64, 64, False),       # too little work
    (kernels.FAST_MIN_MACS, 3, 3, False),             # enough work, channel matrices too small
    (kernels.FAST_MIN_MACS, 4, 4, True),
    (10**9, 16, 16, True),
])
def test_dispatch_by_work_and_channels(macs, cg, og, fast):
    assert (kernels._fast(macs, cg, og) is not None) == fast

