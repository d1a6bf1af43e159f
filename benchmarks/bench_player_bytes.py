"""Bytes the server sends per rerun with the browser player on the page, counted on the websocket.

    python benchmarks/bench_player_bytes.py [--query "in=8&k=3&s=1&pad=SAME"] [--steps 5]

Opens the forward-convolution page in Chromium against a local `streamlit run app.py` (the player
loads with the page, or after its one click for a large animation: that run sends every frame), opens the folded "Step on the server" panel, then
steps with its "Next ▶" button: each click is one rerun with the player still on the page.
Prints the bytes received on the websocket for the page's first run and for each step's run, and
the size of the player's iframe (srcdoc).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import CHROMIUM_ARGS, Server, find_chromium, wait_for_run  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--query", default="in=8&k=3&s=1&pad=SAME")
    ap.add_argument("--steps", type=int, default=5)
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright
    received = [0]

    def on_socket(ws):
        ws.on("framereceived", lambda payload: received.__setitem__(0, received[0] + len(payload)))

    with tempfile.TemporaryDirectory(prefix="convt-bytes-") as tmp:
        server = Server(Path(tmp) / "server.log", {"NUMBA_CACHE_DIR": str(Path(tmp) / "numba")})
        try:
            server.wait_healthy()
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.on("websocket", on_socket)
                page.goto(f"{server.url}/Forward_convolution?{args.query}")
                wait_for_run(page, 120_000)
                load = page.locator(".st-key-conv_load_player button")
                page.locator("iframe").or_(load).first.wait_for(state="attached", timeout=60_000)
                if load.count():   # a large animation's player waits for one click: count that run too
                    load.first.click()
                    wait_for_run(page, 120_000)
                page.locator("iframe").first.wait_for(state="attached", timeout=60_000)
                opened = received[0]
                srcdoc = page.locator("iframe").first.get_attribute("srcdoc") or ""
                panel = page.locator("[data-testid='stExpander']").filter(has=page.locator(".st-key-fc_next"))
                if not page.locator(".st-key-fc_next button").first.is_visible():
                    panel.locator("summary").first.click()  # a browser-side fold: no rerun
                page.locator(".st-key-fc_next button").first.wait_for(state="visible", timeout=10_000)
                steps = []
                for _ in range(args.steps):
                    received[0] = 0
                    page.locator(".st-key-fc_next button").first.click()
                    wait_for_run(page)
                    page.wait_for_timeout(300)
                    steps.append(received[0])
                browser.close()
        finally:
            server.stop()
    print("| page | page open with the player (one run) | per step rerun, median (max) | iframe srcdoc |")
    print("|---|---:|---:|---:|")
    print(f"| Forward_convolution?{args.query} | {opened / 1e6:.2f} MB | {statistics.median(steps) / 1e3:.1f} KB "
          f"({max(steps) / 1e3:.1f} KB) | {len(srcdoc) / 1e6:.2f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
