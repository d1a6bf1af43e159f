"""Cost of the translation function, ``lab.i18n.translate``, on the texts of one page run.

    python3 benchmarks/bench_i18n.py [--page pages/3_Shape_explorer.py] [--query "in=25&k=3&s=3&pad=SAME&out=97"]

Runs the page once with AppTest (``lang=zh``) and records every call ``ui.prefs._`` makes to
``translate``. Then times those calls: the catalogue's templates compiled (``_templates``, once per
process and language); cold (the ``_translate`` cache emptied: every call a lookup: dict, then the
template regexes, then line / sentence splitting); warm (every call a cache hit: what a rerun pays);
and English (no catalogue: the pass-through). µs per call, and per page run (all its calls).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def record_calls(page: str, query: dict) -> list:
    from streamlit.testing.v1 import AppTest
    import ui.prefs as prefs
    calls, orig = [], prefs.translate

    def spy(text, lang, **fields):
        calls.append((text, lang, fields))
        return orig(text, lang, **fields)

    prefs.translate = spy
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.switch_page(page)
        for k, v in {**query, "lang": "zh"}.items():
            at.query_params[k] = v
        at.run()
        assert not at.exception, at.exception
    finally:
        prefs.translate = orig
    return calls


def per_call(fn, calls, rounds: int) -> list:
    """µs per call, one figure per round over all the calls."""
    out = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for text, lang, fields in calls:
            fn(text, lang, **fields)
        out.append((time.perf_counter() - t0) / len(calls) * 1e6)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--page", default="pages/3_Shape_explorer.py")
    ap.add_argument("--query", default="in=25&k=3&s=3&pad=SAME&out=97")
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args(argv)
    from lab import i18n
    query = dict(p.split("=", 1) for p in args.query.split("&") if p)
    calls = [c for c in record_calls(args.page, query) if c[1] == "zh"]
    distinct = len({c[0] for c in calls})
    load = os.getloadavg()

    i18n._templates.cache_clear()
    t0 = time.perf_counter()
    n_templates = len(i18n._templates("zh"))
    t_templates = (time.perf_counter() - t0) * 1e3

    colds = []
    for _ in range(args.rounds):
        i18n._translate.cache_clear()
        colds += per_call(i18n.translate, calls, 1)
    # the dearest cold calls: the texts that fall through to the templates or get split
    i18n._translate.cache_clear()
    each = []
    for text, lang, fields in calls:
        xs = []
        for _ in range(5):
            i18n._translate.cache_clear()
            t0 = time.perf_counter()
            i18n.translate(text, lang, **fields)
            xs.append((time.perf_counter() - t0) * 1e6)
        each.append((statistics.median(xs), text))
    i18n._translate.cache_clear()
    per_call(i18n.translate, calls, 1)  # fill the cache
    warms = per_call(i18n.translate, calls, args.rounds)
    ens = per_call(i18n.translate, [(t, "en", f) for t, _, f in calls], args.rounds)

    n = len(calls)
    print(f"\nlab.i18n.translate on {args.page}?{args.query}&lang=zh: {n} calls per run ({distinct} distinct "
          f"texts), {args.rounds} rounds, median; {os.cpu_count()} CPUs, load average {load[0]:.2f} before → "
          f"{os.getloadavg()[0]:.2f} after\n")
    print("| case | µs per call | ms per page run |\n|---|---:|---:|")
    print(f"| templates compiled (once per process): {n_templates} regexes | — | {t_templates:.1f} |")
    for name, xs in (("zh, cold (cache emptied)", colds), ("zh, warm (cached)", warms), ("en (pass-through)", ens)):
        m = statistics.median(xs)
        print(f"| {name} | {m:.1f} | {m * n / 1e3:.2f} |")
    print("\nDearest cold calls (µs, median of 5, text):")
    for us, text in sorted(each, reverse=True)[:5]:
        print(f"  {us:8.0f}  {text[:90]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
