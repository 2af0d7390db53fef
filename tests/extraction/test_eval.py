"""`kg eval` on the seeds meets the issue's targets; on our own gold set it must not fall below its floor."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import GOLD

OWN_GOLD = Path(__file__).resolve().parents[1] / "data" / "gold" / "gold.json"


def _eval(gold: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "kg", "eval", "--gold", str(gold), "--format", "json"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)[str(gold)]


def test_eval_seeds_meet_the_targets(seeds):
    report = _eval(GOLD)
    ours, baseline = report["kg"], report["spacy_ner"]
    assert ours["entities"]["f1"] >= 0.90, ours["entities"]
    assert ours["relations"]["f1"] >= 0.80, ours["relations"]
    for kind in ("must_not_be_entities", "wrong_types", "must_not_relate"):
        assert not ours["violations"].get(kind), (kind, ours["violations"][kind])
    failed = [q for q in ours["questions"] if not q["pass"]]
    assert not failed, failed
    assert ours["entities"]["f1"] > baseline["entities"]["f1"] + 0.2


def test_eval_own_gold_set_stays_above_its_floor():
    """Articles about other incidents, written for this project: a rule tuned to the seeds shows up here."""
    report = _eval(OWN_GOLD)
    ours, baseline = report["kg"], report["spacy_ner"]
    assert ours["entities"]["f1"] >= 0.75, ours["entities"]
    assert ours["entities"]["f1"] > baseline["entities"]["f1"]
    assert ours["relations"]["f1"] >= 0.45, ours["relations"]
    assert not ours["violations"].get("must_not_relate"), ours["violations"]["must_not_relate"]


def test_eval_calibrate_writes_the_confidence_the_extractor_then_gives(seeds, tmp_path):
    """`kg eval --calibrate` measures each rule on a gold set; `kg extract` with that table gives its claims
    exactly the measured precision as confidence."""
    table_path = tmp_path / "precision.json"
    done = subprocess.run([sys.executable, "-m", "kg", "eval", "--calibrate", "--gold", str(GOLD),
                           "--out", str(table_path)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    rules = json.loads(table_path.read_text())["rules"]
    assert rules and all(0 < row["precision"] < 1 and row["right"] <= row["claims"] for row in rules.values())
    import os

    env = {**os.environ, "KG_RULE_PRECISION": str(table_path)}
    out = subprocess.run([sys.executable, "-m", "kg", "extract", str(seeds), "--format", "json"],
                         capture_output=True, text=True, timeout=600, env=env)
    assert out.returncode == 0, out.stderr
    claims = json.loads(out.stdout)["claims"]
    measured = [c for c in claims if c["rule"] in rules]
    assert measured and all(c["confidence"] == rules[c["rule"]]["precision"] for c in measured)
