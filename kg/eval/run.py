"""Run an evaluation: kg's graph (offline or from Neo4j) and plain spaCy NER, both against one gold file."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from spacy.language import Language

from kg.errors import InputError
from kg.eval.score import Report, score
from kg.ingest.read import Problem, read_paths
from kg.nlp.model import load_base
from kg.pipeline import build

BASELINE_TYPES = {"ORG": "Organization", "GPE": "Country", "NORP": "Country", "PERSON": "Person",
                  "WORK_OF_ART": "Film", "PRODUCT": "Product"}


def load_gold(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: cannot read the gold file ({error}); it must be JSON in the seeds.json format")


def articles_for(gold_path: Path, articles: Path | None) -> Path:
    """The articles a gold file describes: --articles, else <gold dir>/articles, else <gold dir>/../seeds."""
    for candidate in (articles, gold_path.parent / "articles", gold_path.parent.parent / "seeds"):
        if candidate is not None and candidate.is_dir():
            return candidate
    raise InputError(f"No articles for {gold_path}: pass --articles DIR")


def _paths(gold: dict, folder: Path) -> list[str]:
    paths = [folder / name for name in gold.get("articles", {})]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise InputError(f"The gold file names articles that are not in {folder}: {', '.join(missing)}")
    return [str(p) for p in paths]


def kg_graph(nlp: Language, gold: dict, folder: Path) -> dict:
    return build(nlp, _paths(gold, folder)).graph.to_json()


def baseline_graph(model: str, gold: dict, folder: Path) -> dict:
    """Plain spaCy NER: every ORG/GPE/NORP/PERSON/WORK_OF_ART/PRODUCT span is an entity of its majority type."""
    nlp = load_base(model)
    votes: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, str] = {}
    for article in read_paths(_paths(gold, folder)):
        if isinstance(article, Problem):
            continue
        for ent in nlp(article.text).ents:
            kind = BASELINE_TYPES.get(ent.label_)
            if kind and ent.text.strip():
                key = ent.text.strip().lower()
                votes[key][kind] += 1
                names.setdefault(key, ent.text.strip())
    entities = [{"id": key, "name": names[key], "type": tally.most_common(1)[0][0], "aliases": [names[key]],
                 "articles": ["?"]} for key, tally in votes.items()]
    return {"entities": entities, "incidents": [], "claims": []}


def evaluate(nlp: Language, model: str, gold_path: Path, articles: Path | None = None,
             graph: dict | None = None) -> tuple[Report, Report]:
    gold = load_gold(gold_path)
    folder = articles_for(gold_path, articles)
    ours = score(gold, graph if graph is not None else kg_graph(nlp, gold, folder))
    base = score(gold, baseline_graph(model, gold, folder))
    return ours, base
