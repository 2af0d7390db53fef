"""The benchmark harness runs end to end on a tiny corpus: it writes the JSON keys the issue names, and each ratio
is the quotient of the two timings it reports beside it, both measured (positive, finite, not equal)."""

from __future__ import annotations

import json
import math
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
    assert result["rss_mb_by_size"]["20"] > 0
    assert "attribution" in result["query_p95_ms"]
    details = result["details"]
    ingest = details["ingest"]["20"]  # kg ingest of 20 articles in a subprocess vs bare spaCy over the same text
    _assert_ratio(result["ingest_vs_spacy_ratio"], ingest["bare_spacy_seconds"], ingest["seconds"])
    assert ingest["seconds"] > 0.5  # a process that loads spaCy and writes to Neo4j: a real wall time
    extraction = details["extraction"]  # words/s: the ratio of rates is the inverse ratio of the times
    _assert_ratio(result["extract_ratio"], extraction["kg_words_s"], extraction["bare_words_s"])
    loading = details["loading"]
    _assert_ratio(result["load_vs_create_ratio"], loading["writer_rows_s"], loading["raw_create_rows_s"])


def _assert_ratio(ratio: float, numerator: float, denominator: float) -> None:
    for value in (numerator, denominator):
        assert math.isfinite(value) and value > 0, value
    assert numerator != denominator  # two timings measured apart, not one number reused
    assert ratio == pytest.approx(numerator / denominator, rel=1e-9)
