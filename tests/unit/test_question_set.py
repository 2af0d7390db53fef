"""The analyst question set (tests/data/questions/questions.json): each phrasing maps to the right query and parameters."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from kg.cli.ask import KINDS, read

DATA = json.loads((Path(__file__).resolve().parents[1] / "data" / "questions" / "questions.json").read_text())


def lookup(keys):
    return [{"key": key, **row} for key in keys for row in DATA["names"].get(key, [])]


@pytest.mark.parametrize("question", DATA["questions"], ids=lambda q: q["ask"][:50])
def test_question_set_maps_to_query_and_params(question):
    reading = read(question["ask"], lookup)
    assert (reading.kind.query, reading.params) == (question["query"], question["params"])


def test_question_set_covers_every_kind_with_many_phrasings():
    per_query = Counter(q["query"] for q in DATA["questions"])
    assert len(DATA["questions"]) >= 60
    assert {kind.query for kind in KINDS} <= set(per_query)
    wanted = ("attribution", "evidence", "responders", "profile", "incidents", "malware", "when", "timeline",
              "contradictions", "list_incidents", "list_actors", "list_malware")
    assert all(per_query[name] >= 3 for name in wanted), per_query
