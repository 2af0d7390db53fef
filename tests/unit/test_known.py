"""kg.store.known against a stand-in for the driver: what a window asks the graph."""

from __future__ import annotations

from kg.models import Cluster, DocResult, LocalClaim, LocalIncident
from kg.resolve.merge import resolve
from kg.store.known import resolve_window


class EmptyGraph:
    """A driver whose graph holds nothing; it keeps the parameters of every query it is sent."""

    def __init__(self) -> None:
        self.asked: list[dict] = []

    def execute_query(self, query: str, params: dict, **_) -> tuple:
        self.asked.append(params)
        return [], None, None


def _window() -> list[DocResult]:
    bank = Cluster("Acme Bank", "Organization", [0, 5], ["Acme Bank"], ["acme bank"])
    gang = Cluster("Halvard Owls", "ThreatActor", [3], ["Halvard Owls"], ["halvard owls"])
    claim = LocalClaim(("i", 0), "ATTRIBUTED_TO", ("e", 1), "suspected", "suspected", None,
                       "Acme Bank was hit by the Halvard Owls.", 0, 38, "test", 0.5)
    return [DocResult({"id": "a1"}, [bank, gang], [LocalIncident([0], 2024)], [claim]),
            DocResult({"id": "a2"}, [bank], [LocalIncident([0], 2024)], [])]


def test_known_window_on_an_empty_graph_asks_once_per_kind_and_resolves_as_alone():
    graph = EmptyGraph()
    resolved = resolve_window(graph, None, _window())
    assert len(graph.asked) == 2  # entities, then incidents: nothing came back, so no further round
    assert resolved.graph == resolve(_window()).graph
    assert resolved.graph.claims and not resolved.moves
