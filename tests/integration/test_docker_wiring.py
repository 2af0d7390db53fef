"""The Docker branch of the integration tests is wired: pytest-docker is loaded, its fixtures resolve, and
`docker_services` runs docker compose on the project's docker-compose.yml. No Neo4j is needed; where no Docker
engine answers (this machine, CI) the compose command fails, and the failure shows what it ran."""

from __future__ import annotations

import pytest

from tests.integration.conftest import ROOT, _docker_answers


def test_docker_wiring_plugin_is_loaded(pytestconfig):
    assert pytestconfig.pluginmanager.has_plugin("docker")  # pytest-docker's entry point


def test_docker_wiring_compose_file_is_the_projects(docker_compose_file, docker_compose_command):
    assert docker_compose_file == str(ROOT / "docker-compose.yml")
    assert docker_compose_command == "docker compose"


def test_docker_wiring_services_run_compose_on_that_file(request, docker_compose_file, docker_compose_project_name):
    if _docker_answers():  # a real engine: the test server is the compose service, on the port compose published
        server = request.getfixturevalue("neo4j_server")  # starts docker_services on free ports
        port = request.getfixturevalue("docker_services").port_for("neo4j", 7687)
        assert server.uri == f"bolt://127.0.0.1:{port}"
        return
    with pytest.raises(Exception, match="returned") as failed:
        request.getfixturevalue("docker_services")
    assert f'docker compose -f "{docker_compose_file}" -p "{docker_compose_project_name}" up' in str(failed.value)
