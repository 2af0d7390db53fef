"""Shared fixtures: where the seeds are, and the spaCy pipeline (loaded once)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.json"


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS} (they live in ../shared/seeds beside the project)")
    return SEEDS


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp.model import load

    return load("en_core_web_sm")
