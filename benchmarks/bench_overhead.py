"""Per-call overhead on a tiny shape: convt's public API against the bare kernel and real PyTorch.

A 1x7x7x1 transposed conv (k3 s2 SAME -> 14x14) costs a few microseconds of arithmetic, so the
time is the price of argument checks and dispatch. Run it with an interpreter that also has torch
(never a dependency of convt) to time ``F.conv_transpose2d`` on the same shape in the same
process and print the ratios; without torch it prints convt's times alone:

    /work/fwvenv/bin/python benchmarks/bench_overhead.py

The machine may be shared: the calls are timed in interleaved rounds and each keeps its best.
"""
from __future__ import annotations

import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

NUMBER, ROUNDS = 2000, 30
TORCH = "PyTorch F.conv_transpose2d"


def calls() -> dict:
    import numpy as np

    from convt import kernels, tf_style, torch_style

    rng = np.random.default_rng(0)
    x = rng.random((1, 7, 7, 1), dtype=np.float32)
    w = rng.random((3, 3, 1, 1), dtype=np.float32)
    xt, wt = x.transpose(0, 3, 1, 2).copy(), w.transpose(3, 2, 0, 1).copy()
    found = {
        "kernel alone": lambda: kernels.conv2d_transpose(x, w, (2, 2), (1, 1), (0, 0), (14, 14), 1),
        "tf_style.conv2d_transpose": lambda: tf_style.conv2d_transpose(x, w, [1, 14, 14, 1], 2, "SAME"),
        "torch_style.conv_transpose2d": lambda: torch_style.conv_transpose2d(
            xt, wt, stride=2, padding=1, output_padding=1),
    }
    try:
        import torch
    except ImportError:
        return found
    torch.set_num_threads(1)
    tx, tw = torch.from_numpy(xt), torch.from_numpy(wt)
    found[TORCH] = lambda: torch.nn.functional.conv_transpose2d(tx, tw, stride=2, padding=1,
                                                                output_padding=1)
    return found


def main() -> None:
    fns = calls()
    best = {name: float("inf") for name in fns}
    for fn in fns.values():
        fn()
    for _ in range(ROUNDS):
        for name, fn in fns.items():
            best[name] = min(best[name], timeit.timeit(fn, number=NUMBER) / NUMBER * 1e6)
    ref = best.get(TORCH)
    for name, us in best.items():
        print(f"{name:32s} {us:6.2f} us" + (f"  {us / ref:.2f}x PyTorch" if ref else ""))


if __name__ == "__main__":
    main()
