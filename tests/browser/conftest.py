"""Real-browser tests: Debian's Chromium, headless, driven by Playwright against a live server.

Every module here sets ``pytestmark = pytest.mark.browser``; run them with ``pytest -m browser``
(``.ci/run`` installs Chromium and does). Tests keep a screenshot of each page they visit in
their temporary folder, for a person to look at when one fails.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("STATUSCODES_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# alongside it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def shots(tmp_path):
    """``shots(page, "name")`` saves a full-page screenshot in the test's temporary folder."""
    folder = tmp_path / "screenshots"
    folder.mkdir()

    def take(page, name):
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)

    take.folder = folder
    return take


def new_page(browser, *, locale="en-US", javascript=True):
    context = browser.new_context(
        locale=locale,
        extra_http_headers={"Accept-Language": locale},
        java_script_enabled=javascript,
        viewport={"width": 1200, "height": 900},
    )
    return context.new_page()
