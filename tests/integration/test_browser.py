"""Neo4j Browser end to end in headless Chromium, against the test server loaded with the seeds.

Needs Debian's /usr/bin/chromium (`make browser`) and the playwright package. Without them the test skips with
the reason, except in CI (CI=true), where the skip is a failure (tests/conftest.py).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from kg.browser import drive
from kg.browser.serve import server
from kg.nlp.model import load
from kg.pipeline import build
from kg.store.cypher import STATUS_LABELS
from kg.store.cypher import load as load_statement
from kg.store.writer import Writer, init_schema
from kg.style import STYLE, parse_grass, style_command

KG = [sys.executable, "-m", "kg"]
PNG = b"\x89PNG\r\n\x1a\n"
pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def browser_ready():
    reason = drive.unavailable()
    if reason:
        pytest.skip(reason)  # a failure under CI=true (tests/conftest.py)


@pytest.fixture
def http_url(neo4j_server) -> str:
    if "KG_HTTP_PORT" not in neo4j_server.env or "NEO4J_URI" in neo4j_server.env:
        pytest.skip("the browser test needs kg's own test server (it knows that server's HTTP port)")
    return f"http://127.0.0.1:{neo4j_server.env['KG_HTTP_PORT']}"


@pytest.fixture
def loaded(driver, seeds):
    init_schema(driver)
    Writer(driver, batch_size=50).write(build(load("en_core_web_sm"), [str(seeds)]).graph)
    return driver


def test_browser_logs_in_runs_attribution_and_shows_the_answer(browser_ready, http_url, neo4j_server, loaded,
                                                               tmp_path):
    port = _free_port()
    guide = server(port)
    threading.Thread(target=guide.serve_forever, daemon=True).start()
    try:
        with drive.page() as tab:
            drive.login(tab, http_url, neo4j_server.uri, neo4j_server.user, neo4j_server.password)
            # kg's server applies its style after login (post_connect_cmd); Browser runs it once it has read the
            # server's settings, which it does again every 20 s when the first read came before the login.
            tab.locator('[data-testid="frameCommand"]', has_text=":style {").first.wait_for(timeout=45_000)
            attribution = load_statement("attribution")
            frame = drive.run(tab, attribution.body, attribution.values({"target": "Sony Pictures"}))
            frame.get_by_text("Guardians of Peace").first.wait_for()
            answer = frame.inner_text()
            assert "North Korea" in answer and "suspected" in answer
            frame.screenshot(path=str(tmp_path / "attribution-table.png"))
            drive.run(tab, f":guide http://127.0.0.1:{port}/guide.html")
            tab.get_by_text("kg: questions about cyber-attack news").first.wait_for()
            tab.get_by_test_id("guideNextSlide").click()
            tab.get_by_role("heading", name="attribution").first.wait_for()
            tab.screenshot(path=str(tmp_path / "guide.png"))
    finally:
        guide.shutdown()
    assert (tmp_path / "attribution-table.png").read_bytes().startswith(PNG)


def test_browser_cli_screenshot_draws_the_attribution_subgraph(browser_ready, http_url, loaded, kg_env, tmp_path):
    picture = tmp_path / "attribution.png"
    done = subprocess.run([*KG, "browser", "--screenshot", str(picture), "--target", "Sony Pictures"], env=kg_env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    data = picture.read_bytes()
    assert data.startswith(PNG) and len(data) > 30_000
    assert int.from_bytes(data[16:20], "big") == 1400 and int.from_bytes(data[20:24], "big") == 900


def test_browser_cli_prints_url_login_and_style(http_url, kg_env, neo4j_server):
    done = subprocess.run([*KG, "browser"], env={**kg_env, "COLUMNS": "200"}, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert f"{http_url}/browser/" in done.stdout and "Log in as neo4j; password: " in done.stdout
    assert neo4j_server.password not in done.stdout + done.stderr
    assert "\n:style {" in done.stdout and "kg browser --serve" in done.stdout


def test_browser_cli_serves_guide_and_style_with_cors(kg_env):
    port = _free_port()
    process = subprocess.Popen([*KG, "browser", "--serve", "--port", str(port)], env=kg_env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            try:
                response = urllib.request.urlopen(f"http://127.0.0.1:{port}/guide.html", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("kg browser --serve did not answer")
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "<slide" in response.read().decode()
        style = urllib.request.urlopen(f"http://127.0.0.1:{port}/style.grass", timeout=2).read().decode()
        assert "node.Incident" in style
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/serve.py", timeout=2)
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_browser_colours_claims_by_status_and_captions_edges_with_it(browser_ready, http_url, neo4j_server, loaded):
    """GraSS styles nodes by label only; the status label on each Claim is what lets the drawing tell a
    suspected claim from an asserted or denied one. Checked on the SVG that Browser draws."""
    rules = parse_grass(STYLE.read_text())
    colours = {status: rules[f"node.{label}"]["color"] for status, label in STATUS_LABELS.items()}
    assert len(set(colours.values())) == len(colours)
    with drive.page() as tab:
        drive.login(tab, http_url, neo4j_server.uri, neo4j_server.user, neo4j_server.password)
        drive.run(tab, style_command())
        drive.run(tab, ":config autoComplete: false")
        drawing = load_statement("browser/attribution")
        frame = drive.run(tab, drawing.body, drawing.values({"target": "Sony Pictures"}))
        frame.locator("svg g.node").first.wait_for(timeout=30_000)
        tab.wait_for_timeout(2000)
        nodes = frame.locator("svg g.node")
        drawn: dict[str, set[str]] = {}
        for i in range(nodes.count()):
            caption = "".join(nodes.nth(i).locator("text").all_text_contents()).strip()
            fill = nodes.nth(i).locator("circle.b-outline").get_attribute("fill")
            drawn.setdefault(caption, set()).add(fill.upper())
        edges = frame.locator("svg g.relationship text").all_text_contents()
    statuses = {caption: fills for caption, fills in drawn.items() if caption in colours}
    assert "suspected" in statuses and len(statuses) >= 2, drawn
    for status, fills in statuses.items():
        assert fills == {colours[status].upper()}, (status, fills)
    assert len({fill for fills in statuses.values() for fill in fills}) == len(statuses)
    assert drawn["North Korea"] == {rules["node.Country"]["color"].upper()}
    assert set(edges) & set(colours), edges  # a direct edge's caption is its status, in full
