"""How a graph in the `kg extract` JSON shape meets a gold file: which predicted entity or incident is which
gold one (`Matcher`, by alias key and victims) and the relations as the graph's edges aggregate them. The
scores (kg.eval.score), the gold questions (kg.eval.questions) and the calibration (kg.eval.calibrate) read
a graph through these.
"""

from __future__ import annotations

from kg.keys import alias_key
from kg.models import STATUSES


def keys_of(names) -> set[str]:
    return {alias_key(n) for n in names if alias_key(n)}


class Matcher:
    """Maps predicted ids to gold ids."""

    def __init__(self, gold: dict, graph: dict):
        self.gold = gold
        self.graph = graph
        self.gold_keys = {e["id"]: keys_of([e["name"], *e.get("aliases", [])]) for e in gold["entities"]}
        self.gold_type = {e["id"]: e["type"] for e in gold["entities"]}
        self.entity: dict[str, str] = {}
        for e in graph["entities"]:
            keys = keys_of([e["name"], *e.get("aliases", [])])
            name_key = alias_key(e["name"])
            best = None
            for gid, gkeys in self.gold_keys.items():
                if name_key in gkeys:
                    best = gid
                    break
                if best is None and keys & gkeys:
                    best = gid
            if best:
                self.entity[e["id"]] = best
        self.incident: dict[str, str] = {}
        for i in graph["incidents"]:
            victims = {self.entity.get(v) for v in i["victims"]}
            primary = self.entity.get(i["victims"][0]) if i["victims"] else None
            year = str(i.get("date") or "")[:4]
            # one victim hit twice ("uber-2016", "uber-2022"): the gold incident whose id or description has the
            # predicted incident's year comes first
            for g in sorted(gold["incidents"], key=lambda g: (g["victim"] != primary, not year or year not in (
                    g["id"] + " " + g.get("description", "")))):
                if g["victim"] in victims:
                    self.incident[i["id"]] = g["id"]
                    break
            else:
                for g in gold["incidents"]:
                    if victims & set(g.get("also_victim", [])):
                        self.incident[i["id"]] = g["id"]
                        break

    def ref(self, pid: str) -> str | None:
        return self.entity.get(pid) or self.incident.get(pid)


def aggregate(graph: dict) -> dict[tuple[str, str, str], dict]:
    """(subject, predicate, object) -> {status, statuses, sources, articles} as the graph's edges hold them."""
    edges: dict[tuple[str, str, str], dict] = {}
    for c in graph["claims"]:
        edge = edges.setdefault((c["subject"], c["predicate"], c["object"]),
                                {"statuses": set(), "sources": set(), "articles": set(), "claims": []})
        edge["statuses"].add(c["status"])
        edge["articles"].add(c["article"])
        edge["claims"].append(c)
        if c.get("according_to"):
            edge["sources"].add(c["according_to"])
    for edge in edges.values():
        edge["status"] = next(s for s in STATUSES if s in edge["statuses"])
    return edges
