"""`kg review`: an analyst's corrections, with an audit trail.

A decision is a (:Review {claim}) node keyed by the claim id, which is stable across re-extraction (a hash of
article, subject, predicate, object, offset and rule). Rejecting takes the claim out of the evidence (its record
stays on the Review node) and the writer recomputes the direct edge; re-ingesting or re-extracting the article
leaves it out again. Restoring writes it back. An analyst's own claim lives under an article of its own,
`review:<name>`, so every query, export and `kg show` reads it like any other.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Optional

import typer
from rich.markup import escape

from kg.cli.output import Format, console, show
from kg.config import Settings
from kg.errors import QueryError
from kg.models import PREDICATES, STATUSES, Claim

app = typer.Typer(help="Correct the graph with an audit trail: reject, restore or assert claims; list decisions.",
                  no_args_is_help=True)

INCIDENT_SUBJECT = {"TARGETED", "ATTRIBUTED_TO", "MOTIVATED_BY", "LEAKED"}
INCIDENT_OBJECT = {"RESPONDED_TO", "INVESTIGATES"}
Why = Annotated[Optional[str], typer.Option("--why", help="The reason, kept with the decision.")]
By = Annotated[str, typer.Option("--by", help="Who decides (your name), kept with the decision.", envvar="KG_REVIEWER")]


def _claim(driver, claim_id: str, database) -> dict:
    from kg.store.queries import run

    return run(driver, "read/claim", {"id": claim_id}, database).rows[0]


def _decision(decision: str, claim_id: str, why, by, found: dict, record: dict | None) -> dict:
    claim = found["claim"] or json.loads((found["review"] or {}).get("record") or "{}")
    return {"claim": claim_id, "decision": decision, "why": why, "by": by,
            "record": json.dumps(record, ensure_ascii=False) if record else None,
            "predicate": claim.get("predicate"), "status": claim.get("status"), "article": claim.get("article"),
            "sentence": claim.get("sentence"),
            "subject": found["subject"] or claim.get("subject"), "subject_name": found["subject_name"] or claim.get("subject_name"),
            "object": found["object"] or claim.get("object"), "object_name": found["object_name"] or claim.get("object_name")}


@app.command()
def reject(claim_id: Annotated[str, typer.Argument(metavar="CLAIM_ID", help="The claim's id (c:…), as queries show it.")],
           why: Why = None, by: By = ...) -> None:
    """Reject a claim: it leaves the evidence, its direct edge is recomputed (status, counts, conflict), and it stays out when its article is ingested or re-extracted again."""
    from kg.store.connect import open_driver
    from kg.store.writer import Writer

    settings = Settings.from_env()
    with open_driver(settings) as driver:
        found = _claim(driver, claim_id, settings.neo4j_database)
        if found["claim"] is None:
            if (found["review"] or {}).get("decision") == "rejected":
                raise QueryError(f"{claim_id} is already rejected (`kg review restore {claim_id}` brings it back)")
            raise QueryError(f"No claim has the id {claim_id!r}: `kg query evidence` and `kg ask` show claim ids")
        record = {**found["claim"], "subject": found["subject"], "subject_label": found["subject_label"],
                  "subject_name": found["subject_name"], "object": found["object"],
                  "object_label": found["object_label"], "object_name": found["object_name"]}
        pair = (record["predicate"], found["subject_label"], found["subject"], found["object_label"], found["object"])
        Writer(driver, settings.neo4j_database).review(_decision("rejected", claim_id, why, by, found, record),
                                                       drop=claim_id, pairs=[pair])
    console.print(f"Rejected {claim_id}: {escape(found['subject_name'])} {record['predicate']} "
                  f"{escape(found['object_name'])} ({record['status']}); the direct edge is recomputed.")


@app.command()
def restore(claim_id: Annotated[str, typer.Argument(metavar="CLAIM_ID", help="A rejected claim's id.")],
            why: Why = None, by: By = ...) -> None:
    """Restore a rejected claim: it is written back and its direct edge recomputed; the decision stays in the history."""
    from kg.store.connect import open_driver
    from kg.store.writer import Writer

    settings = Settings.from_env()
    with open_driver(settings) as driver:
        found = _claim(driver, claim_id, settings.neo4j_database)
        review = found["review"] or {}
        if review.get("decision") != "rejected":
            raise QueryError(f"{claim_id} is not rejected (`kg review list` shows the decisions)")
        record = json.loads(review["record"])
        claim = Claim(record["subject"], record["predicate"], record["object"], record["status"], record["article"],
                      record["sentence"], record["start"], record["end"], record["rule"], record["confidence"],
                      cue=record.get("cue"), according_to=record.get("according_to"))
        kind_of = {record["subject"]: record["subject_label"], record["object"]: record["object_label"]}
        Writer(driver, settings.neo4j_database).review(_decision("restored", claim_id, why, by, found, None),
                                                       add=[claim], kind_of=kind_of)
        back = _claim(driver, claim_id, settings.neo4j_database)["claim"] is not None
    if back:
        console.print(f"Restored {claim_id}; the direct edge is recomputed.")
    else:
        console.print(f"[yellow]{claim_id} is no longer rejected[/yellow], but its article or one of its ends is not "
                      "in the graph now; it comes back when the article is ingested again.")


def _node(driver, value: str, incident: bool, database) -> tuple[str, str, str]:
    """(id, label, name) of the node a name stands for; an incident where the predicate needs one."""
    from kg.cli.names import lookup

    if re.fullmatch(r"[a-z]+:\S+", value):
        return value, "Incident" if value.startswith("incident:") else "Entity", value
    rows = lookup(driver, [value], database)[value]
    if incident:
        options = {i: n for row in rows for i, n in zip(row["incidents"], row["incident_names"])}
        label = "Incident"
    else:
        options = {row["id"]: row["name"] for row in rows if row["type"] != "Incident"}
        label = "Entity"
    if len(options) != 1:
        what = "an incident" if incident else "an entity"
        listed = "; ".join(f"{i} ({n})" for i, n in options.items()) or "none"
        raise QueryError(f"{value!r} names {len(options)} candidates for {what} ({listed}): give one by its id")
    (node_id, name), = options.items()
    return node_id, label, name


@app.command(name="assert")
def assert_claim(
    subject: Annotated[str, typer.Argument(help="A name, alias or id; an incident for TARGETED, ATTRIBUTED_TO, MOTIVATED_BY, LEAKED (a victim's or malware's name finds it).")],
    predicate: Annotated[str, typer.Argument(help="One of " + ", ".join(PREDICATES) + ".")],
    obj: Annotated[str, typer.Argument(metavar="OBJECT", help="A name, alias or id; an incident for RESPONDED_TO and INVESTIGATES.")],
    sentence: Annotated[str, typer.Option("--sentence", help="The analyst's evidence: what it rests on, in one sentence.")],
    why: Why = None, by: By = ...,
    status: Annotated[str, typer.Option(help="asserted, claimed, suspected, denied or negated.")] = "asserted",
) -> None:
    """Add an analyst's own claim, with its evidence sentence, under the article `review:<name>`; its direct edge is recomputed like any other."""
    from kg.keys import slug
    from kg.store.connect import open_driver
    from kg.store.writer import Writer

    predicate = predicate.upper()
    if predicate not in PREDICATES:
        raise typer.BadParameter(f"{predicate!r} is not one of {', '.join(PREDICATES)}", param_hint="PREDICATE")
    if status not in STATUSES:
        raise typer.BadParameter(f"{status!r} is not one of {', '.join(STATUSES)}", param_hint="--status")
    settings = Settings.from_env()
    with open_driver(settings) as driver:
        s, s_label, s_name = _node(driver, subject, predicate in INCIDENT_SUBJECT, settings.neo4j_database)
        o, o_label, o_name = _node(driver, obj, predicate in INCIDENT_OBJECT, settings.neo4j_database)
        article = {"id": f"review:{slug(by)}", "title": f"Claims asserted by {by} (kg review)", "url": None,
                   "source": by, "published": None, "path": None}
        claim = Claim(s, predicate, o, status, article["id"], sentence, 0, len(sentence), "analyst", 1.0)
        found = {"claim": claim.record(), "subject": s, "subject_name": s_name, "object": o, "object_name": o_name,
                 "review": None}
        Writer(driver, settings.neo4j_database).review(_decision("asserted", claim.id, why, by, found, None),
                                                       add=[claim], kind_of={s: s_label, o: o_label}, article=article)
    console.print(f"Asserted {claim.id}: {escape(s_name)} {predicate} {escape(o_name)} ({status}) by {escape(by)}.")


@app.command(name="list")
def list_reviews(
    limit: Annotated[int, typer.Option(min=1, help="Rows per page.")] = 50,
    skip: Annotated[int, typer.Option(min=0, help="Rows to skip first.")] = 0,
    fmt: Annotated[Format, typer.Option("--format", help="table, json or csv.")] = Format.table,
) -> None:
    """List the review decisions, newest first: claim, decision, by whom, when, why, the relation and its sentence, and the history."""
    from kg.store.connect import open_driver
    from kg.store.queries import run

    settings = Settings.from_env()
    with open_driver(settings) as driver:
        answer = run(driver, "read/reviews", {"limit": limit, "skip": skip}, settings.neo4j_database)
    show(answer, fmt, empty="No review decisions yet.")


@app.command(name="show")
def show_claim(claim_id: Annotated[str, typer.Argument(metavar="CLAIM_ID", help="A claim's id (c:…).")]) -> None:
    """Print one claim in full (sentence, article, offsets, status, rule) and any review decision on it."""
    from kg.store.connect import open_driver

    settings = Settings.from_env()
    with open_driver(settings) as driver:
        found = _claim(driver, claim_id, settings.neo4j_database)
    review = found["review"] or {}
    claim = found["claim"] or json.loads(review.get("record") or "null")
    if claim is None:
        raise QueryError(f"No claim has the id {claim_id!r}")
    subject = found["subject_name"] or claim.get("subject_name")
    obj = found["object_name"] or claim.get("object_name")
    console.print(f"[bold]{claim_id}[/bold]  {escape(str(subject))} {claim['predicate']} {escape(str(obj))}  "
                  f"{claim['status']}" + (f" (cue: {escape(claim['cue'])})" if claim.get("cue") else ""))
    console.print(f"  article   {escape(str(claim['article']))}, characters {claim['start']}–{claim['end']}, rule "
                  f"{claim['rule']}, confidence {claim['confidence']}")
    console.print(f"  sentence  {escape(claim['sentence'])}")
    if review:
        console.print(f"  review    {review['decision']} by {escape(review['by'])}"
                      + (f": {escape(review['why'])}" if review.get("why") else ""))
        for line in review.get("history") or []:
            console.print(f"            {escape(line)}")
