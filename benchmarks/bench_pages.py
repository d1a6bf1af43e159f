"""Rerun time of the home, shape explorer and error decoder pages after a control change (AppTest).

    python3 benchmarks/bench_pages.py [--reps 30] [--lang zh]

Each page is opened once (warm: imports, Numba kernels, first renders), then a control is changed
and the page rerun, ``reps`` times; the table gives the median and the 90th percentile in ms.
"cached" scenarios toggle between two states (st.cache_data hits after the first round); "fresh"
ones use a new value every time (cache misses, the worst case a user sees). AppTest runs the
script in-process, without the browser round trip. Target: explorer median < 150 ms.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

APP = str(ROOT / "app.py")
EXAMPLES = None


LANG = "en"


def _open(page=None):
    at = AppTest.from_file(APP, default_timeout=120)
    if page:
        at.switch_page(page)
    if LANG != "en":  # the person's language, as ?lang=zh gives it
        at.query_params["lang"] = LANG
    at.run()
    assert not at.exception, at.exception
    return at


def _time(at, change, reps):
    times = []
    for r in range(reps):
        change(at, r)
        t0 = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t0) * 1000)
        assert not at.exception, at.exception
    return times


def scenarios():
    from lab.examples import seed_examples
    messages = [m for _, m in seed_examples()]
    ex = "pages/3_Shape_explorer.py"
    dec = "pages/4_Error_decoder.py"
    return [
        ("home", None, "toggle static/dynamic (cached)",
         lambda at, r: at.toggle(key="home_dyn").set_value(r % 2 == 0)),
        ("shape explorer", ex, "stride 3 ↔ 4 (cached)",
         lambda at, r: at.number_input(key="ex_s").set_value(3 + r % 2)),
        ("shape explorer", ex, "new output size each time (fresh)",
         lambda at, r: at.number_input(key="ex_out").set_value(60 + r)),
        ("shape explorer", ex, "new input size each time (fresh)",
         lambda at, r: at.number_input(key="ex_in").set_value(30 + r)),
        ("shape explorer", ex, "framework tf → keras → torch (cached)",
         lambda at, r: at.radio(key="ex_fw").set_value(("tf", "keras", "torch")[r % 3])),
        ("shape explorer", ex, "design mode, new target each time (fresh)",
         lambda at, r: (at.radio(key="ex_mode").set_value("design"),
                        at.number_input(key="ex_T").set_value(40 + r))),
        ("error decoder", dec, "paste another example (cached)",
         lambda at, r: at.text_area(key="dec_msg").input(messages[r % len(messages)])),
        ("error decoder", dec, "paste a new message each time (fresh)",
         lambda at, r: at.text_area(key="dec_msg").input(messages[0].replace("97", str(100 + r)))),
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--lang", default="en", help="en or zh: the pages' language (?lang=)")
    parser.add_argument("--only", default="", help="run only the scenarios whose page or change contains this")
    args = parser.parse_args()
    global LANG
    LANG = args.lang
    load = os.getloadavg()
    rows = []
    for page_name, page, what, change in scenarios():
        if args.only and args.only not in page_name and args.only not in what:
            continue
        at = _open(page)
        if "design" in what:
            at.radio(key="ex_mode").set_value("design").run()
        times = _time(at, change, args.reps)
        q = statistics.quantiles(times, n=10)
        rows.append((page_name, what, statistics.median(times), q[-1], max(times)))
    print(f"\nAppTest rerun after a control change, {args.reps} reruns each, "
          f"{os.cpu_count()} CPUs, python {sys.version.split()[0]}, lang={LANG}, load average "
          f"{load[0]:.2f} before → {os.getloadavg()[0]:.2f} after\n")
    print(f"{'page':<16} {'change':<44} {'median ms':>10} {'p90 ms':>8} {'max ms':>8}")
    for page_name, what, med, p90, mx in rows:
        print(f"{page_name:<16} {what:<44} {med:>10.1f} {p90:>8.1f} {mx:>8.1f}")
    if not any(r[0] == "shape explorer" for r in rows):
        return
    worst = max(r[2] for r in rows if r[0] == "shape explorer")
    print(f"\nshape explorer: worst median {worst:.1f} ms (target < 150 ms): "
          f"{'OK' if worst < 150 else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
