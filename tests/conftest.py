"""Shared fixtures (where the seeds are, the spaCy pipeline loaded once) and the CI rule: nothing is skipped.

Outside CI a test may skip with its reason: the seeds folder is absent, an optional package is missing, a check
cannot be made on this machine. Under CI=true (`.ci/run`) every such skip is reported as a failure with the
same reason, so a run can never pass while tests quietly did not run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.json"


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def _fail_skip_in_ci(report):
    """Turn a skip into a failure that gives the skip's reason (xfail stays xfail)."""
    if in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"CI=true, where no test may be skipped: {reason}"
    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    return _fail_skip_in_ci((yield))


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    return _fail_skip_in_ci((yield))


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS} (they live in ../shared/seeds beside the project)")
    return SEEDS


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp.model import load

    return load("en_core_web_sm")
