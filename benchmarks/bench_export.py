"""Peak memory and CPU of one export, each in a fresh subprocess (``os.wait4``'s rusage: max RSS,
user + system CPU).

    python benchmarks/bench_export.py                 # this tree
    python benchmarks/bench_export.py --repo DIR      # the CLI rows only, on another checkout

Rows: the largest animation of all (256 frames of 1274×844 px, above the budget: the app refuses
it, the command line still writes it) and the largest the app allows (found by scanning the
forward and transposed configurations against ``lab.exports.MAX_EXPORT_PIXELS``), through
``python -m lab.render`` and through the app's path (every frame to PNG, as the player caches
them, then the GIF from those PNGs). Budget: 500 MB and 8 CPU s for the largest allowed export.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LARGEST = ["conv", "--in", "16", "--k", "7", "--s", "1", "--d", "3", "--pad", "SAME"]

APP_PATH = """
import io, sys
from PIL import Image
from convt.trace import make_conv_trace, make_transpose_trace
from lab.draw import animator, export, gif
op, n, k, s, d, pad, view = sys.argv[1:8]
n, k, s, d = int(n), int(k), int(s), int(d)
pad = pad if pad in ("SAME", "VALID") else int(pad)
tr = make_conv_trace(n, k, s, pad, d) if op == "conv" else make_transpose_trace(n, k, s, pad, d)
an = animator(tr, view)
pngs = [export.png_bytes(an.frame(t)) for t in range(an.n_frames)]      # all_frames
data = gif.gif_bytes(lambda t: Image.open(io.BytesIO(pngs[t])), len(pngs))  # gif_for
print(len(pngs), len(data))
"""


def run(cmd, cwd) -> tuple[float, float]:
    """(peak RSS in MB, CPU seconds) of one child process."""
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise RuntimeError(f"{cmd} failed: {proc.stderr.read().decode()[-2000:]}")
    return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def largest_allowed():
    """(op, in, k, s, d, pad, view, frames, size) of the allowed export with the most frame-pixels."""
    sys.path.insert(0, str(ROOT))
    from convt.trace import make_conv_trace, make_transpose_trace
    from lab.animation import MAX_PLAYER_FRAMES
    from lab.draw import animator
    from lab.exports import export_pixels, too_big
    best, best_px = None, 0
    for n in range(8, 17):
        for k in (3, 5, 7):
            for d in (1, 3):
                for op, view in (("conv", "scatter"), ("transpose", "scatter"), ("transpose", "direct")):
                    try:
                        tr = (make_conv_trace(n, k, 1, "SAME", d) if op == "conv"
                              else make_transpose_trace(n, k, 1, "SAME", d))
                    except Exception:  # noqa: BLE001 - a configuration with no output
                        continue
                    an = animator(tr, view)
                    px = export_pixels(an.n_frames, an.cv.size)
                    if an.n_frames <= MAX_PLAYER_FRAMES and too_big(an.n_frames, an.cv.size) is None and px > best_px:
                        best, best_px = (op, n, k, 1, d, "SAME", view, an.n_frames, an.cv.size), px
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repo", type=Path, default=ROOT, help="checkout to run the CLI rows in")
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "a.gif")
        rows.append(("largest animation (256 × 1274×844), `python -m lab.render`", "refused by the app",
                     *run([sys.executable, "-m", "lab.render", *LARGEST, "-o", out], args.repo)))
        if args.repo == ROOT:
            op, n, k, s, d, pad, view, frames, (w, h) = largest_allowed()
            what = f"{op} in {n} k {k} s {s} d {d} {pad} {view}: {frames} × {w}×{h}"
            cli = [op, "--in", str(n), "--k", str(k), "--s", str(s), "--d", str(d), "--pad", pad]
            if op == "transpose":
                cli += ["--view", view]
            rows.append(("largest allowed, `python -m lab.render`", what,
                         *run([sys.executable, "-m", "lab.render", *cli, "-o", out], ROOT)))
            rows.append(("largest allowed, the app's path (PNG frames, then the GIF)", what,
                         *run([sys.executable, "-c", APP_PATH, op, str(n), str(k), str(s), str(d), pad, view],
                              ROOT)))
    print(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs\n")
    print("| export | configuration | peak RSS MB | CPU s |")
    print("|---|---|---:|---:|")
    for name, what, mb, cpu in rows:
        print(f"| {name} | {what} | {mb:.0f} | {cpu:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
