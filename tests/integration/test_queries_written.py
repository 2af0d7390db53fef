"""The canned queries on a small graph written for the test: a denial, a source, a status that differs."""

from __future__ import annotations

import pytest

from kg.export.json import read_graph
from kg.export.stix import bundle
from kg.keys import alias_key
from kg.models import Claim, Entity, Graph, Incident
from kg.store.cypher import canned, load
from kg.store.queries import run
from kg.store.writer import Writer, init_schema

pytestmark = pytest.mark.integration


def _claim(predicate, obj, status, article, start, according_to=None, cue=None, subject="incident:acme-2024"):
    return Claim(subject=subject, predicate=predicate, object=obj, status=status, article=article,
                 sentence=f"Sentence {start} of {article} about {obj}.", start=start, end=start + 30, rule="test",
                 confidence=0.9, cue=cue, according_to=according_to)


GRAPH = Graph(
    articles=[{"id": f"{n}.txt", "title": f"Report {n}", "url": f"https://news.example/{n}", "source": "Example",
               "published": f"2024-05-0{n}", "path": f"{n}.txt", "sha256": str(n)} for n in (1, 2)],
    entities=[
        Entity("org:acme", "Acme Bank", "Organization", ["Acme Bank", "Acme"], ["1.txt", "2.txt"]),
        Entity("country:iran", "Iran", "Country", ["Iran"], ["1.txt", "2.txt"]),
        Entity("org:fbi", "FBI", "Organization", ["FBI"], ["1.txt"]),
        Entity("actor:kitten", "Fox Kitten", "ThreatActor", ["Fox Kitten"], ["1.txt", "2.txt"]),
        Entity("country:mars", "Mars", "Country", ["Mars"], ["1.txt"]),
        Entity("malware:kittenlock", "KittenLock", "Malware", ["KittenLock"], ["2.txt"]),
    ],
    incidents=[Incident("incident:acme-2024", "Cyber attack on Acme Bank (2024)", ["org:acme"], ["1.txt", "2.txt"],
                        date="2024")],
    claims=[
        _claim("TARGETED", "org:acme", "asserted", "1.txt", 0),
        _claim("USED", "malware:kittenlock", "asserted", "2.txt", 130),
        _claim("ATTRIBUTED_TO", "country:iran", "asserted", "1.txt", 40, according_to="org:fbi"),
        _claim("ATTRIBUTED_TO", "country:iran", "denied", "2.txt", 10, according_to="country:iran", cue="denied"),
        _claim("ATTRIBUTED_TO", "actor:kitten", "suspected", "1.txt", 80, cue="may"),
        _claim("ATTRIBUTED_TO", "actor:kitten", "asserted", "2.txt", 50),
        _claim("ATTRIBUTED_TO", "country:mars", "suspected", "1.txt", 120, cue="might"),
        _claim("INVESTIGATES", "incident:acme-2024", "asserted", "2.txt", 90, subject="org:fbi"),
    ],
)


@pytest.fixture
def written(driver):
    init_schema(driver)
    Writer(driver, batch_size=10).write(GRAPH)
    return driver


def test_queries_written_contradictions_show_denials_and_differences(written):
    rows = {row["object"]: row for row in run(written, "contradictions", {}).rows}
    assert rows["Iran"]["conflict"] == "disputed"
    assert set(rows["Iran"]["statements"]) == {"asserted in 1.txt according to FBI", "denied in 2.txt according to Iran"}
    assert rows["Fox Kitten"]["conflict"] == "differs across articles"
    assert "Acme Bank" not in rows


def test_queries_written_edges_mark_their_conflict(driver):
    """The direct edge's `conflict` (which `contradictions` reads through an index) follows its claims."""
    mixed_in_one = [_claim("ATTRIBUTED_TO", "country:mars", "suspected", "1.txt", 120, cue="might"),
                    _claim("ATTRIBUTED_TO", "country:mars", "asserted", "1.txt", 160)]
    init_schema(driver)
    Writer(driver, batch_size=10).write(Graph(GRAPH.articles, GRAPH.entities, GRAPH.incidents,
                                              GRAPH.claims[:-2] + mixed_in_one + GRAPH.claims[-1:]))
    records, _, _ = driver.execute_query("MATCH ()-[r:ATTRIBUTED_TO|TARGETED]->(o) "
                                         "RETURN o.id AS object, r.conflict AS conflict")
    conflicts = {r["object"]: r["conflict"] for r in records}
    assert conflicts == {"country:iran": "disputed", "actor:kitten": "differs across articles",
                         "country:mars": None, "org:acme": None}  # two statuses in one article do not differ


def test_queries_written_long_answers_give_the_first_page_in_order(driver):
    """Many incidents blamed on two actors: `accusations` and `contradictions` give the first 100 rows, sorted."""
    victims = [Incident(f"incident:v{n:03d}", f"Cyber attack on Victim {n:03d}", [], ["1.txt", "2.txt"])
               for n in range(60)]
    wharves = [Incident(f"incident:w{n:03d}", f"Cyber attack on Wharf {n:03d}", [], ["1.txt"]) for n in range(60)]
    claims = [_claim("ATTRIBUTED_TO", "actor:kitten", status, article, start, subject=i.id)
              for i in victims for status, article, start in (("denied", "2.txt", 5), ("suspected", "1.txt", 9),
                                                               ("asserted", "2.txt", 7))]
    claims += [_claim("ATTRIBUTED_TO", "country:iran", status, "1.txt", start, subject=i.id)
               for i in wharves for status, start in (("asserted", 1), ("denied", 3))]
    init_schema(driver)
    Writer(driver, batch_size=50).write(Graph(GRAPH.articles, GRAPH.entities, victims + wharves, claims))
    accused = run(driver, "accusations", {"actor": "Fox Kitten"}).rows
    wanted = [(i.name, status, article) for i in victims
              for status, article in (("asserted", "2.txt"), ("suspected", "1.txt"), ("denied", "2.txt"))]
    assert [(row["incident"], row["status"], row["article"]) for row in accused] == wanted[:100]
    disputes = run(driver, "contradictions", {}).rows
    assert [row["subject"] for row in disputes] == [i.name for i in victims + wharves][:100]
    assert {row["conflict"] for row in disputes} == {"disputed"}
    assert disputes[0]["statements"] == ["suspected in 1.txt", "asserted in 2.txt", "denied in 2.txt"]
    assert (disputes[0]["articles"], disputes[-1]["articles"]) == (2, 1)
    pages = [run(driver, "contradictions", {"limit": "30", "skip": str(skip)}).rows for skip in range(0, 120, 30)]
    assert [row["subject"] for page in pages for row in page] == [i.name for i in victims + wharves]
    later = run(driver, "accusations", {"actor": "Fox Kitten", "skip": "100", "limit": "500"}).rows
    assert [(row["incident"], row["status"], row["article"]) for row in later] == wanted[100:]


def test_queries_written_attribution_ranks_and_keeps_denials(written):
    rows = run(written, "attribution", {"target": "acme"}).rows
    assert [(row["actor"], row["status"]) for row in rows] == [("Fox Kitten", "asserted"), ("Iran", "asserted"),
                                                               ("Mars", "suspected")]
    iran = next(row for row in rows if row["actor"] == "Iran")
    assert iran["disputed"] is True and "denied: 1 claims/1 articles" in iran["by_status"]
    assert set(iran["sources"]) == {"FBI", "Iran"}
    assert run(written, "attribution", {"target": "incident:acme-2024"}).rows == rows


def test_queries_written_evidence_gives_the_denial_with_its_cue(written):
    rows = run(written, "evidence", {"a": "Iran", "b": "Acme Bank"}).rows
    assert [(row["status"], row["cue"], row["source"]) for row in rows] == [("asserted", None, "FBI"),
                                                                           ("denied", "denied", "Iran")]
    assert rows[1]["sentence"] == "Sentence 10 of 2.txt about country:iran." and rows[1]["start"] == 10


def test_queries_written_timeline_uses_publication_dates(written):
    rows = run(written, "timeline", {"target": "Acme Bank"}).rows
    assert [(row["kind"], row["date"]) for row in rows[:2]] == [("incident", "2024"), ("report", "2024-05-01")]
    assert rows[-1]["article"] == "2.txt" and rows[-1]["kind"] == "claim"


def test_queries_written_incidents_and_involvement_roles(written):
    incidents = {(row["entity"], row["role"]) for row in run(written, "incidents", {"entity": "FBI"}).rows}
    assert incidents == {("FBI", "investigator")}
    roles = {(row["entity"], row["role"]) for row in run(written, "involvement", {"target": "Acme"}).rows}
    assert {("Acme Bank", "victim"), ("Iran", "sponsor"), ("Mars", "suspected sponsor"), ("Fox Kitten", "perpetrator"),
            ("FBI", "investigator"),
            ("FBI", "reporter"), ("Iran", "reporter")} <= roles


def test_queries_written_stix_export_carries_the_denial_as_an_opinion(written):
    doc = read_graph(written).to_json()
    assert {c["id"] for c in doc["claims"]} == {c.id for c in GRAPH.claims}
    objects = bundle(doc).objects
    [opinion] = [o for o in objects if o.type == "opinion"]
    [disputed] = [o for o in objects if o.id == opinion.object_refs[0]]
    assert disputed.relationship_type == "attributed-to" and opinion.opinion == "strongly-disagree"
    assert opinion.authors == ["Iran"] and "Sentence 10 of 2.txt" in opinion.explanation
    assert sorted(o.name for o in objects if o.type == "report") == ["Report 1", "Report 2"]


# For each name parameter: the name as the graph has it, and a spelling only the alias key makes equal to it.
SPELLINGS = {"target": ("Acme Bank", "  ACMÉ   bank\u2019s "), "entity": ("Acme Bank", "acme-bank"),
             "actor": ("Fox Kitten", '"FOX  kitten"'), "a": ("Acme Bank", "ACME bank's"), "b": ("Iran", "IRAN's")}
BY_NAME = [s for s in [*canned(), load("browser/attribution")] if any(p.name in SPELLINGS for p in s.params)]


@pytest.mark.parametrize("statement", BY_NAME, ids=lambda s: s.name)
def test_queries_written_find_by_any_spelling_of_a_name(written, statement):
    """Every query that takes a name finds the same thing by another spelling with the same alias key."""
    names = [p.name for p in statement.params if p.name in SPELLINGS]
    for clean, messy in (SPELLINGS[n] for n in names):
        assert alias_key(clean) == alias_key(messy) and clean != messy
    as_written = run(written, statement.name, {n: SPELLINGS[n][0] for n in names}).rows
    respelt = run(written, statement.name, {n: SPELLINGS[n][1] for n in names}).rows
    assert as_written, f"{statement.name} finds nothing for {names}"
    assert respelt == as_written
