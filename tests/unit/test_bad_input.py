"""Bad input: each file gets a clear message naming it; the other files still go through."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest.clean import clean_text
from kg.ingest.read import Problem, read_paths

GOOD = "Hackers broke into the network of Acme Bank on Monday, the bank said in a statement to reporters.\n"


def _problems(*paths) -> dict[str, str]:
    return {os.path.basename(p.path): p.message for p in read_paths([str(x) for x in paths]) if isinstance(p, Problem)}


def test_bad_input_each_kind_is_named(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("  \n\t \n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "german.txt").write_text("Die Hacker sind in das Netzwerk der Bank eingedrungen und haben Daten von "
                                         "Kunden gestohlen, teilte die Bank am Montag mit. Die Polizei ermittelt seit "
                                         "Dienstag gegen unbekannte Täter aus dem Ausland und prüft weitere Spuren.")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(50 * 2**20)
    problems = _problems(tmp_path)
    assert "empty" in problems["empty.txt"] and "empty" in problems["blank.txt"]
    assert "binary" in problems["image.txt"]
    assert "English" in problems["german.txt"]
    assert "loop.txt" in problems and "cannot be read" in problems["loop.txt"]
    assert "MB limit" in problems["big.txt"]
    good = [a for a in read_paths([str(tmp_path)]) if not isinstance(a, Problem)]
    assert [a.id for a in good] == ["good.txt"]


def test_bad_input_many_small_files(tmp_path):
    for n in range(10_000):
        (tmp_path / f"{n:05d}.txt").write_text(f"Article {n}. {GOOD}")
    articles = [a for a in read_paths([str(tmp_path)]) if not isinstance(a, Problem)]
    assert len(articles) == 10_000 and articles[0].id == "00000.txt"


def test_bad_input_file_vanishing_between_listing_and_reading(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD)
    real_walk = os.walk

    def walk_then_delete(top, *args, **kwargs):
        for folder, dirs, files in real_walk(top, *args, **kwargs):
            (tmp_path / "b.txt").unlink(missing_ok=True)  # listed, then gone before it is read
            yield folder, dirs, files

    monkeypatch.setattr(os, "walk", walk_then_delete)
    items = list(read_paths([str(tmp_path)]))
    assert any(isinstance(i, Problem) and i.path.endswith("b.txt") for i in items)
    assert any(not isinstance(i, Problem) and i.id == "a.txt" for i in items)


def test_bad_input_cli_goes_on_and_exits_nonzero(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "lines.jsonl").write_text('{"text": "' + GOOD.strip() + '"}\n{oops\n')
    (tmp_path / "latin1.txt").write_bytes(GOOD.replace("Acme", "Acm\xe9").encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes(GOOD.replace("Acme", "Zeta").encode("utf-16"))
    (tmp_path / "page.html").write_text(
        "<html><head><style>.x{color:red}</style><script>var owner = 'Quorvex Holdings';</script></head>"
        f"<body><p>{GOOD.replace('Acme', 'Tolvane')}</p><script>track('Quorvex Holdings')</script></body></html>")
    out = tmp_path / "out.json"
    done = subprocess.run([sys.executable, "-m", "kg", "extract", str(tmp_path), str(tmp_path / "missing.txt"),
                           "-o", str(out)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "COLUMNS": "300"})
    assert done.returncode == 1
    for name in ("empty.txt", "pipe.txt", "lines.jsonl:2", "missing.txt"):
        assert name in done.stderr, done.stderr
    assert "does not exist" in done.stderr
    assert "latin1.txt: is not valid UTF-8" in done.stderr and "U+FFFD" in done.stderr  # kept, and said so
    graph = out.read_text()
    for article in ("good.txt", "latin1.txt", "utf16.txt", "page.html", "lines.jsonl:1"):
        assert graph.count(f'"id": "{article}"') == 1, article
    assert "Zeta Bank" in graph and "Tolvane Bank" in graph
    assert "Quorvex" not in graph  # script text is not article text


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_bad_input_random_unicode_cleans_with_offsets_in_bounds(text):
    cleaned = clean_text(text)
    for start in range(0, len(cleaned.text), 7):
        begin, end = cleaned.origin_span(start, min(start + 5, len(cleaned.text)))
        assert 0 <= begin <= end <= len(text)
