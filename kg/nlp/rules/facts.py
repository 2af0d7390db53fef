"""Standing facts: parents and units, leaders, executives, denunciations, films."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.rules.base import DocContext, Found, SentenceView, children_of, lemma_of, own_words, subjects_of, subtree_of, triggered_by

# Words a rule cannot match without (see SentenceView.has). "parent" also stands for "parent company".
_OWN_VERBS = frozenset({"buy", "acquire", "own", "purchase"})
_PARENT_WORDS = frozenset({"parent", "part"})
_APPOSITION_TITLES = frozenset({"officer", "chairwoman", "chairman", "president"})
_APPOS = frozenset({"appos"})
_PARENT_HEADS = frozenset({"company", "firm", "group"})  # "its parent company"
_STARRING = frozenset({"starring"})


@triggered_by(lowers=(_PARENT_WORDS, "unit_nouns"), lemmas=_OWN_VERBS)
def subsidiary(view: SentenceView) -> list[Found]:
    """"X's Y unit/division", "Y, a subsidiary of X", "Y, owned by X", "X, the parent company of Y"."""
    out = []
    units = view.lex("unit_nouns")
    ctx = view.ctx

    def add(child, parent, token, rule, confidence=0.8):
        if None not in (child, parent) and child != parent and ctx.type_of(child) == ctx.type_of(parent) == "Organization":
            out.append(Found(("e", child), "SUBSIDIARY_OF", ("e", parent), [token], rule, confidence))

    for token in view.tokens_with(lowers=_PARENT_WORDS | units | _PARENT_HEADS, lemmas=_OWN_VERBS):
        lemma = lemma_of(token)
        if lemma in _OWN_VERBS and token.tag_ == "VBN":
            owners = [g for a in children_of(token, "agent") for g in a.subtree]
            owned = children_of(token, "nsubjpass") or ([token.head] if token.dep_ in ("acl", "relcl") else [])
            if token.dep_ == "relcl" and owned and owned[0].lower_ in ("which", "that"):
                owned = [token.head]
            for parent in ctx.clusters_in(owners)[:1]:
                for child in ctx.clusters_in(owned)[:1]:
                    add(child, parent, token, "subsidiary-owned-by")
        elif lemma in _OWN_VERBS and token.dep_ == "relcl" and token.tag_ in ("VBZ", "VBD", "VBP"):
            # "X, the fundraising platform that Acme owns": the owner is the clause's subject, the owned its noun
            # (or the name that noun is in apposition to)
            noun = token.head
            named = noun.head if noun.dep_ == "appos" else noun
            for parent in ctx.clusters_in(g for c in children_of(token, "nsubj") for g in c.subtree)[:1]:
                add(ctx.refer(named), parent, token, "subsidiary-owned-by")
        if token.lower_ == "parent" and token.dep_ in ("amod", "compound", "appos", "attr") or (
                token.lower_ in _PARENT_HEADS and any(c.lower_ == "parent" for c in token.children)):
            noun = token.head if token.lower_ == "parent" and token.dep_ in ("amod", "compound") else token
            if noun.dep_ == "appos":
                for prep in children_of(noun, "prep"):
                    if prep.lower_ == "of":
                        add(next(iter(ctx.clusters_in(prep.subtree)), None), ctx.refer(noun.head), token,
                            "subsidiary-parent")
        if token.lower_ == "part" and any(c.lower_ == "of" for c in token.children) and token.dep_ in ("appos", "attr"):
            parent = next(iter(ctx.clusters_in(g for c in token.children if c.lower_ == "of" for g in c.subtree)), None)
            holder = token.head if token.dep_ == "appos" else next(iter(subjects_of(token.head)), None)
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
            joined = {g.i for c in token.children if c.dep_ in ("conj", "cc") for g in c.subtree}
            children = [view.ctx.refer(c) for c in own_words([token]) if c != token and c.i not in joined]
            if token.dep_ == "appos":  # "Optum, UnitedHealth's health services division"
                children.append(view.ctx.refer(token.head))
            for parent in parents:
                for child in children:
                    if None not in (parent, child) and parent != child and {view.ctx.type_of(parent), view.ctx.type_of(child)} <= {"Organization"}:
                        out.append(Found(("e", child), "SUBSIDIARY_OF", ("e", parent), [token], "subsidiary-unit", 0.85))
            if token.dep_ == "appos" or token.head.dep_ == "appos":
                for prep in children_of(token, "prep"):
                    if prep.lower_ == "of":
                        parent = next(iter(view.typed(subtree_of([prep]), ("Organization",))), None)
                        child = view.ctx.refer(token.head)
                        if parent is not None and child is not None and parent != child:
                            out.append(Found(("e", child), "SUBSIDIARY_OF", ("e", parent), [token], "subsidiary-appos", 0.8))
    return out


@triggered_by(lowers="leader_titles")
def leader(view: SentenceView) -> list[Found]:
    """'Iranian President Masoud Pezeshkian', 'Russian President Vladimir Putin'."""
    out = []
    titles = view.lex("leader_titles")
    for token in view.tokens_with(lowers=titles):
        person = view.ctx.refer(token.head) if token.dep_ == "compound" else None
        if person is None and token.i + 1 < view.span.end:
            person = view.ctx.refer(token.nbor())
        if person is None or view.ctx.type_of(person) != "Person":
            continue
        mods = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        if token.i > view.span.start:
            mods.append(token.nbor(-1))
        for country in view.typed(subtree_of(mods) + mods, ("Country",))[:1]:
            out.append(Found(("e", person), "LEADER_OF", ("e", country), [token], "leader-title", 0.85))
    return out


@triggered_by(lowers="exec_titles")
def executive(view: SentenceView) -> list[Found]:
    """'bank CEO Elena Varga and co-chair Tomas Reyes', 'X, chief executive of Y'."""
    out = []
    titles = view.lex("exec_titles")
    previous_org = None
    for token in view.tokens_with(lowers=titles):
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


@triggered_by(lowers=("exec_titles", _APPOSITION_TITLES))
def executive_apposition(view: SentenceView) -> list[Found]:
    """'Tom Burt, Microsoft's corporate vice president', 'Jane Doe, the committee's chairwoman',
    'John Roe, chief executive of Initech'."""
    out = []
    lex = view.ctx.lexicon
    titles = lex.memo("apposition_titles", lambda: lex.words("exec_titles") | _APPOSITION_TITLES)
    ctx = view.ctx
    if not view.has(deps=_APPOS):
        return out
    for token in view.tokens_with(lowers=titles):
        if token.dep_ != "appos":
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


@triggered_by(lemmas="denounce_verbs")
def denounced(view: SentenceView) -> list[Found]:
    """'X denounced Y', 'Y has been denounced by X'."""
    out = []
    for token in view.tokens_with(lemmas=view.lex("denounce_verbs")):
        if token.pos_ != "VERB":
            continue
        agents = [g for a in children_of(token, "agent") for g in a.subtree]
        subjects = children_of(token, "nsubjpass") if agents else children_of(token, "nsubj")
        objects = subjects if agents else children_of(token, "dobj")
        objects += [c for o in objects for c in o.children if c.dep_ in ("dep", "appos")]
        objects += [c for c in token.children if c.dep_ == "dep"]
        speakers = view.typed(agents if agents else subtree_of(subjects), ("Country", "Organization", "Person", "ThreatActor"))
        targets = [c for c in (view.ctx.refer(o) for o in objects) if c is not None]
        for speaker in speakers[:1]:
            for target in targets[:1]:
                if speaker != target:
                    out.append(Found(("e", speaker), "DENOUNCED", ("e", target), [token], "denounce", 0.8))
    return out


@triggered_by(lowers="produce_nouns", lemmas="produce_verbs")
def produced(view: SentenceView) -> list[Found]:
    """"X's backing of the film Y", "X produced Y", "Y, released by X"."""
    out = []
    for token in view.tokens_with(lowers=view.lex("produce_nouns"), lemmas=view.lex("produce_verbs")):
        lemma = lemma_of(token)
        if token.lower_ in view.lex("produce_nouns") and token.pos_ == "NOUN":
            makers = [view.ctx.refer(c) for c in token.children if c.dep_ == "poss"]
            works = view.typed(subtree_of(children_of(token, "prep")), ("Film",))
        elif token.pos_ == "VERB" and lemma in view.lex("produce_verbs") and lemma not in ("release",):
            makers = [view.ctx.refer(c) for c in children_of(token, "nsubj")]
            works = view.typed(subtree_of(children_of(token, "dobj")), ("Film",))
        else:
            continue
        for maker in makers:
            if maker is not None and view.ctx.type_of(maker) == "Organization":
                for work in works[:1]:
                    out.append(Found(("e", maker), "PRODUCED", ("e", work), [token], "produce", 0.75))
    return out


@triggered_by(lowers=("film_cues", _STARRING))
def appears_in(view: SentenceView) -> list[Found]:
    """"Brad Pitt WWII drama 'Fury'", "Y, starring X and Z"."""
    out = []
    cues = view.lex("film_cues")
    ctx = view.ctx
    for token in view.tokens_with(lowers=cues | _STARRING):
        if token.lower_ in cues:
            people = [c for c in ctx.clusters_in(ctx.doc[max(view.span.start, token.i - 5):token.i]) if ctx.type_of(c) == "Person"]
            after = ctx.doc[token.i + 1:min(view.span.end, token.i + 4)]
            works = [c for c in ctx.clusters_in(after) if ctx.type_of(c) == "Film"]
            for person in people:
                for work in works[:1]:
                    out.append(Found(("e", person), "APPEARS_IN", ("e", work), [token], "appears-credit", 0.75))
        elif token.lower_ == "starring":
            works = [c for c in ctx.clusters_in(ctx.doc[max(view.span.start, token.i - 6):token.i]) if ctx.type_of(c) == "Film"]
            people = [c for c in ctx.clusters_in(subtree_of([token])) if ctx.type_of(c) == "Person"]
            for person in people:
                for work in works[-1:]:
                    out.append(Found(("e", person), "APPEARS_IN", ("e", work), [token], "appears-starring", 0.8))
    return out
