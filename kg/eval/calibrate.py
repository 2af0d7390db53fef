"""Each rule's measured precision on the gold sets, as the confidence its claims carry.

`kg eval --calibrate --gold FILE ...` extracts every gold set with the rules' own constant confidences
(KG_RULE_PRECISION=off), then counts, per rule id, how many of its claims name a relation the gold holds
with a status the gold accepts. The precision is smoothed ((right + 1) / (claims + 2)) so that a rule seen
twice is not called certain. `kg/data/rule_precision.json` keeps the table; the extractor reads it.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from kg.eval.match import Matcher
from kg.eval.run import articles_for, kg_graph, load_gold

OFF = "off"


def rule_counts(gold: dict, graph: dict) -> tuple[Counter, Counter]:
    """(claims per rule, right claims per rule) of one extracted gold set.

    A claim is right when the gold holds its relation with an accepted status. A claim about an incident is
    judged by what the rule decided: its predicate, object and status, against the gold relations of the
    incidents its article reports; whether the incident itself was recognised is the incident finder's
    precision, not the rule's."""
    match = Matcher(gold, graph)
    wanted = {(r["s"], r["p"], r["o"]): r for r in gold["relations"]}
    annotated = {r["p"] for r in gold["relations"]}
    incidents_of: dict[str, set[str]] = {}
    for incident in gold.get("incidents", []):
        for article in incident.get("articles", []):
            incidents_of.setdefault(article, set()).add(incident["id"])
    claims, right = Counter(), Counter()
    for c in graph["claims"]:
        if c["predicate"] not in annotated:
            continue  # a gold set that annotates no USED relation says nothing of the USED rules
        claims[c["rule"]] += 1
        subject, obj = match.ref(c["subject"]), match.ref(c["object"])
        subjects = {subject} if not c["subject"].startswith("incident:") else \
            {subject} | incidents_of.get(c["article"], set())
        if any((rel := wanted.get((s, c["predicate"], obj))) is not None and c["status"] in rel["accept_status"]
               for s in subjects):
            right[c["rule"]] += 1
    return claims, right


def calibrate(nlp, gold_paths: list[Path]) -> dict:
    """The precision table of every rule that made a claim on the gold sets."""
    claims, right = Counter(), Counter()
    previous = os.environ.get("KG_RULE_PRECISION")
    os.environ["KG_RULE_PRECISION"] = OFF
    try:
        for path in gold_paths:
            gold = load_gold(path)
            c, r = rule_counts(gold, kg_graph(nlp, gold, articles_for(path, None)))
            claims.update(c)
            right.update(r)
    finally:
        if previous is None:
            os.environ.pop("KG_RULE_PRECISION", None)
        else:
            os.environ["KG_RULE_PRECISION"] = previous
    rules = {rule: {"claims": n, "right": right[rule], "precision": round((right[rule] + 1) / (n + 2), 3)}
             for rule, n in sorted(claims.items())}
    return {
        "about": "Per rule id: claims made on the gold sets, how many the gold holds (status accepted), and the "
                 "smoothed precision (right + 1) / (claims + 2) that becomes each claim's confidence. "
                 "Written by `kg eval --calibrate`; see README, 'Confidence'.",
        "gold": [str(p) for p in gold_paths],
        "rules": rules,
    }


def write(table: dict, path: Path) -> None:
    path.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
