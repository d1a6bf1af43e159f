"""Browser tests: a real `streamlit run app.py` driven by Playwright in Debian's Chromium.

- The server runs once per test session on a free localhost port, with a fresh NUMBA_CACHE_DIR,
  and is polled on /_stcore/health before any test starts.
- Chromium is looked up at $CHROMIUM_PATH, /usr/bin/chromium, then `chromium` on PATH
  (Playwright's own browser download cannot work here). Without one the tests are skipped with the
  reason — unless CONVT_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser fails them.
- Screenshots go to tests/e2e/screenshots/ (gitignored).
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from .harness import CHROMIUM_ARGS, Server, find_chromium

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
REQUIRE_BROWSER = os.environ.get("CONVT_REQUIRE_BROWSER", "") not in ("", "0", "false", "no")

# The pages, as (file, URL path, sidebar label). A page whose file has not landed yet is xfailed
# (strict=False) at collection time by the tests that need it.
PAGES = [
    ("pages/1_Forward_convolution.py", "Forward_convolution", "Forward convolution"),
    ("pages/2_Transposed_convolution.py", "Transposed_convolution", "Transposed convolution"),
    ("pages/3_Shape_explorer.py", "Shape_explorer", "Shape explorer"),
    ("pages/4_Error_decoder.py", "Error_decoder", "Error decoder"),
    ("pages/5_Gradient.py", "Gradient", "Gradient"),
    ("pages/6_Checkerboard_artifacts.py", "Checkerboard_artifacts", "Checkerboard artifacts"),
    ("pages/7_Encoder_decoder.py", "Encoder_decoder", "Encoder decoder"),
    ("pages/8_Translator.py", "Translator", "Translator"),
    ("pages/9_Misconceptions.py", "Misconceptions", "Misconceptions"),
]


def page_exists(file: str) -> bool:
    return (ROOT / file).exists()


def needs_page(file: str):
    """xfail (not strict) a test whose page file does not exist yet; a no-op once it does."""
    return pytest.mark.xfail(not page_exists(file), reason=f"{file} has not landed yet",
                             strict=False)


def pytest_configure(config):
    config.addinivalue_line("markers", "e2e: real-browser test (Chromium + streamlit run)")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).resolve().parent
    for item in items:
        if Path(str(item.fspath)).resolve().is_relative_to(here):
            item.add_marker(pytest.mark.e2e)


def _unavailable(reason: str):
    if REQUIRE_BROWSER:
        pytest.fail(f"CONVT_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_path():
    path = find_chromium()
    if path is None:
        _unavailable("no Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium, PATH); "
                     "install it with `apt-get install -y chromium`")
    return path


@pytest.fixture(scope="session")
def sync_api():
    try:
        from playwright import sync_api
    except ImportError as exc:  # pragma: no cover - playwright is in requirements-dev.txt
        _unavailable(f"playwright is not importable ({exc}); pip install -r requirements-dev.txt")
    return sync_api


@pytest.fixture(scope="session")
def browser(chromium_path, sync_api):
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory, browser):
    # Depends on `browser` so that without Chromium the server is never started.
    if not (ROOT / "app.py").exists():
        pytest.xfail("app.py has not landed yet")
    srv = Server(tmp_path_factory.mktemp("streamlit") / "server.log",
                 env_extra={"NUMBA_CACHE_DIR": str(tmp_path_factory.mktemp("numba-cache"))})
    srv.wait_healthy()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def app_url(server):
    return server.url


def wait_for_app_run(page, timeout: float = 30_000):
    """Streamlit's own recipe: connected, script not running, no skeletons left."""
    from playwright.sync_api import expect
    page.wait_for_timeout(250)
    page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']").wait_for(
        state="attached", timeout=timeout)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(
        state="attached", timeout=timeout)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=timeout)
    wait_for_layout(page)


# The page's height and every iframe's height: the browser player's iframe takes its content's
# height only after it has loaded, and moves everything below it.
_LAYOUT = """() => [document.querySelector("[data-testid='stMain']")?.scrollHeight ?? 0,
                     ...[...document.querySelectorAll("iframe")].map(f => f.offsetHeight)].join(",")"""


def wait_for_layout(page, most_ms: int = 5_000, every_ms: int = 150):
    """Until the layout holds still for ``every_ms`` (at most ``most_ms``: a playing player may
    keep changing its caption): a click aimed at an element that is still moving (an iframe
    growing above it on a loaded machine) lands on whatever is there next."""
    last = page.evaluate(_LAYOUT)
    for _ in range(most_ms // every_ms):
        page.wait_for_timeout(every_ms)
        now = page.evaluate(_LAYOUT)
        if now == last:
            return
        last = now


def goto(page, url: str, timeout: float = 60_000):
    page.goto(url)
    page.wait_for_selector("[data-testid='stAppViewContainer']", state="attached", timeout=timeout)
    wait_for_app_run(page, timeout=timeout)


def expect_no_exception(page):
    from playwright.sync_api import expect
    expect(page.get_by_test_id("stException")).to_have_count(0)
    body = page.locator("body").inner_text()
    assert "Traceback (most recent call last)" not in body
    assert "Oh no." not in body


def screenshot(page, name: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@contextmanager
def open_page(browser, app_url, server, **context):
    """A fresh browser context (``context``: Playwright's new_context options); on leaving, the
    server must still run and the page must have raised no JavaScript error."""
    ctx = browser.new_context(**context)
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    js_errors: list[str] = []
    pg.on("pageerror", lambda exc: js_errors.append(str(exc)))
    pg.app_url = app_url
    yield pg
    ctx.close()
    assert server.alive(), "the streamlit server died:\n" + server.log()[-5000:]
    assert not js_errors, f"JavaScript errors on the page: {js_errors}"


@pytest.fixture
def page(browser, app_url, server):
    """A fresh browser context per test; JS errors on the page fail the test."""
    with open_page(browser, app_url, server, viewport={"width": 1280, "height": 900}) as pg:
        yield pg
