"""Queries cannot be turned into writes: names travel as parameters, ad-hoc Cypher only reads unless
--write, and the password is printed only by `kg db password`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.models import Claim, Entity, Graph, Incident
from kg.store.writer import Writer, init_schema

pytestmark = pytest.mark.integration
KG = [sys.executable, "-m", "kg"]
HOSTILE = [
    "O'Neil\" Group",
    "`Backtick` Crew}) MATCH (n) DETACH DELETE n //",
    "Brace } Team // comment",
    "Semi; DROP CONSTRAINT entity_id",
]


def kg(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], env={**env, "COLUMNS": "250"}, capture_output=True, text=True, timeout=120)


def _counts(driver) -> tuple[int, int]:
    nodes = driver.execute_query("MATCH (n) RETURN count(n) AS n")[0][0]["n"]
    edges = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")[0][0]["n"]
    return nodes, edges


@pytest.fixture
def hostile(driver):
    """An incident attributed to actors whose names carry quotes, backticks, braces and comments."""
    actors = [Entity(f"actor:hostile-{n}", name, "ThreatActor", [name], ["1.txt"]) for n, name in enumerate(HOSTILE)]
    victim = Entity("org:victim", "Victim Bank", "Organization", ["Victim Bank"], ["1.txt"])
    incident = Incident("incident:victim-bank", "Cyber attack on Victim Bank", ["org:victim"], ["1.txt"])
    claims = [Claim(incident.id, "TARGETED", victim.id, "asserted", "1.txt", "Victim Bank was hit.", 0, 20, "test", 0.9)]
    claims += [Claim(incident.id, "ATTRIBUTED_TO", a.id, "claimed", "1.txt", f"{a.name} said it did it.",
                     100 + 50 * n, 130 + 50 * n, "test", 0.9) for n, a in enumerate(actors)]
    graph = Graph(articles=[{"id": "1.txt", "title": "t", "url": None, "source": None, "published": None,
                             "path": "1.txt", "sha256": "x"}],
                  entities=[victim, *actors], incidents=[incident], claims=claims)
    init_schema(driver)
    Writer(driver).write(graph)
    return driver


def test_hostile_names_reach_cypher_only_as_parameters(hostile, kg_env):
    before = _counts(hostile)
    answer = kg(kg_env, "query", "attribution", "--param", "target=Victim Bank", "--format", "json")
    assert answer.returncode == 0, answer.stderr
    assert {row["actor"] for row in json.loads(answer.stdout)["rows"]} == set(HOSTILE)
    for name in HOSTILE:
        profile = kg(kg_env, "query", "profile", "--param", f"entity={name}", "--format", "json")
        assert profile.returncode == 0, profile.stderr
        assert [row["entity"] for row in json.loads(profile.stdout)["rows"]] == [name]
        evidence = kg(kg_env, "query", "evidence", "--param", "a=Victim Bank", "--param", f"b={name}", "--format", "json")
        assert evidence.returncode == 0, evidence.stderr
        assert any(row.get("sentence", "").startswith(name) for row in json.loads(evidence.stdout)["rows"]), evidence.stdout
    assert _counts(hostile) == before


@pytest.mark.parametrize("cypher", [
    "MATCH (n) DETACH DELETE n",
    "CREATE (:Intruder)",
    "MATCH (e:Entity) SET e.name = 'owned'",
    "MERGE (x:Intruder {id: 1}) RETURN x",
    "MATCH (e:Entity) REMOVE e:ThreatActor",
    "DROP CONSTRAINT entity_id",
    "CREATE INDEX intruder IF NOT EXISTS FOR (n:Intruder) ON (n.id)",
    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS",
    "LOAD CSV FROM 'file:///etc/passwd' AS line CREATE (:Intruder {line: line})",
])
def test_adhoc_cypher_refuses_writes_without_write(hostile, kg_env, cypher):
    before = _counts(hostile)
    schema = hostile.execute_query("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")[0][0]["n"]
    done = kg(kg_env, "query", "--cypher", cypher)
    assert done.returncode == 1
    assert "--write" in done.stderr or "refused" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert _counts(hostile) == before
    assert hostile.execute_query("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")[0][0]["n"] == schema


def test_adhoc_cypher_reads_with_parameters_and_writes_only_with_write(hostile, kg_env):
    read = kg(kg_env, "query", "--cypher", "MATCH (e:Entity {id: $id}) RETURN e.name AS name",
              "--param", "id=actor:hostile-1", "--format", "json")
    assert read.returncode == 0, read.stderr
    assert json.loads(read.stdout)["rows"] == [{"name": HOSTILE[1]}]
    nodes, _ = _counts(hostile)
    wrote = kg(kg_env, "query", "--write", "--cypher", "CREATE (n:Note {text: $text}) RETURN n.text AS text",
               "--param", "text=checked", "--format", "json")
    assert wrote.returncode == 0, wrote.stderr
    assert _counts(hostile)[0] == nodes + 1
    assert kg(kg_env, "query", "attribution", "--write").returncode != 0  # canned queries never write


def test_password_is_printed_only_by_db_password(kg_env, neo4j_server):
    if "NEO4J_URI" in kg_env:
        pytest.skip("the server's password comes from NEO4J_PASSWORD, not from kg")
    secret = neo4j_server.password
    for args in (["db", "status"], ["browser"], ["query", "stats"], ["query", "--cypher", "RETURN 1 AS one"],
                 ["query", "--cypher", "MATCH (n) DELETE n"], ["query", "nosuchquery"]):
        done = kg(kg_env, *args)
        assert secret not in done.stdout + done.stderr, args
    wrong = kg({**kg_env, "NEO4J_URI": neo4j_server.uri, "NEO4J_PASSWORD": secret + "x"}, "query", "stats")
    assert wrong.returncode == 1 and secret not in wrong.stdout + wrong.stderr
    shown = kg(kg_env, "db", "password")
    assert shown.returncode == 0 and secret in shown.stdout
    home = Path(kg_env["KG_HOME"])
    stored = next(home.rglob("password"))
    assert stored.stat().st_mode & 0o777 == 0o600
    for log in home.rglob("*.log"):
        assert secret not in log.read_text(encoding="utf-8", errors="replace"), log
