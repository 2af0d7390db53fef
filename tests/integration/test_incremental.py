"""Issue 14: one graph, whatever the order. For the seeds, the demo corpus and tests/data/incremental, one
run == one run per article (any order) == two runs of halves in both orders == --window 1 == two concurrent
`kg ingest` processes over overlapping inputs, compared on ids, names, aliases, types, incidents, claims
and direct edges (tests/integration/graphdump.py)."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.nlp.model import load
from kg.pipeline import analyse, read
from kg.store.writer import Writer, init_schema
from tests.integration.graphdump import differences, dump
from tests.integration.test_ledger import edges_agree_with_claims, kg, mentions_agree_with_entities, wipe

ROOT = Path(__file__).resolve().parents[2]
CORPORA = {"seeds": ROOT.parent / "shared" / "seeds", "demo": ROOT / "kg" / "data" / "demo",
           "own": ROOT / "tests" / "data" / "incremental"}


@pytest.fixture(scope="module")
def nlp():
    return load("en_core_web_sm")


def _corpus(name: str) -> Path:
    folder = CORPORA[name]
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    return folder


def _results(nlp, folder: Path) -> dict:
    return {r.article["id"]: r for r in analyse(nlp, read([str(folder)], []))}


def _ingest(driver, results: dict, runs: list[list[str]], older: bool = False) -> dict:
    """Each run's articles written as one window, in order; then the canonical dump. `older`: after each
    run the entities lose `mentioned_as`, as in a graph an older kg wrote."""
    import copy

    wipe(driver)
    init_schema(driver)
    writer = Writer(driver)
    for run in runs:
        writer.write_results([copy.deepcopy(results[a]) for a in run])
        if older:
            driver.execute_query("MATCH (e:Entity) REMOVE e.mentioned_as")
    edges_agree_with_claims(driver)
    mentions_agree_with_entities(driver, unknown=older)
    return dump(driver)


@pytest.mark.integration
@pytest.mark.parametrize("corpus", ["seeds", "demo", "own"])
def test_incremental_runs_give_the_graph_of_one_run(driver, nlp, corpus):
    results = _results(nlp, _corpus(corpus))
    ids = sorted(results)
    half = len(ids) // 2
    one = _ingest(driver, results, [ids])
    orders = {"per article": [[a] for a in ids], "per article, reversed": [[a] for a in reversed(ids)],
              "per article, shuffled": [[a] for a in random.Random(14).sample(ids, len(ids))],
              "halves": [ids[:half], ids[half:]], "halves, reversed": [ids[half:], ids[:half]]}
    for how, runs in orders.items():
        assert differences(one, _ingest(driver, results, runs)) == {}, how
    assert differences(one, _ingest(driver, results, [ids[:half], ids[half:]], older=True)) == {}, "older graph"


def _copy(folder: Path, names: list[str], to: Path) -> Path:
    to.mkdir()
    for name in names:
        shutil.copy(folder / name, to / name)
    return to


@pytest.mark.integration
@pytest.mark.parametrize("corpus", ["demo", "own"])
def test_incremental_window_one_and_concurrent_ingests_give_one_run(kg_env, driver, corpus, tmp_path):
    folder = _corpus(corpus)
    assert kg(kg_env, "ingest", str(folder)).returncode == 0
    one = dump(driver)
    wipe(driver)
    done = kg(kg_env, "ingest", str(folder), "--window", "1")
    assert done.returncode == 0, done.stderr
    assert differences(one, dump(driver)) == {}
    wipe(driver)
    names = sorted(p.name for p in folder.iterdir())
    cut = len(names) // 2
    a = _copy(folder, names[:cut + 1], tmp_path / "a")
    b = _copy(folder, names[cut - 1:], tmp_path / "b")
    procs = [subprocess.Popen([sys.executable, "-m", "kg", "ingest", str(p)], env={**kg_env, "COLUMNS": "250"},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for p in (a, b)]
    outs = [p.communicate(timeout=600) for p in procs]
    for proc, (out, error) in zip(procs, outs):
        assert proc.returncode == 0, error
        assert "Traceback" not in error
    assert any("waiting for another ingest" in error for _, error in outs)
    edges_agree_with_claims(driver)
    assert differences(one, dump(driver)) == {}


@pytest.mark.integration
def test_incremental_forget_waits_for_a_running_ingest(kg_env, driver, tmp_path):
    folder = _corpus("demo")
    assert kg(kg_env, "ingest", str(folder)).returncode == 0
    from kg.store.lock import GraphLock

    with GraphLock(driver, name="ingest"):
        done = kg({**kg_env, "KG_LOCK_TIMEOUT": "3"}, "forget", "01_sony_pictures_hack.txt")
    assert done.returncode == 1
    assert "waiting for another ingest" in done.stderr and "Traceback" not in done.stderr
    done = kg(kg_env, "forget", "01_sony_pictures_hack.txt")
    assert done.returncode == 0, done.stderr
