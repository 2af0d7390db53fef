from __future__ import annotations

import json
import os

from kg.ingest.read import Problem, read_paths


def _read(*paths):
    items = list(read_paths([str(p) for p in paths]))
    return [i for i in items if not isinstance(i, Problem)], [i for i in items if isinstance(i, Problem)]


def test_read_text_markdown_and_directories(tmp_path):
    (tmp_path / "a.txt").write_text("Hackers hit a bank.\nMore text.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Title\nBody")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    articles, problems = _read(tmp_path)
    assert [a.id for a in articles] == ["a.txt", "b.md"]
    assert articles[0].title == "Hackers hit a bank."
    assert problems == []


def test_read_jsonl_reports_bad_lines_and_keeps_the_rest(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "x1", "text": "One.", "published": "2021-05-08", "url": "https://example.org/1"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Two."}),
    ]))
    articles, problems = _read(path)
    assert [a.id for a in articles] == ["x1", "news.jsonl:4"]
    assert articles[0].published == "2021-05-08"
    assert [p.path for p in problems] == [f"{path}:2", f"{path}:3"]


def test_read_bad_inputs_are_named(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes("Hackers".encode("utf-16"))
    os.mkfifo(tmp_path / "pipe.txt")
    articles, problems = _read(tmp_path, tmp_path / "missing.txt")
    by_path = {os.path.basename(p.path): p.message for p in problems}
    assert "binary" in by_path["binary.txt"]
    assert "not a regular file" in by_path["pipe.txt"]
    assert "does not exist" in by_path["missing.txt"]
    texts = {a.id: a.text for a in articles}
    assert texts["latin.txt"] == "caf\ufffd"
    assert texts["utf16.txt"] == "Hackers"


def test_read_stdin_articles_get_ids_from_their_text():
    from io import StringIO

    from kg.ingest.read import _read_stdin

    def ids(text: str) -> list[str]:
        return [a.id for a in _read_stdin(StringIO(text)) if not isinstance(a, Problem)]

    story = "Hackers broke into Acme Bank on Monday, the bank said.\n"
    assert ids(story) == ids(story) != ids(story.replace("Monday", "Tuesday"))
    lines = '{"text": "One story."}\n{"text": "Another story."}\n{"id": "given", "text": "A third."}\n' \
            '{"url": "https://news.example/a", "text": "A fourth."}\n'
    first = ids(lines)
    assert first[2:] == ["given", "https://news.example/a"] and len(set(first)) == 4
    assert ids('{"text": "Another story."}\n')[0] == first[1]  # the same text gets the same id, whatever its line


def test_read_folder_that_gives_no_article_is_reported(tmp_path):
    empty, foreign, bad, mixed = (tmp_path / name for name in ("empty", "foreign", "bad", "mixed"))
    for folder in (empty, foreign, bad, mixed):
        folder.mkdir()
    (foreign / "scan.png").write_bytes(b"\x89PNG")
    (foreign / "sheet.xlsx").write_bytes(b"PK")
    (bad / "blank.txt").write_text("  \n")
    (bad / "broken.pdf").write_bytes(b"%PDF-1.4 no")
    (mixed / "good.txt").write_text("Hackers hit a bank.")
    (mixed / "scan.png").write_bytes(b"\x89PNG")
    articles, problems = _read(empty, foreign, bad, mixed)
    messages = {p.path: p.message for p in problems}
    assert [a.id for a in articles] == ["good.txt"]
    assert messages[str(empty)] == "is an empty folder: nothing to read"
    assert "scan.png, sheet.xlsx: unsupported types" in messages[str(foreign)] and ".pdf" in messages[str(foreign)]
    assert "all 2 of its input(s) were skipped" in messages[str(bad)]
    assert str(bad / "blank.txt") in messages and str(bad / "broken.pdf") in messages
    assert str(mixed) not in messages
