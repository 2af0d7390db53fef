"""The benchmark harness runs end to end on a tiny corpus and writes the JSON keys the issue names."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.integration.conftest import ROOT

KEYS = {"extract_ratio", "extract_2proc_ratio", "load_vs_create_ratio", "load_vs_row_merge_ratio",
        "ingest_vs_spacy_ratio", "rss_mb_by_size", "time_10k_over_1k", "query_p95_ms", "label_scans"}


@pytest.mark.integration
def test_benchmarks_run_on_twenty_articles(kg_env, tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, "-m", "benchmarks.run", "--articles", "20", "--sample", "8", "--repeats",
                           "1", "--wipe", "--json", str(out)], cwd=ROOT, env=kg_env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(out.read_text())
    assert KEYS <= set(result)
    assert result["rss_mb_by_size"]["20"] > 0 and result["extract_ratio"] > 0
    assert "attribution" in result["query_p95_ms"]
