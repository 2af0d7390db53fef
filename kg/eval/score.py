"""Scoring a graph (the `kg extract` JSON shape) against a gold file (the ../shared/gold/seeds.json format).

Matching: a predicted entity is a gold entity when one of its names (name or alias) has the alias key of
one of the gold entity's names. Each gold entity counts once; further predicted entities that match it
are duplicates and count as false positives. A predicted incident is the gold incident whose victim (or
an also_victim) is among its victims. A relation is right when subject, predicate and object match and
its aggregated status (the strongest, as on the graph's edges) is one the gold accepts. A predicate the gold
file annotates nowhere (USED in gold sets written before Malware existed) is not scored for that file.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kg.eval.match import Matcher, aggregate, keys_of
from kg.eval.questions import answer_all
from kg.keys import alias_key

TYPES = ("Organization", "ThreatActor", "Country", "Person", "Film", "Product", "Malware")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict:
        return {"p": round(self.precision, 3), "r": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Report:
    entities: PRF = field(default_factory=PRF)
    entities_by_type: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    relations: PRF = field(default_factory=PRF)
    relations_by_predicate: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    violations: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    questions: list[tuple[str, bool, str]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "entities": self.entities.row(),
            "entities_by_type": {t: p.row() for t, p in sorted(self.entities_by_type.items())},
            "relations": self.relations.row(),
            "relations_by_predicate": {t: p.row() for t, p in sorted(self.relations_by_predicate.items())},
            "violations": {k: v for k, v in self.violations.items()},
            "questions": [{"ask": q, "pass": ok, "why": why} for q, ok, why in self.questions],
        }


def mentioned(graph: dict) -> list[dict]:
    """Entities the articles name (knowledge-base nodes with no article are not extractions)."""
    return [e for e in graph["entities"] if e.get("articles", True)]


def score(gold: dict, graph: dict) -> Report:
    report = Report()
    match = Matcher(gold, graph)
    _score_entities(gold, graph, match, report)
    _score_relations(gold, graph, match, report)
    _check_forbidden(gold, graph, match, report)
    report.questions = answer_all(gold, graph, match)
    return report


def _score_entities(gold, graph, match: Matcher, report: Report) -> None:
    seen: set[str] = set()
    for e in mentioned(graph):
        gid = match.entity.get(e["id"])
        if gid is None or gid in seen:
            report.entities.fp += 1
            report.entities_by_type[e["type"]].fp += 1
            if gid is None:
                report.misses.append(f"extra entity: {e['name']} ({e['type']})")
            else:
                report.misses.append(f"duplicate entity: {e['name']} ({e['type']}) = {gid}")
            continue
        seen.add(gid)
        if match.gold_type[gid] == e["type"]:
            report.entities.tp += 1
            report.entities_by_type[e["type"]].tp += 1
        else:
            report.entities.fp += 1
            report.entities.fn += 1
            report.entities_by_type[e["type"]].fp += 1
            report.entities_by_type[match.gold_type[gid]].fn += 1
            report.misses.append(f"wrong type: {e['name']} is {e['type']}, gold {match.gold_type[gid]}")
    for g in gold["entities"]:
        if g["id"] not in seen:
            report.entities.fn += 1
            report.entities_by_type[g["type"]].fn += 1
            report.misses.append(f"missed entity: {g['name']} ({g['type']})")


def _score_relations(gold, graph, match: Matcher, report: Report) -> None:
    wanted = {(r["s"], r["p"], r["o"]): r for r in gold["relations"]}
    annotated = {r["p"] for r in gold["relations"]}
    found: set[tuple[str, str, str]] = set()
    for (s, p, o), edge in aggregate(graph).items():
        if p not in annotated:
            continue
        key = (match.ref(s), p, match.ref(o))
        rel = wanted.get(key)
        if rel is not None and key not in found and edge["status"] in rel["accept_status"]:
            found.add(key)
            report.relations.tp += 1
            report.relations_by_predicate[p].tp += 1
            continue
        report.relations.fp += 1
        report.relations_by_predicate[p].fp += 1
        why = "wrong status " + edge["status"] if rel is not None else "not in gold"
        report.misses.append(f"extra relation ({why}): {key[0] or s} {p} {key[2] or o}")
    for key, rel in wanted.items():
        if key not in found and not rel.get("optional"):
            report.relations.fn += 1
            report.relations_by_predicate[key[1]].fn += 1
            report.misses.append(f"missed relation: {key[0]} {key[1]} {key[2]} {rel['accept_status']}")


def _check_forbidden(gold, graph, match: Matcher, report: Report) -> None:
    forbidden = keys_of(gold.get("must_not_be_entities", []))
    for e in mentioned(graph):
        if keys_of([e["name"], *e.get("aliases", [])]) & forbidden:
            report.violations["must_not_be_entities"].append(e["name"])
    for rule in gold.get("wrong_types", []):
        key = alias_key(rule["name"])
        for e in mentioned(graph):
            if alias_key(e["name"]) == key and e["type"] in rule["wrong"]:
                report.violations["wrong_types"].append(f"{e['name']} as {e['type']}")
    for (s, p, o), edge in aggregate(graph).items():
        gs, go = match.ref(s) or s, match.ref(o) or o
        for rule in gold.get("must_not_relate", []):
            if _hits(rule["s"], gs) and _hits(rule["p"], p) and _hits(rule["o"], go) and \
                    (rule.get("status") is None or edge["status"] == rule["status"]):
                report.violations["must_not_relate"].append(f"{gs} {p} {go} ({edge['status']})")


def _hits(pattern, value: str) -> bool:
    if pattern == "*":
        return True
    if isinstance(pattern, list):
        return value in pattern
    return value == pattern
