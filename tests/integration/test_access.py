"""The managed server is not open to the network: loopback only, auth on, and no locals in tracebacks."""

from __future__ import annotations

import socket
import subprocess
from urllib.parse import urlparse

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from kg.cli.app import app

pytestmark = pytest.mark.integration


def _outside_addresses() -> list[str]:
    """This machine's addresses other than loopback."""
    try:
        out = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [a for a in out.split() if not a.startswith("127.") and ":" not in a]


def test_managed_server_listens_on_loopback_only(neo4j_server, kg_env):
    if "NEO4J_URI" in kg_env:
        pytest.skip("NEO4J_URI points at a server kg does not manage")
    port = urlparse(neo4j_server.uri).port
    with socket.create_connection(("127.0.0.1", port), timeout=5):
        pass  # it does listen
    outside = _outside_addresses()
    if not outside:
        pytest.skip("this machine has no address besides loopback to try")
    for address in outside:
        with pytest.raises(OSError):
            socket.create_connection((address, port), timeout=5).close()


def test_managed_server_refuses_default_and_wrong_credentials(neo4j_server, kg_env):
    if "NEO4J_URI" in kg_env:
        pytest.skip("NEO4J_URI points at a server kg does not manage")
    # Two tries only: Neo4j locks a user out for a few seconds after three failures in a row.
    for password in ("neo4j", neo4j_server.password + "x"):
        with GraphDatabase.driver(neo4j_server.uri, auth=("neo4j", password)) as driver:
            with pytest.raises(AuthError):
                driver.verify_connectivity()


def test_tracebacks_never_show_local_variables():
    assert app.pretty_exceptions_show_locals is False
