"""Pieces of the scale work that need no server: the benchmark corpus, CSV cells for neo4j-admin, chunking."""

from __future__ import annotations

import pytest

from benchmarks.corpus import articles
from kg.errors import InputError
from kg.export.admin import ARRAY_DELIMITER, _admin_type, _cell
from kg.chunks import chunks


def test_corpus_is_deterministic_by_size_and_seed():
    first = list(articles(30, seed=3))
    assert first == list(articles(30, seed=3))
    assert first != list(articles(30, seed=4))
    assert len({a["id"] for a in first}) == 30
    assert all(a["text"].strip() and a["published"][:4].isdigit() for a in first)


def test_corpus_mixes_the_sentence_shapes_the_extractor_reads():
    text = "\n".join(a["text"] for a in articles(60))
    for shape in ("might be responsible", "claimed responsibility", "denied any involvement", "according to",
                  "has hired", "is investigating", "chief executive", "took credit", "rejected the accusation"):
        assert shape in text, shape


@pytest.mark.parametrize("types, expected", [
    (["STRING NOT NULL"], "string"),
    (["INTEGER NOT NULL"], "long"),
    (["FLOAT NOT NULL"], "double"),
    (["BOOLEAN NOT NULL"], "boolean"),
    (["ZONED DATETIME NOT NULL"], "datetime"),
    (["LIST<STRING NOT NULL> NOT NULL", "LIST<NOTHING> NOT NULL"], "string[]"),
])
def test_admin_header_types(types, expected):
    assert _admin_type("k", types) == expected


def test_admin_refuses_a_column_of_mixed_types():
    with pytest.raises(InputError, match="one CSV column"):
        _admin_type("k", ["STRING NOT NULL", "INTEGER NOT NULL"])


@pytest.mark.parametrize("value, kind, cell", [
    (None, "string", ""),
    ("", "string", '""'),
    ('say "hi"\nnow', "string", '"say ""hi""\nnow"'),
    (True, "boolean", '"true"'),
    (0.1, "double", '"0.1"'),
    (["a", "b;c"], "string[]", f'"a{ARRAY_DELIMITER}b;c"'),
    ([], "string[]", ""),
])
def test_admin_cells(value, kind, cell):
    assert _cell(value, kind) == cell


def test_chunks_keep_order_and_size():
    assert list(chunks(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunks([], 3)) == []


def test_read_jsonl_streams_a_file_over_the_one_article_limit(tmp_path, monkeypatch):
    import json

    import kg.ingest.read as read

    monkeypatch.setattr(read, "MAX_BYTES", 300)
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{n}", "text": "Hackers hit Acme Bank. " * 3}) + "\n"
                            for n in range(20)) + json.dumps({"text": "x" * 400}) + "\n")
    assert path.stat().st_size > read.MAX_BYTES
    items = list(read.read_paths([str(path)]))
    assert [a.id for a in items[:20]] == [f"a{n}" for n in range(20)]
    assert isinstance(items[20], read.Problem) and items[20].path.endswith("batch.jsonl:21")


def test_read_jsonl_from_stdin_is_streamed(monkeypatch):
    import io
    import json

    from kg.ingest.read import read_paths

    lines = ["\n"] + [json.dumps({"id": f"s{n}", "text": "Hackers hit Acme Bank on Monday."}) + "\n" for n in range(3)]
    stream = io.StringIO("".join(lines))
    monkeypatch.setattr("sys.stdin", stream)
    reader = read_paths(["-"])
    assert next(reader).id == "s0"
    assert stream.tell() < len(stream.getvalue())  # the rest is still unread
    assert [a.id for a in reader] == ["s1", "s2"]
