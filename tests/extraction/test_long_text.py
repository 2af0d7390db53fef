"""Texts longer than spaCy's max_length go through in paragraph-aligned segments, with offsets into the
original text; one article that cannot be analysed never stops the others."""

from __future__ import annotations

import pytest

import kg.pipeline
from kg.ingest.read import Problem
from kg.models import Article
from kg.nlp.model import load
from kg.pipeline import analyse
from kg.resolve.merge import merge

FIRST = "Hackers attacked Acme Bank in 2021. Investigators attributed the attack on Acme Bank to the Lazarus Group."
LAST = ("Hackers attacked Quorvex Holdings in 2023. "
        "Investigators attributed the attack on Quorvex Holdings to Sandworm.")
FILLER = ["The company said its systems were restored within a week.",
          "Analysts said the incident was part of a wider campaign against the sector.",
          "Customers were told to change their passwords as a precaution.",
          "The regulator asked the firm for a full report on the breach."]


@pytest.fixture(scope="module")
def nlp():
    return load("en_core_web_sm")


def _long_text(chars: int) -> str:
    paragraphs, n = [], 0
    while sum(map(len, paragraphs)) < chars:
        sentences = " ".join(FILLER[(n + k) % 4] for k in range(3))
        paragraphs.append(f"{sentences} Report {n} came out on day {n % 28 + 1}.")
        n += 1
    return FIRST + "\n" + "\n".join(paragraphs) + "\n" + LAST + "\n"


def test_long_text_over_max_length_is_extracted_with_original_offsets(nlp):
    text = _long_text(1_050_000) + "Acme Bank said on Friday that its systems were back.\n"
    assert len(text) > nlp.max_length
    failures: list[Problem] = []
    graph = merge(list(analyse(nlp, [Article(id="long.txt", text=text), Article(id="short.txt", text=FIRST)],
                               failures=failures)))
    assert failures == []
    assert [a["id"] for a in graph.articles] == ["long.txt", "short.txt"]
    claims = [c for c in graph.claims if c.article == "long.txt"]
    for claim in claims:
        assert text[claim.start:claim.end] == claim.sentence
    attributed = [c for c in claims if c.predicate == "ATTRIBUTED_TO"]
    early = [c for c in attributed if c.end < 200]
    late = [c for c in attributed if c.start > 1_000_000]
    assert any("lazarus" in c.object for c in early) and any("sandworm" in c.object for c in late)
    # Named in the first segment and again in the last: one entity of the article, not one per segment.
    acme = [e for e in graph.entities if e.name == "Acme Bank"]
    assert len(acme) == 1 and acme[0].articles == ["long.txt", "short.txt"]
    assert text.rfind("Acme Bank") > 1_000_000


def test_long_text_one_failing_article_does_not_stop_the_others(nlp, monkeypatch):
    real = kg.pipeline.extract

    def extract(record, cleaned, doc):
        if record["id"] == "bad.txt":
            raise RuntimeError("boom")
        return real(record, cleaned, doc)

    monkeypatch.setattr(kg.pipeline, "extract", extract)
    articles = [Article(id=name, text=FIRST) for name in ("a.txt", "bad.txt", "c.txt")]
    failures: list[Problem] = []
    done = list(analyse(nlp, articles, failures=failures))
    assert [r.article["id"] for r in done] == ["a.txt", "c.txt"]
    assert [f.path for f in failures] == ["bad.txt"] and "RuntimeError: boom" in failures[0].message
    with pytest.raises(RuntimeError):
        list(analyse(nlp, articles))
