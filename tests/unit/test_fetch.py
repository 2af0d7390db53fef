"""URLs: a real HTTP server on 127.0.0.1; the page goes through the HTML extractor, errors name the URL and
the fix, one bad URL never stops the other inputs, and nothing but the given URL is fetched."""

from __future__ import annotations

from kg.ingest.read import Problem, read_paths
from tests.inputs import ATTACK, Site, closed_port, make_pdf

PAGE = (f"<html><head><title>Bank hit by hackers</title><script src='/tracker.js'></script></head><body>"
        f"<nav><a href='/other.html'>Other news</a></nav><img src='/photo.jpg'>"
        f"<article><h1>Bank hit by hackers</h1><p>Acme Bank was breached in March, the bank said on Monday.</p>"
        f"<p>{ATTACK}</p></article></body></html>").encode()


def _split(items):
    return [i for i in items if not isinstance(i, Problem)], {p.path: p.message for p in items if isinstance(p, Problem)}


def test_fetch_pages_errors_and_files_together(tmp_path):
    (tmp_path / "local.txt").write_text(ATTACK)
    pdf = make_pdf(tmp_path / "r.pdf", [["Cover page of the report."], [ATTACK]]).read_bytes()
    refused = f"http://127.0.0.1:{closed_port()}/news.html"
    with Site({"/news.html": (200, "text/html; charset=utf-8", PAGE), "/r.pdf": (200, "application/pdf", pdf),
               "/note": (200, "text/plain", ATTACK.encode()), "/img": (200, "image/png", b"\x89PNG"),
               "/moved": (301, "text/html", b"/news.html")}) as site:
        urls = [f"{site.base}{path}" for path in ("/news.html", "/missing.html", "/r.pdf", "/note", "/img", "/moved")]
        articles, problems = _split(list(read_paths([*urls[:2], refused, *urls[2:], str(tmp_path / "local.txt")])))
        asked = list(site.requests)
    news, report, note, local = articles
    assert news.id == news.url == urls[0] and news.html and news.title == "Bank hit by hackers"
    assert report.id == urls[2] and len(report.pages) == 2 and report.text.index(ATTACK) >= report.pages[1]
    assert note.id == urls[3] and note.text == ATTACK and not note.html
    assert local.id == "local.txt"
    assert "HTTP 404" in problems[urls[1]] and "check the address" in problems[urls[1]]
    assert "could not be fetched" in problems[refused] and "refused" in problems[refused].lower()
    assert "image/png" in problems[urls[4]]
    assert "redirects (HTTP 301)" in problems[urls[5]] and urls[0] in problems[urls[5]]
    # One GET per given URL: the page's script, image and links, and the redirect's target, are never fetched.
    assert asked == ["/news.html", "/missing.html", "/r.pdf", "/note", "/img", "/moved"]


def test_fetch_html_goes_through_the_html_extractor():
    from kg.ingest.clean import clean

    with Site({"/news.html": (200, "text/html", PAGE)}) as site:
        (article,) = list(read_paths([f"{site.base}/news.html"]))
    text = clean(article).text
    assert ATTACK in text and "Other news" not in text and "tracker" not in text


def test_fetch_slow_server_times_out(monkeypatch):
    import socket

    import kg.ingest.fetch

    monkeypatch.setattr(kg.ingest.fetch, "TIMEOUT", 0.5)
    with socket.socket() as listener:  # accepts the connection, never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/slow"
        (problem,) = list(read_paths([url]))
    assert problem.path == url and "did not answer within 0.5 s" in problem.message


def test_fetch_other_schemes_are_refused():
    (problem,) = list(read_paths(["ftp://127.0.0.1/report.txt"]))
    assert "http:// or https://" in problem.message
