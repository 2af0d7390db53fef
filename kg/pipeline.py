"""read -> clean -> spaCy -> extract -> merge: articles in, one Graph out (no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from spacy.language import Language

from kg.graph.extract import DocResult, extract
from kg.ingest.clean import clean
from kg.ingest.read import Problem, read_paths
from kg.models import Article, Graph
from kg.resolve.merge import merge


@dataclass
class Run:
    """The outcome of one pipeline run: the graph, and what was skipped with why."""

    graph: Graph
    problems: list[Problem] = field(default_factory=list)


def analyse(nlp: Language, articles: Iterable[Article], batch_size: int = 32) -> Iterator[DocResult]:
    """Each article's DocResult, in input order; spaCy runs over them in batches."""
    def texts():
        for article in articles:
            cleaned = clean(article)
            yield cleaned.text, (article.record(), cleaned)

    for doc, (record, cleaned) in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
        yield extract(record, cleaned, doc)


def build(nlp: Language, paths: Iterable[str], on_article=None) -> Run:
    """The graph of every article under `paths`; unreadable inputs are listed in `problems`."""
    problems: list[Problem] = []

    def articles():
        for item in read_paths(paths):
            if isinstance(item, Problem):
                problems.append(item)
            elif not item.text.strip():
                problems.append(Problem(item.path or item.id, "is empty: nothing to extract"))
            else:
                yield item

    results = []
    for result in analyse(nlp, articles()):
        results.append(result)
        if on_article is not None:
            on_article(result)
    return Run(merge(results), problems)
