from __future__ import annotations

import gc
import weakref

import pytest
import spacy

from kg.nlp.spans import capitalised_runs
from kg.nlp.tokens import tokens_of


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize("text", [
    "Officials at the Bank of England said Acme Global Services was hit.",
    "Headline here\n\nFirst  line ends\there.\nU.S.-based firm, “Night Owls”  said so ",
])
def test_tokens_span_text_is_spacys(blank, text):
    doc = blank(text)
    table = tokens_of(doc)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert table.span_text(start, end) == doc[start:end].text


@pytest.mark.parametrize("max_len, runs", [
    (6, [(0, 1), (3, 6), (7, 10)]),
    (2, [(0, 1), (3, 5), (5, 6), (7, 9), (9, 10)]),
])
def test_tokens_capitalised_runs_stop_at_max_len(blank, max_len, runs):
    doc = blank("Officials at the Bank of England said Acme Global Services was hit.")
    assert list(capitalised_runs(doc, max_len)) == runs


def test_tokens_go_with_their_doc(blank):
    doc = blank("Acme Bank was hit.")
    assert tokens_of(doc) is tokens_of(doc)  # read once per Doc
    assert tokens_of(blank("Acme Bank was hit.")) is not tokens_of(doc)
    gone = weakref.ref(doc)
    del doc
    gc.collect()
    assert gone() is None  # the copies hold no reference to the Doc
