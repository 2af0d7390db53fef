"""The gold file's questions, answered from a graph the way the canned queries answer them.

A question names its subject in plain words ("the attack on Colonial Pipeline"); the gold entities whose
names occur in the question say which incidents and actors it is about.
"""

from __future__ import annotations

import re

from kg.eval.match import Matcher, aggregate
from kg.keys import alias_key

POSITIVE = ("asserted", "claimed", "suspected")


def role(predicate: str, status: str, actor_type: str | None) -> str:
    """The role an involvement answer gives (see cypher/involvement.cypher)."""
    base = {
        "TARGETED": "victim", "MOTIVATED_BY": "motive", "LEAKED": "leaked work", "RESPONDED_TO": "responder",
        "INVESTIGATES": "investigator",
    }.get(predicate)
    if predicate == "TARGETED" and actor_type == "Person":
        base = "affected person"  # as cypher/involvement.cypher says of people who were hit
    if predicate == "ATTRIBUTED_TO":
        base = "sponsor" if actor_type == "Country" else "perpetrator"
    if base is None:
        return predicate.lower()
    if status == "suspected":
        return "suspected " + base
    if status in ("denied", "negated"):
        return f"{base} ({status})"
    return base


def answer_all(gold: dict, graph: dict, match: Matcher) -> list[tuple[str, bool, str]]:
    return [_answer(question, gold, graph, match) for question in gold.get("questions", [])]


def _named(question: str, gold: dict) -> list[str]:
    """Gold entity ids whose names occur in the question, longest names first."""
    text = " " + alias_key(question) + " "
    found = []
    for e in gold["entities"]:
        for name in sorted([e["name"], *e.get("aliases", [])], key=len, reverse=True):
            key = alias_key(name)
            if len(key) > 1 and f" {key} " in text:
                found.append(e["id"])
                break
    if found:
        return found
    # "Which incidents hit Colonial?": a short name stands for every entity whose name it starts.
    words = {w for w in text.split() if len(w) > 2 and w[0].isalpha()}
    return [e["id"] for e in gold["entities"] if e["type"] == "Organization"
            and alias_key(e["name"]).split()[0] in words and len(alias_key(e["name"]).split()) > 1]


def _incidents_linked(named: list[str], graph: dict, match: Matcher) -> set[str]:
    """Predicted incidents a named entity took part in as actor, responder or investigator."""
    out = set()
    incident_ids = {i["id"] for i in graph["incidents"]}
    for (s, p, o) in aggregate(graph):
        if p in ("ATTRIBUTED_TO", "RESPONDED_TO", "INVESTIGATES"):
            incident, other = (s, o) if s in incident_ids else (o, s)
            if incident in incident_ids and match.ref(other) in named:
                out.add(incident)
    return out


def _incidents_about(named: list[str], gold: dict, graph: dict, match: Matcher) -> set[str]:
    """Predicted incidents whose victims include an entity the question names (or a name it starts)."""
    named_keys = {alias_key(n) for e in gold["entities"] if e["id"] in named for n in [e["name"], *e.get("aliases", [])]}
    out = set()
    entities = {e["id"]: e for e in graph["entities"]}
    for incident in graph["incidents"]:
        for victim in incident["victims"]:
            gid = match.entity.get(victim)
            names = [entities[victim]["name"], *entities[victim].get("aliases", [])] if victim in entities else []
            words = {alias_key(n) for n in names} | {alias_key(n).split()[0] for n in names if alias_key(n)}
            if gid in named or words & named_keys:
                out.add(incident["id"])
    return out


def _answer(q: dict, gold: dict, graph: dict, match: Matcher) -> tuple[str, bool, str]:
    named = _named(q["ask"], gold)
    incidents = _incidents_about(named, gold, graph, match)
    if "expect_incidents" in q:  # "Which incidents are linked to X?" asks about actors too
        incidents |= _incidents_linked(named, graph, match)
    elif not incidents:
        incidents = _incidents_linked(named, graph, match)
    edges = aggregate(graph)
    types = {e["id"]: e["type"] for e in graph["entities"]}
    problems = []
    if "expect_actors" in q or "forbid_actors" in q:
        actors = {}
        for (s, p, o), edge in edges.items():
            if p == "ATTRIBUTED_TO" and s in incidents:
                gid = match.ref(o) or o
                actors.setdefault(gid, set()).add(edge["status"])
        for gid, accepted in q.get("expect_actors", {}).items():
            if not actors.get(gid, set()) & set(accepted):
                problems.append(f"{gid} not {'/'.join(accepted)} (got {sorted(actors.get(gid, []))})")
        for gid in q.get("forbid_actors", []):
            if actors.get(gid, set()) & set(POSITIVE):
                problems.append(f"{gid} named as actor")
    if "expect_roles" in q:
        roles: dict[str, set[str]] = {}
        for (s, p, o), edge in edges.items():
            if s in incidents:
                roles.setdefault(match.ref(o) or o, set()).add(role(p, edge["status"], types.get(o)))
            if o in incidents:
                roles.setdefault(match.ref(s) or s, set()).add(role(p, edge["status"], types.get(s)))
        for gid, wanted in q["expect_roles"].items():
            if not any(r == wanted or r.startswith(wanted + " (") for r in roles.get(gid, set())):
                problems.append(f"{gid} not '{wanted}' (got {sorted(roles.get(gid, []))})")
    if "expect_sources" in q:
        denied = re.search(r"\bden(y|ied|ies)\b", q["ask"], re.I) is not None
        actors = [g for g in named if g not in {gi["victim"] for gi in gold["incidents"]}]
        sources, articles = set(), set()
        for (s, p, o), edge in edges.items():
            if p != "ATTRIBUTED_TO" or (incidents and s not in incidents):
                continue
            if actors and (match.ref(o) or o) not in actors:
                continue
            for claim in edge["claims"]:
                if denied and claim["status"] != "denied":
                    continue
                articles.add(claim["article"])
                if claim.get("according_to"):
                    sources.add(match.ref(claim["according_to"]) or claim["according_to"])
        for gid in q["expect_sources"]:
            if gid not in sources:
                problems.append(f"source {gid} missing (got {sorted(sources)})")
        for article in q.get("expect_evidence_articles", []):
            if article not in articles:
                problems.append(f"no evidence from {article}")
    if "expect_incidents" in q:
        got = {match.incident.get(i) for i in incidents}
        for gid in q["expect_incidents"]:
            if gid not in got:
                problems.append(f"incident {gid} not found (got {sorted(x for x in got if x)})")
        if not q["expect_incidents"] and incidents:
            problems.append(f"expected no incident, got {sorted(incidents)}")
    return q["ask"], not problems, "; ".join(problems)
