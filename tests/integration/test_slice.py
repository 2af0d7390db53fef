"""The vertical slice on a real Neo4j: ingest the seeds, re-ingest, ask who is behind the attack."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.nlp.model import load
from kg.pipeline import build
from kg.store.queries import run
from kg.store.writer import Writer, init_schema

KG = [sys.executable, "-m", "kg"]


def _ingest(driver, paths):
    graph = build(load("en_core_web_sm"), [str(p) for p in paths]).graph
    init_schema(driver)
    return Writer(driver, batch_size=50).write(graph)


def _counts(driver) -> dict:
    nodes, _, _ = driver.execute_query("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
    edges, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
    return {**{r["label"]: r["n"] for r in nodes}, **{r["type"]: r["n"] for r in edges}}


def _entities_named(driver, name: str) -> list[dict]:
    records, _, _ = driver.execute_query(
        "MATCH (:Article)-[:MENTIONS]->(e:Entity) WHERE toLower(e.name) = toLower($name) OR any(a IN e.aliases WHERE toLower(a) = toLower($name)) "
        "RETURN DISTINCT e.id AS id, e.name AS name, labels(e) AS labels", name=name)
    return [dict(r) for r in records]


@pytest.mark.integration
def test_slice_seeds_make_single_nodes(driver, seeds):
    _ingest(driver, [seeds])
    for name, label in [("Sony Pictures Entertainment", "Organization"), ("Guardians of Peace", "ThreatActor"),
                        ("North Korea", "Country"), ("Mandiant", "Organization"), ("FBI", "Organization"),
                        ("The Interview", "Film")]:
        found = _entities_named(driver, name)
        assert len(found) == 1, f"{name}: {found}"
        assert label in found[0]["labels"], found
    kb, _, _ = driver.execute_query("MATCH (:Entity {name: 'Guardians of Peace'})-[r:ALIAS_OF]->(g:ThreatActor) "
                                    "RETURN r.source AS source, g.name AS name")
    assert kb and kb[0]["source"].startswith("MITRE ATT&CK G")


@pytest.mark.integration
def test_slice_reingest_changes_nothing(driver, seeds):
    _ingest(driver, [seeds])
    before = _counts(driver)
    _ingest(driver, [seeds])
    assert _counts(driver) == before
    assert before["Claim"] > 10


@pytest.mark.integration
def test_slice_attribution_for_sony_pictures(driver, seeds):
    _ingest(driver, [seeds])
    answer = run(driver, "attribution", {"target": "Sony Pictures"})
    status = {row["actor"]: row["status"] for row in answer.rows}
    assert status.get("Guardians of Peace") in ("claimed", "asserted"), answer.rows
    assert status.get("North Korea") == "suspected", answer.rows
    for bystander in ("FireEye", "Mandiant", "FBI", "CIA", "Sony Pictures Entertainment", "Re/code", "TheWrap"):
        assert bystander not in status
    north_korea = next(row for row in answer.rows if row["actor"] == "North Korea")
    assert set(north_korea["sources"]) >= {"Re/code", "TheWrap"}


@pytest.mark.integration
def test_slice_attribution_name_is_a_parameter(driver, seeds):
    _ingest(driver, [seeds])
    for hostile in ["Sony' }) MATCH (n) DETACH DELETE n //", "`Sony`", "sony pictures"]:
        run(driver, "attribution", {"target": hostile})
    assert _counts(driver)["Claim"] > 10
    assert run(driver, "attribution", {"target": "SONY PICTURES"}).rows


@pytest.mark.integration
def test_slice_involvement_roles(driver, seeds):
    _ingest(driver, [seeds])
    rows = run(driver, "involvement", {"target": "Sony Pictures"}).rows
    roles = {(row["entity"], row["role"]) for row in rows}
    assert ("Sony Pictures Entertainment", "victim") in roles
    assert ("Mandiant", "responder") in roles
    assert ("FBI", "investigator") in roles
    assert ("North Korea", "suspected sponsor") in roles


@pytest.mark.integration
def test_slice_cli_demo_prints_both_tables(kg_env):
    done = subprocess.run([*KG, "demo"], env={**kg_env, "COLUMNS": "200"}, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "Who is behind the attack on Sony Pictures" in done.stdout  # the incident with most attributions
    assert "in what role?" in done.stdout
    assert "North Korea" in done.stdout and "victim" in done.stdout


@pytest.mark.integration
def test_slice_cli_ingest_then_query_json(kg_env, driver, seeds):
    done = subprocess.run([*KG, "ingest", str(seeds)], env=kg_env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "Ingested 2 articles" in done.stdout
    out = subprocess.run([*KG, "query", "attribution", "--param", "target=Sony Pictures", "--format", "json"],
                         env=kg_env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    import json
    answer = json.loads(out.stdout)
    assert {"query", "params", "cypher", "rows"} <= set(answer)
    assert any(row["actor"] == "Guardians of Peace" for row in answer["rows"])


@pytest.mark.integration
def test_slice_db_status_tells_the_truth(kg_env, tmp_path):
    up = subprocess.run([*KG, "db", "status"], env=kg_env, capture_output=True, text=True, timeout=60)
    assert up.returncode == 0 and "answers" in up.stdout, up.stdout + up.stderr
    down_env = {**kg_env, "KG_HOME": str(tmp_path / "nothing-here"), "KG_BOLT_PORT": "1", "KG_HTTP_PORT": "2"}
    down = subprocess.run([*KG, "db", "status"], env=down_env, capture_output=True, text=True, timeout=60)
    assert down.returncode == 1
    assert "not answering" in down.stdout and "not running" in down.stdout


@pytest.mark.integration
def test_slice_unreachable_server_is_a_clear_error(kg_env, tmp_path, seeds):
    env = {**kg_env, "NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "x"}
    started = time.monotonic()
    done = subprocess.run([*KG, "ingest", str(seeds)], env=env, capture_output=True, text=True, timeout=60)
    # The issue asks for the error within 5 s; the bound here only catches a retry loop (the driver's is 30 s).
    assert time.monotonic() - started < 15
    assert done.returncode == 1
    assert "bolt://127.0.0.1:1" in done.stderr and "Traceback" not in done.stderr
