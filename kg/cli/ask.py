"""`kg ask`: a plain-English question -> one canned query and its parameters, without any language model.

Keywords say what kind of question it is (KINDS, first match wins). The names in it are found in the graph:
every run of up to six words becomes an alias key (kg.keys.alias_key) and (:Name {key}) nodes say what
it names. The longest runs win, and the query gets the keys of the names as its parameters.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Annotated, Optional

import typer

from kg.browser.guide import ORDER
from kg.cli.output import Format, console, show
from kg.config import Settings
from kg.errors import QueryError
from kg.keys import alias_key

MAX_WORDS = 6


@dataclass(frozen=True)
class Kind:
    """One kind of question: when it applies, which canned query answers it, and what names it needs."""

    query: str
    cues: str  # a regex; the question must match it
    slots: tuple[str, ...] = ()  # parameters filled with names from the question, in order
    also: str | None = None  # a second regex the question must match too
    example: str = ""
    fixed: tuple[tuple[str, str], ...] = ()  # parameters the kind always sets (e.g. role=actor)


ATTACK = r"(attacks?|incidents?|hacks?|breach(es)?|intrusions?|compromises?|operations?|campaigns?|cyber ?attacks?)"
ACTOR = r"(threat actors?|actors?|groups?|gangs?|hackers?|apts?|adversar(y|ies)|crews?|perpetrators?)"
MALWARE = r"(malware|ransomware|virus(es)?|worms?|trojans?|wipers?|strains?|backdoors?|implants?|payloads?|tools?|" \
          r"families|malicious software)"
LISTING = r"(\blist\b|\benumerate\b|\ball\b|\bevery\b|\bknown\b|\bdo (we|you) (have|know|track)|\bare (there|we tracking)\b|" \
          r"\bin the (graph|database|db|data)\b|\bon (file|record)\b|\bhave we (got|seen|recorded)\b|\bloaded\b|" \
          r"\b(tracked|recorded)\b|^(show|give) me (the|a)?\s*(list|overview)|\boverview of)"

# First match whose names can be filled wins, so the specific kinds come before the general ones.
KINDS = (
    Kind("profile", r"\b(what do (we|you|i) know about|tell me (about|more about)|background (on|of)|profile (of|for)|"
         r"(information|info|details|intel) (on|about)|give me (the )?(rundown|lowdown) on|summar(y|ise|ize) (of|on)?|"
         r"brief me on|describe)\b", ("entity",),
         example="What do we know about Sandworm?"),
    Kind("incidents", rf"\b(which|what|list|show|all|any|other)\b.*\b{ATTACK}\b.*\b(attributed|blamed|linked|tied|pinned|"
         r"credited|carried out|conducted|launched|committed|behind|responsible|accused|by)\b|"
         r"\bwhat (else )?(has|have|did) .+ (done|been blamed for|been behind|been accused of|been linked to|carried out|"
         r"been responsible for|pulled off)", ("entity",),
         example="Which attacks are attributed to Lazarus Group?", fixed=(("role", "actor"),)),
    Kind("contradictions", r"\b(contradict\w*|disput\w*|disagree\w*|conflict\w*|inconsisten\w*|den(y|ies|ied)|"
         r"differ\w*|at odds)\b",
         example="Which claims are disputed?"),
    Kind("stats", r"\b(how (many|big)|stat(s|istics)|counts?|size of the graph)\b",
         example="How many incidents and claims are in the graph?"),
    Kind("list_actors", rf"\b{ACTOR}\b", also=LISTING, example="List the threat actors in the graph"),
    Kind("list_malware", rf"\b{MALWARE}\b", also=LISTING, example="What malware do we know about?"),
    Kind("list_incidents", rf"\b{ATTACK}\b", also=LISTING, example="List all incidents"),
    Kind("list_sources", r"\b(sources?|articles?|reports?|outlets?|documents?|stories)\b", also=LISTING,
         example="Which articles are loaded?"),
    Kind("evidence", r"^(did|was|were|is|has|have|had|could)\b.*\b(attack\w*|hack\w*|breach\w*|target\w*|hit|behind|"
         r"responsible|compromis\w*|do|did|carry out|carried out|launch\w*|infiltrat\w*|conduct\w*)\b", ("a", "b"),
         example="Did North Korea attack Sony Pictures?"),
    Kind("accusations", r"\bwho (said|says|claims?|claimed|blames?|blamed|accuses?|accused|suspects?)\b|\baccording to "
         r"whom\b|\bwhich sentences?\b", ("actor",),
         also=r"\b(responsible|behind|blam\w*|accus\w*|attribut\w*|culprit|did it|suspect\w*)\b",
         example="Who said Russia might be responsible, and in which sentence?"),
    Kind("evidence", r"\b(evidence|sentences?|proof|prove[sn]?|how do (we|you) know)\b", ("a", "b"),
         example="What is the evidence linking Colonial Pipeline and DarkSide?"),
    Kind("responders", r"\b(investigat\w*|respond\w*|responders?|incident response|forensics?|brought in|called in|"
         r"hired to|helped|cleaned up|handled|remediat\w*|probe[sd]?|probing|looked into|looking into)\b", ("target",),
         example="Who investigated the Colonial Pipeline hack?"),
    Kind("malware", rf"\b(what|which)\b[^?]*\b{MALWARE}\b|\b{MALWARE}\b[^?]*\b(used|deployed|involved|behind)\b|"
         r"\bwhat (was|were|did they|did the attackers|did the hackers) (used?|deploy\w*)\b", ("target",),
         example="What malware was used in the Colonial Pipeline attack?"),
    Kind("timeline", r"\b(timeline|chronolog\w*|sequence of events|order of events|in order|step by step|unfold\w*|"
         r"play(ed)? out|what happened|events|history of)\b", ("target",),
         example="Give me a timeline of the WannaCry attack"),
    Kind("when", r"^when\b|\bwhen (did|was|were|had|is|does)\b|\bwhat (date|day|time|year|month)\b|\bhow long ago\b|"
         r"\bdate (of|for)\b|\bdated?\b", ("target",),
         example="When did the NotPetya attack happen?"),
    Kind("connections", r"\b(connect\w*|link\w*|related|relationship|path|tied)\b", ("a", "b"),
         example="How is Colonial Pipeline connected to Russia?"),
    Kind("sources", r"\b(who (said|says|reported|wrote)|sources?|according to|reported by|outlets?|press|media|"
         r"coverage)\b", ("target",),
         example="Who said what about the Colonial Pipeline hack?"),
    Kind("involvement", r"\b(involved|involvement|roles?|part(y|ies|icipants?)|took part|players|who was who|"
         r"everyone|parties)\b", ("target",),
         example="Who was involved in the attack on Colonial Pipeline and in what role?"),
    Kind("attribution", r"\b(behind|responsible|who (did|attacked|hacked|breached|carried out|launched|was it|is it|"
         r"hit|targeted|pulled off|compromised|infiltrated|struck)|attribut\w*|blam\w*|culprits?|perpetrat\w*|"
         r"claim\w*|took credit|take credit|credit for|whodunit|to blame|pinned on|"
         rf"(which|what) (group|gang|actor|threat actor|country|state|nation|hackers?|crew|apt)s?\b)", ("target",),
         example="Who is behind the Colonial Pipeline hack?"),
    Kind("incidents", r"\b(incidents?|attacks|hacks|breaches|hit|targeted|victim of|affected|attacked|hacked|"
         r"breached|compromised|suffered)\b", ("entity",),
         example="Which incidents hit Maersk?"),
    Kind("profile", r"\b(who|what) (is|are|was|were)\b|\b(profile|show|details|about)\b", ("entity",),
         example="Who is Sandworm?"),
)

# Words that never start a name on their own (when written in lower case): question words, the cues above.
STOP = frozenset("""a about according affected after against all an and any are as at attack attacked attacks be been
behind between blame blamed by can claim claimed claims connected count counts did do does evidence for from happened
hack hacked hacks has have hit how i in incident incidents into involved is it its link linked links made many me might
most of on or order part path proof related responsible role roles said say says sentence sentences show so source
sources stats suspect suspected tell that the their them there these they this those timeline to took us was we were
what when where which who whom why with would you know known list malware ransomware group groups actor actors threat
used use using deployed date day happen happened investigated responded investigating response breach breaches else
done carried out conducted launched behind credit took date year give rundown background info information details
tools tool virus worm strain family families articles article reports report outlets press events history other
whose ever our your my yes no not any anyone anybody someone first last new old recent recently really exactly
please could should may more most just only also still brief describe profile summary overview""".split())
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


def matches(kind: Kind, question: str) -> bool:
    lowered = question.lower()
    return bool(re.search(kind.cues, lowered)) and (kind.also is None or bool(re.search(kind.also, lowered)))


def kind_of(question: str) -> Kind | None:
    """The first kind whose cues the question matches (names aside)."""
    return next((kind for kind in KINDS if matches(kind, question)), None)


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
    if kind.fixed and dict(kind.fixed).get("role") == "actor":
        prefer = lambda n: n.is_actor  # noqa: E731 - "which attacks are attributed to X": X is accused somewhere
    return {slot: next((n for n in names if prefer(n)), names[0])}


def loose_words(question: str) -> list[str]:
    """The runs of words in the question that are no cue or function word: what the user meant as names."""
    runs, current = [], []
    for word in question.split():
        bare = word.strip("?!.,;:'\"()")
        if bare and alias_key(bare) and alias_key(bare) not in STOP:
            current.append(bare)
        elif current:
            runs.append(" ".join(current))
            current = []
    if current:
        runs.append(" ".join(current))
    return runs


class Unanswered(QueryError):
    """A question that reads as a kind kg answers, but names nothing it holds; `phrases` were meant as names."""

    def __init__(self, message: str, phrases: list[str]):
        super().__init__(message)
        self.phrases = phrases


def read(question: str, lookup) -> Reading:
    """Read a question; `lookup(keys)` returns the lookup/names rows for a list of alias keys.

    The first kind whose cues match and whose names the question holds wins; a kind that matches but lacks
    its names gives way to the next one that matches.
    """
    kinds = [kind for kind in KINDS if matches(kind, question)]
    if not kinds:
        raise QueryError("kg does not know how to answer that question.\n" + menu())
    spans = candidates(question)
    found: dict[str, list[dict]] = {}
    if any(kind.slots for kind in kinds) and spans:
        for row in lookup(sorted({key for key, *_ in spans})):
            found.setdefault(row["key"], []).append(row)
    named = choose(spans, found)
    for kind in kinds:
        names = fill(kind, named)
        if names is not None:
            params = {slot: n.key for slot, n in names.items()} | dict(kind.fixed)
            return Reading(kind, params, names)
    kind = kinds[0]
    wanted = "two names" if kind.slots == ("a", "b") else "a name"
    raise Unanswered(f"That reads as a question for `{kind.query}`, but it holds {wanted} of nothing in the graph. "
                     f"For example: {kind.example}", loose_words(question))


def menu() -> str:
    """What kg can answer, one example per kind of question."""
    kinds = sorted(KINDS, key=lambda k: ORDER.index(k.query) if k.query in ORDER else len(ORDER))
    return "Questions kg can answer:\n" + "\n".join(f"  {k.example}   → {k.query}" for k in kinds)


def ask(
    question: Annotated[Optional[list[str]], typer.Argument(help="The question, in plain English (quotes optional).")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table, json or csv.")] = Format.table,
    explain: Annotated[bool, typer.Option("--explain", help="Also print the Cypher of the query it chose.")] = False,
) -> None:
    """Answer a plain-English question with a canned query (no language model): the answer first, then one line saying which query it chose and what each name stands for (the incidents, for a question about an attack). A name that matches nothing gets the closest names in the graph ("did you mean …"). Without a question, list what it can answer."""
    from kg.cli.names import suggestions
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
            message = str(error)
            if isinstance(error, Unanswered):
                message += "\n" + suggestions(driver, error.phrases or [text], settings.neo4j_database)
            if fmt is Format.json:
                print(json.dumps({"query": None, "params": {}, "cypher": None, "rows": [], "error": message}))
                raise typer.Exit(1) from None
            raise QueryError(message) from None
        answer = run(driver, reading.kind.query, reading.params, settings.neo4j_database)
    show(answer, fmt, explain=explain, note=answer_note(reading),
         empty="The question was read as below, and the graph holds no answer to it.")


def answer_note(reading: Reading) -> str:
    """One line: the query chosen and what each name in the question stands for."""
    from kg.cli.names import describe

    parts = [f'{slot} "{named.key}" → {describe(slot, named.things)}' for slot, named in reading.names.items()]
    parts += [f"{key}={value}" for key, value in reading.kind.fixed]
    return f"answered with `{reading.kind.query}`" + (": " + "; ".join(parts) if parts else "") + \
        " (--explain shows the Cypher)"
