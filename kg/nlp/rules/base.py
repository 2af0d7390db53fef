"""What every relation rule shares: the `Found` result, the sentence view, and parse helpers.

A rule sees one sentence with its entities (clusters) and attack mentions (incidents) and returns
`Found` relations anchored at the words that express them; `kg.nlp.status` then reads how sure the
text is. Subjects and objects are ("e", cluster) or ("i", incident) references.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import wraps
from typing import Callable

from spacy.tokens import Span, Token

from kg.models import Ref
from kg.nlp.context import DocContext
from kg.nlp.lexicon import lexicon

ACTOR_TYPES = ("ThreatActor", "Country", "Organization", "Person")
# Descriptions that stay true inside a film's plot ("a thriller about ... President Vladimir Putin").
DESCRIPTIVE = {"LEADER_OF", "EXECUTIVE_OF", "SUBSIDIARY_OF", "APPEARS_IN", "PRODUCED", "USED"}


@dataclass
class Found:
    subject: Ref
    predicate: str
    object: Ref
    anchors: list[Token]
    rule: str
    confidence: float
    claimed: bool = False
    status: str | None = None  # set by rules that read status themselves
    cue: str | None = None
    source: int | None = None  # who says so, when the rule itself finds it ("blamed by the FBI")

    @property
    def descriptive(self) -> bool:
        """A standing fact named in a noun phrase ("Alphabet's Wiz unit"): only its own words hedge it."""
        return self.predicate in DESCRIPTIVE


@dataclass
class SentenceView:
    ctx: DocContext
    index: int
    span: Span
    incident_tokens: dict[int, int] = field(default_factory=dict)  # trigger token -> incident
    main: int | None = None
    victims: set[int] = field(default_factory=set)  # every incident victim in the article

    def incident(self, near: Token | None = None) -> int | None:
        """The incident this sentence speaks of: the trigger nearest `near`, else the article's main one."""
        if self.incident_tokens:
            if near is None:
                return next(iter(self.incident_tokens.values()))
            return self.incident_tokens[min(self.incident_tokens, key=lambda i: abs(i - near.i))]
        return self.main

    def has(self, lowers: frozenset[str] = frozenset(), lemmas: frozenset[str] = frozenset(),
            deps: frozenset[str] = frozenset()) -> bool:
        """Whether some word of the sentence is in `lowers` (lower case), has its lower-cased lemma in
        `lemmas`, or its dependency label in `deps`. A rule whose every match needs such a word returns
        early on sentences without one: most sentences have none, and reading each token costs time."""
        words = self.ctx.sentence_words(self.index)
        return not (words.lowers.isdisjoint(lowers) and words.lemmas.isdisjoint(lemmas)
                    and words.deps.isdisjoint(deps))

    def tokens_with(self, lowers: frozenset[str] = frozenset(), lemmas: frozenset[str] = frozenset(),
                    deps: frozenset[str] = frozenset()) -> list[Token]:
        """The sentence's tokens, in order, whose lower-case form is in `lowers`, lower-cased lemma in `lemmas`
        or dependency label in `deps`: a rule that acts only on such words reads them off the Doc's word lists
        and makes a spaCy Token for them alone."""
        ctx = self.ctx
        lower, lemma, dep, doc = ctx.lower, ctx.lemma, ctx.dep, ctx.doc
        return [doc[k] for k in range(self.span.start, self.span.end)
                if lower[k] in lowers or lemma[k] in lemmas or dep[k] in deps]

    def lex(self, name: str) -> frozenset[str]:
        """The cue list `name` of this pipeline's lexicon, as a set."""
        return self.ctx.lexicon.words(name)

    def refs(self, tokens) -> list[int]:
        return self.ctx.clusters_in(tokens)

    def typed(self, tokens, types) -> list[int]:
        return [c for c in self.refs(tokens) if self.ctx.type_of(c) in types]


# A part of a trigger: a lexicon entry by name ("hire_verbs") or a set of words.
TriggerWords = str | frozenset[str] | tuple["str | frozenset[str]", ...]


def triggered_by(lowers: TriggerWords = (), lemmas: TriggerWords = (), deps: TriggerWords = ()):
    """A rule that can match only in a sentence with one of these words (lower-case forms, lower-cased
    lemmas, dependency labels; see `SentenceView.has`). Called on another sentence, it finds nothing.

    The rule keeps the test (`rule(view)` makes it), and exposes it as `rule.trigger(lexicon)` and its body
    as `rule.__wrapped__`, so `kg.nlp.rules.apply` tests it from words it holds once per sentence, instead of
    calling each rule on every sentence: most sentences open no rule's trigger."""
    def decorate(rule: Callable[..., list[Found]]) -> Callable[..., list[Found]]:
        key = ("trigger", rule.__module__, rule.__name__)

        def trigger(lex) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
            return lex.memo(key, lambda: tuple(_trigger_words(lex, part) for part in (lowers, lemmas, deps)))

        @wraps(rule)
        def gated(view: SentenceView, *args) -> list[Found]:
            if not view.has(*trigger(view.ctx.lexicon)):
                return []
            return rule(view, *args)

        gated.trigger = trigger
        return gated
    return decorate


def _trigger_words(lex, part: TriggerWords) -> frozenset[str]:
    if isinstance(part, str):
        return lex.words(part)
    if isinstance(part, tuple):
        return frozenset().union(*(_trigger_words(lex, p) for p in part))
    return frozenset(part)


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def subtree_of(tokens) -> list[Token]:
    return [g for t in tokens for g in t.subtree]


def phrase_of(tokens) -> list[Token]:
    """The noun phrases themselves, without appositions and clauses hung on them."""
    out = []
    for t in tokens:
        cut = {g.i for c in t.children if c.dep_ in ("appos", "relcl", "advcl", "ccomp", "punct") for g in c.subtree}
        for g in t.subtree:
            if g.i > t.i and g.text in (",", ";", "-", "—", "–", "("):
                break
            if g.i not in cut:
                out.append(g)
    return out


def subjects_of(token: Token, dep: str = "nsubj") -> list[Token]:
    """The subject of a verb, or of the verb it is chained to ("found the breach and hired X",
    "LockBit posted the files, claiming to hold more"); dep="nsubjpass" for a passive one."""
    while True:
        found = [c for c in token.children if c.dep_ == dep]
        if found or token.dep_ not in ("conj", "xcomp", "advcl") or token.head == token:
            return found
        token = token.head


def children_of(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def is_attack_word(view: SentenceView, token: Token) -> bool:
    return token.i in view.incident_tokens or lemma_of(token) in view.lex("attack_nouns")


def mentions_attack(view: SentenceView, tokens) -> Token | None:
    return next((t for t in tokens if is_attack_word(view, t)), None)


def actors_in(view: SentenceView, tokens, exclude_victims: bool = True) -> list[int]:
    """Who could be behind an attack among `tokens`: threat actors, countries, people, known groups.
    A country that only says where someone is ("based in Russia", "a Russia-based group") is not one."""
    tokens = [t for t in tokens if not _location_only(t) and not _set_aside(t)]
    found = view.typed(tokens, ACTOR_TYPES)
    return [c for c in found if view.ctx.type_of(c) != "Organization" or view.ctx.clusters[c].kb]


def _set_aside(token: Token) -> bool:
    """Inside the 'not B' of 'A, not B, did it': B is ruled out."""
    for part in (token, *token.ancestors):
        if part.dep_ in ("appos", "conj") and any(c.dep_ == "neg" and part.head.i < c.i < part.i
                                                  for c in part.head.children):
            return True
        if part.dep_ not in ("compound", "amod", "nmod", "poss", "det", "appos", "conj", "pobj", "prep"):
            return False
    return False


def _location_only(token: Token) -> bool:
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("in", "from", "out") and head.head.lemma_.lower() in (
            "base", "locate", "operate", "live", "headquarter", "work", "reside", "run"):
        return True
    return token.dep_ in ("npadvmod", "compound", "amod") and head.lower_ in ("based", "-based", "headquartered")


def named_actors(view: SentenceView, phrase: list[Token]) -> list[int]:
    """Actors a noun phrase names: any threat actor in it, but countries and others only outside the
    clauses hung on it ("the Conti gang, a group that researchers believe is based in Russia": Conti)."""
    clauses = {g.i for t in phrase for c in t.children if c.dep_ in ("relcl", "acl", "appos") for g in c.subtree}
    outside = [t for t in phrase if t.i not in clauses]
    threat = [c for c in view.typed(phrase, ("ThreatActor",))]
    return list(dict.fromkeys(threat + actors_in(view, outside)))


def attacker_noun(token: Token) -> bool:
    """'hackers', 'a group', 'spies': a country in this phrase is who they work for."""
    return token.lemma_.lower() in attacker_nouns(token.doc)


def attacker_nouns(doc) -> frozenset[str]:
    return lexicon(doc).memo("attacker_nouns", lambda: lexicon(doc).words("actor_nouns") | {
        "hacker", "spy", "intruder", "attacker", "operative"})


def clause_before(view: SentenceView, anchor: Token, need_opener: bool = False) -> list[Token]:
    """The words of the anchor's own clause before it: after an opening "whether/if/that", else (unless
    `need_opener`) after the last other verb ("officials believe hackers working for X were behind it")."""
    doc = view.ctx.doc
    for k in range(anchor.i - 1, view.span.start - 1, -1):
        if doc[k].lower_ in ("whether", "if", "that", ";"):
            return list(doc[k + 1:anchor.i])
    if need_opener:
        return []
    own = {anchor.i, anchor.head.i} | {c.i for c in anchor.head.children if c.dep_ in ("aux", "auxpass", "neg")}
    for k in range(anchor.i - 1, view.span.start - 1, -1):
        if doc[k].pos_ in ("VERB", "AUX") and k not in own:
            return list(doc[k + 1:anchor.i])
    return list(doc[view.span.start:anchor.i])

def own_words(objects: list[Token]) -> list[Token]:
    """An object's own words, without its possessor ("Alphabet's Wiz forensics unit": Wiz)."""
    out = []
    for o in objects:
        cut = {g.i for c in o.children if c.dep_ in ("poss", "relcl", "acl", "prep") for g in c.subtree}
        out.extend(t for t in o.subtree if t.i not in cut)
    return out
