"""Faults mid-ingest: the local Neo4j killed while `kg ingest` writes; the rerun ends where a clean run does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from neo4j import GraphDatabase

from benchmarks import corpus
from kg.store.connect import answers
from tests.integration.conftest import _local

KG = [sys.executable, "-m", "kg"]
COUNTS = """
CALL () { MATCH (n) UNWIND labels(n) AS label RETURN label AS what, count(*) AS n
          UNION ALL MATCH ()-[r]->() RETURN type(r) AS what, count(*) AS n }
RETURN what, n ORDER BY what
"""


def _counts(driver) -> dict:
    return {r["what"]: r["n"] for r in driver.execute_query(COUNTS)[0]}


def _ledger(driver) -> int:
    return driver.execute_query("MATCH (a:Article) WHERE a.sha256 IS NOT NULL RETURN count(a) AS n")[0][0]["n"]


def _broken_claims(driver) -> int:
    """Claims without their subject, object or article: what a half-applied batch would leave."""
    return driver.execute_query(
        "MATCH (c:Claim) WHERE NOT (c)-[:SUBJECT]->() OR NOT (c)-[:OBJECT]->() OR NOT (c)-[:FROM_ARTICLE]->() "
        "RETURN count(c) AS n")[0][0]["n"]


@pytest.mark.integration
def test_neo4j_killed_mid_ingest_then_rerun_equals_a_clean_run(tmp_path):
    if os.environ.get("NEO4J_URI"):
        pytest.skip("kills kg's managed local server; NEO4J_URI points at a server this test must not kill")
    test_server, server = _local(tmp_path / "server")
    env = {**test_server.env, "COLUMNS": "250"}
    auth = (test_server.user, test_server.password)
    source = corpus.write(300, tmp_path / "corpus.jsonl", seed=5)
    ingest = [*KG, "ingest", "--window", "10", str(source)]
    try:
        with GraphDatabase.driver(test_server.uri, auth=auth) as driver:
            clean = subprocess.run(ingest, env=env, capture_output=True, text=True, timeout=900)
            assert clean.returncode == 0, clean.stderr
            expected = _counts(driver)
            with driver.session() as session:
                session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()

            process = subprocess.Popen(ingest, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            deadline = time.monotonic() + 600
            while _ledger(driver) < 30 and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            assert process.poll() is None, "the ingest ended before the server could be killed"
            pid = server.pid()
            os.kill(pid, signal.SIGKILL)
            try:
                os.waitpid(pid, 0)  # this test process started the server: reap it
            except ChildProcessError:
                pass
            out, errors = process.communicate(timeout=300)
        assert process.returncode == 1, out + errors
        assert test_server.uri in errors and "run the same command again" in errors
        assert "Traceback" not in errors

        server.start(lambda: answers(test_server.uri, auth))
        with GraphDatabase.driver(test_server.uri, auth=auth) as driver:
            after_crash = _counts(driver)
            assert _broken_claims(driver) == 0
            assert 30 <= _ledger(driver) < 300
            print(f"\nclean run: {expected}\nafter the kill: {after_crash}")
            rerun = subprocess.run(ingest, env=env, capture_output=True, text=True, timeout=900)
            assert rerun.returncode == 0, rerun.stderr
            assert "unchanged article(s) skipped" in rerun.stdout
            final = _counts(driver)
            print(f"after the rerun: {final}\n{rerun.stdout}")
            assert final == expected
            assert _ledger(driver) == 300
    finally:
        server.stop()
