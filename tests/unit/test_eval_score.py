"""Scoring against a gold file: a predicate the gold file never annotates is not scored for it."""

from __future__ import annotations

from kg.eval.score import score

GOLD = {
    "entities": [{"id": "acme", "name": "Acme Bank", "type": "Organization"},
                 {"id": "grim", "name": "Grimlock", "type": "Malware"}],
    "incidents": [{"id": "acme-2024", "victim": "acme", "articles": ["a.txt"]}],
    "relations": [{"s": "acme-2024", "p": "TARGETED", "o": "acme", "accept_status": ["asserted"]}],
    "questions": [],
}


def _graph(extra_claims):
    claim = {"subject": "incident:acme-bank", "predicate": "TARGETED", "object": "org:acme-bank", "status": "asserted",
             "article": "a.txt"}
    return {"entities": [{"id": "org:acme-bank", "name": "Acme Bank", "type": "Organization", "aliases": []},
                         {"id": "malware:grimlock", "name": "Grimlock", "type": "Malware", "aliases": []}],
            "incidents": [{"id": "incident:acme-bank", "victims": ["org:acme-bank"]}],
            "claims": [claim, *extra_claims]}


def test_eval_score_skips_predicates_the_gold_does_not_annotate():
    used = {"subject": "incident:acme-bank", "predicate": "USED", "object": "malware:grimlock", "status": "asserted",
            "article": "a.txt"}
    wrong = {"subject": "incident:acme-bank", "predicate": "TARGETED", "object": "malware:grimlock",
             "status": "asserted", "article": "a.txt"}
    assert score(GOLD, _graph([used])).relations.row()["fp"] == 0
    assert score(GOLD, _graph([wrong])).relations.row()["fp"] == 1  # an annotated predicate is still scored


def test_eval_score_one_victim_hit_twice_matches_by_year():
    """Two gold incidents of one victim ("acme-2016", "acme-2024"): each predicted one meets the gold incident of
    its year, so the older attack's relations are not scored against the newer one."""
    gold = {**GOLD, "incidents": [{"id": "acme-2024", "victim": "acme", "articles": ["a.txt"]},
                                  {"id": "acme-2016", "victim": "acme", "articles": ["a.txt"]}],
            "relations": [{"s": "acme-2024", "p": "TARGETED", "o": "acme", "accept_status": ["asserted"]},
                          {"s": "acme-2016", "p": "TARGETED", "o": "acme", "accept_status": ["asserted"]}]}
    graph = _graph([{"subject": "incident:acme-bank-2016", "predicate": "TARGETED", "object": "org:acme-bank",
                     "status": "asserted", "article": "a.txt"}])
    graph["incidents"].append({"id": "incident:acme-bank-2016", "victims": ["org:acme-bank"], "date": "2016"})
    assert score(gold, graph).relations.row()["tp"] == 2
