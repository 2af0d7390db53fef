"""`kg review` on a real Neo4j: a rejected claim leaves attribution, involvement and the direct edge at once,
stays out when its article is re-extracted or changed and ingested again, and comes back when restored; an
analyst's own claim is read like any other; each claim's status label (:Claim:Denied, for Neo4j Browser's
style) follows all of it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib import resources

import pytest

from kg.store.cypher import STATUS_LABELS

pytestmark = pytest.mark.integration
KG = [sys.executable, "-m", "kg"]
ARTICLES = ("03_wannacry_nhs.txt", "04_wannacry_us_blames_north_korea.txt")


def _kg(env, *args, code=0) -> str:
    done = subprocess.run([*KG, *args], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == code, done.stdout + done.stderr
    return done.stdout


def _json(env, *args) -> list[dict]:
    return json.loads(_kg(env, *args, "--format", "json"))["rows"]


@pytest.fixture
def ingested(driver, kg_env, tmp_path):
    """Two demo articles about WannaCry (a denial among the attributions) ingested; their folder and kg's env."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with resources.as_file(resources.files("kg.data").joinpath("demo")) as demo:
        for name in ARTICLES:
            shutil.copy(demo / name, corpus / name)
    env = {**kg_env, "KG_REVIEWER": "tester"}
    _kg(env, "ingest", str(corpus))
    return corpus, env


def _edge(driver) -> dict:
    records, _, _ = driver.execute_query(
        "MATCH (:Name {key: 'north korea'})-[:NAMES]->(e:Entity)<-[r:ATTRIBUTED_TO]-(:Incident) RETURN r {.*} AS r")
    return records[0]["r"]


def test_review_reject_survives_reextraction_and_restore_brings_it_back(driver, ingested):
    corpus, env = ingested
    before = _edge(driver)
    assert before["denied"] >= 1 and before["conflict"] == "disputed"
    evidence = _json(env, "query", "evidence", "--param", "a=North Korea", "--param", "b=WannaCry")
    denial = next(row["claim"] for row in evidence if row["status"] == "denied")

    _kg(env, "review", "reject", denial, "--why", "misread: the denial is of another attack")
    after = _edge(driver)
    assert after["denied"] == before["denied"] - 1 and after["claims"] == before["claims"] - 1
    if after["denied"] == 0:
        assert after.get("conflict") is None and after["disputed"] is False
    attribution = _json(env, "query", "attribution", "--param", "target=WannaCry")
    korea = next(row for row in attribution if row["actor"] == "North Korea")
    assert korea["claims"] == before["claims"] - 1
    assert denial not in {row["claim"] for row in _json(env, "query", "evidence", "--param", "a=North Korea",
                                                        "--param", "b=WannaCry")}
    involvement = _json(env, "query", "involvement", "--param", "target=WannaCry")
    assert all("denied" not in row["role"] for row in involvement if row["entity"] == "North Korea") \
        or after["denied"] > 0

    # re-extraction by a newer kg, and a changed text, both rewrite the article's claims: the rejection holds
    driver.execute_query("MATCH (a:Article) SET a.extractor = '0.0.0'")
    _kg(env, "ingest", str(corpus), "--reextract")
    assert _edge(driver) == after
    for name in ARTICLES:
        with open(corpus / name, "a", encoding="utf-8") as handle:
            handle.write("\n\nThis article was updated.\n")
    _kg(env, "ingest", str(corpus))
    assert _edge(driver)["claims"] == after["claims"]
    records, _, _ = driver.execute_query("MATCH (c:Claim {id: $id}) RETURN c", id=denial)
    assert not records
    listed = _json(env, "review", "list")
    assert listed[0]["claim"] == denial and listed[0]["decision"] == "rejected" and listed[0]["by"] == "tester"

    _kg(env, "review", "restore", denial, "--why", "checked again")
    assert _edge(driver)["claims"] == before["claims"] and _edge(driver)["conflict"] == "disputed"
    assert "restored by tester" in _kg(env, "review", "show", denial)
    _kg(env, "review", "restore", denial, code=1)  # not rejected any more


def test_review_assert_adds_an_analysts_claim(driver, kg_env, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with resources.as_file(resources.files("kg.data").joinpath("demo")) as demo:
        shutil.copy(demo / ARTICLES[0], corpus / ARTICLES[0])
    env = {**kg_env, "KG_REVIEWER": "analyst one"}
    _kg(env, "ingest", str(corpus))
    def lazarus() -> dict:
        rows = _json(env, "query", "attribution", "--param", "target=WannaCry")
        return next(row for row in rows if row["actor"] == "Lazarus Group")

    assert lazarus()["status"] == "suspected"
    out = _kg(env, "review", "assert", "WannaCry", "ATTRIBUTED_TO", "Lazarus Group",
              "--sentence", "Our own analysis of the code overlap, 2017-05-20.", "--why", "code overlap")
    claim = out.split()[1].rstrip(":")
    assert lazarus()["status"] == "asserted"
    evidence = _json(env, "query", "evidence", "--param", "a=WannaCry", "--param", "b=Lazarus Group")
    assert {row["article"]: row["claim"] for row in evidence}["review:analyst-one"] == claim
    _kg(env, "review", "reject", claim, "--why", "withdrawn")
    assert lazarus()["status"] == "suspected"


def _labels(driver) -> dict[str, tuple[str, list[str]]]:
    """Every claim: its status and its labels other than Claim; asserts each has exactly its status label."""
    records, _, _ = driver.execute_query("MATCH (c:Claim) RETURN c.id AS id, c.status AS status, labels(c) AS labels")
    found = {r["id"]: (r["status"], sorted(set(r["labels"]) - {"Claim"})) for r in records}
    wrong = {i: v for i, v in found.items() if v[1] != [STATUS_LABELS[v[0]]]}
    assert not wrong, wrong
    return found


def test_claim_status_labels_follow_review_reextraction_and_forget(driver, ingested):
    corpus, env = ingested
    claims = _labels(driver)
    assert {"Denied", "Asserted"} <= {labels[0] for _, labels in claims.values()}
    denial = next(i for i, (status, _) in claims.items() if status == "denied")

    _kg(env, "review", "reject", denial, "--why", "misread")
    assert denial not in _labels(driver)
    _kg(env, "review", "restore", denial, "--why", "checked again")
    assert _labels(driver)[denial] == ("denied", ["Denied"])

    # an older extractor read the denial as an assertion: re-extraction rewrites the status and swaps the label
    driver.execute_query("MATCH (c:Claim {id: $id}) SET c.status = 'asserted' REMOVE c:Denied SET c:Asserted",
                         id=denial)
    driver.execute_query("MATCH (a:Article) SET a.extractor = '0.0.0'")
    _kg(env, "ingest", str(corpus), "--reextract")
    assert _labels(driver)[denial] == ("denied", ["Denied"])
    assert _labels(driver).keys() == claims.keys()

    _kg(env, "review", "assert", "WannaCry", "ATTRIBUTED_TO", "North Korea", "--status", "negated",
        "--sentence", "North Korea did not carry out WannaCry.", "--why", "own reading")
    negated = [i for i, (status, _) in _labels(driver).items() if status == "negated"]
    assert len(negated) == 1 and negated[0] not in claims

    _kg(env, "forget", str(corpus / ARTICLES[0]))
    left = _labels(driver)
    assert negated[0] in left and len(left) < len(claims) + 1
