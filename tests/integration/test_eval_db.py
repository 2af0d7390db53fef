"""`kg eval --db` scores the graph as loaded in Neo4j, and it meets the same targets as the offline run."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import GOLD

KG = [sys.executable, "-m", "kg"]


@pytest.mark.integration
def test_eval_db_on_loaded_seeds(kg_env, driver, seeds):
    done = subprocess.run([*KG, "ingest", str(seeds)], env=kg_env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    out = subprocess.run([*KG, "eval", "--gold", str(GOLD), "--db", "--format", "json"], env=kg_env,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    ours = json.loads(out.stdout)[str(GOLD)]["kg"]
    assert ours["entities"]["f1"] >= 0.90 and ours["relations"]["f1"] >= 0.80, ours
    assert all(q["pass"] for q in ours["questions"]), ours["questions"]
