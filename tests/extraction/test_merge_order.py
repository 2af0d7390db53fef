"""Issue 14: the graph of a set of articles does not depend on their order, nor on how they are split
between runs (merge of a window against what earlier windows wrote is the merge of all)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.nlp.model import load
from kg.pipeline import analyse, read
from kg.resolve.merge import Known, entity_part, incident_parts, merge, resolve

ROOT = Path(__file__).resolve().parents[2]
CORPORA = [ROOT / "kg" / "data" / "demo", ROOT / "tests" / "data" / "incremental", ROOT.parent / "shared" / "seeds"]


@pytest.fixture(scope="module")
def results():
    folders = [str(p) for p in CORPORA if p.is_dir()]
    return list(analyse(load("en_core_web_sm"), read(folders, [])))


def canonical(graph) -> str:
    return json.dumps(graph.to_json(), sort_keys=True)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_merge_is_invariant_under_permutation(results, data):
    order = data.draw(st.permutations(range(len(results))))
    expected = canonical(merge(copy.deepcopy(results)))
    assert canonical(merge([copy.deepcopy(results[n]) for n in order])) == expected


def _known(graph) -> Known:
    """What the writer stores on the nodes of `graph`, read back as the resolver reads the database."""
    return Known([entity_part({"id": e.id, "evidence": e.evidence, "aliases": e.aliases}) for e in graph.entities],
                 {i.id: incident_parts(i.evidence) for i in graph.incidents},
                 {e.id: e.name for e in graph.entities})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_merge_of_a_window_against_earlier_ones_is_the_merge_of_all(results, data):
    order = data.draw(st.permutations(range(len(results))))
    cut = data.draw(st.integers(1, len(results) - 1))
    first = merge([copy.deepcopy(results[n]) for n in order[:cut]])
    second = resolve([copy.deepcopy(results[n]) for n in order[cut:]], _known(first))
    whole = merge(copy.deepcopy(results))
    window = {r.article["id"] for r in (results[n] for n in order[cut:])}
    # every entity and incident the second window touches is as in one run, with one run's id
    by_id = {e.id: e for e in whole.entities}
    for entity in second.graph.entities:
        assert (entity.name, entity.type, entity.aliases) == (by_id[entity.id].name, by_id[entity.id].type,
                                                              by_id[entity.id].aliases)
    incidents = {i.id: i for i in whole.incidents}
    for incident in second.graph.incidents:
        assert (incident.name, incident.victims, incident.date) == \
            (incidents[incident.id].name, incidents[incident.id].victims, incidents[incident.id].date)
    assert {c.id for c in second.graph.claims} == {c.id for c in whole.claims if c.article in window}
    # and every node of the first run either stays or moves to one run's node
    for entity in first.entities:
        assert second.moves.get(entity.id, entity.id) in by_id
