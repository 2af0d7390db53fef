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
