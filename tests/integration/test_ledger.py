"""Re-runs, changed articles, forgetting, and stopping: the graph stays what a clean run would give."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

from benchmarks import corpus

KG = [sys.executable, "-m", "kg"]


def kg(env: dict, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], env={**env, "COLUMNS": "250"}, capture_output=True, text=True,
                          timeout=timeout)


def snapshot(driver) -> dict:
    """Everything a user can see: nodes with their names and aliases, look-up keys, claims, and every
    relationship with the aggregate properties of the direct edges."""
    def rows(cypher: str) -> list[tuple]:
        return sorted(tuple(str(v) for v in r.values()) for r in driver.execute_query(cypher)[0])

    return {
        "entities": rows("MATCH (e:Entity) WITH e, labels(e) AS l UNWIND l AS x WITH e, x ORDER BY x "
                         "WITH e, collect(x) AS labels UNWIND coalesce(e.aliases, []) AS a WITH e, labels, a ORDER BY a "
                         "RETURN e.id, e.name, labels, collect(a)"),
        "incidents": rows("MATCH (i:Incident) RETURN i.id, i.name"),
        "articles": rows("MATCH (a:Article) RETURN a.id, a.sha256 IS NOT NULL"),
        "claims": rows("MATCH (c:Claim) RETURN c.id, c.status"),
        "names": rows("MATCH (n:Name)-[:NAMES]->(x) RETURN n.key, x.id"),
        "relationships": rows("MATCH (s)-[r]->(o) WHERE NOT s:Name "
                              "RETURN type(r), coalesce(s.id, s.key), o.id, r.status, r.claims, r.articles, r.disputed, "
                              "r.asserted, r.claimed, r.suspected, r.denied, r.negated, r.conflict"),
    }


def edges_agree_with_claims(driver) -> None:
    """Every direct edge counts exactly the claims between its ends; no claim lacks its edge."""
    stale, _, _ = driver.execute_query(
        "MATCH (s)-[r]->(o) WHERE r.claims IS NOT NULL "
        "WITH s, r, o, COUNT { (s)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(o) WHERE c.predicate = type(r) } AS n "
        "WHERE n <> r.claims RETURN type(r) AS rel, s.id AS s, o.id AS o, r.claims AS said, n")
    assert not stale, stale
    missing, _, _ = driver.execute_query(
        "MATCH (s)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(o) "
        "WHERE NOT EXISTS { MATCH (s)-[r]->(o) WHERE type(r) = c.predicate } RETURN c.id AS claim")
    assert not missing, missing


def mentions_agree_with_entities(driver, unknown: bool = False) -> None:
    """Every entity's `mentioned_as` is the sorted set of the names its MENTIONS edges carry (what
    read/known_entities reads instead of expanding them); none is unknown (null) unless `unknown`."""
    wrong, _, _ = driver.execute_query(
        "MATCH (e:Entity) CALL (e) { OPTIONAL MATCH (:Article)-[m:MENTIONS]->(e) UNWIND coalesce(m.aliases, []) AS a "
        "WITH DISTINCT a ORDER BY a RETURN collect(a) AS names } "
        "WITH e, names WHERE e.mentioned_as <> names OR (e.mentioned_as IS NULL AND NOT $unknown) "
        "RETURN e.id AS id, e.mentioned_as AS stored, names", unknown=unknown)
    assert not wrong, wrong


def wipe(driver) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n")


@pytest.fixture
def demo(tmp_path) -> Path:
    folder = tmp_path / "demo"
    with resources.as_file(resources.files("kg.data").joinpath("demo")) as bundled:
        shutil.copytree(bundled, folder)
    return folder


def _without(folder: Path, name: str, tmp: Path) -> Path:
    other = tmp / f"without-{name}"
    other.mkdir()
    for path in folder.iterdir():
        if path.name != name:
            shutil.copy(path, other / path.name)
    return other


@pytest.mark.integration
def test_reingest_of_unchanged_articles_is_skipped(kg_env, driver, demo):
    first = kg(kg_env, "ingest", str(demo))
    assert first.returncode == 0, first.stderr
    before = snapshot(driver)
    again = kg(kg_env, "ingest", str(demo))
    assert again.returncode == 0, again.stderr
    count = len(list(demo.iterdir()))
    assert "Ingested 0 articles" in again.stdout and f"{count} unchanged article(s) skipped" in again.stdout
    assert snapshot(driver) == before


@pytest.mark.integration
def test_changed_article_replaces_its_old_claims(kg_env, driver, demo, tmp_path):
    article = sorted(demo.iterdir())[1]
    changed = tmp_path / "changed"
    changed.mkdir()
    lines = article.read_text(encoding="utf-8").splitlines()
    (changed / article.name).write_text("\n".join(line for n, line in enumerate(lines) if n % 3 != 2) + "\n",
                                        encoding="utf-8")
    assert kg(kg_env, "ingest", str(demo)).returncode == 0
    old_claims = {r["id"] for r in driver.execute_query("MATCH (c:Claim {article: $a}) RETURN c.id AS id",
                                                        a=article.name)[0]}
    update = kg(kg_env, "ingest", str(changed))
    assert update.returncode == 0, update.stderr
    assert "1 changed article(s) replaced" in update.stdout
    updated = snapshot(driver)
    edges_agree_with_claims(driver)
    mentions_agree_with_entities(driver)
    assert old_claims - {c for c, _ in updated["claims"]}, "the old text's claims should be gone"

    # The same articles, where the old text was never seen: the graph must be the same.
    wipe(driver)
    assert kg(kg_env, "ingest", str(_without(demo, article.name, tmp_path))).returncode == 0
    assert kg(kg_env, "ingest", str(changed)).returncode == 0
    assert snapshot(driver) == updated


@pytest.mark.integration
def test_forget_gives_the_graph_of_the_other_articles(kg_env, driver, demo, tmp_path):
    gone = sorted(demo.iterdir())[-1]
    assert kg(kg_env, "ingest", str(demo)).returncode == 0
    forgot = kg(kg_env, "forget", str(gone))  # by path; the id works too (below)
    assert forgot.returncode == 0, forgot.stderr
    assert "Forgot 1 article(s)" in forgot.stdout
    after = snapshot(driver)
    edges_agree_with_claims(driver)
    mentions_agree_with_entities(driver)

    wipe(driver)
    assert kg(kg_env, "ingest", str(_without(demo, gone.name, tmp_path))).returncode == 0
    assert snapshot(driver) == after

    again = kg(kg_env, "forget", gone.name)
    assert again.returncode == 1
    assert gone.name in again.stderr and "nothing was removed" in again.stderr
    assert snapshot(driver) == after


@pytest.mark.integration
def test_reextract_updates_articles_from_an_older_extractor(kg_env, driver, demo):
    assert kg(kg_env, "ingest", str(demo)).returncode == 0
    before = snapshot(driver)
    driver.execute_query("MATCH (a:Article) SET a.extractor = '0.0.1'")
    skipped = kg(kg_env, "ingest", str(demo))
    assert "extracted by an older kg skipped" in skipped.stdout, skipped.stdout
    redone = kg(kg_env, "ingest", "--reextract", str(demo))
    assert redone.returncode == 0, redone.stderr
    assert "changed article(s) replaced" in redone.stdout
    versions = {r["v"] for r in driver.execute_query("MATCH (a:Article) RETURN DISTINCT a.extractor AS v")[0]}
    assert versions != {"0.0.1"} and len(versions) == 1
    assert snapshot(driver) == before


@pytest.mark.integration
def test_same_article_id_twice_in_one_run_is_reported(kg_env, driver, demo, tmp_path):
    twin = tmp_path / "twin"
    twin.mkdir()
    first = sorted(demo.iterdir())[0]
    (twin / first.name).write_text("A different story under the same file name. " * 20, encoding="utf-8")
    done = kg(kg_env, "ingest", str(demo), str(twin))
    assert done.returncode == 1
    assert f"same article id {first.name!r}" in done.stderr and "rename one" in done.stderr
    assert kg(kg_env, "ingest", str(demo)).stdout.count("unchanged")  # the first one was kept


@pytest.mark.integration
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_after_the_current_window(kg_env, driver, tmp_path, stop):
    source = corpus.write(150, tmp_path / "corpus.jsonl", seed=11)
    process = subprocess.Popen([*KG, "ingest", "--window", "10", str(source)], env={**kg_env, "COLUMNS": "250"},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        written = driver.execute_query("MATCH (a:Article) WHERE a.sha256 IS NOT NULL RETURN count(a) AS n")[0][0]["n"]
        if written >= 20:
            break
        time.sleep(0.2)
    assert process.poll() is None, "the ingest finished before it could be interrupted"
    process.send_signal(stop)
    out, errors = process.communicate(timeout=300)
    assert process.returncode == 130, errors
    assert f"Interrupted ({stop.name})" in errors and "Traceback" not in errors
    reported = int(out.split("Ingested ")[1].split(" ")[0])
    ledger = driver.execute_query("MATCH (a:Article) WHERE a.sha256 IS NOT NULL RETURN count(a) AS n")[0][0]["n"]
    everything = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n")[0][0]["n"]
    assert 20 <= reported == ledger == everything < 150
    edges_agree_with_claims(driver)

    rest = kg(kg_env, "ingest", "--window", "10", str(source))
    assert rest.returncode == 0, rest.stderr
    assert f"{reported} unchanged article(s) skipped" in rest.stdout
    assert driver.execute_query("MATCH (a:Article) WHERE a.sha256 IS NOT NULL RETURN count(a) AS n")[0][0]["n"] == 150
    edges_agree_with_claims(driver)
    mentions_agree_with_entities(driver)
