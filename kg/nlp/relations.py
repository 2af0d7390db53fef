"""Relation rules over the dependency parse. Each rule has an id (kept on every claim it makes).

A rule sees one sentence with its entities (clusters) and attack mentions (incidents) and returns
`Found` relations anchored at the words that express them; `status.py` then reads how sure the text
is. Subjects and objects are ("e", cluster) or ("i", incident) references.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.nlp.context import DocContext, Ref
from kg.nlp.gazetteer import lexicon

ACTOR_TYPES = ("ThreatActor", "Country", "Organization", "Person")
# Descriptions that stay true inside a film's plot ("a comedy about ... leader Kim Jong Un").
DESCRIPTIVE = {"LEADER_OF", "EXECUTIVE_OF", "SUBSIDIARY_OF", "APPEARS_IN", "PRODUCED"}


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

    @property
    def descriptive(self) -> bool:
        """A standing fact named in a noun phrase ("FireEye's Mandiant unit"): only its own words hedge it."""
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

    def ctx_victims(self) -> set[int]:
        return self.victims

    def refs(self, tokens) -> list[int]:
        return self.ctx.clusters_in(tokens)

    def typed(self, tokens, types) -> list[int]:
        return [c for c in self.refs(tokens) if self.ctx.type_of(c) in types]


def _lex(name: str) -> set[str]:
    return set(lexicon()[name])


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _subtree_of(tokens) -> list[Token]:
    return [g for t in tokens for g in t.subtree]


def _phrase_of(tokens) -> list[Token]:
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


def _subjects(token: Token) -> list[Token]:
    """The subject of a verb, or of the verb it is chained to ("found the breach and hired X",
    "LockBit posted the files, claiming to hold more")."""
    while True:
        found = [c for c in token.children if c.dep_ == "nsubj"]
        if found or token.dep_ not in ("conj", "xcomp", "advcl") or token.head == token:
            return found
        token = token.head


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _is_attack_word(view: SentenceView, token: Token) -> bool:
    return token.i in view.incident_tokens or _lemma(token) in _lex("attack_nouns")


def _mentions_attack(view: SentenceView, tokens) -> Token | None:
    return next((t for t in tokens if _is_attack_word(view, t)), None)


def _actors(view: SentenceView, tokens, exclude_victims: bool = True) -> list[int]:
    found = view.typed(tokens, ACTOR_TYPES)
    return [c for c in found if view.ctx.type_of(c) != "Organization" or view.ctx.clusters[c].kb]


# ---- attribution -------------------------------------------------------------------------------


def attribution_agent(view: SentenceView) -> list[Found]:
    """'compromised by a group that calls itself X', 'damage caused by X', 'hit by X'."""
    out = []
    for token in view.span:
        if token.dep_ != "agent":
            continue
        verb = token.head
        if _lemma(verb) not in _lex("launch_verbs") | _lex("attack_verbs") | {"cause", "claim"} \
                and verb.i not in view.incident_tokens:
            continue
        anchor = verb.i in view.incident_tokens and verb or _mentions_attack(view, _subtree_of([verb])) or verb
        incident = view.incident(anchor)
        for actor in _actors(view, _subtree_of(_children(token, "pobj"))):
            out.append(Found(("i", incident), "ATTRIBUTED_TO", ("e", actor), [verb], "attr-agent", 0.85))
    return out


def attribution_attackers(view: SentenceView) -> list[Found]:
    """Who did it, named in the attackers' phrase: 'Suspected Russian hackers breached X', 'hackers working
    for X broke into ...', 'LockBit hit the bank'."""
    out = []
    for token in view.span:
        if token.i not in view.incident_tokens or token.pos_ != "VERB":
            continue
        for subject in _children(token, "nsubj"):
            phrase = list(subject.subtree)
            for actor in _actors(view, phrase):
                direct = view.ctx.cluster_at(subject) == actor  # "Russia hacked the Olympics"
                if view.ctx.type_of(actor) == "Country" and not (direct or _attacker_noun(subject)):
                    continue
                out.append(Found(("i", view.incident(token)), "ATTRIBUTED_TO", ("e", actor), [token, subject],
                                 "attr-attackers", 0.75))
    return out


def _attacker_noun(token: Token) -> bool:
    """'hackers', 'a group', 'spies': a country in this phrase is who they work for."""
    return token.lemma_.lower() in _lex("actor_nouns") | {"hacker", "spy", "intruder", "attacker", "operative"}


def attribution_actor_phrase(view: SentenceView) -> list[Found]:
    """'intruders linked to the Russian government', 'hackers working for Iran', 'Chinese state-backed hackers':
    in a story about an attack, the attackers' description names who they work for."""
    out = []
    ties = {"link", "tie", "work", "operate", "connect", "back", "sponsor", "associate", "affiliate"}
    for token in view.span:
        if not _attacker_noun(token) or view.incident() is None or token.lemma_.lower() in ("team", "unit", "operation"):
            continue
        phrase = [c for c in token.children if c.dep_ in ("acl", "amod", "compound", "relcl")]
        tied = [c for c in phrase if c.lemma_.lower() in ties or c.dep_ in ("amod", "compound")]
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in ties:
            tied.append(token.head)  # "the intruders were linked to the Iranian government"
        for part in tied:
            inside = list(part.subtree) if part.head == token else [g for p in _children(part, "prep") for g in p.subtree]
            for actor in _actors(view, inside):
                # "the LockBit gang" only names the gang; "Russian hackers" says whom they work for.
                if actor in view.victims or (part.dep_ in ("amod", "compound") and view.ctx.type_of(actor) != "Country"):
                    continue
                out.append(Found(("i", view.incident(token)), "ATTRIBUTED_TO", ("e", actor), [token, part],
                                 "attr-actor-phrase", 0.6))
    return out


def attribution_hacked_by(view: SentenceView) -> list[Found]:
    """The attackers' own signature: 'Hacked By X' shown on screens or a defaced page."""
    out = []
    for token in view.span:
        if token.lower_ in ("hacked", "owned", "pwned", "defaced") and token.i + 1 < len(view.ctx.doc) \
                and token.nbor().lower_ == "by":
            cluster = view.ctx.refer(token.nbor(2)) if token.i + 2 < len(view.ctx.doc) else None
            if cluster is None and token.i + 3 < len(view.ctx.doc):
                cluster = view.ctx.refer(token.nbor(3))
            if cluster is not None and view.ctx.type_of(cluster) == "ThreatActor":
                out.append(Found(("i", view.incident(token)), "ATTRIBUTED_TO", ("e", cluster), [token],
                                 "attr-hacked-by", 0.8, claimed=True, cue="Hacked By"))
    return out


def attribution_responsible(view: SentenceView) -> list[Found]:
    """'X (might be) responsible for / behind the attack', 'X launched / carried out the attack'."""
    out = []
    words = _lex("responsible_words")
    for token in view.span:
        anchor = None
        if token.lower_ in words and token.dep_ in ("acomp", "attr", "prep", "ROOT", "advmod", "amod"):
            target = _mentions_attack(view, _subtree_of([token]))
            if target is not None:
                anchor = token
        elif token.pos_ == "VERB" and _lemma(token) in _lex("launch_verbs") and not token.i in view.incident_tokens:
            target = _mentions_attack(view, _subtree_of(_children(token, "dobj", "prt", "prep")))
            if target is not None:
                anchor = token
        if anchor is None:
            continue
        verb = anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head
        subjects = _subtree_of(_children(verb, "nsubj", "nsubjpass") or _children(anchor, "nsubj"))
        if anchor.dep_ == "prep" and verb.pos_ in ("NOUN", "PROPN"):  # "the ALPHV gang behind the attack"
            inside = {t.i for t in anchor.subtree}
            subjects = [t for t in verb.subtree if t.i not in inside]
        if not subjects:
            # "whether hackers working for X might be responsible": a misparsed clause; take what stands
            # between its opening word and the anchor (with no opening word, as in "accused X of launching
            # the attack", the verb has no subject of its own: that is the blame rule's)
            subjects = _clause_before(view, anchor, need_opener=anchor.pos_ in ("VERB", "AUX"))
        for actor in _actors(view, subjects):
            out.append(Found(("i", view.incident(target)), "ATTRIBUTED_TO", ("e", actor), [anchor, target],
                             "attr-responsible", 0.8))
    return out


def _clause_before(view: SentenceView, anchor: Token, need_opener: bool = False) -> list[Token]:
    for k in range(anchor.i - 1, view.span.start - 1, -1):
        if view.ctx.doc[k].lower_ in ("whether", "if", "that", ";"):
            return list(view.ctx.doc[k + 1:anchor.i])
    return [] if need_opener else list(view.ctx.doc[view.span.start:anchor.i])


def attribution_linked(view: SentenceView) -> list[Found]:
    """'the MGM hack linked to Scattered Spider', 'an attack blamed on X', 'a breach attributed to X'."""
    out = []
    for token in view.span:
        if token.lemma_.lower() not in ("link", "tie", "blame", "attribute", "trace", "connect") or token.tag_ != "VBN":
            continue
        target = token.head if token.dep_ in ("acl", "amod", "relcl") else next(iter(_children(token, "nsubjpass", "nsubj")), None)
        if target is None or not _is_attack_word(view, target):
            continue
        for prep in _children(token, "prep"):
            if prep.lower_ in ("to", "on"):
                for actor in _actors(view, list(prep.subtree)):
                    out.append(Found(("i", view.incident(target)), "ATTRIBUTED_TO", ("e", actor), [token, target],
                                     "attr-linked", 0.7))
    return out


def attribution_claim(view: SentenceView) -> list[Found]:
    """'X claimed responsibility for the attack', 'X claims to have stolen ...'."""
    out = []
    for token in view.span:
        if _lemma(token) != "claim" or token.pos_ != "VERB":
            continue
        objects = _children(token, "dobj")
        about_attack = any(o.lower_ in _lex("claim_objects") for o in objects) or _mentions_attack(
            view, _subtree_of(_children(token, "dobj", "xcomp", "ccomp", "prep"))) is not None or _children(token, "xcomp")
        if not about_attack:
            continue
        subjects = _subjects(token)
        if token.dep_ == "relcl" and all(s.lower_ in ("which", "who", "that") for s in subjects):
            subjects = [token.head]  # "a group calling itself X, which claimed responsibility"
        for actor in view.typed(_subtree_of(subjects), ("ThreatActor",)):
            out.append(Found(("i", view.incident(token)), "ATTRIBUTED_TO", ("e", actor), [token],
                             "attr-claim", 0.75, claimed=True, cue=token.text))
    return out


def attribution_blame(view: SentenceView) -> list[Found]:
    """'officials blamed X for the attack', 'attributed the attack to X', 'X denied involvement'."""
    out = []
    for token in view.span:
        lemma = _lemma(token)
        if token.pos_ != "VERB":
            continue
        if lemma in _lex("blame_verbs"):
            target = _mentions_attack(view, _subtree_of(_children(token, "prep", "dobj", "nsubjpass")))
            if target is None:
                continue
            people = _children(token, "dobj") if lemma != "attribute" else [
                g for p in _children(token, "prep") if p.lower_ == "to" for g in p.subtree]
            if lemma == "attribute" and not people:
                people = _children(token, "dobj")
            for actor in _actors(view, _phrase_of(people)):
                out.append(Found(("i", view.incident(target)), "ATTRIBUTED_TO", ("e", actor), [token],
                                 f"attr-{lemma}", 0.8))
        elif lemma in _lex("denial_verbs") or (lemma == "rule" and any(c.lower_ == "out" for c in token.children)):
            actors = _actors(view, _subtree_of(_subjects(token)))
            if not actors:  # a spokesman "ruled out any involvement by the Russian government"
                actors = _actors(view, _subtree_of(_children(token, "dobj")))
            for actor in actors:
                if view.ctx.type_of(actor) not in ("ThreatActor", "Country") and not view.ctx.clusters[actor].kb:
                    continue
                out.append(Found(("i", view.incident(token)), "ATTRIBUTED_TO", ("e", actor), [token],
                                 "attr-denial", 0.75, status="denied", cue=token.text))
    return out


# ---- victims, motive, response ----------------------------------------------------------------


def motive(view: SentenceView) -> list[Found]:
    """'in retribution for X', 'X may have triggered the attack'."""
    out = []
    for token in view.span:
        if token.lower_ in _lex("motive_preps"):
            works = view.typed(_subtree_of(_children(token, "prep")), ("Film", "Product", "Organization", "Person", "Country"))
            films = [c for c in works if view.ctx.type_of(c) == "Film"] or works[-1:]
            for obj in films[:1]:
                out.append(Found(("i", view.incident(token)), "MOTIVATED_BY", ("e", obj), [token], "motive-retribution", 0.7))
        elif token.pos_ == "VERB" and _lemma(token) in _lex("motive_verbs"):
            target = _mentions_attack(view, _subtree_of(_children(token, "dobj")))
            if target is None:
                continue
            for obj in view.typed(_subtree_of(_children(token, "nsubj")), ("Film", "Product", "Person", "Organization")):
                out.append(Found(("i", view.incident(target)), "MOTIVATED_BY", ("e", obj), [token], "motive-trigger", 0.7))
    return out


def hired(view: SentenceView) -> list[Found]:
    """'X hired Y to clean up the attack' -> X HIRED Y, Y RESPONDED_TO the incident."""
    out = []
    for token in view.span:
        if token.pos_ != "VERB" or _lemma(token) not in _lex("hire_verbs"):
            continue
        if _lemma(token) in ("call", "bring") and not any(c.lower_ in ("in", "on") for c in token.children):
            continue
        hirers = [c for c in (view.ctx.refer(t) for t in _subjects(token)) if c is not None
                  and view.ctx.type_of(c) == "Organization"][:1]
        objects = _children(token, "dobj")
        hired_orgs = [c for c in (view.ctx.refer(o) for o in _heads_of(objects)) if c is not None
                      and view.ctx.type_of(c) == "Organization"]
        purpose = _subtree_of(_children(token, "xcomp", "advcl", "prep")) + _subtree_of(objects)
        about = _mentions_attack(view, purpose) or next(
            (t for t in purpose if _lemma(t) in _lex("respond_purposes")), None)
        hired_orgs = [f for f in hired_orgs if f not in hirers and f not in view.victims]
        for firm in hired_orgs:
            for hirer in hirers:
                if hirer != firm:
                    out.append(Found(("e", hirer), "HIRED", ("e", firm), [token], "hire", 0.85))
            if about is not None:
                incident = view.incident(about)
                if incident is not None:
                    out.append(Found(("e", firm), "RESPONDED_TO", ("i", incident), [token], "hire-respond", 0.8))
            elif hirers and view.incident() is not None and hirers[0] in view.ctx_victims():
                # A victim hiring a firm in a story about its attack is hiring help with it.
                out.append(Found(("e", firm), "RESPONDED_TO", ("i", view.incident()), [token],
                                 "hire-respond-victim", 0.6))
    return out


def _heads_of(objects: list[Token]) -> list[Token]:
    """An object's own words, without its possessor ("FireEye's Mandiant forensics unit": Mandiant)."""
    out = []
    for o in objects:
        owned = {g.i for c in o.children if c.dep_ == "poss" for g in c.subtree}
        out.extend(t for t in o.subtree if t.i not in owned and t.i <= o.i or t.head == o and t.dep_ == "appos")
    return out


def investigates(view: SentenceView) -> list[Found]:
    """'X is investigating the hack', 'X leads a probe into the attack'."""
    out = []
    for token in view.span:
        lemma = _lemma(token)
        target = None
        if token.pos_ == "VERB" and lemma in _lex("investigate_verbs"):
            target = _mentions_attack(view, _subtree_of(_children(token, "dobj", "prep", "ccomp")))
            if target is None and any(c.dep_ in ("ccomp", "mark") or c.lower_ in ("whether", "if") for c in token.children):
                target = token  # "investigating whether ..." is about this article's incident
            if target is None and not _children(token, "dobj", "ccomp", "prep") and view.incident() is not None:
                target = token  # "The FBI is investigating." speaks of the article's incident
        elif token.lower_ in _lex("investigation_nouns") and token.pos_ == "NOUN":
            target = _mentions_attack(view, _subtree_of(_children(token, "prep")))
            if target is not None:
                verb = token.head
                while verb.dep_ in ("xcomp", "advcl", "conj", "prep", "pobj", "dobj") and verb.head != verb:
                    verb = verb.head
                token = verb
        if target is None:
            continue
        subjects = _subjects(token)
        for org in view.typed(_subtree_of(subjects), ("Organization",))[:1]:
            incident = view.incident(target)
            if incident is not None:
                out.append(Found(("e", org), "INVESTIGATES", ("i", incident), [token], "investigate", 0.75))
    return out


# ---- organisations, people, works -------------------------------------------------------------


def subsidiary(view: SentenceView) -> list[Found]:
    """"X's Y unit/division", "Y, a subsidiary of X", "Y, owned by X", "X, the parent company of Y"."""
    out = []
    units = _lex("unit_nouns")
    ctx = view.ctx

    def add(child, parent, token, rule, confidence=0.8):
        if None not in (child, parent) and child != parent and ctx.type_of(child) == ctx.type_of(parent) == "Organization":
            out.append(Found(("e", child), "SUBSIDIARY_OF", ("e", parent), [token], rule, confidence))

    for token in view.span:
        lemma = _lemma(token)
        if lemma in ("buy", "acquire", "own", "purchase") and token.tag_ == "VBN":
            owners = [g for a in _children(token, "agent") for g in a.subtree]
            owned = _children(token, "nsubjpass") or ([token.head] if token.dep_ in ("acl", "relcl") else [])
            if token.dep_ == "relcl" and owned and owned[0].lower_ in ("which", "that"):
                owned = [token.head]
            for parent in ctx.clusters_in(owners)[:1]:
                for child in ctx.clusters_in(owned)[:1]:
                    add(child, parent, token, "subsidiary-owned-by")
        if token.lower_ == "parent" and token.dep_ in ("amod", "compound", "appos", "attr") or (
                token.lower_ in ("company", "firm", "group") and any(c.lower_ == "parent" for c in token.children)):
            noun = token.head if token.lower_ == "parent" and token.dep_ in ("amod", "compound") else token
            if noun.dep_ == "appos":
                for prep in _children(noun, "prep"):
                    if prep.lower_ == "of":
                        add(next(iter(ctx.clusters_in(prep.subtree)), None), ctx.refer(noun.head), token,
                            "subsidiary-parent")
        if token.lower_ == "part" and any(c.lower_ == "of" for c in token.children) and token.dep_ in ("appos", "attr"):
            parent = next(iter(ctx.clusters_in(g for c in token.children if c.lower_ == "of" for g in c.subtree)), None)
            holder = token.head if token.dep_ == "appos" else next(iter(_subjects(token.head)), None)
            add(ctx.refer(holder) if holder is not None else None, parent, token, "subsidiary-part-of")
        if token.lower_ in units and token.pos_ == "NOUN" and token.dep_ == "appos" \
                and not any(c.dep_ == "poss" or c.lower_ == "of" for c in token.children):
            # "Boeing Global Services, the unit that sells parts": the parent is the name it starts with.
            child = ctx.refer(token.head)
            if child is not None:
                words = ctx.clusters[child].name.split()
                for c, cluster in enumerate(ctx.clusters):
                    if c != child and cluster.type == "Organization" and len(cluster.name.split()) < len(words) \
                            and words[:len(cluster.name.split())] == cluster.name.split():
                        add(child, c, token, "subsidiary-unit-prefix", 0.7)
        if token.lower_ in units and token.pos_ == "NOUN":
            parents = [view.ctx.refer(c) for c in token.children if c.dep_ == "poss"]
            children = [view.ctx.refer(c) for c in _heads_of([token]) if c != token]
            if token.dep_ == "appos":  # "Optum, UnitedHealth's health services division"
                children.append(view.ctx.refer(token.head))
            for parent in parents:
                for child in children:
                    if None not in (parent, child) and parent != child and {view.ctx.type_of(parent), view.ctx.type_of(child)} <= {"Organization"}:
                        out.append(Found(("e", child), "SUBSIDIARY_OF", ("e", parent), [token], "subsidiary-unit", 0.85))
            if token.dep_ == "appos" or token.head.dep_ == "appos":
                for prep in _children(token, "prep"):
                    if prep.lower_ == "of":
                        parent = next(iter(view.typed(_subtree_of([prep]), ("Organization",))), None)
                        child = view.ctx.refer(token.head)
                        if parent is not None and child is not None and parent != child:
                            out.append(Found(("e", child), "SUBSIDIARY_OF", ("e", parent), [token], "subsidiary-appos", 0.8))
    return out


def leader(view: SentenceView) -> list[Found]:
    """'North Korean leader Kim Jong Un', 'Russian President Vladimir Putin'."""
    out = []
    titles = _lex("leader_titles")
    for token in view.span:
        if token.lower_ not in titles:
            continue
        person = view.ctx.refer(token.head) if token.dep_ == "compound" else None
        if person is None and token.i + 1 < view.span.end:
            person = view.ctx.refer(token.nbor())
        if person is None or view.ctx.type_of(person) != "Person":
            continue
        mods = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        if token.i > view.span.start:
            mods.append(token.nbor(-1))
        for country in view.typed(_subtree_of(mods) + mods, ("Country",))[:1]:
            out.append(Found(("e", person), "LEADER_OF", ("e", country), [token], "leader-title", 0.85))
    return out


def executive(view: SentenceView) -> list[Found]:
    """'studio CEO Michael Lynton and co-chairman Amy Pascal', 'X, chief executive of Y'."""
    out = []
    titles = _lex("exec_titles")
    previous_org = None
    for token in view.span:
        if token.lower_ not in titles:
            continue
        person = view.ctx.refer(token.head) if token.dep_ in ("compound", "nmod") else None
        if person is None and token.i + 1 < view.span.end:
            person = view.ctx.refer(token.nbor())
        if person is None or view.ctx.type_of(person) != "Person":
            continue
        window = view.ctx.doc[max(view.span.start, token.i - 4):token.i]
        orgs = [c for c in view.ctx.clusters_in(reversed(list(window))) if view.ctx.type_of(c) == "Organization"]
        org = orgs[0] if orgs else previous_org if token.head.dep_ == "conj" or token.dep_ == "conj" or _after_and(token) else None
        rule, confidence = "exec-title", 0.8
        if org is None and not view.ctx.clusters_in(window):
            org, rule, confidence = _main_organization(view.ctx), "exec-title-article", 0.6
        if org is not None:
            out.append(Found(("e", person), "EXECUTIVE_OF", ("e", org), [token], rule, confidence))
            previous_org = org
    return out


def executive_apposition(view: SentenceView) -> list[Found]:
    """'Tom Burt, Microsoft's corporate vice president', 'Jane Doe, the committee's chairwoman',
    'John Roe, chief executive of Initech'."""
    out = []
    titles = _lex("exec_titles")
    ctx = view.ctx
    for token in view.span:
        if token.dep_ != "appos" or token.lower_ not in titles | {"officer", "chairwoman", "chairman", "president"}:
            continue
        person = ctx.refer(token.head)
        if person is None or ctx.type_of(person) != "Person":
            continue
        owners = [c for c in token.children if c.dep_ == "poss"]
        owners += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "at") for g in c.subtree]
        for org in [c for c in ctx.clusters_in(owners) if ctx.type_of(c) == "Organization"][:1]:
            out.append(Found(("e", person), "EXECUTIVE_OF", ("e", org), [token], "exec-apposition", 0.8))
    return out


def _main_organization(ctx: DocContext) -> int | None:
    """The organisation an article is about: "Chief executive Richard Smith" with no company named."""
    orgs = [c for c, cluster in enumerate(ctx.clusters) if cluster.type == "Organization"]
    if not orgs:
        return None
    best = max(orgs, key=lambda c: (ctx.salience[c], -c))
    return best if ctx.salience[best] >= 3 else None


def _after_and(token: Token) -> bool:
    doc = token.doc
    return any(doc[k].lower_ in ("and", ",") for k in range(max(0, token.i - 3), token.i))


def denounced(view: SentenceView) -> list[Found]:
    """'X denounced Y', 'Y has been denounced by X'."""
    out = []
    for token in view.span:
        if token.pos_ != "VERB" or _lemma(token) not in _lex("denounce_verbs"):
            continue
        agents = [g for a in _children(token, "agent") for g in a.subtree]
        subjects = _children(token, "nsubjpass") if agents else _children(token, "nsubj")
        objects = subjects if agents else _children(token, "dobj")
        objects += [c for o in objects for c in o.children if c.dep_ in ("dep", "appos")]
        objects += [c for c in token.children if c.dep_ == "dep"]
        speakers = view.typed(agents if agents else _subtree_of(subjects), ("Country", "Organization", "Person", "ThreatActor"))
        targets = [c for c in (view.ctx.refer(o) for o in objects) if c is not None]
        for speaker in speakers[:1]:
            for target in targets[:1]:
                if speaker != target:
                    out.append(Found(("e", speaker), "DENOUNCED", ("e", target), [token], "denounce", 0.8))
    return out


def produced(view: SentenceView) -> list[Found]:
    """"X's backing of the film Y", "X produced Y", "Y, released by X"."""
    out = []
    for token in view.span:
        lemma = _lemma(token)
        if token.lower_ in _lex("produce_nouns") and token.pos_ == "NOUN":
            makers = [view.ctx.refer(c) for c in token.children if c.dep_ == "poss"]
            works = view.typed(_subtree_of(_children(token, "prep")), ("Film",))
        elif token.pos_ == "VERB" and lemma in _lex("produce_verbs") and lemma not in ("release",):
            makers = [view.ctx.refer(c) for c in _children(token, "nsubj")]
            works = view.typed(_subtree_of(_children(token, "dobj")), ("Film",))
        else:
            continue
        for maker in makers:
            if maker is not None and view.ctx.type_of(maker) == "Organization":
                for work in works[:1]:
                    out.append(Found(("e", maker), "PRODUCED", ("e", work), [token], "produce", 0.75))
    return out


def appears_in(view: SentenceView) -> list[Found]:
    """"Brad Pitt WWII drama 'Fury'", "Y, starring X and Z"."""
    out = []
    cues = _lex("film_cues")
    ctx = view.ctx
    for token in view.span:
        if token.lower_ in cues:
            people = [c for c in ctx.clusters_in(ctx.doc[max(view.span.start, token.i - 5):token.i]) if ctx.type_of(c) == "Person"]
            after = ctx.doc[token.i + 1:min(view.span.end, token.i + 4)]
            works = [c for c in ctx.clusters_in(after) if ctx.type_of(c) == "Film"]
            for person in people:
                for work in works[:1]:
                    out.append(Found(("e", person), "APPEARS_IN", ("e", work), [token], "appears-credit", 0.75))
        elif token.lower_ == "starring":
            works = [c for c in ctx.clusters_in(ctx.doc[max(view.span.start, token.i - 6):token.i]) if ctx.type_of(c) == "Film"]
            people = [c for c in ctx.clusters_in(_subtree_of([token])) if ctx.type_of(c) == "Person"]
            for person in people:
                for work in works[-1:]:
                    out.append(Found(("e", person), "APPEARS_IN", ("e", work), [token], "appears-starring", 0.8))
    return out


def leaked(view: SentenceView, next_sentence: Span | None) -> list[Found]:
    """'five movies were leaked online, including X, Y', negated by 'no proof ... related to the attack'."""
    out = []
    for token in view.span:
        if token.pos_ != "VERB" or _lemma(token) not in _lex("leak_verbs"):
            continue
        works = view.typed(view.span, ("Film",))
        if not works:
            continue
        status, cue = None, None
        if next_sentence is not None:
            text = next_sentence.text.lower()
            for phrase in lexicon()["negation_phrases"]:
                if phrase in text and any(w in text for w in ("attack", "hack", "breach", "related", "linked")):
                    status, cue = "negated", phrase
                    break
        by_hackers = any(g.lower_ in ("hackers", "attackers") for a in _children(token, "agent") for g in a.subtree)
        if status is None and not by_hackers:
            status, cue = "suspected", "co-occurrence"
        for work in works:
            out.append(Found(("i", view.incident(token)), "LEAKED", ("e", work), [token], "leak", 0.6, status=status, cue=cue))
        break
    return out


RULES = (attribution_agent, attribution_attackers, attribution_actor_phrase, attribution_linked, attribution_hacked_by, attribution_responsible, attribution_claim, attribution_blame,
         motive, hired, investigates, subsidiary, leader, executive, executive_apposition, denounced, produced,
         appears_in)
