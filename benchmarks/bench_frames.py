"""Frame rendering time per frame (target <= 50 ms at 7x7 input, 3x3 kernel) and page rerun time.

    python3 benchmarks/bench_frames.py            # prints a markdown table

Frames: one animator per configuration (layout and static layer built once), then every frame
rendered to RGBA, PNG-encoded (what the page caches) and the whole set GIF-encoded.
Pages: ``streamlit.testing.v1.AppTest`` runs of the two animation pages: the first run (JIT warm-up
done beforehand, caches empty; the browser player is part of the page, so every frame is rendered
and embedded), a rerun with nothing changed (all cached), a step change with the server-side step
slider (a new frame where the player could not be sent; text only where it is shown), and a new seed
(new numbers: every frame of the player rendered again). ``--lang zh`` opens the pages in Chinese.

    python3 benchmarks/bench_frames.py --pages-only --repeats 3 --lang zh
"""
from __future__ import annotations

import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from convt import kernels  # noqa: E402
from lab.draw import animator, export  # noqa: E402
from lab.draw.gif import gif_bytes  # noqa: E402
from convt.trace import make_conv_trace, make_transpose_trace  # noqa: E402

CASES = [
    ("forward conv", "7×7 in, 3×3 k, s1, SAME", lambda: make_conv_trace(7, 3, 1, "SAME"), "scatter"),
    ("forward conv", "16×16 in, 3×3 k, s1, SAME", lambda: make_conv_trace(16, 3, 1, "SAME"), "scatter"),
    ("transpose scatter", "7×7 in, 3×3 k, s2, SAME → 14", lambda: make_transpose_trace(7, 3, 2, "SAME", 1, 14), "scatter"),
    ("transpose direct", "7×7 in, 3×3 k, s2, SAME → 14", lambda: make_transpose_trace(7, 3, 2, "SAME", 1, 14), "direct"),
    ("transpose matrix", "7×7 in, 3×3 k, s2, SAME → 14", lambda: make_transpose_trace(7, 3, 2, "SAME", 1, 14), "matrix"),
    ("transpose direct", "seed: 3×3 in, 2×2 k, s2, SAME → 5", lambda: make_transpose_trace(3, 2, 2, "SAME", 1, 5), "direct"),
]


def bench_frames():
    rows = []
    for name, cfg, make, view in CASES:
        t0 = time.perf_counter()
        tr = make()
        t_trace = time.perf_counter() - t0
        t0 = time.perf_counter()
        an = animator(tr, view)
        t_setup = time.perf_counter() - t0
        per, frames = [], []
        for t in range(an.n_frames):
            t0 = time.perf_counter()
            f = an.frame(t)
            per.append(time.perf_counter() - t0)
            frames.append(f)
        t0 = time.perf_counter()
        pngs = [export.png_bytes(f) for f in frames]
        t_png = (time.perf_counter() - t0) / len(frames)
        t0 = time.perf_counter()
        gif = gif_bytes(frames.__getitem__, len(frames))
        t_gif = time.perf_counter() - t0
        h, w = frames[0].shape[:2]
        rows.append((name, cfg, an.n_frames, f"{w}×{h}", t_trace * 1e3, t_setup * 1e3, statistics.median(per) * 1e3,
                     max(per) * 1e3, t_png * 1e3, t_gif * 1e3, len(gif) // 1024, sum(map(len, pngs)) // 1024))
    print("| animation | configuration | frames | size px | trace ms | setup ms | ms/frame (median) | "
          "ms/frame (max) | PNG ms/frame | GIF ms (all) | GIF KB | PNGs KB |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]:.1f} | {r[5]:.1f} | **{r[6]:.1f}** | {r[7]:.1f} | "
              f"{r[8]:.1f} | {r[9]:.0f} | {r[10]} | {r[11]} |")
    return rows


def bench_pages(repeats: int = 5, lang: str = "en"):
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    kernels.warm_up()
    pages = [("Forward convolution", "pages/1_Forward_convolution.py", "fc",
              {"in": "7", "k": "3", "s": "1", "pad": "SAME"}),
             ("Transposed convolution (scatter)", "pages/2_Transposed_convolution.py", "tc",
              {"in": "7", "k": "3", "s": "2", "pad": "SAME", "out": "14"}),
             ("Transposed convolution (seed default)", "pages/2_Transposed_convolution.py",
              "tc", {})]
    print()
    print("| page | configuration | first run ms | rerun ms (median) | step change ms (median) | "
          "new seed ms (all frames) |")
    print("|---|---|---:|---:|---:|---:|")
    for name, path, prefix, query in pages:
        firsts, reruns, steps, seeds = [], [], [], []
        for _ in range(repeats):
            st.cache_data.clear()
            st.cache_resource.clear()
            at = AppTest.from_file(os.path.join(ROOT, "app.py"), default_timeout=120)
            at.switch_page(path)  # through app.py's navigation: the pages link to each other
            for k, v in {**query, **({"lang": lang} if lang != "en" else {})}.items():
                at.query_params[k] = v
            t0 = time.perf_counter()
            at.run()
            firsts.append(time.perf_counter() - t0)
            assert not at.exception, at.exception
            t0 = time.perf_counter()
            at.run()
            reruns.append(time.perf_counter() - t0)
            sl = at.slider(key=f"{prefix}_t")
            sl.set_value(min(int(sl.value) + 3, int(sl.max)))
            t0 = time.perf_counter()
            at.run()
            steps.append(time.perf_counter() - t0)
            at.number_input(key=f"{prefix}_seed").set_value(int(at.number_input(key=f"{prefix}_seed").value) + 1)
            t0 = time.perf_counter()
            at.run()
            seeds.append(time.perf_counter() - t0)
            assert not at.exception, at.exception
        cfg = ", ".join(f"{k}={v}" for k, v in query.items()) or "defaults"
        print(f"| {name} | {cfg} | {statistics.median(firsts) * 1e3:.0f} | {statistics.median(reruns) * 1e3:.0f} | "
              f"{statistics.median(steps) * 1e3:.0f} | {statistics.median(seeds) * 1e3:.0f} |")


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--frames-only", action="store_true")
    ap.add_argument("--pages-only", action="store_true")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--lang", default="en", help="en or zh (the pages' language, ?lang=)")
    args = ap.parse_args()
    if not args.pages_only:
        bench_frames()
    if not args.frames_only:
        print(f"\n{args.lang}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} before the page runs")
        bench_pages(args.repeats, args.lang)
