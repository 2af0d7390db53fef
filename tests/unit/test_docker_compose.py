"""docker-compose.yml (parsed, not compared as text) runs what the README promises: Neo4j 5.26 Community on the
managed server's ports, on loopback only, with a healthcheck, and with the password the integration tests use."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
import yaml

from kg.config import ServerSettings
from tests.conftest import ROOT
from tests.integration.conftest import DOCKER_PASSWORD

README = (ROOT / "README.md").read_text()
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's `${NAME:-default}` and `$$`, with `env` as the environment."""
    value = re.sub(r"\$\{(\w+):-([^}]*)\}", lambda m: env.get(m[1]) or m[2], value)
    return value.replace("$$", "$")


def published(env: dict[str, str]) -> dict[int, tuple[str, int]]:
    """Container port -> (host address, host port)."""
    out = {}
    for entry in COMPOSE["services"]["neo4j"]["ports"]:
        host, host_port, container_port = interpolate(entry, env).split(":")
        out[int(container_port)] = (host, int(host_port))
    return out


def test_docker_compose_runs_the_readme_image_with_a_named_volume():
    neo4j = COMPOSE["services"]["neo4j"]
    image = re.search(r"`docker-compose.yml` runs `([^`]+)`", README)[1]
    assert neo4j["image"] == image == "neo4j:5.26-community"
    volume = neo4j["volumes"][0].split(":")
    assert volume[1] == "/data" and volume[0] in COMPOSE["volumes"]


@pytest.mark.parametrize("env", [{}, {"KG_BOLT_PORT": "17687", "KG_HTTP_PORT": "17474"}])
def test_docker_compose_publishes_the_managed_server_ports_on_loopback(monkeypatch, env):
    monkeypatch.delenv("KG_BOLT_PORT", raising=False)
    monkeypatch.delenv("KG_HTTP_PORT", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    managed = ServerSettings.from_env()
    assert published(env) == {7687: ("127.0.0.1", managed.bolt_port), 7474: ("127.0.0.1", managed.http_port)}


def test_docker_compose_serves_the_readme_uri_by_default():
    uri = urlparse(re.search(r"export NEO4J_URI=(bolt://\S+)", README)[1])
    assert (uri.hostname, uri.port) == published({})[7687]


def test_docker_compose_healthcheck_runs_cypher_with_the_configured_password():
    neo4j = COMPOSE["services"]["neo4j"]
    check = neo4j["healthcheck"]
    assert check["test"][0] == "CMD-SHELL" and check["retries"] * int(check["interval"].rstrip("s")) >= 60
    command = interpolate(check["test"][1], {})
    assert command.startswith("cypher-shell ") and "'RETURN 1'" in command
    # the shell inside the container takes the password from NEO4J_AUTH, which compose sets from NEO4J_PASSWORD
    assert '"${NEO4J_AUTH#neo4j/}"' in command
    assert interpolate(neo4j["environment"]["NEO4J_AUTH"], {}) == f"neo4j/{DOCKER_PASSWORD}"
    assert interpolate(neo4j["environment"]["NEO4J_AUTH"], {"NEO4J_PASSWORD": "chosen"}) == "neo4j/chosen"
