"""Load without browsers: N websocket clients speaking Streamlit's own protocol to one server.

    python benchmarks/load_ws.py [--sessions 10] [--seconds 60] [--seed 0] [--lang zh]

``load_test.py`` drives real Chromium tabs, which on a 2-core machine take most of the CPU
themselves; here each session is a few coroutines' worth of work, so what is measured is the
server. A session connects to ``/_stcore/stream`` on loopback, opens a page as a browser would
(``rerun_script`` with the query string and page; the animation pages' browser player loads with
them, so opening one renders and sends every frame: 64 on the forward page, 144 on the transposed
one here), then keeps acting with a person's pause (1–3 s): typing numbers into the shape
explorer, stepping the animations on the server (Back / Next), choosing a new seed (new numbers:
every frame of the player rendered afresh), a new input size (a new geometry: the same), or going
to another page. Like the browser it sends back every widget value it has set and the query string
the server last wrote. ``--lang zh`` opens every page with ``lang=zh`` (the Chinese catalogue).

Measured: rerun latency, from sending the action to the server's ``script_finished`` (p50, p95,
max, per action); errors (an exception element, a run not finished in 60 s, a lost connection,
the server dying); server CPU; server RSS before, peak (every 0.5 s) and after; the load average
before and after. Stops after ``--seconds`` (plus 60 s grace); exit code 1 on errors.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import SEED_PATH, Server  # noqa: E402
from load_test import pct, sample_rss  # noqa: E402

PAGES = {"explorer": SEED_PATH, "forward": "/Forward_convolution?in=8&k=3&s=1",
         "transposed": "/Transposed_convolution?in=6&k=3&s=2&view=direct"}


class Client:
    """One Streamlit session over a websocket: rerun, and remember widget ids, values and the URL."""

    def __init__(self, ws):
        self.ws, self.ids, self.values, self.pages = ws, {}, {}, {}
        self.page, self.query = "", ""

    async def open(self, path: str) -> float:
        page, _, query = path.lstrip("/").partition("?")
        self.page, self.query, self.values = page, query, {}
        return await self.rerun()

    async def rerun(self, **widgets) -> float:
        """Set widgets (``key=value``: a number, ``True`` for a button, "on" / "off" for a switch,
        a list for a slider) and wait for the run to finish; seconds."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string, state.page_name = self.query, self.page
        state.page_script_hash = self.pages.get(self.page, "")
        for key, value in {**self.values, **widgets}.items():
            if key in self.ids:
                w = state.widget_states.widgets.add(id=self.ids[key])
                if value is True:
                    w.trigger_value = True
                elif value in ("on", "off"):
                    w.bool_value = value == "on"
                elif isinstance(value, list):
                    w.double_array_value.data.extend(value)
                else:
                    w.int_value = value
        self.values.update({k: v for k, v in widgets.items() if v is not True})
        t0 = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        while True:
            f = ForwardMsg()
            f.ParseFromString(await asyncio.wait_for(self.ws.recv(), 60))
            kind = f.WhichOneof("type")
            if kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in f.navigation.app_pages}
            elif kind == "page_info_changed":
                self.query = f.page_info_changed.query_string
            elif kind == "delta" and f.delta.WhichOneof("type") == "new_element":
                el = f.delta.new_element
                which = el.WhichOneof("type")
                if which == "exception":
                    raise RuntimeError(f"exception on the page: {el.exception.message[:200]}")
                wid = getattr(getattr(el, which), "id", "") if which else ""
                if isinstance(wid, str) and wid.startswith("$$ID-"):
                    self.ids[wid.split("-", 2)[-1]] = wid
            elif kind == "script_finished":
                return time.perf_counter() - t0


def actions(name: str, rng: random.Random):
    """(kind, widgets to send) for one page; numbers are fresh, so many runs miss the caches."""
    if name == "explorer":
        return rng.choice([("explorer: input size", {"ex_in": rng.randint(1, 120)}),
                           ("explorer: kernel", {"ex_k": rng.randint(1, 15)}),
                           ("explorer: stride", {"ex_s": rng.randint(1, 8)}),
                           ("explorer: output", {"ex_out": rng.randint(1, 400)}),
                           ("explorer: one-click fix", {"ex_fix_0": True})])
    p = "fc" if name == "forward" else "tc"
    return rng.choice([(f"{name}: next step", {f"{p}_next": True}),
                       (f"{name}: back", {f"{p}_back": True}),
                       (f"{name}: new seed", {f"{p}_seed": rng.randint(0, 9999)}),
                       (f"{name}: new input size", {f"{p}_in": [rng.randint(3, 9)]})])


async def session(url: str, idx: int, seconds: float, seed: int, lat: dict, errors: list, think=(1.0, 3.0),
                  lang: str = "en"):
    import websockets
    rng = random.Random(seed * 1000 + idx)
    end = time.monotonic() + seconds
    names = list(PAGES)
    rng.shuffle(names)
    try:
        async with websockets.connect(url.replace("http", "ws") + "/_stcore/stream",
                                      subprotocols=["streamlit"], max_size=None) as ws:
            client, turn = Client(ws), 0
            while time.monotonic() < end:
                name = names[turn % len(names)]
                path = PAGES[name] if lang == "en" else PAGES[name] + ("&" if "?" in PAGES[name] else "?") + f"lang={lang}"
                lat.setdefault("page open / switch", []).append(await client.open(path))
                turn += 1
                for _ in range(rng.randint(4, 8)):
                    if time.monotonic() >= end:
                        break
                    await asyncio.sleep(rng.uniform(*think))
                    kind, widgets = actions(name, rng)
                    lat.setdefault(kind, []).append(await client.rerun(**widgets))
    except Exception as exc:  # noqa: BLE001 - any failure of a session is an error to report
        errors.append(f"session {idx}: {type(exc).__name__}: {str(exc)[:300]}")


async def main_async(args) -> int:
    lat: dict = {}
    errors: list = []
    with tempfile.TemporaryDirectory(prefix="convt-load-ws-") as tmp:
        server = Server(Path(tmp) / "server.log", {"NUMBA_CACHE_DIR": str(Path(tmp) / "numba")})
        try:
            server.wait_healthy()
            warm: dict = {}
            await session(server.url, -1, 1, args.seed, warm, errors, think=(0, 0), lang=args.lang)  # kernels, imports
            await asyncio.sleep(1.0)
            rss_before, cpu_before, load_before = server.rss_kb(), server.cpu_seconds(), os.getloadavg()[0]
            samples: list = []
            stop = asyncio.Event()
            sampler = asyncio.create_task(sample_rss(server, samples, stop))
            t0 = time.monotonic()
            try:
                await asyncio.wait_for(asyncio.gather(*(session(server.url, i, args.seconds, args.seed, lat, errors, lang=args.lang)
                                                        for i in range(args.sessions))), args.seconds + 60)
            except asyncio.TimeoutError:
                errors.append(f"sessions still running {args.seconds + 60:.0f} s after the start")
            wall, cpu = time.monotonic() - t0, server.cpu_seconds() - cpu_before
            stop.set()
            await sampler
            await asyncio.sleep(2.0)
            rss_after, alive = server.rss_kb(), server.alive()
            if not alive:
                errors.append("the server process died:\n" + server.log()[-3000:])
        finally:
            server.stop()
    actions_ms = [1000 * v for k, vs in lat.items() if k != "page open / switch" for v in vs]
    peak = max(samples) if samples else 0
    print(f"\nLoad (websocket clients, lang={args.lang}): {args.sessions} sessions for {args.seconds:.0f} s (wall {wall:.0f} s), "
          f"{os.cpu_count()} CPUs, 1-minute load average before {load_before:.1f}, after "
          f"{os.getloadavg()[0]:.1f}\n")
    print("| metric | value |\n|---|---|")
    print(f"| errors | {len(errors)} |")
    print(f"| reruns timed (actions) | {len(actions_ms)} |")
    print(f"| rerun latency p50 / p95 / max | {pct(actions_ms, 0.5):.0f} / {pct(actions_ms, 0.95):.0f} / "
          f"{max(actions_ms) if actions_ms else float('nan'):.0f} ms |")
    print(f"| server CPU during the run | {cpu:.0f} s in {wall:.0f} s ({100 * cpu / wall:.0f}% of one core) |")
    print(f"| server RSS before / peak / after | {rss_before / 1024:.0f} / {peak / 1024:.0f} / {rss_after / 1024:.0f} MB |")
    print("\n| action | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|")
    for kind, values in sorted(lat.items()):
        ms = [1000 * v for v in values]
        print(f"| {kind} | {len(ms)} | {pct(ms, 0.5):.0f} | {pct(ms, 0.95):.0f} | {max(ms):.0f} |")
    for e in errors[:20]:
        print(" -", e)
    return 1 if errors else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lang", default="en", help="en or zh: the pages' language (?lang=)")
    return asyncio.run(main_async(ap.parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
