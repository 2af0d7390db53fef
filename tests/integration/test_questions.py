"""Every canned question on a real Neo4j loaded with the seeds, checked against ../shared/gold/seeds.json.

The gold's `questions` go through `kg ask --format json`, as a user asks them; the other canned queries are
checked against the gold's relations. One module-wide load of the seeds serves every test here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

import pytest
from neo4j import GraphDatabase

from kg.eval.match import Matcher
from kg.keys import alias_key
from kg.nlp.model import load
from kg.pipeline import build
from kg.store.queries import run
from kg.store.writer import Writer, init_schema
from tests.conftest import GOLD, SEEDS

KG = [sys.executable, "-m", "kg"]
POSITIVE = {"asserted", "claimed", "suspected"}
pytestmark = pytest.mark.integration


@dataclass
class Seeded:
    driver: object
    doc: dict  # the graph as `kg extract` gives it
    gold: dict
    names: dict  # entity or incident name in the graph -> gold id

    def gold_id(self, name: str | None) -> str | None:
        return self.names.get(name)

    def question(self, words: str) -> dict:
        return next(q for q in self.gold["questions"] if words in q["ask"])


@pytest.fixture(scope="module")
def seeded(neo4j_server, seeds):
    driver = GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password))
    driver.execute_query("MATCH (n) DETACH DELETE n")
    graph = build(load("en_core_web_sm"), [str(seeds)]).graph
    init_schema(driver)
    Writer(driver, batch_size=50).write(graph)
    doc = graph.to_json()
    gold = json.loads(GOLD.read_text())
    match = Matcher(gold, doc)
    names = {e["name"]: match.entity.get(e["id"]) for e in doc["entities"]}
    names |= {i["name"]: match.incident.get(i["id"]) for i in doc["incidents"]}
    yield Seeded(driver, doc, gold, names)
    driver.close()


def _ask(kg_env, question: dict, query: str) -> list[dict]:
    """The rows `kg ask --format json` answers a gold question with, after checking which query it chose."""
    done = subprocess.run([*KG, "ask", "--format", "json", question["ask"]], env=kg_env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert set(answer) == {"query", "params", "cypher", "rows"} and "$" in answer["cypher"]
    assert answer["query"] == query, answer["params"]
    return answer["rows"]


def _by_gold_id(seeded: Seeded, rows: list[dict], column: str, value: str) -> dict[str, set]:
    """{gold id (else the graph's name) of row[column]: the row[value]s}."""
    out: dict[str, set] = {}
    for row in rows:
        out.setdefault(seeded.gold_id(row[column]) or row[column], set()).add(row[value])
    return out


def _gold_incident(seeded: Seeded, question: dict) -> str:
    """The gold incident a question is about: the one whose victim it names."""
    key = f" {alias_key(question['ask'])} "
    for incident in seeded.gold["incidents"]:
        victim = next(e for e in seeded.gold["entities"] if e["id"] == incident["victim"])
        if any(f" {alias_key(n)} " in key for n in [victim["name"], *victim["aliases"]]):
            return incident["id"]
    raise AssertionError(f"no gold incident for {question['ask']!r}")


# ---- the gold questions, asked in plain English ------------------------------------------------------------


def test_questions_who_is_behind_the_attack(seeded, kg_env):
    q = seeded.question("behind the attack")
    rows = _ask(kg_env, q, "attribution")
    incident = _gold_incident(seeded, q)
    assert {seeded.gold_id(row["incident"]) for row in rows} == {incident}, "attribution for another incident"
    actors = _by_gold_id(seeded, rows, "actor", "status")
    for gid, accepted in q["expect_actors"].items():
        assert actors.get(gid, set()) & set(accepted), (gid, accepted, actors)
    for gid in q["forbid_actors"]:
        assert not actors.get(gid, set()) & POSITIVE, (gid, actors)
    ranks = [0 if row["status"] in ("asserted", "claimed") else 1 if row["status"] == "suspected" else 2
             for row in rows]
    assert ranks == sorted(ranks), "asserted/claimed come before suspected, denials last"


def test_questions_who_was_involved_in_what_role(seeded, kg_env):
    q = seeded.question("involved")
    rows = _ask(kg_env, q, "involvement")
    incident = _gold_incident(seeded, q)
    roles = _by_gold_id(seeded, [row for row in rows if seeded.gold_id(row["incident"]) == incident], "entity", "role")
    for gid, wanted in q["expect_roles"].items():
        assert any(r == wanted or r.startswith(wanted + " (") for r in roles.get(gid, set())), (gid, wanted, roles)


def _check_sources(seeded: Seeded, q: dict, rows: list[dict]) -> None:
    sources = {seeded.gold_id(row["source"]) for row in rows}
    articles = {row["article"] for row in rows}
    assert set(q["expect_sources"]) <= sources, (q["expect_sources"], sources)
    assert set(q["expect_evidence_articles"]) <= articles, (q["expect_evidence_articles"], articles)


def test_questions_who_said_it_and_in_which_sentence(seeded, kg_env):
    q = seeded.question("Who said")
    rows = _ask(kg_env, q, "accusations")
    assert {seeded.gold_id(row["actor"]) for row in rows} == {"north-korea"}
    _check_sources(seeded, q, rows)
    assert all(row["sentence"] and row["start"] < row["end"] for row in rows)


def test_questions_which_incidents_hit(seeded, kg_env):
    q = seeded.question("Which incidents")
    rows = _ask(kg_env, q, "incidents")
    found = {seeded.gold_id(row["incident"]) for row in rows}
    assert set(q["expect_incidents"]) <= found, (q["expect_incidents"], found)
    dates = [row["date"] for row in rows if row["date"]]
    assert dates == sorted(dates)


# ---- the other canned queries, against the gold's relations ------------------------------------------------


def test_questions_evidence_quotes_the_sentences_at_their_offsets(seeded):
    rows = run(seeded.driver, "evidence", {"a": "Sony Pictures", "b": "North Korea"}).rows
    attribution = [row for row in rows if row["relation"] == "ATTRIBUTED_TO"]
    assert attribution and {row["status"] for row in attribution} == {"suspected"}  # gold: suspected
    _check_sources(seeded, seeded.question("Who said"), attribution)
    for row in rows:
        text = (SEEDS / row["article"]).read_text(encoding="utf-8")
        assert " ".join(text[row["start"]:row["end"]].split()) == " ".join(row["sentence"].split())
    assert rows == run(seeded.driver, "evidence", {"a": "north korea", "b": "SONY PICTURES"}).rows


def test_questions_sources_say_who_said_what(seeded):
    rows = run(seeded.driver, "sources", {"target": "Sony Pictures"}).rows
    relation = next(r for r in seeded.gold["relations"] if r["p"] == "ATTRIBUTED_TO" and r["o"] == "north-korea")
    said = {seeded.gold_id(row["source"]) for row in rows
            if row["said"].endswith("ATTRIBUTED_TO North Korea") and row["status"] in relation["accept_status"]}
    assert set(relation["according_to"]) <= said, said
    assert {row["kind"] for row in rows} <= {"Organization", "Person", "Country", "ThreatActor", "outlet", "article"}


def test_questions_timeline_orders_reports_and_claims(seeded):
    rows = run(seeded.driver, "timeline", {"target": "Sony Pictures"}).rows
    incidents = {seeded.gold_id(row["incident"]) for row in rows}
    assert {"sony-2014", "psn-2011"} <= incidents
    for incident in {row["incident"] for row in rows}:
        events = [row for row in rows if row["incident"] == incident]
        assert events[0]["kind"] == "incident"
        seen_reports = set()
        for row in events[1:]:
            if row["kind"] == "report":
                seen_reports.add(row["article"])
            else:
                assert row["kind"] == "claim" and row["article"] in seen_reports, row
        for article in seen_reports:
            offsets = [row["offset"] for row in events if row["kind"] == "claim" and row["article"] == article]
            assert offsets == sorted(offsets)
    psn = next(row for row in rows if seeded.gold_id(row["incident"]) == "psn-2011" and row["kind"] == "incident")
    assert psn["date"] == "2011"


def test_questions_profile_of_a_threat_actor(seeded):
    rows = run(seeded.driver, "profile", {"entity": "#GOP"}).rows
    assert rows and {seeded.gold_id(row["entity"]) for row in rows} == {"gop"}
    assert rows[0]["type"] == "ThreatActor" and (rows[0]["attack"] or "").startswith("G")
    relations = {(row["relation"], row["direction"]): row["related"] for row in rows}
    attributed = relations[("ATTRIBUTED_TO", "in")]
    assert any(seeded.gold_id(item.rsplit(" (", 1)[0]) == "sony-2014" for item in attributed), attributed
    assert any(item.startswith("Lazarus Group") for item in relations[("ALIAS_OF", "out")])


def test_questions_connections_follow_evidence_not_denials(seeded):
    rows = run(seeded.driver, "connections", {"a": "Mandiant", "b": "North Korea"}).rows
    assert rows and rows[0]["hops"] == 2 and rows[0]["weakest"] == "suspected", rows
    assert "RESPONDED_TO" in rows[0]["path"] and "ATTRIBUTED_TO suspected" in rows[0]["path"]
    for film in ("Fury", "Annie"):  # gold: the leaks are not linked to the attack
        for row in run(seeded.driver, "connections", {"a": film, "b": "Sony Pictures"}).rows:
            assert "LEAKED" not in row["path"], row


def test_questions_contradictions_list_real_disagreements(seeded):
    rows = run(seeded.driver, "contradictions", {}).rows
    for row in rows:
        statuses = {s.split(" in ")[0] for s in row["statements"]}
        assert len(statuses) > 1, row
        if row["conflict"] == "disputed":
            assert statuses & POSITIVE and statuses - POSITIVE, row
        assert row["relation"] != "LEAKED", "gold: every leak claim is negated, so they do not disagree"


def test_questions_stats_count_the_seed_graph(seeded):
    rows = run(seeded.driver, "stats", {}).rows
    counts = {(row["kind"], row["name"]): row["count"] for row in rows}
    assert counts[("node", "Article")] == len(seeded.gold["articles"])
    assert counts[("node", "Incident")] >= len(seeded.gold["incidents"])
    assert counts[("node", "Claim")] == sum(n for (kind, _), n in counts.items() if kind == "claim status")
    assert counts[("relationship", "ATTRIBUTED_TO")] >= 2


# ---- exports -----------------------------------------------------------------------------------------------


def _export(kg_env, *args) -> str:
    done = subprocess.run([*KG, "export", *args], env=kg_env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_questions_export_json_gives_back_what_was_extracted(seeded, kg_env):
    doc = json.loads(_export(kg_env, "--format", "json"))
    assert doc["schema_version"] == seeded.doc["schema_version"]
    for part in ("articles", "entities", "incidents", "claims"):
        assert {x["id"] for x in doc[part]} == {x["id"] for x in seeded.doc[part]}, part
    assert sorted(map(json.dumps, doc["claims"])) == sorted(map(json.dumps, seeded.doc["claims"]))
    assert [link["to"]["id"] for link in doc["links"]] == [link["to"]["id"] for link in seeded.doc["links"]]


def test_questions_export_one_incident(seeded, kg_env):
    doc = json.loads(_export(kg_env, "--format", "json", "--incident", "PlayStation"))
    assert {seeded.gold_id(i["name"]) for i in doc["incidents"]} == {"psn-2011"}
    assert not [c for c in doc["claims"] if c["predicate"] == "ATTRIBUTED_TO"], "gold: the 2011 break-in has no culprit"


def test_questions_export_stix_round_trips(seeded, kg_env, tmp_path):
    import stix2

    out = tmp_path / "seeds.stix.json"
    _export(kg_env, "--format", "stix", "-o", str(out))
    bundle = stix2.parse(out.read_text(), allow_custom=True)  # incidents carry x_kg_first_seen
    objects = {o.id: o for o in bundle.objects}
    name = {o.id: getattr(o, "name", None) for o in bundle.objects}
    attributed = {}
    for o in bundle.objects:
        if o.type == "relationship" and o.relationship_type == "attributed-to":
            assert seeded.gold_id(name[o.source_ref]) == "sony-2014", "gold: only the 2014 attack has culprits"
            attributed[seeded.gold_id(name[o.target_ref])] = o
    assert attributed["gop"].confidence >= 50 > attributed["north-korea"].confidence  # claimed/asserted > suspected
    assert objects[attributed["north-korea"].target_ref].threat_actor_types == ["nation-state"]
    for gid in seeded.question("behind the attack")["forbid_actors"]:
        assert gid not in attributed
    targets = {seeded.gold_id(name[o.target_ref]) for o in bundle.objects
               if o.type == "relationship" and o.relationship_type == "targets"}
    assert {"sony-pictures", "psn"} <= targets
    reports = [o for o in bundle.objects if o.type == "report"]
    assert {r.external_references[0].external_id for r in reports} == set(seeded.gold["articles"])
    assert all(ref in objects for r in reports for ref in r.object_refs)
    assert "Evidence:" in attributed["north-korea"].description
