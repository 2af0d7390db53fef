"""Who is behind an attack: agents, attackers' descriptions, claims, blame and denials."""

from __future__ import annotations

from kg.nlp.spans import CHARGE_VERBS
from kg.nlp.rules.base import Found, SentenceView, actors_in, attacker_noun, attacker_nouns, children_of, clause_before, is_attack_word, lemma_of, mentions_attack, named_actors, phrase_of, subjects_of, subtree_of, triggered_by

# Words a rule cannot match without (see SentenceView.has).
_AGENT = frozenset({"agent"})
_SIGNED = frozenset({"hacked", "pwned", "defaced"})
_LINK_VERBS = frozenset({"link", "tie", "blame", "attribute", "trace", "connect"})
_CLAIM = frozenset({"claim"})
_RULE = frozenset({"rule"})


_OPERATIONS = frozenset({"campaign", "operation", "spree", "scheme", "espionage", "scam"})
# who stands behind an attack another carries out: "a hack aided by the Moldovan government"
_BEHIND = frozenset({"aid", "assist", "help", "back", "sponsor", "support", "direct", "order", "orchestrate",
                     "mastermind", "commission", "fund", "finance"})


@triggered_by(deps=_AGENT)
def attribution_agent(view: SentenceView) -> list[Found]:
    """'compromised by a group that calls itself X', 'damage caused by X', 'hit by X'."""
    out = []
    lex = view.ctx.lexicon
    deeds = lex.memo("agent_deeds", lambda: lex.words("launch_verbs") | lex.words("attack_verbs") | {"cause", "claim"}
                     | _BEHIND)
    for token in view.tokens_with(deps=_AGENT):
        verb = token.head
        if lemma_of(verb) not in deeds and verb.i not in view.incident_tokens:
            continue
        inside = {t.i for t in token.subtree}
        rest = [t for t in subtree_of([verb]) if t.i not in inside]
        about = mentions_attack(view, rest) or next((t for t in rest if lemma_of(t) in _OPERATIONS), None)
        if verb.i not in view.incident_tokens and lemma_of(verb) not in view.lex("attack_verbs") and about is None:
            continue  # "commands executed by the reader": a launch verb blames only for an attack
        anchor = verb.i in view.incident_tokens and verb or about or verb
        incident = view.incident(anchor)
        for actor in named_actors(view, subtree_of(children_of(token, "pobj"))):
            out.append(Found(("i", incident), "ATTRIBUTED_TO", ("e", actor), [verb], "attr-agent", 0.85))
    return out


def attribution_attackers(view: SentenceView) -> list[Found]:
    """Who did it, named in the attackers' phrase: 'Suspected Russian hackers breached X', 'hackers working
    for X broke into ...', 'LockBit hit the bank'."""
    out = []
    if not view.incident_tokens:
        return out
    for token in (view.ctx.doc[i] for i in sorted(view.incident_tokens)):  # (all in this sentence, in its order)
        if token.pos_ != "VERB":
            continue
        if children_of(token, "nsubjpass", "auxpass"):
            continue  # "when his emails were compromised": the subject up the chain is not the attacker
        for subject in subjects_of(token) or _caught_doing(token):
            # not whom a relative clause on the subject mentions ("hackers that swung the election for X")
            clause = {g.i for c in subject.children if c.dep_ == "relcl" for g in c.subtree}
            phrase = [t for t in subject.subtree if t.i not in clause]
            # what the attackers' own clause acts on is no sponsor: "hackers targeting a Brazilian bank"
            acted_on = {g.i for t in phrase if t.dep_ in ("dobj", "nsubjpass") and t.i != subject.i for g in t.subtree}
            phrase = [t for t in phrase if t.i not in acted_on]
            groups = view.typed(phrase, ("ThreatActor",))
            individual = subject.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children)
            for actor in actors_in(view, phrase):
                direct = view.ctx.cluster_at(subject) == actor  # "Russia hacked the Olympics"
                if view.ctx.type_of(actor) == "Country" and not (direct or attacker_noun(subject)):
                    continue
                if view.ctx.type_of(actor) == "Country" and not direct and (
                        groups or individual or subject.lemma_.lower() in _CRIMINALS):
                    continue  # "the Moldovan group known as X stole": X did; "a Moldovan hacker": one person
                out.append(Found(("i", view.incident(token)), "ATTRIBUTED_TO", ("e", actor), [token, subject],
                                 "attr-attackers", 0.75))
    return out


def _caught_doing(token) -> list:
    """'X was caught hacking into ...', 'X was seen breaking into ...': the one caught doing the attack."""
    head = token
    while head.dep_ in ("xcomp", "advcl", "conj") and head.head.i != head.i:
        head = head.head
        if head.lemma_.lower() in ("catch", "see", "spot", "observe", "find"):
            return children_of(head, "nsubjpass")
    return []


_CRIMINALS = frozenset({"gang", "criminal", "cybercriminal", "scammer", "fraudster", "crook", "thief", "man", "woman",
                        "national", "teen", "teenager", "student", "syndicate", "cartel", "mafia"})


def attribution_actor_phrase(view: SentenceView) -> list[Found]:
    """'intruders linked to the Russian government', 'hackers working for Iran', 'Chinese state-backed hackers':
    in a story about an attack, the attackers' description names who they work for."""
    out = []
    ties = {"link", "tie", "work", "operate", "connect", "back", "sponsor", "associate", "affiliate"}
    nouns = attacker_nouns(view.ctx.doc)
    if view.incident() is None or not view.has(lemmas=nouns):
        return out
    lemma = view.ctx.lemma
    for token in (view.ctx.doc[k] for k in range(view.span.start, view.span.end) if lemma[k] in nouns):
        if not attacker_noun(token) or view.incident() is None or token.lemma_.lower() in ("team", "unit", "operation"):
            continue
        if any(c.lower_ in ("former", "ex") for c in token.children if c.dep_ in ("amod", "advmod")):
            continue  # "a former U.S. government hacker": whom someone once worked for is no sponsor
        if token.lemma_.lower() in _CRIMINALS:
            continue  # "a Nigerian gang", "Romanian scammers": a nationality, not a state behind them
        individual = token.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
        named_group = [c for c in view.typed(token.subtree, ("ThreatActor",))]
        phrase = [c for c in token.children if c.dep_ in ("acl", "amod", "compound", "relcl")]
        tied = [c for c in phrase if c.lemma_.lower() in ties or c.dep_ in ("amod", "compound")]
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in ties:
            tied.append(token.head)  # "the intruders were linked to the Iranian government"
        named = [t for t in token.subtree if t.dep_ in ("appos", "compound", "nmod") or t.i > token.i]
        if token.dep_ == "compound":
            named.append(token.head)  # "Moldovan group Northfield", parsed with "group" a compound of the name
        if any(view.ctx.type_of(c) == "Organization" and not view.ctx.clusters[c].kb for c in view.refs(named)):
            continue  # "Moldovan security group Northfield": the country says where a named firm is
        for part in tied:
            inside = list(part.subtree) if part.head == token else [g for p in children_of(part, "prep") for g in p.subtree]
            for actor in actors_in(view, inside):
                # "the LockBit gang" only names the gang; "Russian hackers" says whom they work for.
                if actor in view.victims or (part.dep_ in ("amod", "compound") and view.ctx.type_of(actor) != "Country"):
                    continue
                if part.dep_ in ("amod", "compound") and (individual or named_group):
                    # "a Moldovan hacker" is one person of that nationality; "the Moldovan hacking group known as
                    # X" names its attacker, X, whose nationality the adjective describes
                    continue
                out.append(Found(("i", view.incident(token)), "ATTRIBUTED_TO", ("e", actor), [token, part],
                                 "attr-actor-phrase", 0.6))
    return out


@triggered_by(lowers=_SIGNED)
def attribution_hacked_by(view: SentenceView) -> list[Found]:
    """The attackers' own signature: 'Hacked By X' shown on screens or a defaced page."""
    out = []
    for token in view.tokens_with(lowers=_SIGNED):
        if token.i + 1 < len(view.ctx.doc) \
                and token.nbor().lower_ == "by":
            cluster = view.ctx.refer(token.nbor(2)) if token.i + 2 < len(view.ctx.doc) else None
            if cluster is None and token.i + 3 < len(view.ctx.doc):
                cluster = view.ctx.refer(token.nbor(3))
            if cluster is not None and view.ctx.type_of(cluster) == "ThreatActor":
                out.append(Found(("i", view.incident(token)), "ATTRIBUTED_TO", ("e", cluster), [token],
                                 "attr-hacked-by", 0.8, claimed=True, cue="Hacked By"))
    return out


@triggered_by(lowers="responsible_words", lemmas="launch_verbs")
def attribution_responsible(view: SentenceView) -> list[Found]:
    """'X (might be) responsible for / behind the attack', 'X launched / carried out the attack'."""
    out = []
    words = view.lex("responsible_words")
    for token in view.tokens_with(lowers=words, lemmas=view.lex("launch_verbs")):
        anchor = None
        if token.lower_ in words and token.dep_ in ("acomp", "attr", "prep", "ROOT", "advmod", "amod"):
            target = mentions_attack(view, subtree_of([token]))
            if target is not None:
                anchor = token
        elif token.pos_ == "VERB" and lemma_of(token) in view.lex("launch_verbs") and not token.i in view.incident_tokens:
            if any(o.lower_ in view.lex("investigation_nouns") for o in children_of(token, "dobj")):
                continue  # "police launched an investigation into the attack": the inquiry, not the attack
            target = mentions_attack(view, subtree_of(children_of(token, "dobj", "prt", "prep")))
            if target is not None:
                anchor = token
        if anchor is None:
            continue
        verb = anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head
        launched = anchor.pos_ == "VERB" and lemma_of(anchor) in view.lex("launch_verbs")
        # "Chrome users have been targeted": a passive launch verb's subject is its target
        subjects = subtree_of(children_of(verb, *(("nsubj",) if launched else ("nsubj", "nsubjpass")))
                              or children_of(anchor, "nsubj"))
        doers = children_of(verb, "nsubj")
        if len(doers) > 1 and any(d.pos_ == "NOUN" and any(c.lower_ in ("a", "an") for c in d.children) for d in doers):
            continue  # "Advisory Notice, ... a bad actor has orchestrated ...": two subjects, one unnamed
        if subjects and all(t.lower_ in ("that", "which", "who") for t in subjects):
            subjects = _antecedent(view, verb)  # "X, a gang that the police have said was responsible for the attack"
        if anchor.dep_ == "prep" and verb.pos_ in ("NOUN", "PROPN"):  # "the ALPHV gang behind the attack"
            inside = {t.i for t in anchor.subtree}
            subjects = [t for t in verb.subtree if t.i not in inside]
        if not subjects:
            # "whether hackers working for X might be responsible": a misparsed clause; take what stands
            # between its opening word and the anchor (with no opening word, as in "accused X of launching
            # the attack", the verb has no subject of its own: that is the blame rule's)
            subjects = clause_before(view, anchor, need_opener=anchor.pos_ in ("VERB", "AUX"))
        for actor in actors_in(view, subjects):
            out.append(Found(("i", view.incident(target)), "ATTRIBUTED_TO", ("e", actor), [anchor, target],
                             "attr-responsible", 0.8))
    return out


def _antecedent(view: SentenceView, verb) -> list:
    """What a relative pronoun subject stands for: the noun its clause hangs from (up through "the police have said"),
    and the name that noun is in apposition to ("Grimlock, a gang that ...")."""
    clause = next((a for a in [verb, *verb.ancestors] if a.dep_ == "relcl"), None)
    if clause is None:
        return []
    noun = clause.head
    tokens = list(view.ctx.doc[noun.left_edge.i:noun.i + 1])
    if noun.dep_ == "appos":
        tokens += list(view.ctx.doc[noun.head.left_edge.i:noun.head.i + 1])
    return tokens


@triggered_by(lemmas=_LINK_VERBS)
def attribution_linked(view: SentenceView) -> list[Found]:
    """'the MGM hack linked to Scattered Spider', 'an attack blamed on X', 'a breach attributed to X'."""
    out = []
    for token in view.tokens_with(lemmas=_LINK_VERBS):
        if token.tag_ != "VBN":
            continue
        target = token.head if token.dep_ in ("acl", "amod", "relcl") else next(iter(children_of(token, "nsubjpass", "nsubj")), None)
        if target is None or not is_attack_word(view, target) or _other_attacks(target):
            continue
        for prep in children_of(token, "prep"):
            if prep.lower_ in ("to", "on"):
                for actor in actors_in(view, list(prep.subtree)):
                    out.append(Found(("i", view.incident(target)), "ATTRIBUTED_TO", ("e", actor), [token, target],
                                     "attr-linked", 0.7))
    return out


def _other_attacks(target) -> bool:
    """'previous attacks', 'heists elsewhere', 'attacks': plural attacks with no 'the/these' name other
    attacks than the story's."""
    if target.tag_ not in ("NNS", "NNPS"):
        return False
    words = {c.lower_ for c in target.children} | {c.lower_ for c in target.head.children}
    return not words & {"the", "these", "those", "this", "its", "their", "both"} or bool(
        words & {"previous", "earlier", "past", "other", "elsewhere", "similar"})


@triggered_by(lemmas=_CLAIM)
def attribution_claim(view: SentenceView) -> list[Found]:
    """'X claimed responsibility for the attack', 'X claims to have stolen ...'."""
    out = []
    for token in view.tokens_with(lemmas=_CLAIM):
        if token.pos_ != "VERB":
            continue
        objects = children_of(token, "dobj")
        about_attack = any(o.lower_ in view.lex("claim_objects") for o in objects) or mentions_attack(
            view, subtree_of(children_of(token, "dobj", "xcomp", "ccomp", "prep"))) is not None or children_of(token, "xcomp")
        if not about_attack:
            continue
        subjects = subjects_of(token)
        if token.dep_ == "relcl" and all(s.lower_ in ("which", "who", "that") for s in subjects):
            subjects = [token.head]  # "a group calling itself X, which claimed responsibility"
        for actor in view.typed(subtree_of(subjects), ("ThreatActor",)):
            out.append(Found(("i", view.incident(token)), "ATTRIBUTED_TO", ("e", actor), [token],
                             "attr-claim", 0.75, claimed=True, cue=token.text))
    return out


@triggered_by(lemmas=("blame_verbs", "denial_verbs", _RULE))
def attribution_blame(view: SentenceView) -> list[Found]:
    """'officials blamed X for the attack', 'attributed the attack to X', 'X denied involvement'."""
    out = []
    lex = view.ctx.lexicon
    for token in view.tokens_with(lemmas=lex.memo("blame_triggers", lambda: lex.words("blame_verbs")
                                                  | lex.words("denial_verbs") | _RULE)):
        lemma = lemma_of(token)
        if token.pos_ != "VERB":
            continue
        if lemma in view.lex("blame_verbs"):
            target = mentions_attack(view, subtree_of(children_of(token, "prep", "dobj", "nsubjpass")))
            if target is not None and _other_attacks(target):
                continue  # "X has been linked to heists elsewhere": other attacks, not this one
            if target is None and lemma in ("identify", "name") and view.incident() is not None and any(
                    t.lower_ in view.lex("responsible_words") | _CULPRITS for p in children_of(token, "prep")
                    if p.lower_ == "as" for t in p.subtree):
                target = token  # "X has been identified as the person responsible": for the story's attack
            if target is None:
                continue
            people = children_of(token, "dobj") if lemma != "attribute" else [
                g for p in children_of(token, "prep") if p.lower_ == "to" for g in p.subtree]
            if lemma == "attribute" and not people:
                people = children_of(token, "dobj")
            if lemma in ("identify", "name"):  # "the findings identified 5 million devices in X": no one named
                people = [p for p in people if p.pos_ == "PROPN" or attacker_noun(p) or view.ctx.cluster_at(p) is not None]
            source = None
            if not people and token.tag_ == "VBN" and subjects_of(token, "nsubjpass"):
                people = subjects_of(token, "nsubjpass")  # "X was blamed by the FBI for the attack"
                source = next(iter(view.refs(g for a in children_of(token, "agent") for g in a.subtree)), None)
            for actor in actors_in(view, phrase_of(people)):
                out.append(Found(("i", view.incident(target)), "ATTRIBUTED_TO", ("e", actor), [token],
                                 f"attr-{lemma}", 0.8, source=source))
        elif lemma in view.lex("denial_verbs") or (lemma == "rule" and any(c.lower_ == "out" for c in token.children)):
            actors = actors_in(view, subtree_of(subjects_of(token)))
            if not actors:  # a spokesman "ruled out any involvement by the Russian government"
                actors = actors_in(view, subtree_of(children_of(token, "dobj")))
            for actor in actors:
                if view.ctx.type_of(actor) not in ("ThreatActor", "Country") and not view.ctx.clusters[actor].kb:
                    continue
                out.append(Found(("i", view.incident(token)), "ATTRIBUTED_TO", ("e", actor), [token],
                                 "attr-denial", 0.75, status="denied", cue=token.text))
    return out


_CULPRITS = frozenset({"culprit", "perpetrator", "attacker", "hacker", "ringleader", "mastermind"})
_CHARGE = CHARGE_VERBS | {"accuse", "plead", "imprison", "apprehend"}
_DEFENDANTS = frozenset({"defendant", "suspect", "accused"})
_COUNTS = frozenset({"charge", "count", "indictment", "prosecution", "extradition"})
_PROVEN = frozenset({"sentence", "convict", "plead", "jail", "imprison"})
_CRIME_WORDS = frozenset({"hack", "hacking", "breach", "phishing", "fraud", "attack", "cyberattack", "ransomware",
                          "malware", "steal", "theft", "intrusion", "scheme", "scam", "extortion", "computer", "wire"})


_FACE = frozenset({"face"})


@triggered_by(lemmas=(_CHARGE, _DEFENDANTS, _FACE))
def attribution_charged(view: SentenceView) -> list[Found]:
    """'X was charged with hacking', 'police arrested X over the breach', 'X pleaded guilty': the people the
    law names for an attack. Suspected until a court says so (convicted, sentenced, pleaded guilty)."""
    out = []
    if view.incident() is None:
        return out
    for token in view.tokens_with(lemmas=_CHARGE | _DEFENDANTS | _FACE):
        lemma = lemma_of(token)
        if lemma in _DEFENDANTS and token.pos_ == "NOUN":  # "the defendants, A and B, are alleged to ..."
            named = [g for c in children_of(token, "appos") for g in [c, *c.conjuncts]]
            for actor in view.typed(phrase_of(named), ("Person", "ThreatActor", "Organization")):
                out.append(Found(("i", view.incident(token)), "ATTRIBUTED_TO", ("e", actor), [token], "attr-charged",
                                 0.7, status="suspected", cue=token.text))
            continue
        if token.pos_ == "VERB" and lemma == "face" and any(lemma_of(o) in _COUNTS for o in children_of(token, "dobj")):
            # "X faces 30 felony charges": charged, in other words
            for actor in view.typed(phrase_of(subjects_of(token)), ("Person", "ThreatActor")):
                out.append(Found(("i", view.incident(token)), "ATTRIBUTED_TO", ("e", actor), [token], "attr-charged",
                                 0.7, status="suspected", cue=token.text))
            continue
        if token.pos_ != "VERB" or lemma not in _CHARGE:
            continue
        if lemma == "plead" and not any(c.lower_ == "guilty" for c in token.subtree):
            continue
        deps = ("nsubj",) if lemma == "plead" else ("nsubjpass", "dobj")
        # "the former worker, Kristi Sims, was arrested": the person in apposition is the one arrested
        # "Two men were charged: A, 19, from X, and B, 22": each conjunct of the apposition too
        named = [g for c in children_of(token, *deps) for a in [c, *children_of(c, "appos")] for g in [a, *a.conjuncts]]
        people = [g for c in named for g in phrase_of([c])]
        for actor in view.typed(people, ("Person", "ThreatActor")):
            status = "asserted" if lemma in _PROVEN else "suspected"
            out.append(Found(("i", view.incident(token)), "ATTRIBUTED_TO", ("e", actor), [token], "attr-charged", 0.7,
                             status=status, cue=None if status == "asserted" else token.text))
    return out


_FRAUD = frozenset({"con", "defraud", "deceive", "trick", "swindle", "dupe", "scam", "impersonate", "pose"})
_ACTS = _FRAUD | frozenset({"leak", "dump", "steal", "extort", "publish", "release", "post", "sell", "deface", "hack", "breach",
                   "target", "hit", "attack", "compromise", "infect", "encrypt", "demand", "threaten", "blackmail"})


_OWN_WORD = frozenset({"post", "publish", "release", "leak", "dump", "threaten", "demand"})


@triggered_by(lemmas=_ACTS)
def attribution_actor_acts(view: SentenceView) -> list[Found]:
    """'The Pale Rider leaked the episodes', 'the group dumped the files': in a story about an attack, what a
    named threat actor does to its victims is the attack."""
    out = []
    if view.incident() is None:
        return out
    for token in view.tokens_with(lemmas=_ACTS):
        if token.pos_ != "VERB" or token.i in view.incident_tokens:
            continue
        # What a gang publishes of its own deed (posts, leaks, threatens) is its claim; a reported deed is not.
        own = lemma_of(token) in _OWN_WORD
        # a person who cons or defrauds the victims is the attacker of a fraud ("X allegedly conned two firms")
        fraud = lemma_of(token) in _FRAUD
        kinds = ("ThreatActor", "Person") if fraud else ("ThreatActor",)
        # a person only as the fraud verb's own subject: "a researcher disclosed ..., tricking victims" is not one
        subjects = children_of(token, "nsubj") if fraud else subjects_of(token)
        head = token
        while fraud and not subjects and head.dep_ == "conj" and head.head is not head:
            head = head.head  # "X posed as a supplier and deceived the companies"
            subjects = children_of(head, "nsubj")
        for actor in view.typed(subtree_of(subjects), kinds):
            out.append(Found(("i", view.incident(token)), "ATTRIBUTED_TO", ("e", actor), [token], "attr-actor-acts", 0.6,
                             claimed=own, cue=token.text if own else None))
    return out
