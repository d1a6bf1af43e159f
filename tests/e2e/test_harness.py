"""The browser tests' own rules, checked without a browser: a missing Chromium skips the e2e
tests locally but fails them when CONVT_REQUIRE_BROWSER=1 (CI)."""
import pytest

from . import conftest


def test_missing_browser_skips_locally(monkeypatch):
    monkeypatch.setattr(conftest, "REQUIRE_BROWSER", False)
    with pytest.raises(pytest.skip.Exception, match="no Chromium"):
        conftest._unavailable("no Chromium found")


def test_missing_browser_fails_in_ci(monkeypatch):
    monkeypatch.setattr(conftest, "REQUIRE_BROWSER", True)
    with pytest.raises(pytest.fail.Exception, match="CONVT_REQUIRE_BROWSER=1"):
        conftest._unavailable("no Chromium found")


def test_chromium_lookup_honours_chromium_path(monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("CHROMIUM_PATH", str(fake))
    assert conftest.find_chromium() == str(fake)


def test_every_page_file_is_covered():
    from pathlib import Path
    files = {p.relative_to(conftest.ROOT).as_posix() for p in (conftest.ROOT / "pages").glob("*.py")}
    assert files <= {f for f, _, _ in conftest.PAGES}, "a page is missing from tests/e2e PAGES"
