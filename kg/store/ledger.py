"""The ingest ledger: which articles are already in the graph, read from the Article nodes themselves.

An Article node carries `sha256` (of the text as read) and `extractor` (kg's extractor version) only once
everything the article says has been written (cypher/write/ledger.cypher runs last). So before
extraction, `Ledger.pending` sorts the incoming articles:

- same hash, same extractor version: skipped, nothing to do;
- same hash, older extractor: skipped unless `reextract`;
- a new id, a different hash, or an article whose last write never finished: extracted and written,
  and the writer replaces whatever an earlier write left of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from neo4j import Driver

from kg import EXTRACTOR_VERSION
from kg.chunks import chunks
from kg.ingest.read import Problem
from kg.models import Article
from kg.store.cypher import load


@dataclass
class Ledger:
    """Filters articles against the graph's ledger; counts what it skipped."""

    driver: Driver
    database: str | None = None
    reextract: bool = False
    chunk: int = 500  # articles looked up per query
    unchanged: int = 0  # same text, same extractor: skipped
    outdated: int = 0  # same text, older extractor, no --reextract: skipped
    duplicates: list[Problem] = field(default_factory=list)
    _seen: dict[str, str] = field(default_factory=dict, repr=False)

    def entries(self, ids: list[str]) -> dict[str, dict]:
        records, _, _ = self.driver.execute_query(load("read/ledger").body, ids=ids, database_=self.database,
                                                  routing_="r")
        return {r["id"]: dict(r) for r in records}

    def pending(self, articles: Iterable[Article]) -> Iterator[Article]:
        """The articles that need extracting and writing, in input order, lazily."""
        for chunk in chunks(articles, self.chunk):
            known = self.entries([a.id for a in chunk])
            for article in chunk:
                where = article.path or article.id
                if article.id in self._seen:
                    self.duplicates.append(Problem(where, f"has the same article id {article.id!r} as "
                                                          f"{self._seen[article.id]}: skipped; rename one of them"))
                    continue
                self._seen[article.id] = where
                entry = known.get(article.id)
                if entry and entry["sha256"] == article.sha256:
                    if entry["extractor"] == EXTRACTOR_VERSION:
                        self.unchanged += 1
                        continue
                    if not self.reextract:
                        self.outdated += 1
                        continue
                yield article
