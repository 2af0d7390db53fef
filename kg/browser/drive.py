"""Driving Neo4j Browser in headless Chromium with playwright: log in, run commands, take pictures.

Used by `kg browser --screenshot` and by the end-to-end test. It needs the `playwright` package (kg's `test`
extra) and Debian's Chromium at /usr/bin/chromium (`make browser`); playwright's own browser download is not used.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from kg.errors import KGError
from kg.style import style_command

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
EDITOR = "#monaco-main-editor"
FRAME = '[data-testid="frame"]'


class BrowserError(KGError):
    """Neo4j Browser cannot be driven here, or did not do what was asked."""


def unavailable() -> str | None:
    """Why a headless browser cannot run here (and how to fix it), or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is missing: .venv/bin/pip install -e '.[test]'"
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)"
    return None


@contextmanager
def page(width: int = 1400, height: int = 900) -> Iterator:
    """A fresh headless Chromium page (no stored Browser settings)."""
    reason = unavailable()
    if reason:
        raise BrowserError(f"Cannot start a headless browser: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser.new_page(viewport={"width": width, "height": height})
        finally:
            browser.close()


def login(tab, http_url: str, bolt_uri: str, user: str, password: str, timeout: float = 90) -> None:
    """Open Neo4j Browser at `http_url`, connect it to `bolt_uri`, and wait until its first frames are shown."""
    tab.set_default_timeout(timeout * 1000)
    tab.goto(f"{http_url.rstrip('/')}/browser/")
    tab.fill('[data-testid="boltaddress"]', bolt_uri)
    tab.fill('[data-testid="username"]', user)
    tab.fill('[data-testid="password"]', password)
    tab.click('[data-testid="connect"]')
    try:
        tab.wait_for_selector('[data-testid="connect"]', state="detached")
        tab.locator(FRAME).first.wait_for()
    except Exception as error:  # noqa: BLE001 - playwright's TimeoutError; say what the page shows instead
        raise BrowserError(f"Neo4j Browser at {http_url} did not connect to {bolt_uri} within {timeout:.0f} s; "
                           f"the page ends with: {tab.inner_text('body')[-300:]!r}") from error
    _settle(tab)


def _settle(tab, quiet: float = 3.0, limit: float = 30.0) -> None:
    """Wait until no frame has appeared for `quiet` seconds: after connecting, Browser runs `:play start` and
    the server's post_connect_cmd (kg's `:style`) a moment later, and they must not land between our frames."""
    waited, still, count = 0.0, 0.0, -1
    while still < quiet and waited < limit:
        now = tab.locator(FRAME).count()
        still = still + 0.25 if now == count else 0.0
        count = now
        tab.wait_for_timeout(250)
        waited += 0.25


def run(tab, command: str, params: dict | None = None):
    """Run a Browser command or a Cypher statement (made one line) from the main editor; return its frame.

    With `params`, `:params` sets them first, as a user would before running a parameterised query.
    """
    if params is not None:
        run(tab, f":params {json.dumps(params)}")
    line = " ".join(command.split())
    frames = tab.locator(FRAME)
    before = frames.count()
    tab.click(EDITOR)
    tab.keyboard.press("Control+A")
    tab.keyboard.press("Delete")
    tab.keyboard.insert_text(line)
    tab.click('[data-testid="editor-Run"]')
    for _ in range(600):  # polled from here: Browser's content security policy forbids evaluated scripts
        if frames.count() > before:
            break
        tab.wait_for_timeout(100)
    # Browser puts the newest frame on top; a late frame of its own may land above it, so find ours by its text.
    return frames.filter(has=tab.locator('[data-testid="frameCommand"]', has_text=line[:200])).first


def picture(tab, statement: str, params: dict, path: Path, settle: float = 4.0) -> None:
    """Draw a graph-shaped statement's result with kg's style, full screen and zoomed to fit, and save it as PNG.

    Browser's "connect result nodes" is switched off, so the picture shows exactly what the statement returns.
    """
    run(tab, style_command())
    run(tab, ":config autoComplete: false")
    frame = run(tab, statement, params)
    try:
        frame.locator("svg g.node").first.wait_for(timeout=30_000)
    except Exception as error:  # noqa: BLE001 - playwright's TimeoutError
        raise BrowserError(f"Nothing to draw for {params}: the frame says {frame.inner_text()[-300:]!r}") from error
    frame.locator('button[title="Fullscreen"]').click()
    tab.wait_for_timeout(settle * 1000)  # the force layout moves the nodes for a few seconds
    collapse = tab.locator('[title="Collapse the node properties display"]')
    if collapse.count():
        collapse.first.click()
    tab.locator('[aria-label="zoom-to-fit"]').first.click()
    tab.wait_for_timeout(1500)
    path.parent.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(path))
    tab.locator('button[title="Close fullscreen"]').first.click()
