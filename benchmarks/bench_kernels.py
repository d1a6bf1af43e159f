"""Benchmark convt's public API against PyTorch's CPU convolutions, and time the kernels' compilation.

Run:  python benchmarks/bench_kernels.py [--repeats 15] [--quick] [--pieces]

- float32, through the public API: ``convt.tf_style.conv2d_transpose`` / ``conv2d`` (NHWC, with
  their argument checks) against ``F.conv_transpose2d`` / ``F.conv2d`` (NCHW): each framework's
  native layout, so no transposes are timed; the two run interleaved (alternating order), and the table shows the median of repeats,
  their ratio, the median of the ratios of samples taken in the same round ("paired": the
  machine's speed drifts between rounds, not within one) and the ratio of the best samples.
- torch gets the same number of threads as numpy's BLAS (``torch.set_num_threads``), printed in
  the table header with convt's own thread count. Without torch installed, only convt's numbers
  are printed.
- Compile time: ``kernels.warm_up()`` (the direct loops: all the app uses) and
  ``kernels.warm_up(large=True)`` (with convt.fast's im2col and Winograd kernels too),
  each in a fresh subprocess with an empty ``NUMBA_CACHE_DIR`` (cold), then again in a second
  subprocess with the same directory (warm, loaded from the cache).
- ``--pieces``: instead, what each piece of ``convt.fast`` saves (the direct loops instead of all
  of it, im2col instead of Winograd, one thread instead of the pool), as paired ratios.

Output is markdown, ready to paste into the README.
"""
import argparse
import ctypes
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)

import numpy as np  # noqa: E402

from convt import fast, kernels, tf_style  # noqa: E402
from convt.fast import _threads, im2col, winograd_plan  # noqa: E402

try:
    import torch
    import torch.nn.functional as F
except ImportError:  # the benchmark still runs, convt only
    torch = None

# name, (N, h, w, O) input of the transposed conv (NHWC), C output channels, k, stride, dilation,
# TF-style padding: "SAME" (output h*stride), "VALID" (output (h-1)*s + (k-1)*d + 1), or
# "SAME:<size>" (a TF output_shape that SAME accepts, e.g. the seed's 33 -> 97).
SHAPES = [
    ("tiny", (1, 7, 7, 1), 1, 3, 2, 1, "SAME"),
    ("app 32x32", (1, 16, 16, 8), 8, 3, 2, 1, "SAME"),
    ("seed 33->97 s3", (4, 33, 33, 16), 16, 3, 3, 1, "SAME:97"),
    ("stride 3 VALID", (4, 25, 25, 16), 16, 3, 3, 1, "VALID"),
    ("medium", (8, 32, 32, 32), 16, 3, 2, 1, "SAME"),
    ("medium k4", (8, 32, 32, 64), 32, 4, 2, 1, "SAME"),
    ("dilated s1 d2", (4, 32, 32, 32), 32, 3, 1, 2, "SAME"),
    ("large", (16, 64, 64, 64), 32, 4, 2, 1, "SAME"),
]


def blas_threads():
    """Threads numpy's BLAS uses (OpenBLAS asked directly; else the usual env vars, else cores)."""
    try:
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1] for line in maps if "openblas" in line.lower() and ".so" in line}
        for path in libs:
            lib = ctypes.CDLL(path)
            for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_",
                         "openblas_get_num_threads"):
                if hasattr(lib, name):
                    return int(getattr(lib, name)())
    except OSError:
        pass
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        if os.environ.get(var, "").isdigit():
            return int(os.environ[var])
    return os.cpu_count() or 1


def keep_freed_memory():
    """Ask glibc to keep freed memory instead of returning it to the OS (True if it agreed).

    Otherwise each library's big temporary buffers go back to the OS after a call and are
    page-faulted in again by the next one: after a torch call, a fresh 2.4 MB numpy array took
    7.7 ms to fill here instead of 0.05 ms, so the interleaved samples timed page faults (a VM's
    are slow), not the kernels. Applies to convt and torch alike.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return False
    m_trim_threshold, m_mmap_threshold = -1, -3
    return bool(libc.mallopt(m_mmap_threshold, 32 << 20) and libc.mallopt(m_trim_threshold, 1 << 30))


def transpose_config(h, k, s, d, padding):
    """Output size and pad_before of a TF-style conv2d_transpose along one dimension."""
    full = (h - 1) * s + (k - 1) * d + 1
    out = {"SAME": h * s, "VALID": full}.get(padding) or int(padding.split(":")[1])
    pad_before = max(0, full - out) // 2
    return out, pad_before


def torch_padding(full, out):
    """torch (padding, output_padding) giving the same output size (window start may differ by 1)."""
    crop = full - out
    p = (crop + 1) // 2
    return p, out - (full - 2 * p)


def timed(fn, inner):
    t = time.perf_counter()
    for _ in range(inner):
        fn()
    return (time.perf_counter() - t) / inner


def bench_interleaved(fns, repeats, min_sample_s=0.02, settle_s=0.0):
    """Seconds per call of each fn, one list of samples per fn, interleaved in alternating order
    (sample r of every fn taken in the same round, so their ratio cancels the machine's drift).

    With ``settle_s``, each sample follows at least that long of untimed calls to the same fn:
    torch's OpenMP workers spin for up to ~10 ms after a call, taking a core from whatever runs
    next, and a library's idle threads need waking; settled, each is timed in its steady state.
    """
    for fn in fns:
        fn()
    one = max(timed(fn, 1) for fn in fns)
    inner = max(1, int(min_sample_s / max(one, 1e-7)))
    settle = int(settle_s / max(one, 1e-7)) if settle_s else 0
    samples = [[] for _ in fns]
    for r in range(repeats):
        order = range(len(fns)) if r % 2 == 0 else reversed(range(len(fns)))
        for i in order:
            if settle:
                timed(fns[i], settle)
            samples[i].append(timed(fns[i], inner))
    return samples


def fmt_ms(sec):
    ms = sec * 1e3
    return f"{ms:.4f}" if ms < 0.1 else f"{ms:.3f}" if ms < 10 else f"{ms:.1f}"


def path_taken(dy_shape, c, k, s, d, padding, op="transpose"):
    """Where convt.kernels sends this float32 call: "direct", "im2col" or "Winograd"."""
    n, h, w, o = dy_shape
    if kernels._fast(n * h * w * k * k * c * o, c, o) is None:
        return "direct"
    (big_h, ph), (big_w, pw) = transpose_config(h, k, s, d, padding), transpose_config(w, k, s, d, padding)
    if op == "transpose" and winograd_plan.plan(
            dy_shape, (k, k, c, o), (s, s), (d, d), (ph, pw), (big_h, big_w), 1, "f",
            fast.WINOGRAD_MIN_CHANNELS, fast.WINOGRAD_MAX_PRODUCTS, im2col.GEMM_CHUNK_BYTES):
        return "Winograd"
    return "im2col"


def run_table(op, repeats, rng, settle_s=0.0):
    """One markdown table: convt vs torch for conv2d_transpose ("transpose") or conv2d ("forward")."""
    rows = []
    for name, (n, h, w, o), c, k, s, d, padding in SHAPES:
        big_h, ph = transpose_config(h, k, s, d, padding)
        big_w, pw = transpose_config(w, k, s, d, padding)
        wt = rng.standard_normal((k, k, c, o)).astype(np.float32)
        if op == "transpose":
            a = rng.standard_normal((n, h, w, o)).astype(np.float32)
            label = f"{n}x{h}x{w}x{o} -> {n}x{big_h}x{big_w}x{c}"

            def ours(a=a, wt=wt, s=s, d=d, p=padding.split(":")[0], shape=[n, big_h, big_w, c]):
                return tf_style.conv2d_transpose(a, wt, shape, s, p, dilations=d)
        else:  # the forward conv that this transpose inverts: big image -> small
            a = rng.standard_normal((n, big_h, big_w, c)).astype(np.float32)
            label = f"{n}x{big_h}x{big_w}x{c} -> {n}x{h}x{w}x{o}"

            def ours(a=a, wt=wt, s=s, d=d, p=padding.split(":")[0]):
                return tf_style.conv2d(a, wt, s, p, dilations=d)
        macs = n * h * w * k * k * c * o
        path = path_taken((n, h, w, o), c, k, s, d, padding, op)
        fns = [ours]
        check = ""
        if torch is not None:
            ta = torch.from_numpy(np.ascontiguousarray(a.transpose(0, 3, 1, 2)))
            full_h = (h - 1) * s + (k - 1) * d + 1
            p, op_pad = torch_padding(full_h, big_h)
            if op == "transpose":
                tw = torch.from_numpy(np.ascontiguousarray(wt.transpose(3, 2, 0, 1)))  # (O, C, kh, kw)

                def theirs(ta=ta, tw=tw, s=s, d=d, p=p, op_pad=op_pad):
                    return F.conv_transpose2d(ta, tw, stride=s, padding=p, output_padding=op_pad,
                                              dilation=d)
                # same numbers: torch's full output cropped at pad_before
                full = F.conv_transpose2d(ta, tw, stride=s, dilation=d)
                ref = full[:, :, ph:ph + big_h, pw:pw + big_w].permute(0, 2, 3, 1).numpy()
            else:
                tw = torch.from_numpy(np.ascontiguousarray(wt.transpose(3, 2, 0, 1)))  # (O, C, kh, kw)
                extra_h = max(0, (h - 1) * s + (k - 1) * d + 1 - big_h - ph)
                extra_w = max(0, (w - 1) * s + (k - 1) * d + 1 - big_w - pw)

                def theirs(ta=ta, tw=tw, s=s, d=d, p=p):
                    return F.conv2d(ta, tw, stride=s, padding=p, dilation=d)
                padded = F.pad(ta, (pw, extra_w, ph, extra_h))
                ref = F.conv2d(padded, tw, stride=s, dilation=d)[:, :, :h, :w].permute(0, 2, 3, 1).numpy()
            err = float(np.max(np.abs(ours() - ref)))
            check = f"{err:.0e}"
            fns.append(theirs)
        samples = bench_interleaved(fns, repeats, settle_s=settle_s)
        times = [statistics.median(s) for s in samples]
        row = [name, label, f"k{k} s{s} d{d} {padding.split(':')[0]}", path, fmt_ms(times[0]),
               f"{2 * macs / times[0] / 1e9:.1f}"]
        if torch is not None:
            paired = statistics.median(a / b for a, b in zip(*samples))
            row += [fmt_ms(times[1]), f"{2 * macs / times[1] / 1e9:.1f}",
                    f"**{times[0] / times[1]:.2f}**", f"{paired:.2f}",
                    f"{min(samples[0]) / min(samples[1]):.2f}", check]
        rows.append(row)
    return rows


# convt.fast without one of its pieces: (module, attribute) -> value.
WITHOUT = {
    "convt.fast (direct loops only)": {(kernels, "FAST_MIN_MACS"): 10**18},
    "Winograd (im2col instead)": {(fast, "WINOGRAD_MIN_CHANNELS"): 10**18},
    "the thread pool (one thread)": {(_threads, "KERNEL_THREADS"): 1},
}


def without(changes, fn):
    """fn with those module attributes changed, restored after each call."""
    def call():
        saved = {key: getattr(*key) for key in changes}
        for (module, name), value in changes.items():
            setattr(module, name, value)
        try:
            return fn()
        finally:
            for (module, name), value in saved.items():
                setattr(module, name, value)
    return call


def run_pieces(repeats, rng):
    """Each piece of convt.fast against the same call without it, interleaved: a table of paired
    ratios (time without / time with; above 1: the piece pays) for the shapes that reach it, "-"
    where the shape does not use the piece."""
    rows = []
    for name, (n, h, w, o), c, k, s, d, padding in SHAPES:
        path = path_taken((n, h, w, o), c, k, s, d, padding)
        if path == "direct":
            continue
        big_h, _ = transpose_config(h, k, s, d, padding)
        big_w, _ = transpose_config(w, k, s, d, padding)
        a = rng.standard_normal((n, h, w, o)).astype(np.float32)
        wt = rng.standard_normal((k, k, c, o)).astype(np.float32)

        def ours(a=a, wt=wt, s=s, d=d, p=padding.split(":")[0], shape=[n, big_h, big_w, c]):
            return tf_style.conv2d_transpose(a, wt, shape, s, p, dilations=d)
        samples = bench_interleaved([ours] + [without(changes, ours) for changes in WITHOUT.values()],
                                    repeats)
        ratios = [f"{statistics.median(b / a for a, b in zip(samples[0], other)):.2f}"
                  for other in samples[1:]]
        if path != "Winograd":
            ratios[list(WITHOUT).index("Winograd (im2col instead)")] = "-"
        rows.append([name, path, fmt_ms(statistics.median(samples[0]))] + ratios)
    return rows


def print_table(title, rows):
    head = ["shape", "NHWC in -> out", "conv", "path", "convt ms", "convt GFLOP/s"]
    if torch is not None:
        head += ["torch ms", "torch GFLOP/s", "convt/torch", "paired ratio", "ratio of best times",
                 "max abs diff"]
    print(f"\n{title}\n")
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" for _ in head) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print("\nload average (1/5/15 min) when the table finished: "
          + " / ".join(f"{v:.1f}" for v in os.getloadavg()))


COMPILE_SNIPPET = (
    "import time; t0 = time.perf_counter(); from convt import kernels; t1 = time.perf_counter(); "
    "kernels.warm_up(large={large}); t2 = time.perf_counter(); print(t1 - t0, t2 - t1)"
)


def compile_times(large):
    """(import s, warm_up s) in a cold-cache subprocess, then a warm one sharing the cache dir."""
    results = []
    with tempfile.TemporaryDirectory(prefix="convt-bench-numba-") as cache:
        env = dict(os.environ, NUMBA_CACHE_DIR=cache, PYTHONPATH=REPO)
        for _ in ("cold", "warm"):
            out = subprocess.run([sys.executable, "-c", COMPILE_SNIPPET.format(large=large)], env=env,
                                 cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
            results.append((float(out[0]), float(out[1])))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15, help="samples per implementation")
    parser.add_argument("--quick", action="store_true", help="5 repeats, no forward table")
    parser.add_argument("--settle", type=float, default=0.0, metavar="S",
                        help="untimed calls for S seconds before each sample (e.g. 0.015; see "
                             "bench_interleaved)")
    parser.add_argument("--pieces", action="store_true",
                        help="only the table of what each piece of convt.fast saves (transposes)")
    parser.add_argument("--skip-compile", action="store_true", help="no compile-time subprocesses")
    parser.add_argument("--default-malloc", action="store_true",
                        help="leave glibc returning freed memory to the OS (see keep_freed_memory)")
    args = parser.parse_args()
    repeats = 5 if args.quick else args.repeats
    if args.pieces:
        keep_freed_memory()
        kernels.warm_up(large=True)
        print("| shape | path | convt ms | " + " | ".join(f"x without {name}" for name in WITHOUT) + " |")
        print("|---|---|---|" + "---|" * len(WITHOUT))
        for row in run_pieces(repeats, np.random.default_rng(0)):
            print("| " + " | ".join(row) + " |")
        print("\nload average (1/5/15 min): " + " / ".join(f"{v:.1f}" for v in os.getloadavg()))
        return
    kept = False if args.default_malloc else keep_freed_memory()

    if not args.skip_compile:
        (cold_imp, cold), (warm_imp, warm) = compile_times(large=False)
        (_, cold_all), (_, warm_all) = compile_times(large=True)
    kernels.warm_up(large=True)
    threads = blas_threads()
    if torch is not None:
        torch.set_num_threads(threads)
    import numba

    print(f"## convt kernels vs PyTorch CPU ({platform.machine()}, {os.cpu_count()} cores)\n")
    settled = f", each after {args.settle * 1e3:.0f} ms of untimed calls" if args.settle else ""
    print(f"- float32, median of {repeats} interleaved samples{settled}; "
          "GFLOP/s counts 2 x multiply-adds.")
    print("- machine load (1/5/15-min load average) at start: "
          + " / ".join(f"{v:.1f}" for v in os.getloadavg())
          + " (other processes share the cores; above ~0.5 the timings are noisy)")
    print(f"- threads: numpy BLAS = {threads}; torch = "
          f"{torch.get_num_threads() if torch is not None else 'n/a (torch not installed)'}; "
          f"convt = the direct loops on the calling thread under {kernels.FAST_MIN_MACS:,} "
          f"multiply-adds or {kernels.FAST_MIN_CHANNELS}-element channel matrices (convt.kernels), "
          f"else convt.fast on up to {_threads.KERNEL_THREADS} Python threads (nogil Numba kernels "
          "and NumPy matmul, BLAS products small enough for one OpenBLAS thread each; no Numba "
          "parallel=True); float32 transposes with <= 3x3 taps per phase, >= "
          f"{fast.WINOGRAD_MIN_CHANNELS} channels and at most half the multiplications through "
          "Winograd F(4x4, 3x3) (convt/fast/winograd.py). Column 'path' says which.")
    versions = f"numpy {np.__version__}, numba {numba.__version__}"
    if torch is not None:
        versions += f", torch {torch.__version__}"
    print(f"- versions: {versions}")
    print("- malloc: " + ("glibc keeps freed memory (mallopt: mmap threshold 32 MB, no trimming), "
                          "so neither library's timings include page faults caused by the other's"
                          if kept else "glibc defaults (freed memory goes back to the OS)"))
    if not args.skip_compile:
        print(f"- compile, the app's kernels (`kernels.warm_up()`: the direct loops, float32 + "
              f"float64): cold cache **{cold:.2f} s**, warm cache **{warm:.2f} s** (import "
              f"convt.kernels: {cold_imp:.2f} s / {warm_imp:.2f} s); all kernels "
              f"(`warm_up(large=True)`): cold **{cold_all:.2f} s**, warm **{warm_all:.2f} s**")

    rng = np.random.default_rng(0)
    vs = f"torch: `F.{{}}`, {threads} threads each" if torch is not None else "torch not installed"
    print_table(f"### conv2d_transpose ({vs.format('conv_transpose2d')})",
                run_table("transpose", repeats, rng, args.settle))
    if not args.quick:
        print_table(f"### conv2d forward ({vs.format('conv2d')})",
                    run_table("forward", repeats, rng, args.settle))


if __name__ == "__main__":
    main()
