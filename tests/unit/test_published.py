"""An article's own date, read from its HTML metadata or from a byline or dateline at the top of its text."""

from __future__ import annotations

import json

from kg.ingest.read import read_paths

PAGE = """<!doctype html><html><head><title>Hospitals hit</title>{meta}</head>
<body><article><h1>Hospitals hit</h1><p>Hackers hit hospitals across England last week in a ransomware
attack, officials said. The attack locked staff out of patient records for days.</p></article></body></html>"""


def _one(path):
    [article] = list(read_paths([str(path)]))
    return article


def test_published_from_html_meta_tags(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(meta='<meta property="article:published_time" content="2017-05-15T09:30:00+00:00">'))
    assert _one(page).published == "2017-05-15"
    ld = tmp_path / "ld.html"
    ld.write_text(PAGE.format(meta='<script type="application/ld+json">{"@type": "NewsArticle", '
                                   '"datePublished": "2016-03-02T10:00:00Z"}</script>'))
    assert _one(ld).published == "2016-03-02"


def test_published_html_without_metadata_is_not_guessed_from_the_body(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(meta="").replace("last week", "on December 23, 2015"))
    assert _one(page).published is None


def test_published_from_a_byline_or_dateline_at_the_top(tmp_path):
    cases = {
        "a.txt": ("Hospitals hit\nPublished 12 May 2017\nHackers hit hospitals last week.\n", "2017-05-12"),
        "b.txt": ("May 12, 2017 — Hackers hit hospitals last week.\n", "2017-05-12"),
        "c.txt": ("Hospitals hit\nPosted on: Friday, 12th May 2017 10:02\nHackers hit hospitals.\n", "2017-05-12"),
        # a dateline gives month and day; the year only from elsewhere (here none): no date
        "d.txt": ("WASHINGTON, Dec. 19 (Reuters) - Hackers hit the agency.\n", None),
        # a date further down is the story's, not the article's
        "e.txt": ("Hospitals hit\nHackers hit hospitals.\nA\nB\nC\nD\nE\nPublished 12 May 2017\n", None),
    }
    for name, (text, expected) in cases.items():
        (tmp_path / name).write_text(text)
        assert _one(tmp_path / name).published == expected, name
    dated = tmp_path / "2017" / "12"
    dated.mkdir(parents=True)
    (dated / "reuters.txt").write_text(cases["d.txt"][0])
    assert _one(dated / "reuters.txt").published == "2017-12-19"  # the year from the path


def test_published_jsonl_field_wins_and_html_rows_get_theirs(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join(json.dumps(row) for row in [
        {"id": "given", "text": "Published 12 May 2017\nHackers hit hospitals.", "published": "2017-05-13"},
        {"id": "byline", "text": "Published 12 May 2017\nHackers hit hospitals."},
        {"id": "page", "text": PAGE.format(meta='<meta itemprop="datePublished" content="2017-05-15">')},
    ]) + "\n")
    assert {a.id: a.published for a in read_paths([str(rows)])} == {
        "given": "2017-05-13", "byline": "2017-05-12", "page": "2017-05-15"}
