"""`kg ask` reads questions without a server: kinds from keywords, names from a (fake) graph look-up."""

from __future__ import annotations

import json

import pytest

from kg.cli.ask import KINDS, candidates, kind_of, read
from kg.errors import QueryError
from kg.store.cypher import canned
from tests.conftest import GOLD

GRAPH = {  # alias key -> what lookup/names would return for it
    "sony pictures": [{"id": "org:spe", "name": "Sony Pictures Entertainment", "type": "Organization",
                       "incidents": ["incident:spe"], "accused": 0}],
    "sony": [{"id": "org:spe", "name": "Sony Pictures Entertainment", "type": "Organization",
              "incidents": ["incident:spe"], "accused": 0}],
    "north korea": [{"id": "country:nk", "name": "North Korea", "type": "Country", "incidents": [], "accused": 2}],
    "mandiant": [{"id": "org:mandiant", "name": "Mandiant", "type": "Organization", "incidents": [], "accused": 0}],
    "us": [{"id": "country:us", "name": "United States", "type": "Country", "incidents": [], "accused": 0}],
}


def lookup(keys):
    return [{"key": key, **row} for key in keys for row in GRAPH.get(key, [])]


@pytest.mark.parametrize("question, query, params", [
    ("Who is behind the attack on Sony Pictures?", "attribution", {"target": "sony pictures"}),
    ("who hacked sony pictures", "attribution", {"target": "sony pictures"}),
    ("Who was involved in the attack on Sony Pictures and in what role?", "involvement", {"target": "sony pictures"}),
    ("Who said North Korea might be responsible, and in which sentence?", "accusations", {"actor": "north korea"}),
    ("Which incidents hit Sony?", "incidents", {"entity": "sony"}),
    ("What is the evidence linking North Korea and Sony Pictures?", "evidence", {"a": "north korea", "b": "sony pictures"}),
    ("How is Mandiant connected to North Korea?", "connections", {"a": "mandiant", "b": "north korea"}),
    ("Which claims are disputed?", "contradictions", {}),
    ("How many claims are in the graph?", "stats", {}),
    ("When did the Sony Pictures attack happen?", "when", {"target": "sony pictures"}),
    ("Who said what about the Sony Pictures hack?", "sources", {"target": "sony pictures"}),
    ("Tell me about Mandiant", "profile", {"entity": "mandiant"}),
    ("Which attacks hit the US?", "incidents", {"entity": "us"}),
])
def test_ask_reads_kind_and_names(question, query, params):
    reading = read(question, lookup)
    assert reading.kind.query == query
    assert reading.params == params


def test_ask_prefers_a_victim_for_target_and_an_accused_for_actor():
    assert read("Who is behind the North Korea and Sony Pictures story?", lookup).params == {"target": "sony pictures"}
    assert read("Who said North Korea or Mandiant was responsible?", lookup).params == {"actor": "north korea"}


def test_ask_unknown_question_lists_what_it_can_answer():
    with pytest.raises(QueryError) as error:
        read("Please make me a sandwich", lookup)
    for kind in KINDS:
        assert kind.example in str(error.value)


def test_ask_question_without_a_known_name_says_so():
    with pytest.raises(QueryError, match="attribution"):
        read("Who is behind the attack on Acme Widgets?", lookup)
    with pytest.raises(QueryError, match="two names"):
        read("How is Mandiant connected?", lookup)


def test_ask_candidates_skip_lowercase_function_words_but_keep_acronyms():
    keys = {key for key, *_ in candidates("who hit us? Which attacks hit the US?")}
    assert "us" in keys and "who" not in keys and "the" not in keys
    assert "us" not in {key for key, *_ in candidates("who hit us?")}


def test_ask_every_kind_uses_a_canned_query_with_its_slots():
    statements = {s.name: s for s in canned()}
    for kind in KINDS:
        assert kind.query in statements, kind.query
        assert set(kind.slots) == {p.name for p in statements[kind.query].inputs if not p.optional}, kind.query
        assert kind_of(kind.example) is kind, kind.example


def test_ask_reads_every_gold_question():
    for question in json.loads(GOLD.read_text())["questions"] if GOLD.is_file() else []:
        assert read(question["ask"], lookup).kind.query in {"attribution", "involvement", "accusations", "incidents"}
