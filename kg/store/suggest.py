"""Did you mean …": the names in the graph closest to what the user typed, ranked by rapidfuzz.

Candidates come from an index seek on (:Name {key}) by the first letters of each word typed
(cypher/lookup/similar.cypher), so no query reads every name; rapidfuzz's WRatio ranks them.
"""

from __future__ import annotations

from neo4j import Driver
from rapidfuzz import fuzz, process

from kg.keys import alias_key
from kg.store.queries import run

PER_PREFIX = 500  # candidate keys read per prefix
CUTOFF = 70  # WRatio score (0-100) below which a name is not offered


def prefixes(text: str) -> list[str]:
    """The first three letters (two for short words) of each word of the text's alias key."""
    return sorted({word[:3] if len(word) > 4 else word[:2] for word in alias_key(text).split() if len(word) >= 2})


def rank(text: str, rows: list[dict], limit: int = 5) -> list[dict]:
    """The rows (key, id, name, type) whose key is closest to the text, best first, one per node."""
    key = alias_key(text)
    if not key or not rows:
        return []
    keys = sorted({row["key"] for row in rows})
    best = process.extract(key, keys, scorer=fuzz.WRatio, score_cutoff=CUTOFF, limit=len(keys))
    score = {match: value for match, value, _ in best}
    out, seen = [], set()
    for row in sorted((r for r in rows if r["key"] in score), key=lambda r: (-score[r["key"]], r["name"], r["id"])):
        if row["id"] not in seen:
            seen.add(row["id"])
            out.append({**row, "score": round(score[row["key"]])})
    return out[:limit]


def closest(driver: Driver, texts: list[str], database: str | None = None, limit: int = 5) -> list[dict]:
    """The names closest to any of the texts (phrases the user typed that name nothing), best first."""
    found: dict[str, dict] = {}
    for text in texts:
        wanted = prefixes(text)
        if not wanted:
            continue
        rows = run(driver, "lookup/similar", {"prefixes": wanted, "per_prefix": PER_PREFIX}, database).rows
        for row in rank(text, rows, limit):
            if row["id"] not in found or found[row["id"]]["score"] < row["score"]:
                found[row["id"]] = row
    return sorted(found.values(), key=lambda r: (-r["score"], r["name"]))[:limit]


def did_you_mean(suggestions: list[dict]) -> str:
    """One line for the user: 'did you mean WannaCry (Malware), …?' or that nothing is close."""
    if not suggestions:
        return "No name in the graph is close to that (`kg list incidents` and `kg list actors` show what is there)."
    return "Did you mean " + ", ".join(f"{s['name']} ({s['type']})" for s in suggestions) + "?"
