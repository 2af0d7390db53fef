"""`kg extract` as a user runs it: the public JSON shape, no database."""

from __future__ import annotations

import json
import subprocess
import sys


def test_extract_cli_prints_the_documented_shape(seeds, tmp_path):
    out = tmp_path / "graph.json"
    done = subprocess.run([sys.executable, "-m", "kg", "extract", str(seeds), "--format", "json", "-o", str(out)],
                          capture_output=True, text=True, timeout=300, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    graph = json.loads(out.read_text())
    assert graph["schema_version"] == 2
    assert {a["id"] for a in graph["articles"]} == {p.name for p in seeds.iterdir()}
    entity_ids = {e["id"] for e in graph["entities"]}
    incident_ids = {i["id"] for i in graph["incidents"]}
    for entity in graph["entities"]:
        assert {"id", "name", "type", "aliases"} <= set(entity)
    for incident in graph["incidents"]:
        assert set(incident["victims"]) <= entity_ids and incident["articles"]
    for claim in graph["claims"]:
        assert {"subject", "predicate", "object", "status", "according_to", "article", "sentence", "start", "end",
                "rule", "confidence"} <= set(claim)
        assert claim["subject"] in entity_ids | incident_ids and claim["object"] in entity_ids | incident_ids
        text = (seeds / claim["article"]).read_text()
        assert 0 <= claim["start"] < claim["end"] <= len(text)
        assert text[claim["start"]:claim["end"]].split()[:3] == claim["sentence"].split()[:3]


def test_extract_cli_names_a_missing_path(tmp_path):
    done = subprocess.run([sys.executable, "-m", "kg", "extract", str(tmp_path / "nope.txt")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert "nope.txt" in done.stderr and "does not exist" in done.stderr
