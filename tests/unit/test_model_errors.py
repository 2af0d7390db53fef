"""A missing, mismatched or non-English spaCy model: one clear message with the fix, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import spacy

KG = [sys.executable, "-m", "kg"]


def _extract(tmp_path, model: str) -> subprocess.CompletedProcess:
    article = tmp_path / "a.txt"
    article.write_text("Hackers attacked a bank in Ohio on Monday, the company said.\n", encoding="utf-8")
    env = {**os.environ, "KG_SPACY_MODEL": model, "COLUMNS": "250"}
    return subprocess.run([*KG, "extract", str(article)], env=env, capture_output=True, text=True, timeout=120)


def test_model_missing_names_the_install_command(tmp_path):
    done = _extract(tmp_path, "en_core_web_nothere")
    assert done.returncode == 1
    assert "'en_core_web_nothere' is not installed" in done.stderr and "pip install" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("lang, meta, expected", [
    ("en", {"spacy_version": ">=2.0.0,<2.1.0"}, "was built for spaCy >=2.0.0,<2.1.0"),
    ("de", {}, "is for language 'de'"),
])
def test_model_of_the_wrong_kind_is_refused(tmp_path, lang, meta, expected):
    nlp = spacy.blank(lang)
    nlp.meta.update(meta)
    nlp.to_disk(tmp_path / "model")
    done = _extract(tmp_path, str(tmp_path / "model"))
    assert done.returncode == 1
    assert expected in done.stderr and "pip install" in done.stderr
    assert "Traceback" not in done.stderr
