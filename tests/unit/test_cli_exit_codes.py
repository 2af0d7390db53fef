"""The installed `kg` command, run as a user runs it: usage errors exit 2, problems kg reports exit 1.

NEO4J_URI points at a port where nothing listens, so a command that got past its usage checks and reached for
the database would exit 1, not 2: the two codes tell the cases apart.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import kg

KG = shutil.which("kg", path=str(Path(sys.executable).parent))


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # free once the socket closes: nothing listens there


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict:
    return {**os.environ, "KG_HOME": str(tmp_path_factory.mktemp("kg-home")), "COLUMNS": "200",
            "NEO4J_URI": f"bolt://127.0.0.1:{_closed_port()}", "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": "x"}


def _kg(env: dict, *args: str) -> subprocess.CompletedProcess:
    assert KG, f"the kg command is not installed beside {sys.executable} (`pip install -e .`)"
    return subprocess.run([KG, *args], env=env, capture_output=True, text=True, timeout=60)


def test_cli_version_prints_the_installed_version(env):
    done = _kg(env, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"kg {kg.__version__}" == f"kg {version('kg')}"


@pytest.mark.parametrize("args, says", [
    (["nosuchcommand"], "No such command"),
    (["ingest"], "Missing argument"),
    (["query", "--format", "xml"], "--format"),
    (["query", "attribution", "--cypher", "RETURN 1"], "not both"),
    (["query", "--cypher", "RETURN 1", "--param", "novalue"], "key=value"),
    (["query", "attribution", "--write"], "--cypher only"),
    (["extract", "--format", "table", "article.txt"], "JSON only"),
    (["export", "--format", "neo4j-admin", "--incident", "Acme"], "--incident"),
])
def test_cli_usage_errors_exit_2_with_usage(env, args, says):
    done = _kg(env, *args)
    assert done.returncode == 2, (args, done.stdout, done.stderr)
    assert "Usage: kg" in done.stderr and says in done.stderr


@pytest.mark.parametrize("args, says", [
    (["query", "stats"], "not answering"),
    (["eval", "--gold", "no-such-gold.json"], "cannot read the gold file"),
])
def test_cli_domain_errors_exit_1_with_the_fix(env, args, says):
    done = _kg(env, *args)
    assert done.returncode == 1, (args, done.stdout, done.stderr)
    assert done.stderr.startswith("Error:") and says in " ".join(done.stderr.split())
    assert "Usage:" not in done.stderr and "Traceback" not in done.stderr
