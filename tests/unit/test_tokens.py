from __future__ import annotations

import gc
import weakref

import pytest
import spacy
from spacy.tokens import Doc

from kg.nlp.spans import capitalised_runs, run_end, sentence_bounds
from kg.nlp.tokens import ent_types_of, ents_of, model_entities, model_memo, positions, tokens_of


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


@pytest.mark.parametrize("text", [
    "Officials at the Bank of England said Acme Global Services was hit.",
    "Headline here\n\nFirst  line ends\there.\nU.S.-based firm, “Night Owls”  said so ",
    "",
])
def test_tokens_match_spacys_attributes(blank, text):
    # a second vocab too: the strings the tables have read are shared by hash, whatever the vocab
    parsed = Doc(blank.vocab, words=["Acme", "said", "it", "was", "hit"], heads=[1, 1, 4, 4, 1],
                  deps=["nsubj", "ROOT", "nsubjpass", "auxpass", "ccomp"], ents=["B-ORG", "O", "O", "O", "O"])
    for doc in (blank(text), spacy.blank("en")(text), parsed):
        table = tokens_of(doc)
        assert table.doc_text == doc.text
        for t in doc:
            assert (table.text[t.i], table.lower[t.i], table.lemma[t.i], table.whitespace[t.i], table.is_punct[t.i],
                    table.is_alpha[t.i], table.idx[t.i], table.tag[t.i], table.pos[t.i], table.dep[t.i],
                    table.sent_start[t.i], table.upper[t.i], table.is_lower[t.i], table.head[t.i]) == (
                t.text, t.lower_, t.lemma_, t.whitespace_, t.is_punct, t.is_alpha, t.idx, t.tag_, t.pos_, t.dep_,
                t.is_sent_start is True, t.text[:1].isupper(), t.is_lower, t.head.i)


def test_tokens_hold_the_models_entities_while_asked(blank):
    doc = Doc(blank.vocab, words=["Acme", "Bank", "was", "hit", "in", "Kell"], ents=["B-ORG", "I-ORG", "O", "O", "O", "B-GPE"])
    with model_entities(doc):
        assert ents_of(doc) is ents_of(doc)  # read once
        assert [(e.start, e.end, e.label_) for e in ents_of(doc)] == [(0, 2, "ORG"), (5, 6, "GPE")]
        assert ent_types_of(doc) == ["ORG", "ORG", "", "", "", "GPE"]
        model_memo(doc)["worked out"] = True
        assert model_memo(doc) == {"worked out": True}
    doc.ents = []
    assert ents_of(doc) == () and ent_types_of(doc) == [""] * 6  # once released, what the Doc holds now
    assert model_memo(doc) == {}


def _runs_one_by_one(table, max_len):
    runs, i = [], 0
    while i < len(table.text):
        if table.upper[i] and not table.is_punct[i]:
            runs.append((i, run_end(table, i, max_len)))
            i = runs[-1][1]
        else:
            i += 1
    return runs


@pytest.mark.parametrize("max_len", [1, 2, 3, 4, 6])
def test_tokens_capitalised_runs_are_each_runs_end(blank, max_len):
    # the runs are read off the longest run from each word; they are what run_end gives word by word
    doc = blank("The U.S.-based Bank of England and Acme Global Services Group Holdings said. A New York Times "
                "report on Quillmark Health Systems (QHS) of Kell\nRiverton Police Department")
    assert list(capitalised_runs(doc, max_len)) == _runs_one_by_one(tokens_of(doc), max_len)


@pytest.mark.parametrize("sent_starts", [
    [True, False, False, True, False, True],
    [False, False, True, False, False, False],  # the first token starts a sentence, flagged or not
])
def test_tokens_sentence_bounds_are_spacys(blank, sent_starts):
    doc = Doc(blank.vocab, words=["Acme", "was", "hit", "Kell", "said", "so"], sent_starts=sent_starts)
    assert [sentence_bounds(doc, t.i) for t in doc] == [(t.sent.start, t.sent.end) for t in doc]


@pytest.mark.parametrize("value, found", [("the", [0, 3, 6]), ("said", [7]), ("Kell", [])])
def test_tokens_positions_of_a_word(value, found):
    column = ["the", "hackers", "hit", "the", "bank", "and", "the", "said"]
    assert positions(column, value) == found == [k for k, word in enumerate(column) if word == value]
