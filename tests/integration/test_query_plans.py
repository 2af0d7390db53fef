"""kg's read statements use indexes: no label scan, no all-nodes scan in PROFILE on the demo graph."""

from __future__ import annotations


import pytest

from kg.browser.guide import example_params
from kg.store.cypher import canned, load

pytestmark = pytest.mark.integration
STATEMENTS = [s.name for s in canned()] + ["lookup/names", "browser/attribution"]
SCANS = ("NodeByLabelScan", "AllNodesScan", "AllRelationshipsScan", "RelationshipTypeScan")


def _operators(plan) -> list[str]:
    return [plan["operatorType"].split("@")[0], *(op for child in plan.get("children", []) for op in _operators(child))]


@pytest.mark.parametrize("name", STATEMENTS)
def test_query_plans_have_no_scans_on_the_demo_graph(demo_graph, name):
    statement = load(name)
    _, summary, _ = demo_graph.execute_query("PROFILE " + statement.body, example_params(statement))
    operators = _operators(summary.profile)
    assert not [op for op in operators if op.endswith(SCANS)], operators
