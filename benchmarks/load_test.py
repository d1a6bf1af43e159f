"""Load: N concurrent browser sessions against one `streamlit run app.py` for a fixed time.

Run:  python benchmarks/load_test.py [--sessions 10] [--seconds 60] [--seed 0]

Each session is its own Playwright browser context (its own Streamlit session) in one headless
Chromium, driven from one asyncio loop. A session opens the shape explorer on the seed link or
one of the two animation pages (the browser player loads with them: every frame rendered and sent
on opening), and keeps changing controls (number inputs, radios, sliders, the padding select box,
a new seed, which renders the player's frames afresh, the step buttons and slider in the folded
"Step on the server" panel, opened first as a person would, one-click fixes), moving to
another page every few actions, with a person's pause (1–3 s by default) between actions.

Measured:
- errors: an `stException` element on the page, a JavaScript error, a rerun that does not
  finish within 60 s, a lost connection, or the server process dying (target: 0);
- rerun latency: from the action to the end of the script run it triggered, read from the page's
  own `data-test-script-state` transitions (a MutationObserver records them with timestamps);
- server-side script run time: every ScriptRunner run timed inside the server (a
  benchmark-only sitecustomize hook in benchmarks/_run_timing, on the server's PYTHONPATH);
- server CPU: user + system seconds of the server process during the run (the
  browsers run on the same machine, so this separates server work from client work);
- server memory: VmRSS of the server from /proc before the sessions, its peak while they run
  (sampled every 0.5 s) and after they close; per session = (peak - before) / sessions.
The server starts with a warm Numba cache (one untimed visit first), as a class would find it.
Prints a markdown table; exit code 1 when there were errors.
"""
from __future__ import annotations

import argparse
import os
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import CHROMIUM_ARGS, SEED_PATH, RUN_DONE_JS, Server, find_chromium  # noqa: E402

RECORDER_JS = """
(() => {
  window.__runs = [];
  let last = null;
  const note = () => {
    const app = document.querySelector("[data-testid='stApp']");
    if (!app) return;
    const s = app.getAttribute("data-test-script-state");
    if (s !== last) { last = s; window.__runs.push([s, performance.now()]); }
  };
  new MutationObserver(note).observe(document, {subtree: true, attributes: true, childList: true,
                                                attributeFilter: ["data-test-script-state"]});
})();
"""

# state "running" seen after mark, then "notRunning" after it: the action's rerun is over
RERUN_DONE_AFTER_JS = """(mark) => {
  const runs = window.__runs || [];
  let sawRunning = false;
  for (let i = mark; i < runs.length; i++) {
    if (runs[i][0] === "running") sawRunning = true;
    else if (sawRunning && runs[i][0] === "notRunning") return runs[i][1];
  }
  return null;
}"""

PAGES = {
    "explorer": SEED_PATH,
    "forward": "/Forward_convolution",
    "transposed": "/Transposed_convolution",
}


class Stats:
    def __init__(self):
        self.latencies_ms: list[float] = []
        self.by_kind: dict[str, list[float]] = {}
        self.errors: list[str] = []
        self.actions = 0
        self.no_rerun = 0
        self.page_loads: list[float] = []
        self.page_switches: list[float] = []


async def _wait_run(page, timeout_ms=60_000):
    await page.wait_for_timeout(100)
    await page.wait_for_function(RUN_DONE_JS, timeout=timeout_ms, polling=50)


RERUN_STARTED_AFTER_JS = """(mark) => (window.__runs || []).slice(mark).some(r => r[0] === "running")"""


async def _timed(page, stats: Stats, kind: str, action, session: int):
    """Run `action` and time the rerun it triggers (nothing is timed when it found no control)."""
    mark = await page.evaluate("(window.__runs || []).length")
    t0 = await page.evaluate("performance.now()")
    if not await action():
        return
    stats.actions += 1
    try:
        await page.wait_for_function(RERUN_STARTED_AFTER_JS, arg=mark, timeout=3_000, polling=20)
    except Exception:  # noqa: BLE001 - no rerun started: the action changed nothing
        stats.no_rerun += 1
        return
    try:
        handle = await page.wait_for_function(RERUN_DONE_AFTER_JS, arg=mark, timeout=60_000, polling=20)
        t1 = await handle.json_value()
    except Exception:  # noqa: BLE001 - a rerun that never finishes is an error
        stats.errors.append(f"session {session}: {kind}: rerun did not finish in 60 s")
        return
    ms = t1 - t0
    stats.latencies_ms.append(ms)
    stats.by_kind.setdefault(kind, []).append(ms)
    n_exc = await page.locator("[data-testid='stException']").count()
    if n_exc:
        text = (await page.locator("[data-testid='stException']").first.inner_text())[:300]
        stats.errors.append(f"session {session}: {kind}: exception on page: {text!r}")


async def _fill_number(page, key: str, lo: int, hi: int, rng: random.Random):
    box = page.locator(f".st-key-{key} input")
    if not await box.count() or not await box.first.is_visible():
        return False
    current = await box.first.input_value()
    value = str(rng.randint(lo, hi))
    if value == current:
        value = str(lo if current != str(lo) else hi)
    await box.first.fill(value)
    await box.first.press("Enter")
    return True


async def _click_radio(page, key: str, rng: random.Random):
    options = page.locator(f".st-key-{key} label")
    n = await options.count()
    if n < 2:
        return False
    checked = [i for i in range(n) if await options.nth(i).locator("input:checked").count()]
    choices = [i for i in range(n) if i not in checked]
    await options.nth(rng.choice(choices)).click()
    return True


async def _slider_step(page, key: str, rng: random.Random):
    thumb = page.locator(f".st-key-{key} [role='slider']")
    if not await thumb.count():
        return False
    now = int(float(await thumb.first.get_attribute("aria-valuenow")))
    lo = int(float(await thumb.first.get_attribute("aria-valuemin")))
    hi = int(float(await thumb.first.get_attribute("aria-valuemax")))
    if lo == hi:
        return False
    key_name = "ArrowRight" if (now < hi and (now == lo or rng.random() < 0.6)) else "ArrowLeft"
    await thumb.first.focus()
    await page.keyboard.press(key_name)
    return True


async def _click(page, selector: str):
    target = page.locator(selector)
    if not await target.count() or not await target.first.is_visible() or not await target.first.is_enabled():
        return False
    await target.first.click()
    return True


async def _select_option(page, key: str, rng: random.Random):
    box = page.locator(f".st-key-{key} [data-baseweb='select']")
    if not await box.count():
        return False
    await box.first.click()
    options = page.locator("[data-baseweb='popover'] li")
    try:
        await options.first.wait_for(timeout=3000)
    except Exception:  # noqa: BLE001
        await page.keyboard.press("Escape")
        return False
    n = await options.count()
    await options.nth(rng.randrange(n)).click()
    return True


async def _open_step_panel(page, p: str):
    """Unfold the "Step on the server" panel (browser-side, no rerun) if its buttons are hidden."""
    button = page.locator(f".st-key-{p}_next button")
    if await button.count() and not await button.first.is_visible():
        panel = page.locator("[data-testid='stExpander']").filter(has=page.locator(f".st-key-{p}_next"))
        await panel.locator("summary").first.click()
        await button.first.wait_for(state="visible", timeout=5_000)


async def _stepping(page, p: str, act):
    await _open_step_panel(page, p)
    return await act()


def _actions(name: str, page, rng: random.Random):
    """(kind, coroutine-function returning whether it acted) for one page."""
    if name == "explorer":
        return [
            ("explorer: input size", lambda: _fill_number(page, "ex_in", 1, 120, rng)),
            ("explorer: kernel", lambda: _fill_number(page, "ex_k", 1, 15, rng)),
            ("explorer: stride", lambda: _fill_number(page, "ex_s", 1, 8, rng)),
            ("explorer: output", lambda: _fill_number(page, "ex_out", 1, 400, rng)),
            ("explorer: framework", lambda: _click_radio(page, "ex_fw", rng)),
            ("explorer: padding", lambda: _click_radio(page, "ex_pad", rng)),
            ("explorer: one-click fix", lambda: _click(page, ".st-key-ex_fix_0 button")),
        ]
    p = "fc" if name == "forward" else "tc"
    acts = [
        (f"{name}: input size", lambda: _slider_step(page, f"{p}_in", rng)),
        (f"{name}: kernel", lambda: _slider_step(page, f"{p}_k", rng)),
        (f"{name}: stride", lambda: _slider_step(page, f"{p}_s", rng)),
        (f"{name}: step slider", lambda: _stepping(page, p, lambda: _slider_step(page, f"{p}_t", rng))),
        (f"{name}: next step", lambda: _stepping(page, p, lambda: _click(page, f".st-key-{p}_next button"))),
        (f"{name}: padding", lambda: _select_option(page, f"{p}_padmode", rng)),
        (f"{name}: new seed (player frames afresh)", lambda: _fill_number(page, f"{p}_seed", 0, 9999, rng)),
    ]
    if name == "transposed":
        acts.append((f"{name}: view", lambda: _click_radio(page, "tc_view", rng)))
    return acts


async def session(browser, url: str, idx: int, seconds: float, stats: Stats, seed: int,
                  args_think=(1000, 3000)):
    rng = random.Random(seed * 1000 + idx)
    ctx = await browser.new_context(viewport={"width": 1280, "height": 900})
    await ctx.add_init_script(RECORDER_JS)
    page = await ctx.new_page()
    page.on("pageerror", lambda exc: stats.errors.append(f"session {idx}: JavaScript error: {exc}"))
    end = time.monotonic() + seconds
    names = list(PAGES)
    rng.shuffle(names)
    turn = 0
    try:
        while time.monotonic() < end:
            name = names[turn % len(names)]
            turn += 1
            t0 = time.monotonic()
            if turn == 1:   # the shared link opens the first page; then the sidebar, as people do
                await page.goto(url + PAGES[name])
                await page.wait_for_selector("[data-testid='stAppViewContainer']", state="attached",
                                             timeout=60_000)
            else:
                slug = PAGES[name].split("?")[0]
                await page.locator(f"[data-testid='stSidebarNav'] a[href$='{slug}']").first.click()
                await page.wait_for_url(f"**{slug}*", timeout=60_000)
            await _wait_run(page)
            (stats.page_loads if turn == 1 else stats.page_switches).append(time.monotonic() - t0)
            acts = _actions(name, page, rng)
            for _ in range(rng.randint(4, 8)):
                if time.monotonic() >= end:
                    break
                kind, act = rng.choice(acts)
                await _timed(page, stats, kind, act, idx)
                await page.wait_for_timeout(rng.randint(args_think[0], args_think[1]))   # a person's pause
    except Exception as exc:  # noqa: BLE001 - any failure of a session is an error to report
        stats.errors.append(f"session {idx}: {type(exc).__name__}: {str(exc)[:300]}")
    finally:
        await ctx.close()


async def sample_rss(server: Server, samples: list[int], stop: asyncio.Event):
    while not stop.is_set():
        samples.append(server.rss_kb())
        await asyncio.sleep(0.5)


def pct(values, q):
    if not values:
        return float("nan")
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


async def main_async(args) -> int:
    from playwright.async_api import async_playwright
    stats = Stats()
    with tempfile.TemporaryDirectory(prefix="convt-load-") as tmp:
        tmp = Path(tmp)
        run_log = tmp / "runs.log"
        hook = str(Path(__file__).resolve().parent / "_run_timing")
        server_cpus = None
        if args.pin:   # the server alone on CPU 0, this script and the browsers on the others
            server_cpus = {0}
            os.sched_setaffinity(0, set(range(1, os.cpu_count())) or {0})
        server = Server(tmp / "server.log", {"NUMBA_CACHE_DIR": str(tmp / "numba"),
                                             "CONVT_RUN_LOG": str(run_log), "PYTHONPATH": hook},
                        cpus=server_cpus)
        try:
            server.wait_healthy()
            async with async_playwright() as p:
                browser = await p.chromium.launch(executable_path=find_chromium(), headless=True,
                                                  args=CHROMIUM_ARGS)
                # one untimed visit per page: kernels compiled, caches warm, as a class finds it
                ctx = await browser.new_context()
                page = await ctx.new_page()
                for path in PAGES.values():
                    await page.goto(server.url + path)
                    await page.wait_for_selector("[data-testid='stAppViewContainer']", state="attached")
                    await _wait_run(page, 120_000)
                await ctx.close()
                await asyncio.sleep(1.0)
                rss_before = server.rss_kb()
                cpu_before = server.cpu_seconds()
                runs_before = len(run_log.read_text().splitlines()) if run_log.exists() else 0
                samples: list[int] = []
                stop = asyncio.Event()
                sampler = asyncio.create_task(sample_rss(server, samples, stop))
                load_before = os.getloadavg()[0]
                t0 = time.monotonic()
                try:   # bounded: sessions stop at --seconds; a hung one is cut off after a grace period
                    await asyncio.wait_for(asyncio.gather(*(
                        session(browser, server.url, i, args.seconds, stats, args.seed,
                                (args.think_min_ms, args.think_max_ms)) for i in range(args.sessions))),
                        timeout=args.seconds + 120)
                except asyncio.TimeoutError:
                    stats.errors.append(f"sessions still running {args.seconds + 120:.0f} s after the start")
                wall = time.monotonic() - t0
                cpu_used = server.cpu_seconds() - cpu_before
                run_lines = [line.split() for line in
                             run_log.read_text().splitlines()[runs_before:]] if run_log.exists() else []
                server_runs = [float(parts[0]) * 1000 for parts in run_lines]
                runs_by_page: dict[str, list[float]] = {}
                for parts in run_lines:
                    runs_by_page.setdefault(parts[1] if len(parts) > 1 else "?", []).append(
                        float(parts[0]) * 1000)
                stop.set()
                await sampler
                await browser.close()
            await asyncio.sleep(2.0)
            rss_after = server.rss_kb()
            alive = server.alive()
            if not alive:
                stats.errors.append("the server process died:\n" + server.log()[-3000:])
            log = server.log()
            for marker in ("Traceback", "Fatal Python error", "Uncaught app exception"):
                if marker in log:
                    stats.errors.append(f"server log contains {marker!r}:\n" + log[-3000:])
                    break
        finally:
            server.stop()

    peak = max(samples) if samples else 0
    lat = stats.latencies_ms
    print(f"\nLoad: {args.sessions} browser sessions for {args.seconds:.0f} s "
          f"(wall {wall:.0f} s), one server{' pinned to its own CPU' if args.pin else ''}, {os.cpu_count()} CPUs, "
          f"1-minute load average before {load_before:.1f}, at the end {os.getloadavg()[0]:.1f}\n")
    print("| metric | value |")
    print("|---|---|")
    print(f"| errors | {len(stats.errors)} |")
    print(f"| server alive at the end | {'yes' if alive else 'NO'} |")
    print(f"| actions / reruns timed | {stats.actions} / {len(lat)} ({stats.no_rerun} changed nothing) |")
    print(f"| rerun latency p50 | {pct(lat, 0.5):.0f} ms |")
    print(f"| rerun latency p95 | {pct(lat, 0.95):.0f} ms |")
    print(f"| rerun latency max | {max(lat) if lat else float('nan'):.0f} ms |")
    print(f"| server-side script runs: n / p50 / p95 / max | {len(server_runs)} / "
          f"{pct(server_runs, 0.5):.0f} / {pct(server_runs, 0.95):.0f} / "
          f"{max(server_runs) if server_runs else float('nan'):.0f} ms |")
    print(f"| first page load (goto → first run done) p50 / p95 | {pct(stats.page_loads, 0.5):.2f} s / "
          f"{pct(stats.page_loads, 0.95):.2f} s |")
    print(f"| page switch (sidebar click → run done) p50 / p95 | {pct(stats.page_switches, 0.5):.2f} s / "
          f"{pct(stats.page_switches, 0.95):.2f} s |")
    print(f"| server CPU during the run | {cpu_used:.0f} s in {wall:.0f} s "
          f"({100 * cpu_used / wall:.0f}% of one core; the browsers share the machine) |")
    print(f"| server RSS before / peak / after | {rss_before / 1024:.0f} / {peak / 1024:.0f} / "
          f"{rss_after / 1024:.0f} MB |")
    print(f"| RSS per session ((peak − before) / {args.sessions}) | "
          f"{(peak - rss_before) / 1024 / args.sessions:.1f} MB |")
    print("\n| action | n | p50 ms | p95 ms |")
    print("|---|---|---|---|")
    for kind, values in sorted(stats.by_kind.items()):
        print(f"| {kind} | {len(values)} | {pct(values, 0.5):.0f} | {pct(values, 0.95):.0f} |")
    print("\n| server-side script runs by page | n | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    for name, values in sorted(runs_by_page.items()):
        print(f"| {name} | {len(values)} | {pct(values, 0.5):.0f} | {pct(values, 0.95):.0f} | "
              f"{max(values):.0f} |")
    if stats.errors:
        print("\nErrors:")
        for e in stats.errors[:30]:
            print(" -", e)
    return 1 if stats.errors else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--pin", action="store_true",
                    help="pin the server to CPU 0 and the browsers to the other CPUs, so the server "
                         "gets one core of its own (as on a 1-core host) and the clients do not starve it")
    ap.add_argument("--think-min-ms", type=int, default=1000, help="pause between actions, min")
    ap.add_argument("--think-max-ms", type=int, default=3000, help="pause between actions, max")
    args = ap.parse_args(argv)
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
