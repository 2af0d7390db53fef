"""Random text through the whole extractor (clean -> spaCy -> extract -> merge): no exception, and every
claim's offsets point inside the text as read."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.models import Article
from kg.nlp.model import load
from kg.pipeline import analyse
from kg.resolve.merge import merge

WORDS = st.sampled_from(["Hackers", "attacked", "the", "Acme Bank", "FBI", "said", "Russia", "denied", "it",
                         "according to", "Reuters", "ransomware", "group", "on Monday", ".", ",", "\n\n", "'s"])
TEXT = st.one_of(st.text(max_size=300), st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=80).map(" ".join))


@pytest.fixture(scope="module")
def nlp():
    return load("en_core_web_sm")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=1, max_size=3), html=st.booleans())
def test_random_text_extracts_with_offsets_in_bounds(nlp, texts, html):
    articles = [Article(id=f"{n}.txt", text=text, html=html) for n, text in enumerate(texts)]
    results = list(analyse(nlp, articles))
    graph = merge(results)
    lengths = {a.id: len(a.text) for a in articles}
    for claim in graph.claims:
        assert 0 <= claim.start <= claim.end <= lengths[claim.article], claim
    ids = {e.id for e in graph.entities} | {i.id for i in graph.incidents}
    assert all(c.subject in ids and c.object in ids for c in graph.claims)
