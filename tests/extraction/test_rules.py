"""Extraction rules on sentences written for these tests, about incidents other than the seeds."""

from __future__ import annotations

import pytest

from kg.ingest.clean import clean_text
from kg.graph.extract import extract
from kg.resolve.merge import merge


def graph_of(nlp, text: str, published: str | None = None):
    cleaned = clean_text(text)
    record = {"id": "t.txt", "published": published}
    return merge([extract(record, cleaned, nlp(cleaned.text))])


def claims(graph, predicate: str) -> list[tuple[str, str, str]]:
    names = {e.id: e.name for e in graph.entities} | {i.id: i.name for i in graph.incidents}
    return [(names[c.subject], names[c.object], c.status) for c in graph.claims if c.predicate == predicate]


def types(graph) -> dict[str, str]:
    return {e.name: e.type for e in graph.entities}


def test_rules_named_group_is_a_threat_actor_and_culprit(nlp):
    g = graph_of(nlp, "The city's computer systems were encrypted last week by a gang that calls itself “Night Owls,” "
                      "officials said.\nThe attack on Springfield disrupted water billing.")
    assert types(g).get("Night Owls") == "ThreatActor"
    assert any(actor == "Night Owls" for _, actor, _ in claims(g, "ATTRIBUTED_TO"))


def test_rules_hedged_state_attribution_is_suspected_with_source(nlp):
    g = graph_of(nlp, "Hackers breached Acme Bank on Monday.\nInvestigators are examining whether hackers working for "
                      "Iran might be responsible for the attack, according to Bloomberg.")
    found = claims(g, "ATTRIBUTED_TO")
    assert ("Cyber attack on Acme Bank", "Iran", "suspected") in found, found
    source = next(c.according_to for c in g.claims if c.predicate == "ATTRIBUTED_TO")
    assert source and "bloomberg" in source


def test_rules_hire_makes_responder_and_subsidiary(nlp):
    g = graph_of(nlp, "Colonial Pipeline has hired Alphabet's Mandiant security unit to investigate the ransomware attack "
                      "that shut down the company's fuel network.")
    assert ("Colonial Pipeline", "Mandiant", "asserted") in claims(g, "HIRED")
    assert any(s == "Mandiant" for s, _, _ in claims(g, "RESPONDED_TO"))
    assert ("Mandiant", "Alphabet", "asserted") in claims(g, "SUBSIDIARY_OF")


def test_rules_leader_title(nlp):
    g = graph_of(nlp, "Russian President Vladimir Putin dismissed the report on Tuesday.")
    assert ("Vladimir Putin", "Russia", "asserted") in claims(g, "LEADER_OF")


def test_rules_investigation_by_agency(nlp):
    g = graph_of(nlp, "The network of Maersk was hit by a cyber attack on Tuesday.\nThe FBI is investigating the attack.")
    assert any(s == "FBI" for s, _, _ in claims(g, "INVESTIGATES"))


def test_rules_outage_that_was_no_attack_makes_no_incident(nlp):
    g = graph_of(nlp, "Airlines grounded flights after a faulty software update crashed Windows computers worldwide.\n"
                      "The company said the outage was not a cyber attack.")
    assert g.incidents == []
    assert claims(g, "ATTRIBUTED_TO") == []


def test_rules_fiction_yields_no_real_world_event(nlp):
    g = graph_of(nlp, "The thriller - a film about an NSA plot to hack the Kremlin - opens on Friday.")
    assert g.incidents == []


def test_rules_year_keeps_old_incident_apart(nlp):
    g = graph_of(nlp, "Hackers breached Acme Bank's network this week.\n"
                      "In 2015, Acme Bank's card system was also compromised, exposing millions of records.",
                 published="2024-03-01")
    dates = sorted(i.date for i in g.incidents if "Acme Bank" in i.name)
    assert [d[:4] for d in dates] == ["2015", "2024"], [(i.name, i.date) for i in g.incidents]
    assert dates[1] == "2024-02-26"  # "this week", the week of publication


def test_rules_named_attack_meets_across_articles(nlp):
    first = "Hospitals across the region were hit when the BlueLocker attack encrypted the servers of Northwind Health."
    second = "Officials blamed Iran for the BlueLocker attack on Tuesday."
    results = []
    for n, text in enumerate((first, second)):
        cleaned = clean_text(text)
        results.append(extract({"id": f"a{n}.txt", "published": None}, cleaned, nlp(cleaned.text)))
    g = merge(results)
    named = [i for i in g.incidents if "BlueLocker" in i.aliases]
    assert len(named) == 1 and named[0].articles == ["a0.txt", "a1.txt"], [(i.name, i.articles) for i in g.incidents]
    assert any(c.predicate == "ATTRIBUTED_TO" and c.subject == named[0].id for c in g.claims)
