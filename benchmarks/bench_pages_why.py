"""Rerun time of the gradient, checkerboard and encoder–decoder pages after a control change (AppTest).

    python3 benchmarks/bench_pages_why.py [--reps 20]

Each page is opened once (warm), then a control is changed and the page rerun ``reps`` times; the
table gives the median and 90th percentile in ms. "cached" toggles between two states (st.cache_data
hits after the first round); "fresh" uses a new value each time (cache misses: the worst case a user
sees). AppTest runs the script in-process, without the browser round trip.
"""
import argparse
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_pages import _open, _time  # noqa: E402  (same AppTest timing harness)


def _set(kind, key, value):
    def change(at, r):
        getattr(at, kind)(key=key).set_value(value(r) if callable(value) else value)
    return change


def _click(keys):
    def change(at, r):
        at.button(key=keys[r % len(keys)]).click()
    return change


SCENARIOS = [
    ("gradient: stride 2<->1 (cached)", "pages/5_Gradient.py", _set("slider", "gr_s", lambda r: 1 + r % 2)),
    ("gradient: new seed, 3->6 (fresh)", "pages/5_Gradient.py", _set("number_input", "gr_seed", lambda r: 100 + r)),
    ("gradient: seed preset <-> small (cached)", "pages/5_Gradient.py", _click(["gr_preset_seed", "gr_preset_small"])),
    ("checkerboard: k 3<->4 (cached)", "pages/6_Checkerboard_artifacts.py", _set("slider", "cb_k", lambda r: 3 + r % 2)),
    ("checkerboard: new k/s (fresh)", "pages/6_Checkerboard_artifacts.py",
     _set("slider", "cb_k", lambda r: 1 + r % 9)),
    ("encoder-decoder: presets (cached)", "pages/7_Encoder_decoder.py",
     _click(["ch_preset_unet", "ch_preset_seed"])),
    ("encoder-decoder: new input size (fresh)", "pages/7_Encoder_decoder.py",
     _set("number_input", "ch_in", lambda r: 60 + r)),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=20)
    args = ap.parse_args()
    print(f"# load average: {os.getloadavg()[0]:.2f}; reps: {args.reps}")
    print(f"{'scenario':45s} {'median ms':>10s} {'p90 ms':>8s}")
    for name, page, change in SCENARIOS:
        at = _open(page)
        times = sorted(_time(at, change, args.reps))
        p90 = times[min(len(times) - 1, int(0.9 * len(times)))]
        print(f"{name:45s} {statistics.median(times):10.0f} {p90:8.0f}")


if __name__ == "__main__":
    main()
