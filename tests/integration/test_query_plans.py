"""kg's read statements use indexes: no label scan, no all-nodes scan in PROFILE on the demo graph."""

from __future__ import annotations

from importlib import resources

import pytest
from neo4j import GraphDatabase

from kg.browser.guide import example_params
from kg.nlp.model import load as load_model
from kg.pipeline import build
from kg.store.cypher import canned, load
from kg.store.writer import Writer, init_schema

pytestmark = pytest.mark.integration
STATEMENTS = [s.name for s in canned()] + ["lookup/names", "browser/attribution"]
SCANS = ("NodeByLabelScan", "AllNodesScan", "AllRelationshipsScan", "RelationshipTypeScan")


@pytest.fixture(scope="module")
def demo_graph(neo4j_server):
    driver = GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password))
    driver.execute_query("MATCH (n) DETACH DELETE n")
    with resources.as_file(resources.files("kg.data").joinpath("demo")) as folder:
        graph = build(load_model("en_core_web_sm"), [str(folder)]).graph
    init_schema(driver)
    Writer(driver, batch_size=500).write(graph)
    yield driver
    driver.close()


def _operators(plan) -> list[str]:
    return [plan["operatorType"].split("@")[0], *(op for child in plan.get("children", []) for op in _operators(child))]


@pytest.mark.parametrize("name", STATEMENTS)
def test_query_plans_have_no_scans_on_the_demo_graph(demo_graph, name):
    statement = load(name)
    _, summary, _ = demo_graph.execute_query("PROFILE " + statement.body, example_params(statement))
    operators = _operators(summary.profile)
    assert not [op for op in operators if op.endswith(SCANS)], operators
