"""Around the attack: motives, hired responders, investigations, leaks."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.rules.base import Found, SentenceView, children_of, lemma_of, mentions_attack, own_words, subjects_of, subtree_of, triggered_by


@triggered_by(lowers="motive_preps", lemmas="motive_verbs")
def motive(view: SentenceView) -> list[Found]:
    """'in retribution for X', 'X may have triggered the attack'."""
    out = []
    for token in view.tokens_with(lowers=view.lex("motive_preps"), lemmas=view.lex("motive_verbs")):
        if token.lower_ in view.lex("motive_preps"):
            works = view.typed(subtree_of(children_of(token, "prep")), ("Film", "Product", "Organization", "Person", "Country"))
            films = [c for c in works if view.ctx.type_of(c) == "Film"] or works[-1:]
            for obj in films[:1]:
                out.append(Found(("i", view.incident(token)), "MOTIVATED_BY", ("e", obj), [token], "motive-retribution", 0.7))
        elif token.pos_ == "VERB" and lemma_of(token) in view.lex("motive_verbs"):
            target = mentions_attack(view, subtree_of(children_of(token, "dobj")))
            if target is None:
                continue
            for obj in view.typed(subtree_of(children_of(token, "nsubj")), ("Film", "Product", "Person", "Organization")):
                out.append(Found(("i", view.incident(target)), "MOTIVATED_BY", ("e", obj), [token], "motive-trigger", 0.7))
    return out


@triggered_by(lemmas="hire_verbs")
def hired(view: SentenceView) -> list[Found]:
    """'X hired Y to clean up the attack' -> X HIRED Y, Y RESPONDED_TO the incident."""
    out = []
    for token in view.tokens_with(lemmas=view.lex("hire_verbs")):
        if token.pos_ != "VERB":
            continue
        if lemma_of(token) in ("call", "bring") and not any(c.lower_ in ("in", "on") for c in token.children):
            continue
        hirers = [c for c in (view.ctx.refer(t) for t in subjects_of(token)) if c is not None
                  and view.ctx.type_of(c) == "Organization"][:1]
        objects = children_of(token, "dobj")
        hired_orgs = [c for c in (view.ctx.refer(o) for o in own_words(objects)) if c is not None
                      and view.ctx.type_of(c) == "Organization"]
        hired_orgs = [f for f in hired_orgs if f not in hirers and f not in view.victims]
        if not hired_orgs:
            continue
        purpose = subtree_of(children_of(token, "xcomp", "advcl", "prep")) + subtree_of(objects)
        about = mentions_attack(view, purpose) or next(
            (t for t in purpose if lemma_of(t) in view.lex("respond_purposes")), None)
        for firm in hired_orgs:
            for hirer in hirers:
                if hirer != firm:
                    out.append(Found(("e", hirer), "HIRED", ("e", firm), [token], "hire", 0.85))
            if about is not None:
                incident = view.incident(about)
                if incident is not None:
                    out.append(Found(("e", firm), "RESPONDED_TO", ("i", incident), [token], "hire-respond", 0.8))
            elif hirers and view.incident() is not None and hirers[0] in view.victims:
                # A victim hiring a firm in a story about its attack is hiring help with it.
                out.append(Found(("e", firm), "RESPONDED_TO", ("i", view.incident()), [token],
                                 "hire-respond-victim", 0.6))
    return out




@triggered_by(lowers="investigation_nouns", lemmas="investigate_verbs")
def investigates(view: SentenceView) -> list[Found]:
    """'X is investigating the hack', 'X leads a probe into the attack'."""
    out = []
    for token in view.tokens_with(lowers=view.lex("investigation_nouns"), lemmas=view.lex("investigate_verbs")):
        lemma = lemma_of(token)
        target = None
        if token.pos_ == "VERB" and lemma in view.lex("investigate_verbs"):
            target = mentions_attack(view, subtree_of(children_of(token, "dobj", "prep", "ccomp")))
            if target is None and any(c.dep_ in ("ccomp", "mark") or c.lower_ in ("whether", "if") for c in token.children):
                target = token  # "investigating whether ..." is about this article's incident
            if target is None and not children_of(token, "dobj", "ccomp", "prep") and view.incident() is not None:
                target = token  # "The FBI is investigating." speaks of the article's incident
            if target is None and view.incident() is not None and any(
                    lemma_of(o) in ("incident", "matter", "case") and any(
                        d.lower_ in ("the", "this", "that") for d in o.children) for o in children_of(token, "dobj")):
                target = token  # "investigating the incident": the article's incident
        elif token.lower_ in view.lex("investigation_nouns") and token.pos_ == "NOUN":
            target = mentions_attack(view, subtree_of(children_of(token, "prep")))
            by = [p for p in children_of(token, "prep") if p.lower_ == "by"]
            if by and (target is not None or view.incident() is not None):  # "after an investigation by A and B"
                incident = view.incident(target) if target is not None else view.incident()
                out += [Found(("e", org), "INVESTIGATES", ("i", incident), [token], "investigate-by", 0.75)
                        for org in view.typed(subtree_of(by), ("Organization",))]
                continue
            if target is None and token.dep_ == "dobj" and lemma_of(token.head) in (
                    "run", "open", "launch", "lead", "conduct", "begin", "start") and view.incident() is not None:
                target = token  # "which is running an investigation" into the article's incident
            if target is None and token.dep_ == "nsubjpass" and lemma_of(token.head) in view.lex("lead_verbs") \
                    and view.incident() is not None:  # "the investigation was led by the FBI"
                orgs = view.typed(subtree_of(w for a in children_of(token.head, "agent") for w in a.children),
                                  ("Organization",))
                out += [Found(("e", org), "INVESTIGATES", ("i", view.incident()), [token.head], "investigate-led", 0.75)
                        for org in orgs[:1]]
                continue
            if target is not None:
                verb = token.head
                while verb.dep_ in ("xcomp", "advcl", "conj", "prep", "pobj", "dobj") and verb.head != verb:
                    verb = verb.head
                token = verb
        if target is None:
            continue
        subjects = subjects_of(token)
        if token.dep_ == "relcl" and all(s.lower_ in ("which", "who", "that") for s in subjects):
            subjects = [token.head]
        orgs = view.typed(subtree_of(subjects), ("Organization",))[:1]
        if any(s.lower_ == "they" for s in subjects):  # "The FBI and CISA said they were investigating"
            orgs = plural_antecedent(view, token)
        for org in orgs:
            incident = view.incident(target)
            if incident is not None:
                out.append(Found(("e", org), "INVESTIGATES", ("i", incident), [token], "investigate", 0.75))
    return out


_VICTIMS = ("Organization", "Person")  # the model takes some companies for people


@triggered_by(lemmas="work_with_verbs")
def works_with(view: SentenceView) -> list[Found]:
    """Partners in the aftermath. 'The library said it was working with the National Cyber Security Centre':
    whom a victim works with responded to its attack; 'the investigation was led by the FBI, working with
    the Secret Service': whom an investigator works with investigates too."""
    out = []
    incident = view.incident()
    if incident is None:
        return out
    for token in view.tokens_with(lemmas=view.lex("work_with_verbs")):
        if token.pos_ != "VERB":
            continue
        partners = [c for c in view.typed(subtree_of(w for p in children_of(token, "prep") if p.lower_ in (
            "with", "alongside") for w in children_of(p, "pobj")), ("Organization",)) if c not in view.victims]
        if not partners:
            continue
        led = _led_investigation(view, token)
        if led is not None:
            out += [Found(("e", org), "INVESTIGATES", ("i", led), [token], "investigate-with", 0.7)
                    for org in partners]
            continue
        subjects = subjects_of(token)
        workers = view.typed(subtree_of(subjects), _VICTIMS)
        if not workers and any(s.lower_ in ("it", "we") for s in subjects):
            workers = next((view.typed(subtree_of(children_of(a, "nsubj")), _VICTIMS) for a in token.ancestors
                            if lemma_of(a) in view.lex("source_verbs") | {"say"}), [])
        if workers and workers[0] in view.victims:
            out += [Found(("e", org), "RESPONDED_TO", ("i", incident), [token], "respond-with-victim", 0.7)
                    for org in partners if org != workers[0]]
    return out


def _led_investigation(view: SentenceView, token: Token) -> int | None:
    """The incident whose investigation the clause `token` hangs on was led: 'the investigation was led by X,
    working with Y'."""
    verb = token.head if token.dep_ in ("advcl", "conj", "acl") else None
    if verb is None or lemma_of(verb) not in view.lex("lead_verbs"):
        return None
    probes = [s for s in children_of(verb, "nsubjpass", "nsubj") if s.lower_ in view.lex("investigation_nouns")]
    if not probes:
        return None
    target = mentions_attack(view, subtree_of(children_of(probes[0], "prep")))
    return view.incident(target) if target is not None else view.incident()


def plural_antecedent(view: SentenceView, token: Token) -> list[int]:
    """'they' after "The FBI and CISA said": every organisation of the saying verb's subject."""
    for ancestor in token.ancestors:
        subjects = children_of(ancestor, "nsubj")
        if subjects and not any(s.lower_ == "they" for s in subjects):
            return view.typed(subtree_of(subjects), ("Organization",))
    return []


@triggered_by(lemmas="leak_verbs")
def leaked(view: SentenceView, next_sentence: Span | None) -> list[Found]:
    """'five movies were leaked online, including X, Y', negated by 'no proof ... related to the attack'."""
    out = []
    for token in view.tokens_with(lemmas=view.lex("leak_verbs")):
        if token.pos_ != "VERB":
            continue
        works = view.typed(view.span, ("Film",))
        if not works:
            continue
        status, cue = None, None
        if next_sentence is not None:
            text = next_sentence.text.lower()
            for phrase in view.lex("negation_phrases"):
                if phrase in text and any(w in text for w in ("attack", "hack", "breach", "related", "linked")):
                    status, cue = "negated", phrase
                    break
        by_hackers = any(g.lower_ in ("hackers", "attackers") for a in children_of(token, "agent") for g in a.subtree)
        if status is None and not by_hackers:
            status, cue = "suspected", "co-occurrence"
        for work in works:
            out.append(Found(("i", view.incident(token)), "LEAKED", ("e", work), [token], "leak", 0.6, status=status, cue=cue))
        break
    return out
