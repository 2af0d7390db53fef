"""`kg eval`: precision, recall and F1 against a gold file, beside plain spaCy NER."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from kg.cli.output import Format, console
from kg.config import Settings
from kg.eval.score import Report


def evaluate(
    gold: Annotated[list[Path], typer.Option("--gold", help="Gold file(s) in the seeds.json format; repeatable.")],
    articles: Annotated[Optional[Path], typer.Option(help="Folder of the gold's articles (default: beside the gold file).")] = None,
    db: Annotated[bool, typer.Option("--db", help="Score the graph loaded in Neo4j instead of a fresh extraction.")] = False,
    fmt: Annotated[Format, typer.Option("--format", help="table or json.")] = Format.table,
    misses: Annotated[bool, typer.Option("--misses", help="Also list every missed, extra or wrong item.")] = False,
    calibrate: Annotated[bool, typer.Option(
        "--calibrate", help="Instead of scoring, measure each rule's precision on the gold files and write the "
                            "table the extractor reads as claim confidence (see --out).")] = False,
    out: Annotated[Optional[Path], typer.Option(
        help="With --calibrate: where to write the table (default: kg/data/rule_precision.json in the package).")] = None,
) -> None:
    """Score extraction against gold annotations: entities by type, relations by predicate (status counted), questions.

    With --calibrate, measure each relation rule's precision on the gold files instead and write it as the
    confidence the extractor gives that rule's claims (rules below 0.5 then attribute nothing on their own)."""
    from kg.eval.run import evaluate as run_eval
    from kg.nlp.model import load

    settings = Settings.from_env()
    nlp = load(settings.model)
    if calibrate:
        from importlib import resources

        from kg.eval.calibrate import calibrate as measure, write

        table = measure(nlp, gold)
        target = out or Path(str(resources.files("kg.data").joinpath("rule_precision.json")))
        write(table, target)
        for rule, row in table["rules"].items():
            console.print(f"{rule:28} {row['precision']:.2f}  ({row['right']}/{row['claims']} claims right)")
        console.print(f"wrote {target}")
        return
    graph = None
    if db:
        from kg.eval.db import graph_from_db
        from kg.store.connect import open_driver

        with open_driver(settings) as driver:
            graph = graph_from_db(driver, settings.neo4j_database)
    results = {}
    for path in gold:
        ours, base = run_eval(nlp, settings.model, path, articles if len(gold) == 1 else None, graph)
        results[str(path)] = (ours, base)
    if fmt is Format.json:
        print(json.dumps({p: {"kg": o.to_json(), "spacy_ner": b.to_json()} for p, (o, b) in results.items()}, indent=2))
        return
    for path, (ours, base) in results.items():
        _print(path, ours, base, misses)


def _print(path: str, ours: Report, base: Report, misses: bool) -> None:
    table = Table(title=f"{path}", title_justify="left")
    for column in ("measure", "kg P", "kg R", "kg F1", "spaCy NER P", "spaCy NER R", "spaCy NER F1"):
        table.add_column(column)

    def row(label, a, b):
        table.add_row(label, f"{a.precision:.2f}", f"{a.recall:.2f}", f"{a.f1:.2f}",
                      f"{b.precision:.2f}", f"{b.recall:.2f}", f"{b.f1:.2f}")

    row("entities (typed)", ours.entities, base.entities)
    for kind in sorted(set(ours.entities_by_type) | set(base.entities_by_type)):
        row(f"  {kind}", ours.entities_by_type[kind], base.entities_by_type[kind])
    row("relations (status right)", ours.relations, base.relations)
    for predicate in sorted(ours.relations_by_predicate):
        row(f"  {predicate}", ours.relations_by_predicate[predicate], base.relations_by_predicate[predicate])
    console.print(table)
    for kind in ("must_not_be_entities", "wrong_types", "must_not_relate"):
        found = ours.violations.get(kind, [])
        console.print(f"{kind} violations: {len(found)}" + (f" — {', '.join(found)}" if found else ""))
    passed = sum(1 for _, ok, _ in ours.questions if ok)
    console.print(f"questions answered: {passed}/{len(ours.questions)}")
    for ask, ok, why in ours.questions:
        console.print(f"  [{'green' if ok else 'red'}]{'pass' if ok else 'FAIL'}[/] {ask}" + ("" if ok else f" — {why}"))
    if misses:
        for miss in ours.misses:
            console.print(f"  · {miss}")
