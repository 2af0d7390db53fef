"""The finders' trigger words: a gated finder runs only on a Doc that holds one of them."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import kg.nlp.components  # noqa: F401 - registers doc._.kg_lexicon
from kg.nlp.finders import FINDERS, triggered_by
from kg.nlp.lexicon import Lexicon
from kg.nlp.spans import Candidate


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def _probe(**trigger):
    calls = []

    @triggered_by(**trigger)
    def probe(doc: Doc) -> list[Candidate]:
        calls.append(doc)
        return [Candidate(0, 1, "Organization", 1, "probe")]

    return probe, calls


@pytest.mark.parametrize("words, lemmas, runs", [
    (["Acme", "said", "so"], ["Acme", "say", "so"], False),
    (["Acme", "bought", "Borealis"], ["Acme", "buy", "Borealis"], True),   # a trigger lemma
    (["A", "Quillmark", "unit"], ["a", "Quillmark", "unit"], True),       # a trigger word, lower-cased
    (["Acme", "Acquired", "it"], ["Acme", "ACQUIRE", "it"], True),        # lemmas compare lower-cased
])
def test_finders_gated_finder_runs_only_with_its_words(vocab, words, lemmas, runs):
    probe, calls = _probe(lowers=(frozenset({"quillmark"}),), lemmas=(frozenset({"buy", "acquire"}),))
    found = probe(Doc(vocab, words=words, lemmas=lemmas))
    assert bool(calls) is runs
    assert bool(found) is runs


def test_finders_trigger_reads_the_docs_lexicon(vocab):
    probe, calls = _probe(lowers=("unit_nouns",))
    own = Doc(vocab, words=["the", "Acme", "unit"], lemmas=["the", "Acme", "unit"])
    assert probe(own) and calls  # "unit" is in kg's own lexicon
    other = Doc(vocab, words=["the", "Acme", "unit"], lemmas=["the", "Acme", "unit"])
    other._.kg_lexicon = Lexicon({"unit_nouns": ["wing"]}, "test-lexicon")
    calls.clear()
    assert probe(other) == [] and not calls
    assert probe.trigger(other._.kg_lexicon) == (frozenset({"wing"}), frozenset())


def test_finders_some_are_gated():
    gated = [f.__name__ for f in FINDERS if hasattr(f, "trigger")]
    assert "_hacked_by" in gated and "_from_ner" not in gated
