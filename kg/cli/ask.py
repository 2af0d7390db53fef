"""`kg ask`: a plain-English question -> one canned query and its parameters, without any language model.

Keywords say what kind of question it is (KINDS, first match wins). The names in it are found in the graph:
every run of up to six words becomes an alias key (kg.resolve.keys.alias_key) and (:Name {key}) nodes say what
it names. The longest runs win, and the query gets the keys of the names as its parameters.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Annotated, Optional

import typer
from rich.markup import escape

from kg.browser.guide import ORDER
from kg.cli.output import Format, console, show
from kg.config import Settings
from kg.errors import QueryError
from kg.resolve.keys import alias_key

MAX_WORDS = 6


@dataclass(frozen=True)
class Kind:
    """One kind of question: when it applies, which canned query answers it, and what names it needs."""

    query: str
    cues: str  # a regex; the question must match it
    slots: tuple[str, ...] = ()  # parameters filled with names from the question, in order
    also: str | None = None  # a second regex the question must match too
    example: str = ""


KINDS = (
    Kind("accusations", r"\bwho (said|says|claims?|claimed|blames?|blamed|accuses?|accused|suspects?)\b|\baccording to "
         r"whom\b|\bwhich sentences?\b", ("actor",),
         also=r"\b(responsible|behind|blam\w*|accus\w*|attribut\w*|culprit|did it|suspect\w*)\b",
         example="Who said Russia might be responsible, and in which sentence?"),
    Kind("evidence", r"\b(evidence|sentences?|proof|prove[sn]?|how do (we|you) know)\b", ("a", "b"),
         example="What is the evidence linking Colonial Pipeline and DarkSide?"),
    Kind("connections", r"\b(connect\w*|link\w*|related|relationship|path|tied)\b", ("a", "b"),
         example="How is Colonial Pipeline connected to Russia?"),
    Kind("contradictions", r"\b(contradict\w*|disput\w*|disagree\w*|conflict\w*|inconsisten\w*|den(y|ies|ied))\b",
         example="Which claims are disputed?"),
    Kind("stats", r"\b(how (many|big)|stat(s|istics)|counts?|in the graph)\b",
         example="How many incidents and claims are in the graph?"),
    Kind("timeline", r"\b(timeline|when|chronolog\w*|what happened|order of events)\b", ("target",),
         example="What happened in the WannaCry attack, in order?"),
    Kind("sources", r"\b(who (said|says|reported|wrote)|sources?|according to|reported by|outlets?)\b", ("target",),
         example="Who said what about the Colonial Pipeline hack?"),
    Kind("involvement", r"\b(involved|involvement|roles?|part(y|ies|icipants?)|took part)\b", ("target",),
         example="Who was involved in the attack on Colonial Pipeline and in what role?"),
    Kind("attribution", r"\b(behind|responsible|who (did|attacked|hacked|breached|carried out|launched|was it)|"
         r"attribut\w*|blam\w*|culprits?|perpetrat\w*)\b", ("target",),
         example="Who is behind the Colonial Pipeline hack?"),
    Kind("incidents", r"\b(incidents?|attacks|hacks|breaches|hit|targeted|victim of|affected)\b", ("entity",),
         example="Which incidents hit Maersk?"),
    Kind("profile", r"\b(who|what) (is|are|was)\b|\b(tell me about|profile|describe|show)\b", ("entity",),
         example="Who is Sandworm?"),
)

# Words that never start a name on their own (when written in lower case): question words, the cues above.
STOP = frozenset("""a about according affected after against all an and any are as at attack attacked attacks be been
behind between blame blamed by can claim claimed claims connected count counts did do does evidence for from happened
hack hacked hacks has have hit how i in incident incidents into involved is it its link linked links made many me might
most of on or order part path proof related responsible role roles said say says sentence sentences show so source
sources stats suspect suspected tell that the their them there these they this those timeline to took us was we were
what when where which who whom why with would you""".split())


@dataclass
class Named:
    """A run of words in the question that names something in the graph."""

    key: str
    start: int
    end: int
    things: list[dict] = field(default_factory=list)  # rows of lookup/names

    @property
    def is_target(self) -> bool:
        return any(thing["incidents"] for thing in self.things)

    @property
    def is_actor(self) -> bool:
        return any(thing["accused"] for thing in self.things)


@dataclass
class Reading:
    """How a question was read: the kind, the parameters, and the names behind them."""

    kind: Kind
    params: dict[str, str]
    names: dict[str, Named]


def candidates(question: str) -> list[tuple[str, int, int]]:
    """(key, first word, last word + 1) for every run of up to MAX_WORDS words that could be a name, longest first."""
    words = question.split()
    out = []
    for n in range(min(MAX_WORDS, len(words)), 0, -1):
        for start in range(len(words) - n + 1):
            text = " ".join(words[start:start + n])
            key = alias_key(text)
            if not key or (n == 1 and (key in STOP or len(key) < 2) and not text.strip("?!.,;:'\"").isupper()):
                continue
            out.append((key, start, start + n))
    return out


def choose(spans: list[tuple[str, int, int]], found: dict[str, list[dict]]) -> list[Named]:
    """The longest runs that name something, without overlaps, in question order."""
    taken: set[int] = set()
    chosen = []
    for key, start, end in spans:  # longest first
        if key in found and not taken & set(range(start, end)):
            taken |= set(range(start, end))
            chosen.append(Named(key, start, end, found[key]))
    return sorted(chosen, key=lambda named: named.start)


def kind_of(question: str) -> Kind | None:
    lowered = question.lower()
    for kind in KINDS:
        if re.search(kind.cues, lowered) and (kind.also is None or re.search(kind.also, lowered)):
            return kind
    return None


def fill(kind: Kind, names: list[Named]) -> dict[str, Named] | None:
    """The names for the kind's slots, or None when the question does not name enough."""
    if not kind.slots:
        return {}
    if kind.slots == ("a", "b"):
        return {"a": names[0], "b": names[1]} if len(names) >= 2 else None
    if not names:
        return None
    slot = kind.slots[0]
    prefer = {"target": lambda n: n.is_target, "actor": lambda n: n.is_actor}.get(slot, lambda n: True)
    return {slot: next((n for n in names if prefer(n)), names[0])}


def read(question: str, lookup) -> Reading:
    """Read a question; `lookup(keys)` returns the lookup/names rows for a list of alias keys."""
    kind = kind_of(question)
    if kind is None:
        raise QueryError("kg does not know how to answer that question.\n" + menu())
    spans = candidates(question)
    found: dict[str, list[dict]] = {}
    if kind.slots and spans:
        for row in lookup(sorted({key for key, *_ in spans})):
            found.setdefault(row["key"], []).append(row)
    names = fill(kind, choose(spans, found))
    if names is None:
        wanted = "two names" if kind.slots == ("a", "b") else "a name"
        raise QueryError(f"That reads as a `{kind.query}` question, but it holds {wanted} of nothing in the graph. "
                         f"Names match any alias, in any case; `kg query stats` shows what is loaded. "
                         f"For example: {kind.example}")
    return Reading(kind, {slot: named.key for slot, named in names.items()}, names)


def menu() -> str:
    """What kg can answer, one example per kind of question."""
    kinds = sorted(KINDS, key=lambda k: ORDER.index(k.query) if k.query in ORDER else len(ORDER))
    return "Questions kg can answer:\n" + "\n".join(f"  {k.example}   → {k.query}" for k in kinds)


def ask(
    question: Annotated[Optional[list[str]], typer.Argument(help="The question, in plain English (quotes optional).")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table, json or csv.")] = Format.table,
) -> None:
    """Answer a plain-English question with a canned query (no language model): say which query and parameters it chose, print the Cypher, then the answer. Without a question, list what it can answer."""
    from kg.store.connect import open_driver
    from kg.store.queries import run

    text = " ".join(question or []).strip()
    if not text:
        console.print(menu())
        return
    settings = Settings.from_env()
    with open_driver(settings) as driver:
        def lookup(keys: list[str]) -> list[dict]:
            return run(driver, "lookup/names", {"keys": keys}, settings.neo4j_database).rows

        try:
            reading = read(text, lookup)
        except QueryError as error:
            if fmt is Format.json:
                print(json.dumps({"query": None, "params": {}, "cypher": None, "rows": [], "error": str(error)}))
                raise typer.Exit(1) from None
            raise
        answer = run(driver, reading.kind.query, reading.params, settings.neo4j_database)
    if fmt is Format.table:
        console.print(f"[bold]{reading.kind.query}[/bold] — {escape(answer_note(reading))}")
        console.print(f"[dim]{escape(answer.cypher)}[/dim]\n", highlight=False)
    show(answer, fmt)


def answer_note(reading: Reading) -> str:
    parts = []
    for slot, named in reading.names.items():
        things = ", ".join(f"{t['name']} ({t['type']})" for t in named.things)
        parts.append(f'{slot}="{named.key}" ({things})')
    return "; ".join(parts) or "no parameters"
