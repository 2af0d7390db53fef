"""Attack events: find the words that report one, their victims and years, and group them per article.

A trigger is an attack noun ("the cyber attack", "last week's hack", "the breach at X") or verb
("X was hacked", "systems were compromised", "broken into"). Its victim comes from the parse
("attack on X", "X hack", "X's systems were compromised", "hit X"). Mentions with the same victim
and no clashing year are one incident; a mention without a victim joins the incident mentioned
just before it, else the article's main incident. Triggers that are negated ("was not a cyber
attack"), generic ("victims of breaches"), or inside a film's plot make no incident.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Token

from kg.nlp.context import DocContext
from kg.nlp.lexicon import lexicon
from kg.nlp.spans import cyber_sentence
from kg.models import IncidentMention, LocalIncident

VICTIM_TYPES = ("Organization", "Product", "Country", "Person")
IMPACT_VERBS = {"knock", "cripple", "paralyze", "paralyse", "disrupt", "hit", "take", "shut", "affect", "halt",
                "down", "encrypt", "expose", "target", "strike", "wipe", "damage", "force", "disable", "lock",
                "cut", "compromise", "breach", "infect", "sabotage", "destroy", "hijack", "corrupt", "cripple", "leave"}
# What attackers take: "hackers stole data" names no victim, the one who says so is it.
LOOT = {"database", "data", "information", "research", "file", "email", "record", "detail", "tool", "code", "password",
        "credential", "document", "account", "secret", "number", "message", "network", "system", "server"}
SAY_VERBS = {"say", "disclose", "confirm", "announce", "acknowledge", "admit", "report", "reveal", "warn", "tell"}
# "X suffered / disclosed / found the breach": X is the victim (not "reported" or "investigated": outlets
# and agencies do that to other people's incidents).
SUFFER_VERBS = {"suffer", "experience", "disclose", "confirm", "detect", "discover", "face", "fall", "find",
                "acknowledge", "reveal", "notice", "admit"}


# "This is not a security incident or cyberattack", "there was no sign of a hack": said of what happened.
_ATTACK_WORDS = r"(?:cyber ?-?attack|attack|hack|breach|intrusion|security incident|cyber incident)"
_NOT_AN_ATTACK = re.compile(
    r"\b(?:is|was|were|be|been)(?: not|n't)\s+(?:a |an |the )?(?:[\w-]+\s+){0,3}?" + _ATTACK_WORDS + r"\b"
    r"|\bno (?:sign|evidence|indication|suggestion) (?:of|that)\s+(?:a |an )?(?:[\w-]+\s+){0,2}?" + _ATTACK_WORDS + r"\b"
    r"|\b(?:not caused by|not the result of|rather than)\s+(?:a |an )?(?:[\w-]+\s+){0,2}?" + _ATTACK_WORDS + r"\b")
# Every match of _NOT_AN_ATTACK holds one of these (a sentence without any is not searched).
_ATTACK_STEMS = ("attack", "hack", "breach", "intrusion", "incident")


def find_mentions(ctx: DocContext) -> list[IncidentMention]:
    lex = ctx.lexicon
    nouns = set(lex["attack_nouns"])
    # Every lemma or form an attack word can have, read off the plain lists first: a spaCy Token is made only
    # for the few tokens that may be one (making one for every token was most of this function's time).
    words = lex.memo("attack_word_lemmas", lambda: nouns | _QUALIFIED | _ANY_VERB | IMPACT_VERBS
                     | set(lex["attack_verb_strong"]) | set(lex["attack_verb_needs_cyber"]))
    found = []
    denied = False  # the article says what happened was no attack
    maybe = [k for k, (lemma, lower) in enumerate(zip(ctx.lemma, ctx.lower)) if lemma in words or lower in nouns]
    for n, sent in enumerate(ctx.sents):
        if _says_no_attack(ctx, ctx.sentence_text(n).lower()):
            denied = True
            continue
        for k in maybe[bisect_left(maybe, sent.start):bisect_left(maybe, sent.end)]:
            token = ctx.doc[k]
            # Is it an attack word at all? (Asked first: it is cheaper than the tests of context below.)
            pos = token.pos_
            noun = pos in ("NOUN", "PROPN") and (ctx.lemma[token.i] in nouns or ctx.lower[token.i] in nouns
                                                 or _qualified_incident(token))
            listed = pos in ("VERB", "AUX") and _victim_list(ctx, token)
            paid = pos == "VERB" and _ransom_paid(ctx, token, n)
            if not noun and not listed and not paid and not (pos == "VERB" and _attack_verb(token, sent, ctx)):
                continue
            if ctx.in_fiction(token) or any(c.dep_ == "neg" for c in token.children):
                continue
            if listed or paid:
                payer = token if listed or any(c.dep_ == "nsubj" for c in token.children) else token.head
                victim = _best_in(ctx, [g for c in payer.children if c.dep_ in (
                    ("dobj", "attr") if listed else ("nsubj",)) for g in c.subtree])
                if victim is None and listed and any(c.dep_ == "prep" and c.lower_ == "among" for c in token.children):
                    # "A and B were among the organisations affected": the subject is listed
                    victim = _best_in(ctx, [g for c in token.children if c.dep_ in ("nsubj", "nsubjpass")
                                            for g in c.subtree])
                if victim is None and listed and not (k + 1 < len(ctx.doc) and ctx.doc[k + 1].pos_ == "ADP"):
                    # a long list the parser hung elsewhere: the name right after ("are in X" says where)
                    victim = next((c for t in ctx.doc[token.i + 1:min(token.i + 3, sent.end)]
                                   if (c := ctx.cluster_at(t)) is not None), None)
            elif noun:
                if _compound_inside(token, nouns) or _not_recalled(token):
                    continue
                specific = _specific(token)
                # "Layer 7 DDoS attacks", "XSS attacks": a name before a plural attack noun is its kind
                victim = _noun_victim(ctx, token, compounds=specific and token.tag_ not in ("NNS", "NNPS"))
                if victim is None and not specific:
                    continue  # "attacks" in general; "card breaches have hit X" names its victim
            else:
                if _generic_clause(token):
                    continue
                victim = _verb_victim(ctx, token)
            if victim is not None and ctx.type_of(victim) not in VICTIM_TYPES:
                victim = None
            if victim is None and not listed and not paid:
                victim = _speaker(ctx, token, own=True)  # "Acme said a breach exposed ...", "Acme admitted that ..."
            also = _listed_with(ctx, victim, sent) if victim is not None else []
            owner = _owner(ctx, victim, sent) if victim is not None and ctx.type_of(victim) == "Product" else None
            said = ctx.date_near(token)
            scene_year, fronted = ctx.dated(n)
            # a date near the word dates it; else a year fronting the sentence ("In 2013, hackers were using ...")
            year = int(said[:4]) if said else scene_year if fronted else None
            # "the 2016 breach", "a 2016 incident, in which hackers stole ...": a year on the attack word (or on
            # the noun its clause describes) sets it apart, as a fronted one does
            event = token.head if token.dep_ == "relcl" else token
            own_year = next((int(c.text) for c in event.children if c.dep_ in ("compound", "nummod", "amod")
                             and len(c.text) == 4 and c.text.isdigit() and 1970 <= int(c.text) <= 2100), None) \
                if event.pos_ in ("NOUN", "PROPN") else None
            if own_year is not None:
                year, fronted = own_year, True
            fronted = fronted and year is not None
            label = next((t.text for t in token.lefts for t in t.subtree if _names_the_attack(t)), None) \
                if token.pos_ in ("NOUN", "PROPN") else None
            found.append(IncidentMention(token.i, n, victim, year, owner, fronted, label, also))
    if denied:  # "the outage was not a cyber attack": only an attack with a named victim stands
        found = [m for m in found if m.victim is not None and not _about_denied(ctx, m)]
    return found


_LIST_SUBJECTS = {"victim", "target", "casualty"}
_RANSOM_WORDS = {"ransom", "bitcoin", "bitcoins", "decrypt", "decryption", "unlock", "hackers", "attackers", "extortion",
                 "ransomware", "extortionists", "cybercriminals", "regain", "files"}


def _victim_list(ctx: DocContext, token: Token) -> bool:
    """'Victims included A and B', 'The targets were A, B and C': the verb lists an attack's victims."""
    if ctx.lemma[token.i] not in ("include", "be"):
        return False
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in token.children):
        return False  # "the targets would be A and B"
    nouns = ctx.lexicon.words("attack_nouns")

    def victims(word: Token) -> bool:
        # "Victims included A and B"; "providers caught by the breach include A, B and C" (a plural noun, not
        # itself an attack, with an attack word under it); not "the cost of a breach is ..."
        return word.lemma_.lower() in _LIST_SUBJECTS or (word.tag_ in ("NNS", "NNPS") and word.lemma_.lower() not in nouns
                                                         and word.lemma_.lower() not in _THINGS
                                                         and any(g.lemma_.lower() in nouns | _LIST_SUBJECTS
                                                                 for g in word.subtree if g.i != word.i))

    def partitive(word: Token) -> bool:  # "one of the latest victims", "some of the victims of the attacks"
        return word.pos_ in ("NUM", "PRON", "DET", "ADJ") and any(
            p.dep_ == "prep" and p.lower_ == "of" and any(victims(o) for o in p.children if o.dep_ == "pobj")
            for p in word.children)

    # "A and B were among the organisations affected"
    among = any(p.dep_ == "prep" and p.lower_ == "among" and any(
        o.lemma_.lower() in _LIST_SUBJECTS or any(g.lemma_.lower() in ("impact", "affect", "hit", "target")
                                                  and g.tag_ == "VBN" for g in o.subtree)
        for o in p.children if o.dep_ == "pobj") for p in token.children)
    return among or any(c.dep_ in ("nsubj", "nsubjpass") and (victims(c) or partitive(c)) for c in token.children)


def _ransom_paid(ctx: DocContext, token: Token, sent: int) -> bool:
    """'Lakeside Clinic paid $40,000 to get its files back': who pays a ransom was hit."""
    if ctx.lemma[token.i] != "pay":
        return False
    words = ctx.sentence_words(sent).lowers
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in token.children):
        return False  # "if they paid the fee": no payment was made
    # who pays is named ("Acme paid", "Acme chose to pay"), not a pronoun standing for whoever a study asked
    payer = token if any(c.dep_ == "nsubj" for c in token.children) or token.dep_ != "xcomp" else token.head
    return not words.isdisjoint(_RANSOM_WORDS) and any(
        c.dep_ == "nsubj" and c.pos_ != "PRON" for c in payer.children)


_DESCRIPTION = {"a", "an", "the"}


def _listed_with(ctx: DocContext, victim: int, sent) -> list[int]:
    """Organisations listed with the victim ("hit A, B and C", "A and B both admitted ..."): victims too.
    A list is read from the parse (the victim's conjuncts) and from the surface (names separated only by
    commas and "and"/"or"), since the small model often parses long lists of names wrongly."""
    out: list[int] = []

    def add(cluster):
        if cluster is not None and cluster != victim and ctx.type_of(cluster) == "Organization" and cluster not in out:
            out.append(cluster)

    named = [n for n, m in enumerate(ctx.mentions) if m.sent == ctx.sentence_of(sent[0])]
    for position, n in enumerate(named):
        if ctx.cluster_of_mention[n] != victim:
            continue
        head = ctx.doc[ctx.mentions[n].token_end - 1]
        while head.dep_ == "compound" and head.head is not head:
            head = head.head
        for other in head.conjuncts:
            for part in other.subtree:
                if (cluster := ctx.refer(part)) is not None:
                    if part.dep_ == "poss" and ctx.type_of(cluster) == "Country":
                        continue  # "A and Moldova's B": B, not the country before it
                    add(cluster)
                    break
        run, joined = [], False  # the surface list around the victim's mention: a list ends in "and"/"or"
        for step in (-1, 1):
            k = position
            while 0 <= k + step < len(named):
                a, b = sorted((named[k], named[k + step]))
                between = ctx.doc[ctx.mentions[a].token_end:ctx.mentions[b].token]
                gap = {t.lower_ for t in between}
                # "A and a shipping company, B": a description of the next name, set off by its comma
                described = len(between) >= 3 and between[-1].text == "," and gap & _DESCRIPTION and all(
                    t.lower_ in _DESCRIPTION or t.text in (",", "and", "or") or t.is_lower and t.pos_ in ("NOUN", "ADJ")
                    for t in between)
                if not gap or not (gap <= {",", "and", "or"} or described):
                    break
                joined = joined or bool(gap & {"and", "or"})
                k += step
                run.append(ctx.cluster_of_mention[named[k]])
        if joined:  # "According to X, Acme ...": one comma between two names makes no list
            for cluster in run:
                add(cluster)
        break
    return out


def _about_denied(ctx: DocContext, mention: IncidentMention) -> bool:
    """The victim of a mention is one the denial covers: it appears in a sentence that denies an attack."""
    for n, sent in enumerate(ctx.sents):
        if _says_no_attack(ctx, ctx.sentence_text(n).lower()) and mention.victim in ctx.clusters_in(sent):
            return True
    return False


def _says_no_attack(ctx: DocContext, lowered: str) -> bool:
    """A sentence (lower case) that says what happened was no attack: a `not_attack_cues` phrase, or
    "was not a cyber attack", "no sign of a hack"."""
    cues = ctx.lexicon.memo("not_attack_cues", lambda: _not_attack_cues(ctx.lexicon["not_attack_cues"]))
    return (cues is not None and cues.search(lowered) is not None) or (
        any(word in lowered for word in _ATTACK_STEMS) and _NOT_AN_ATTACK.search(lowered) is not None)


def _not_attack_cues(cues: list[str]) -> re.Pattern | None:
    """lexicon.json `not_attack_cues` as one pattern: a sentence contains one of them as it matches."""
    return re.compile("|".join(re.escape(cue) for cue in cues)) if cues else None


def _owner(ctx: DocContext, product: int, sent) -> int | None:
    """The organisation whose product was hit, named as its possessor in the same sentence."""
    for token in sent:
        if ctx.cluster_at(token) == product:
            for holder in (token, token.head):
                owner = _organization_at(ctx, holder, "poss")
                if owner is not None:
                    return owner
    return None


def _organization_at(ctx: DocContext, head: Token, dep: str) -> int | None:
    """The organisation that `head`'s `dep` child names (its subject, its possessor), if any."""
    for child in head.children:
        if child.dep_ == dep:
            # "Riverton Airport authorities", "Riverton officials": the people speak for the organisation named
            for part in (child, *(g for g in child.children if g.dep_ in ("compound", "poss"))):
                cluster = ctx.refer(part)
                if cluster is not None and ctx.type_of(cluster) == "Organization":
                    return cluster
    return None


def group_mentions(ctx: DocContext, mentions: list[IncidentMention],
                   published: int | None = None) -> tuple[list[LocalIncident], list[int]]:
    """Local incidents, and each mention's incident index.

    A dated mention joins an undated incident only when its year is the article's own year: "In 2011,
    the network was broken into" in a 2014 story (or an undated one) is another, older incident.
    """
    incidents: list[LocalIncident] = []
    of_mention = [-1] * len(mentions)
    for n, m in enumerate(mentions):
        if m.victim is None:
            continue
        for k, incident in enumerate(incidents):
            if m.victim in incident.victims and (m.year in (None, incident.year) or (
                    incident.year is None and (m.year == published or not m.fronted))):
                incident.year = incident.year or m.year
                of_mention[n] = k
                break
        else:
            incidents.append(LocalIncident([m.victim], m.year))
            of_mention[n] = len(incidents) - 1
        for other in ([m.owner] if m.owner is not None else []) + m.also:
            if other not in incidents[of_mention[n]].victims:
                incidents[of_mention[n]].victims.append(other)
    # Incidents that only a fronted, earlier year sets apart ("In December 2015, hackers cut ...") are
    # background; undated mentions belong to the story's own incident, made victimless if need be.
    background = {of_mention[n] for n, m in enumerate(mentions)
                  if of_mention[n] >= 0 and m.fronted and m.year is not None and m.year != published}
    undated = [n for n, m in enumerate(mentions) if of_mention[n] < 0 and m.year is None]
    if (not incidents and mentions) or (incidents and undated and set(range(len(incidents))) <= background):
        incidents.append(LocalIncident([], next((m.year for m in mentions if m.year and not m.fronted), None)))
        of_story = len(incidents) - 1
    else:
        of_story = None
    main = _main(incidents, of_mention) if of_story is None else of_story
    for n, m in enumerate(mentions):
        if of_mention[n] >= 0:
            continue
        previous = [k for k in range(n - 1, -1, -1) if of_mention[k] >= 0 and mentions[k].sent >= m.sent - 1
                    and (m.year is not None or of_mention[k] not in background)]
        if m.year is not None:
            dated = [k for k, inc in enumerate(incidents) if inc.year == m.year]
            if not dated and m.fronted:  # "In December 2015, hackers cut electricity ...": an earlier event
                incidents.append(LocalIncident([], m.year))
                dated = [len(incidents) - 1]
            of_mention[n] = dated[0] if dated else (of_mention[previous[0]] if previous else main)
        else:
            of_mention[n] = of_mention[previous[0]] if previous else main
    for n, m in enumerate(mentions):
        incidents[of_mention[n]].mentions.append(m)
        if m.label and m.label not in incidents[of_mention[n]].names:
            incidents[of_mention[n]].names.append(m.label)
    for incident in incidents:
        said = incident.year is not None  # a year the text gives, before the publication year stands in
        incident.year = incident.year or published
        dates = [(d, m.sent) for m in incident.mentions for d in [ctx.date_near(ctx.doc[m.token])] if d
                 and (incident.year is None or d.startswith(str(incident.year)))]
        if dates:
            (incident.date, incident.date_sent), incident.date_basis = max(dates, key=lambda d: len(d[0])), "text"
        elif said:
            incident.date, incident.date_basis = str(incident.year), "text"
            incident.date_sent = next((m.sent for m in incident.mentions if m.year == incident.year), None)
        elif incident.year:  # nothing in the text: the article's own date, marked as such
            incident.date = ctx.published.isoformat() if ctx.published else str(incident.year)
            incident.date_basis = "published"
    return incidents, of_mention


def main_incident(incidents: list[LocalIncident]) -> int | None:
    if not incidents:
        return None
    return max(range(len(incidents)), key=lambda k: (len(incidents[k].mentions), -k))


def _main(incidents: list[LocalIncident], of_mention: list[int]) -> int:
    counts = [of_mention.count(k) for k in range(len(incidents))]
    return max(range(len(incidents)), key=lambda k: (counts[k], -k)) if incidents else -1


_MEMORY_VERBS = {"recall", "remember", "imagine", "know"}


def _not_recalled(token: Token) -> bool:
    """'he could not recall an attack of this scale on a bank', 'I don't know of a hack like it': a
    comparison with attacks no one remembers, not this attack denied."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    return token.dep_ in ("dobj", "pobj") and any(c.lower_ in ("a", "an", "any") for c in token.children) \
        and verb.lemma_.lower() in _MEMORY_VERBS and any(c.dep_ == "neg" for c in verb.children)


def _specific(token: Token) -> bool:
    """A definite or named attack ("the attack", "Monday's hack", "a massive cyber attack"), not "attacks"."""
    if token.tag_ in ("NNS", "NNPS"):
        return any((c.dep_ in ("det", "poss") and c.lower_ not in ("no", "any"))
                   or (c.dep_ in ("compound", "amod") and c.pos_ == "PROPN") for c in token.children)
    return True


_QUALIFIED = {"incident", "event", "campaign", "operation", "attempt", "spree", "wave"}
# The lemmas of the verbs `_victim_list`, `_ransom_paid` and `_attack_verb` look at besides the lexicon's lists.
_ANY_VERB = {"include", "be", "pay", "leak", "break", "gain", "get", "obtain", "sneak", "slip", "creep", "worm", "steal",
             "exfiltrate", "take"}


def _qualified_incident(token: Token) -> bool:
    """'a cyber incident', 'the security incident', 'a ransomware event' (an outage alone is no attack)."""
    if token.lemma_.lower() not in _QUALIFIED:
        return False  # "a phishing campaign", "blackmail attempts", "a hacking spree"
    qualifiers = {"cyber", "cybersecurity", "cyber-security", "security", "hacking", "ransomware", "malicious", "breach",
                  "hack", "phishing", "malware", "spear-phishing", "espionage", "cyber-espionage", "blackmail",
                  "extortion", "ddos"}
    if token.lemma_.lower() not in ("incident", "event"):
        qualifiers -= {"security"}
    return any(c.dep_ in ("amod", "compound") and c.lower_ in qualifiers for c in token.children)


def _compound_inside(token: Token, nouns: set[str]) -> bool:
    """'hack' in 'hack attack' is part of one trigger: count only the head."""
    return token.dep_ == "compound" and token.head.lemma_.lower() in nouns


def _attack_verb(token: Token, sent, ctx: DocContext | None = None) -> bool:
    lex = lexicon(token.doc)
    lemma = token.lemma_.lower()
    if lemma in lex["attack_verb_strong"]:
        return True
    if lemma == "leak" and token.tag_ in ("VBD", "VBN", "VBG"):
        return True  # "the files were leaked", "had leaked customer sessions": what leaked is out, whoever did it
    if lemma == "break" and any(c.lower_ == "into" for c in token.children):
        return True
    if lemma in ("gain", "get", "obtain") and any(c.dep_ == "dobj" and c.lemma_.lower() == "access"
                                                  for c in token.children) and (
            ctx is None or cyber_sentence(sent)):
        return True  # "had gained access to its email environment"
    if lemma in IMPACT_VERBS and ctx is not None and _done_by_attackers(ctx, token):
        return True  # "the WannaCry worm disrupted FedEx", "attackers used X to lock up files at Y"
    if lemma in ("sneak", "slip", "creep", "worm") and any(c.lower_ == "into" for c in token.children) \
            and not any(c.dep_ == "dobj" for c in token.children) and cyber_sentence(sent):
        return True  # "the ransomware sneaked into the hospital's network"
    if lemma not in lex["attack_verb_needs_cyber"] and lemma not in ("steal", "exfiltrate", "take"):
        return False  # (before the subtree walk below, which no other verb needs)
    # "attacked by hackers", "hit by Grimlock" (a malware or a threat actor the text names)
    by_attackers = any(
        c.dep_ in ("agent", "nsubj") and any(g.lower_ in _DOERS or (
            ctx is not None and (k := ctx.cluster_at(g)) is not None and ctx.type_of(k) in ("Malware", "ThreatActor"))
            for g in c.subtree) for c in token.children) or (ctx is not None and _done_by_attackers(ctx, token))
    if lemma in lex["attack_verb_needs_cyber"]:
        cyber = set(lex["cyber_context"])
        # "were attacked by Grimlock, which encrypted ...": any agent of a passive attack in a cyber sentence
        passive_agent = token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children)
        # "Within days of the Acme attack, Borealis and Cinder were also targeted": a passive beside an attack word
        beside_attack = token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children) and any(
            t.lemma_.lower() in lex["attack_nouns"] and t.pos_ == "NOUN" for t in sent)
        return any(t.lower_ in cyber for t in sent) and (by_attackers or passive_agent or beside_attack)
    if lemma in ("steal", "exfiltrate", "take"):
        taken_from = lemma != "take" and any(c.dep_ == "prep" and c.lower_ == "from" for c in token.children)
        return by_attackers or taken_from or (token.tag_ == "VBN" and any(g.lower_ in _DOERS for g in sent))
    return False


_ATTACKERS = {"hackers", "hacker", "attackers", "attacker", "intruders", "criminals", "cybercriminals", "gang",
              "extortionists", "scammers", "fraudsters", "thieves", "cyberthieves", "crooks"}


# Who may do an attack verb: the attackers, and a ransomware or a threat actor named as the doer
_DOERS = _ATTACKERS | {"ransomware", "actor", "actors"}


_MALWARE_WORDS = {"malware", "virus", "ransomware", "worm", "trojan", "variant", "botnet", "wiper"}


def _done_by_attackers(ctx: DocContext, token: Token) -> bool:
    """The subject of `token` (up its chain of xcomp/advcl/conj verbs) or its agent is attackers, a malware or
    a threat actor."""
    verb = token
    while True:
        doers = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
        # up "appear to have accessed", "was responsible for hijacking" (pcomp, prep, acomp) too
        if doers or verb.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "prep", "acomp") or verb.head is verb:
            break
        verb = verb.head
    # "a ransomware virus has paralysed X", "knocked out by a complex virus": what malware did, it did; not what
    # malware does in general ("ransomware encrypts files"), nor a name with such a word ("Acme Anti-Virus left ...")
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.lower_ in ("has", "have", "had", "was", "were", "been")
                                                            for c in verb.children))
    return any(g.lower_ in _ATTACKERS or (past and g.text in _MALWARE_WORDS and ctx.cluster_at(g) is None) or (
        (k := ctx.cluster_at(g)) is not None and ctx.type_of(k) in ("Malware", "ThreatActor"))
        for c in doers for g in c.subtree)


_IDIOM_OBJECTS = {"advantage", "aim", "note", "part", "place", "look", "time", "care", "step", "action"}
_ABILITY_NOUNS = {"method", "way", "tool", "means", "ability", "capability", "technique", "chance", "opportunity"}


def _generic_clause(token: Token) -> bool:
    """'the second time that X had been targeted', 'helps victims of breaches': no one event; nor what a flaw
    'could allow attackers to' do ('allows an attacker to take over a DVR'): a capability, not an attack;
    nor what attackers 'will then use to infiltrate', 'methods to hack', 'took advantage of'."""
    if token.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() in _IDIOM_OBJECTS
                                              for c in token.children):
        return True  # "took advantage of X", "take aim at X": an idiom, no taking
    verb = token  # a modal or "if" on a clause the attack word hangs from: "which they will use to infiltrate X"
    while verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep", "acl", "relcl") and verb.head is not verb:
        verb = verb.head
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if auxes & _MODALS and not auxes & {"have", "'ve", "been"} or any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
            return True
        if verb.pos_ == "NOUN" and verb.lemma_.lower() in _ABILITY_NOUNS:
            return True  # "methods to hack computers running X", "the ability to take over Y"
    auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _MODALS and not auxes & {"have", "'ve", "been"}:
        return True  # "attackers could compromise X", "can take over Y": what may happen; "may have stolen" did
    verb = token
    while verb is not None:  # "if money was stolen from their account", "asked if they had been targeted"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
            return True
        verb = verb.head if verb.dep_ in ("conj", "xcomp", "auxpass", "aux") and verb.head is not verb else None
    return any((a.lemma_ in ("time", "victim", "risk", "threat") and a.pos_ == "NOUN")
               or (a.lemma_ in ("allow", "enable", "let", "permit") and a.pos_ == "VERB") for a in token.ancestors)


_MODALS = {"could", "can", "may", "might", "would", "should", "will", "must"}


_SYSTEM_WORDS = {"server", "servers", "software", "system", "systems", "router", "routers", "database", "databases",
                 "network", "networks", "website", "site", "platform", "email", "app", "cloud"}


def _fell_victim(ctx: DocContext, token: Token) -> int | None:
    """'Lakeside Clinic has fallen victim to a ransomware attack': the subject of 'fall victim to' was hit."""
    to = token.head
    if token.dep_ != "pobj" or to.lower_ not in ("to", "of"):
        return None
    victim_word = to.head  # "fell victim to", "was subject to", "was the target of"
    if to.lower_ == "of" and victim_word.lemma_.lower() not in ("target", "victim"):
        return None
    verb = victim_word.head if victim_word.lemma_.lower() in ("victim", "subject", "target", "prey") else victim_word
    if verb.lemma_.lower() not in ("fall", "become", "be"):
        return None
    if any(c.dep_ == "amod" and c.lemma_.lower() in _HABITUAL for c in victim_word.children):
        return None  # "X was itself a frequent target of cyber attacks": what tends to happen, not this attack
    return _best_in(ctx, [g for c in verb.children if c.dep_ == "nsubj" for g in c.subtree])


_HABITUAL = {"frequent", "regular", "common", "favourite", "favorite", "popular", "prime", "potential", "likely",
             "possible", "attractive", "easy", "constant", "perennial", "repeated"}


def _noun_victim(ctx: DocContext, token: Token, compounds: bool = True) -> int | None:
    """The victim an attack noun names. Without `compounds`, not from words in front of it: "Android
    attacks", "DoS attacks" name a kind of attack, not a victim."""
    fell = _fell_victim(ctx, token)
    if fell is not None:
        return fell
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "against", "at", "of", "targeting", "into"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if any(c.lemma_.lower() in _WEAKNESSES for c in objects):
                continue  # "attacks against a zero-day flaw in X": the flaw is attacked, not X's owner
            hung = _hung(objects)
            victim = _best_in(ctx, [g for c in objects for g in c.subtree if g.i not in hung])
            if victim is not None:
                return victim
        if child.dep_ in ("compound", "poss", "nmod", "amod") and compounds:
            # "the WannaCry ransomware attack": the attack's (or its malware's) name, not its victim
            victim = _best_in(ctx, [t for t in child.subtree if not _names_the_attack(t, ctx)])
            # a product before "attack" is the attack's kind ("DoS attacks"), unless a system is named
            # with it ("the Exchange email server hacks")
            system = any(t.lower_ in _SYSTEM_WORDS for t in child.subtree)
            if victim is not None and ctx.type_of(victim) not in ("ThreatActor", "Malware") and (
                    ctx.type_of(victim) != "Product" or system):
                return victim
    for clause in token.children:  # "an attack that knocked out the studio's network", "...spread to hit X"
        if clause.dep_ != "relcl":
            continue
        for verb in [clause, *(c for c in clause.subtree if c.dep_ in ("xcomp", "conj", "advcl") and c.pos_ == "VERB")]:
            if verb.lemma_ in IMPACT_VERBS:
                victim = _best_in(ctx, [g for c in verb.children if c.dep_ in ("dobj", "prep") for g in c.subtree])
                if victim is not None:
                    return victim
    hirer = _hirer(ctx, token)
    if hirer is not None:
        return hirer
    coping = _coping(ctx, token)
    if coping is not None:
        return coping
    head = token.head
    if token.dep_ in ("nsubj",) and head.lemma_ in IMPACT_VERBS:  # "an attack disrupted production at its plants"
        objects = [c for c in head.children if c.dep_ in ("dobj", "prt")]
        hung = _hung(objects)
        victim = _best_in(ctx, [g for c in objects for g in c.subtree if g.i not in hung])
        return victim if victim is not None else _best_in(
            ctx, [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "across", "of")
                  for g in c.subtree])
    if token.dep_ == "nsubj" and head.lemma_.lower() == "cost":  # "the breach cost Acme $4 million": Acme paid for it
        victim = _best_in(ctx, [g for c in head.children if c.dep_ == "dative" for g in c.subtree])
        if victim is not None:
            return victim
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in ("occur", "happen", "take") and (
            head.lemma_.lower() != "take" or any(c.lower_ == "place" for c in head.children)):
        # "the breach occurred at Acme's stores", "the attack took place at the Riverton plant"
        victim = _best_in(ctx, [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "on")
                                for g in c.subtree])
        if victim is not None:
            return victim
    if token.dep_ == "dobj" and head.lemma_ in SUFFER_VERBS:
        victim = _best_in(ctx, [g for c in head.children if c.dep_ == "nsubj" for g in c.subtree])
        if victim is not None and head.lemma_ == "confirm" and ctx.clusters[victim].kind in _OBSERVERS:
            return None  # "a breach-notification site has confirmed the breach": it saw, it was not hit
        return victim
    if token.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in ("be", "come", "remain") \
            and not _generic_clause(head.head):  # not "the first time X has come under attack"
        # "Acme Bank is under attack", "Riverton came under a cyber attack": the subject is the one attacked
        # (not where it is: "the specialists in Riverton were under attack")
        subjects = [c for c in head.head.children if c.dep_ == "nsubj"]
        where = {g.i for c in subjects for p in c.children if p.dep_ == "prep" and p.lower_ in ("in", "at")
                 for g in p.subtree}
        victim = _best_in(ctx, [g for c in subjects for g in c.subtree if g.i not in where])
        if victim is not None:
            return victim
    if token.dep_ == "dobj" and head.lemma_.lower() in _WITHSTOOD:
        # "the trust repelled five ransomware attacks", "X reported four attacks in 2016": attacks on X
        victim = _organization_at(ctx, head, "nsubj")
        return victim if victim is not None and ctx.clusters[victim].kind not in (
            "security firm", "news outlet", "government agency") else None
    if token.dep_ == "pobj" and head.lower_ in ("by", "with") and head.head.pos_ == "VERB" and (
            head.lower_ == "by" or head.head.lemma_.lower() in IMPACT_VERBS):  # "it was hit with a ransomware attack"
        verb = head.head
        return _best_in(ctx, [g for c in verb.children if c.dep_ in ("nsubjpass", "nsubj") for g in c.subtree])
    return None


def _hung(phrases: list[Token]) -> set[int]:
    """Tokens of the clauses hung inside phrases: "facilities that were running X" names the facilities, not X."""
    return {g.i for c in phrases for t in c.subtree if t.dep_ in ("relcl", "acl") for g in t.subtree}


def _names_the_attack(token: Token, ctx: DocContext | None = None) -> bool:
    """A one-word name glued in mixed case ("GrimLock", "NightWorm") before "attack" names malware, unless the
    text makes it an organisation ("the AcmeShop breach")."""
    if ctx is not None and (k := ctx.cluster_at(token)) is not None and ctx.type_of(k) == "Organization":
        return False
    word = token.text
    return token.pos_ == "PROPN" and not any(c.dep_ == "compound" for c in token.children) and any(
        a.islower() and b.isupper() for a, b in zip(word, word[1:]))


def _whose_victim(ctx: DocContext, token: Token) -> int | None:
    """'the companies whose networks were breached': whose networks, the noun the clause hangs from says; and
    when that noun lists what a subject is among ("A and B were among the companies whose ...", "A was one of
    the firms whose ..."), the subject's."""
    noun = token.head
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head
    outer = noun.head
    if noun.dep_ == "pobj" and outer.lower_ in ("among", "of"):
        if outer.lower_ == "of" and outer.head.lower_ == "one":
            outer = outer.head
        be = outer.head
        if be.lemma_ in ("be", "include", "rank") or outer.dep_ in ("attr", "prep") and be.lemma_ == "be":
            return _best_in(ctx, [g for c in be.children if c.dep_ in ("nsubj", "nsubjpass") for g in c.subtree])
    return _best_in(ctx, [g for g in noun.subtree if g.i < token.left_edge.i and g.pos_ == "PROPN"])


def _verb_victim(ctx: DocContext, token: Token) -> int | None:
    if token.dep_ == "relcl" and any(g.lower_ == "whose" for c in token.children if c.dep_ in ("nsubj", "nsubjpass")
                                     for g in c.children):
        return _whose_victim(ctx, token)
    subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
    objects = [c for c in token.children if c.dep_ == "dobj"]
    places = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "into", "at", "of")
              for g in c.subtree]
    if token.lemma_.lower() in ("gain", "get", "obtain"):  # "gained access to X's systems": what it was gained to
        objects = []
        places = [g for c in token.children for p in ([c] if c.dep_ == "prep" else c.children)
                  if p.dep_ == "prep" and p.lower_ == "to" for g in p.subtree]
    if token.lemma_.lower() in ("steal", "exfiltrate", "take", "leak"):
        # what was stolen is loot, never a named victim itself: not "... in Moldova, Ruritania and Borealia
        # was stolen" (a list the parser made the subject); its owner may be ("Acme's records were stolen")
        subjects = [c for c in subjects if ctx.cluster_at(c) is None]
    for group in (subjects, objects):
        group = [c for c in group if c.lemma_.lower() not in _WEAKNESSES]  # "targeted an SMB flaw": no victim
        # not from a clause hung on the object: "cut power to 230,000 people, an attack Kiev blamed on Russia"
        hung = {g.i for c in group for t in c.subtree if t.dep_ in ("appos", "relcl", "acl") and t.head.i != c.i
                or (t.dep_ in ("appos", "relcl") and t.head.i == c.i) for g in t.subtree}
        victim = _best_in(ctx, [g for c in group for g in c.subtree if g.i not in hung])
        if victim is not None and not _is_loot_owner(ctx, victim, group):
            return victim
    victim = _best_in(ctx, places)
    if victim is not None:
        return victim
    if any(c.lemma_.lower() in LOOT for c in subjects + objects):
        speaker = _speaker(ctx, token)  # "data was stolen from its systems, Acme said"; not "..., the FBI says"
        return speaker if speaker is None or ctx.clusters[speaker].kind not in _OBSERVERS + ("government agency",) \
            else None
    return None


# Kinds of organisation that report, investigate or host what happened to others.
_OBSERVERS = ("security firm", "news outlet", "platform")
_COPING_VERBS = {"recover", "contain", "struggle", "scramble", "restore", "deal", "cope", "grapple", "reel", "battle",
                 "fight"}


def _coping(ctx: DocContext, token: Token) -> int | None:
    """'X was forced offline to contain a ransomware attack', 'X is recovering from the hack': who copes with an
    attack was hit (not an outlet or a security firm, which help others)."""
    for ancestor in token.ancestors:
        if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in _COPING_VERBS:
            verb = ancestor
            while not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.dep_ in (
                    "xcomp", "advcl", "conj") and verb.head is not verb:
                verb = verb.head
            for dep in ("nsubj", "nsubjpass"):
                victim = _organization_at(ctx, verb, dep)
                if victim is not None and ctx.clusters[victim].kind not in ("security firm", "news outlet"):
                    return victim
            return None
    return None


_WITHSTOOD = {"repel", "thwart", "block", "fend", "withstand", "survive", "endure", "report", "record", "see",
              "weather", "fight"}
_WEAKNESSES = {"vulnerability", "flaw", "bug", "exploit", "weakness", "hole", "loophole", "protocol"}


def _hirer(ctx: DocContext, token: Token) -> int | None:
    """'Optus has appointed Deloitte to review the cyber attack': who brings in help was the one hit."""
    hire = ctx.lexicon.words("hire_verbs") - {"call", "bring"}
    for ancestor in token.ancestors:
        if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in hire | {"appoint"}:
            return _organization_at(ctx, ancestor, "nsubj")
    return None


def _is_loot_owner(ctx: DocContext, victim: int, heads: list[Token]) -> bool:
    """'research on Trump' is what was taken, not whom it was taken from."""
    return any(h.lemma_.lower() in LOOT and ctx.type_of(victim) == "Person" for h in heads)


# What investigators do to other people's networks as well as to their own.
_FOUND_BY_OTHERS = {"find", "detect", "discover", "notice"}


def _speaker(ctx: DocContext, token: Token, own: bool = False) -> int | None:
    """The organisation that says it happened: 'Yahoo said ... data was stolen'. With `own`, only one that
    speaks of itself: not an outlet, a security firm or an agency, which report other people's incidents."""
    for ancestor in token.ancestors:
        lemma = ancestor.lemma_.lower()
        if lemma in SAY_VERBS | SUFFER_VERBS:
            if own and lemma in _FOUND_BY_OTHERS:
                return None  # "the agency said it had found malware on the networks of energy companies"
            if own and lemma not in SUFFER_VERBS and not any(
                    t.lower_ in ("its", "it", "our", "we", "us") for t in token.subtree):
                return None  # "SBU said the attack ...": a speaker, not a victim; "Acme said its network ..."
            speaker = _organization_at(ctx, ancestor, "nsubj")
            if speaker is not None and own and ctx.clusters[speaker].kind in (
                    "security firm", "news outlet", "government agency", "platform"):
                return None
            if speaker is not None:
                return speaker
    return None


_STATE_NOUNS = {"government", "grid", "infrastructure", "military", "ministry", "agency", "parliament", "election",
                "army", "embassy", "state", "navy", "administration", "cabinet", "elections"}
_USERS_OF = {"user", "device", "installation", "server", "node", "customer", "phone", "computer", "machine", "owner",
             "subscriber", "deployment", "instance", "site", "website", "app", "player", "client"}


_TECH_HEADS = _USERS_OF | {"member", "account", "protocol", "channel", "format", "file", "type", "patient", "employee",
                            "guest", "smartphone", "pc", "ally", "partner", "neighbour", "neighbor"}


def _users_of(token: Token) -> bool:
    """A name in front of a users' or a technical noun, through a list ("X and Y devices"): the users or the
    devices were hit, not the maker; unless a technical noun is counted ("millions of X accounts", a mass breach
    of the accounts X keeps hits X itself)."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ not in ("compound", "amod", "nmod") or token.head.lemma_.lower() not in _TECH_HEADS:
        return False
    head = token.head
    if token.dep_ == "compound" and head.tag_ == "NNS" and head.lemma_.lower() in _USERS_OF:
        return True  # "attacks against Quillmark users": the users are hit, however many
    counted = any(c.dep_ == "nummod" for c in head.children) or (
        head.dep_ == "pobj" and head.head.lower_ == "of"
        and head.head.head.lower_ in ("millions", "thousands", "billions", "hundreds"))
    return not counted


# What software, systems and files are called: a list of them names products and formats, not their makers.
_THINGS = {"product", "system", "software", "platform", "version", "application", "app", "format", "type", "file",
           "device", "browser", "tool"}


def _example_of_things(token: Token) -> bool:
    """'file types, including PDF and XLS', 'platforms such as X': examples of a kind of thing."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("including", "like", "as"):
        return False
    kind = prep.head.head if prep.lower_ == "as" and prep.head.lower_ == "such" else prep.head
    return kind.lemma_.lower() in _THINGS


def _best_in(ctx: DocContext, tokens: list[Token]) -> int | None:
    """The entity nearest the head of a phrase; a product beats its maker at equal depth."""
    best, best_key = None, None
    for token in tokens:
        cluster = ctx.refer(token)
        if cluster is None or ctx.type_of(cluster) in ("ThreatActor", "Malware"):
            continue
        first = token  # "in Moldova, Ruritania and Borealia": each country of the list, as the first
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        if ctx.type_of(cluster) == "Country" and (
                (first.dep_ == "pobj" and first.head.lower_ in ("in", "across", "throughout")
                 and first.head.head.tag_ == "NNS") or
                (token.dep_ in ("compound", "amod", "nmod") and token.head.tag_ == "NNS")
                or (token.dep_ in ("compound", "amod", "nmod", "npadvmod") and token.head.pos_ in ("NOUN", "VERB", "ADJ")
                    and token.head.lemma_.lower() not in _STATE_NOUNS)
                or (token.dep_ == "pobj" and token.head.lower_ in ("in", "across", "throughout")
                    and token.head.head.tag_ == "NNS")):
            # "U.S. agencies", "organisations in the United States", "a UK bank", "US-based companies": where
            # the victims are, not who; "the Ukrainian power grid", "the Estonian government" are the state's
            continue
        if ctx.type_of(cluster) == "Country" and (
                token.dep_ == "poss" and token.head.lemma_.lower() not in _STATE_NOUNS
                and not (token.head.lower_ in ("system", "network") and token.head.tag_ == "NN")
                or (token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ == "PROPN"
                    and ctx.cluster_at(token.head) != cluster)  # "the UK Foreign Office", "US NGOs": theirs
                or any(a.dep_ == "prep" and a.lower_ in ("from", "inside", "in", "across", "throughout")
                       for a in token.ancestors if a in tokens)):
            continue  # "Moldova's banks", "networks ... from locations inside Moldova": where, not who
        if ctx.type_of(cluster) == "Product" and token.dep_ in ("compound", "nmod") and token.head.pos_ == "NOUN" \
                and token.head.lemma_.lower() in ("system", "network", "server", "database") \
                and ctx.cluster_at(token.head) is None:
            continue  # "the QRS system", "the clinic's HR network": the kind of system hit, not a product named
        if _users_of(token) or _example_of_things(token):
            continue  # "attacks on Acme DB installations", "Quillmark and Halvard devices": the users, not the maker
        if token.head.lower_ in ("based", "powered", "driven", "enabled", "connected", "run"):
            continue  # "Unix-based servers", "Acme-powered devices": the kind of system, not whose it is
        depth = sum(1 for a in token.ancestors if a in tokens)
        indirect = ctx.cluster_at(token) is None  # a pronoun or "the company": a named one is better
        key = (depth, indirect, 0 if ctx.type_of(cluster) == "Product" else 1)
        if best_key is None or key < best_key:
            best, best_key = cluster, key
    return best
