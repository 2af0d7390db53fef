"""Domain entities on top of spaCy's NER: threat actors, countries, films, outlets, products.

Each finder proposes `Candidate` spans with a type and a priority; `choose` keeps the best
non-overlapping set, and `vote_types` makes every mention of one name agree on its type.
Patterns come from cue words in lexicon.json and from data (countries, ATT&CK groups); no names.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.nlp.gazetteer import gazetteer, lexicon
from kg.resolve.keys import alias_key

NER_TYPES = {"ORG": "Organization", "PERSON": "Person", "PRODUCT": "Product"}
QUOTES_OPEN = {'"', "“", "‘", "'", "``"}
QUOTES_CLOSE = {'"', "”", "’", "'", "''"}
_ACTOR_CODE = re.compile(r"^(?:APT|UNC|TA|FIN|DEV-|Storm-|TEMP\.|G)\d{1,4}$")
_LOWER_INSIDE = {"of", "the", "for", "and", "on", "in", "de", "&"}


@dataclass
class Candidate:
    start: int  # token offsets in the doc
    end: int
    type: str
    priority: int
    rule: str


def find_candidates(doc: Doc) -> list[Candidate]:
    found: list[Candidate] = []
    for finder in (_from_ner, _government_seats, _countries, _attack_groups, _named_actors, _hacked_by, _hashtags, _actor_codes,
                   _gang_names, _films, _outlets, _products, _units, _platforms, _software, _appositions, _owners):
        found.extend(finder(doc))
    return found


# ---- finders ---------------------------------------------------------------------------------


def _government_seats(doc: Doc) -> list[Candidate]:
    """'The Kremlin denied any role': the seat of a government stands for its country."""
    seats = {k: v for k, v in lexicon()["government_seats"].items() if k != "about"}
    out = []
    for start, end in _capitalised_runs(doc, max_len=3):
        if doc[start:end].text in seats and gazetteer().country(seats[doc[start:end].text]):
            out.append(Candidate(start, end, "Country", 4, "government-seat"))
    return out


def _from_ner(doc: Doc) -> list[Candidate]:
    out = []
    for ent in doc.ents:
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end:
            continue
        text = doc[start:end].text
        if ent.label_ in ("GPE", "NORP", "LOC"):
            if gazetteer().country(text) and _as_country(doc, start, end):
                out.append(Candidate(start, end, "Country", 3, "ner-country"))
            continue
        kind = NER_TYPES.get(ent.label_)
        if ent.label_ == "WORK_OF_ART":
            kind = "Film" if _film_context(doc, start, end) else None
        if kind == "Person" and _looks_like_org(doc[start:end]):
            kind = "Organization"
        if kind:
            # A lone word tagged PERSON is the model's weakest guess ("Mandiant", "Annie"): it loses every vote.
            weak = kind == "Person" and end - start == 1
            # "U.S. Treasury Department", "Russian Foreign Ministry": a body named after its country is a body.
            body = kind == "Organization" and end - start > 1 and doc[end - 1].lower_ in _BODY_HEADS
            out.append(Candidate(start, end, kind, 4 if body else 0 if weak else 1, f"ner-{ent.label_.lower()}"))
    return out


def _countries(doc: Doc) -> list[Candidate]:
    gaz = gazetteer()
    out = []
    for start, end in _capitalised_runs(doc, max_len=6):
        for s in range(start, end):
            for e in range(end, s, -1):
                text = doc[s:e].text
                country = gaz.country(text)
                if country and text.lower() not in gaz.ambiguous_aliases and text[0].isupper() and _as_country(doc, s, e):
                    out.append(Candidate(s, e, "Country", 3, "gazetteer-country"))
                    break
    return out


def _attack_groups(doc: Doc) -> list[Candidate]:
    gaz = gazetteer()
    out = []
    for start, end in _capitalised_runs(doc, max_len=5):
        for s in range(start, end):
            for e in range(end, s, -1):
                text = doc[s:e].text
                # An alias that is also an English word ("Hafnium", "Equation") counts only as a proper noun.
                ambiguous = text.lower() in gaz.ambiguous_aliases
                if len(text) > 2 and gaz.group(text) and (not ambiguous or _proper_noun(doc, s, e)):
                    if _cyber_sentence(doc[s].sent) and not gaz.country(text):
                        out.append(Candidate(s, e, "ThreatActor", 4, "attack-alias"))
                    break
    return out


def _proper_noun(doc: Doc, start: int, end: int) -> bool:
    return all(t.pos_ == "PROPN" for t in doc[start:end]) and not doc[start].is_sent_start and doc[start].text[:1].isupper()


def _platforms(doc: Doc) -> list[Candidate]:
    """'posted on Facebook', 'its Twitter accounts', 'a Reddit thread': a platform is an organisation."""
    heads = {"handle", "handles", "account", "accounts", "thread", "threads", "page", "pages", "feed", "channel",
             "channels", "post", "posts", "profile", "forum", "group"}
    out = []
    for token in doc:
        if not (token.text[:1].isupper() and token.is_alpha and not token.is_sent_start):
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        before = doc[token.i - 1] if token.i > 0 else None
        posted_on = before is not None and before.lower_ == "on" and token.i > 1 and doc[token.i - 2].lemma_ in (
            "post", "publish", "write", "tweet", "share", "announce", "say", "appear", "circulate", "leak")
        if (after is not None and after.lower_ in heads and after.pos_ == "NOUN") or posted_on:
            out.append(Candidate(token.i, token.i + 1, "Organization", 2, "platform"))
    return out


_BODY_HEADS = {"department", "ministry", "embassy", "police", "agency", "service", "services", "bureau", "office",
               "command", "commission", "council", "committee", "authority", "administration", "court", "army",
               "navy", "forces", "parliament", "congress", "senate", "government", "directorate", "institute"}

_ORG_APPOSITIVES = {"company", "firm", "provider", "maker", "vendor", "business", "retailer", "operator", "agency",
                    "bank", "insurer", "utility", "distributor", "developer", "manufacturer", "publisher", "outlet",
                    "newspaper", "broadcaster", "site", "giant", "conglomerate", "startup", "start-up", "group",
                    "organisation", "organization", "charity", "university", "hospital", "carrier", "airline",
                    "subsidiary", "unit", "division", "contractor", "supplier", "platform", "network", "chain"}


def _owners(doc: Doc) -> list[Candidate]:
    """'bought in 2022 by Optum', 'owned by Singtel': who buys or owns a company is an organisation."""
    out = []
    for token in doc:
        if token.lower_ == "by" and token.i > 0 and any(
                t.lemma_.lower() in ("buy", "acquire", "own", "purchase") for t in doc[max(0, token.i - 4):token.i]):
            name = _name_after(doc, token.i + 1, allow_quotes=False)
            if name:
                out.append(Candidate(*name, "Organization", 1, "owner"))
    return out


def _appositions(doc: Doc) -> list[Candidate]:
    """'Kaseya, a U.S. IT management company': what the text says a name is beats the model's guess."""
    out = []
    for start, end in _capitalised_runs(doc, max_len=4):
        if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an", "the"):
            continue
        for k in range(end + 2, min(end + 8, len(doc))):
            word = doc[k].lower_
            if doc[k].text in (",", ".", ";") or doc[k].pos_ == "VERB":
                break
            if word in _ORG_APPOSITIVES and (k + 1 >= len(doc) or doc[k + 1].pos_ != "NOUN"):
                out.append(Candidate(start, end, "Organization", 3, "apposition-org"))
                break
            if word in _PRODUCT_HEADS and (k + 1 >= len(doc) or doc[k + 1].pos_ != "NOUN"):
                out.append(Candidate(start, end, "Product", 3, "apposition-product"))
                break
    return out


_PRODUCT_HEADS = {"software", "platform", "server", "servers", "app", "application", "update", "updates", "malware",
                  "worm", "virus", "wiper", "trojan", "backdoor", "toolkit", "browser", "console", "firmware",
                  "router", "routers", "plugin", "plug-in", "ransomware", "spyware", "botnet", "exploit"}


def _software(doc: Doc) -> list[Candidate]:
    """'its Orion platform', 'the NotPetya malware', 'Exchange Server': software and malware are products."""
    out = []
    for start, end in _capitalised_runs(doc, max_len=4):
        after = doc[end] if end < len(doc) else None
        last = doc[end - 1].lower_
        named_head = last in {"server", "platform", "cloud", "os"} and end - start >= 2
        if (after is not None and after.lower_ in _PRODUCT_HEADS and after.pos_ in ("NOUN", "PROPN")) or named_head:
            if not doc[start].is_sent_start or end - start > 1:
                out.append(Candidate(start, end, "Product", 2, "software-name"))
    return out


def _named_actors(doc: Doc) -> list[Candidate]:
    """'a group that calls itself X', 'hackers known as X', 'X, a.k.a. Y'."""
    out = []
    cues = sorted((c.split() for c in lexicon()["named_cues"]), key=len, reverse=True)
    for i in range(len(doc)):
        for cue in cues:
            j = i + len(cue)
            if j > len(doc) or [t.lower_ for t in doc[i:j]] != [c.lower() for c in cue]:
                # spaCy splits "a.k.a." into "a.k.a" + "."
                if not (cue == ["a.k.a."] and doc[i].lower_ == "a.k.a"):
                    continue
                j = i + 1 + (i + 1 < len(doc) and doc[i + 1].text == ".")
            name = _name_after(doc, j)
            if name and _actor_context(doc, i):
                kind = "Product" if _software_context(doc, i) else "ThreatActor"
                out.append(Candidate(*name, kind, 5, "named-actor" if kind == "ThreatActor" else "named-software"))
                if doc[i].lower_.startswith("a.k.a") or doc[i].lower_ == "aka":
                    before = _name_before(doc, i)
                    if before:
                        out.append(Candidate(*before, "ThreatActor", 5, "named-actor"))
            break
    return out


def _hacked_by(doc: Doc) -> list[Candidate]:
    out = []
    for i in range(len(doc) - 2):
        if doc[i].lower_ in ("hacked", "owned", "pwned", "defaced") and doc[i + 1].lower_ == "by":
            name = _name_after(doc, i + 2)
            if name:
                out.append(Candidate(*name, "ThreatActor", 5, "hacked-by"))
    return out


def _hashtags(doc: Doc) -> list[Candidate]:
    out = []
    for i in range(len(doc) - 1):
        if doc[i].text == "#" and not doc[i].whitespace_ and doc[i + 1].is_alpha and _cyber_sentence(doc[i].sent):
            out.append(Candidate(i, i + 2, "ThreatActor", 4, "hashtag"))
    return out


def _actor_codes(doc: Doc) -> list[Candidate]:
    return [Candidate(t.i, t.i + 1, "ThreatActor", 4, "actor-code") for t in doc if _ACTOR_CODE.match(t.text)]


def _gang_names(doc: Doc) -> list[Candidate]:
    """'the DarkSide ransomware gang', 'a hacking group called X' is in _named_actors."""
    heads = {"gang", "crew", "cartel", "collective", "syndicate"}
    out = []
    for token in doc:
        qualified = token.lower_ == "group" and token.i > 0 and doc[token.i - 1].lower_ in (
            "ransomware", "hacking", "hacker", "cybercrime", "extortion", "threat", "apt", "espionage", "hacktivist")
        if token.lower_ not in heads and not qualified:
            continue
        k = token.i - 1
        while k >= 0 and doc[k].lower_ in ("ransomware", "hacking", "hacker", "cybercrime", "extortion", "threat",
                                           "apt", "espionage", "hacktivist", "criminal", "cyber"):
            k -= 1
        end = k + 1
        while k >= 0 and _name_token(doc[k]):
            k -= 1
        start = k + 1
        if start < end and not gazetteer().country(doc[start:end].text) and _cyber_sentence(token.sent):
            out.append(Candidate(start, end, "ThreatActor", 4, "gang-name"))
    return out


def _films(doc: Doc) -> list[Candidate]:
    out = []
    for start, end in _quoted_spans(doc):
        if _film_context(doc, start, end):
            out.append(Candidate(start, end, "Film", 4, "film-title"))
    return out


def _outlets(doc: Doc) -> list[Candidate]:
    """The name after 'according to' or 'told' is a source; unless NER says Person, an Organization."""
    out = []
    for token in doc:
        nxt = token.i + 1
        if token.lower_ == "to" and token.i > 0 and doc[token.i - 1].lower_ == "according":
            pass
        elif token.lemma_ == "tell" and token.pos_ == "VERB":
            pass
        else:
            continue
        name = _name_after(doc, nxt, allow_quotes=False)
        if name and not any(doc[k].ent_type_ == "PERSON" for k in range(*name)):
            out.append(Candidate(*name, "Organization", 2, "source-outlet"))
    return out


def _products(doc: Doc) -> list[Candidate]:
    heads = {"console", "network", "platform", "app", "software", "service", "browser", "system", "store"}
    out = []
    for start, end in _capitalised_runs(doc, max_len=4):
        nxt = doc[end] if end < len(doc) else None
        last = doc[end - 1]
        after = doc[end + 1] if end + 1 < len(doc) else None
        if nxt is not None and (nxt.lower_ in heads or (nxt.lower_ == "game" and after is not None and after.lower_ == "console")):
            if start > 0 and doc[start - 1].lower_ in ("’s", "'s") and doc[start - 1].tag_ == "POS":
                out.append(Candidate(start, end, "Product", 3, "product-of-org"))
        elif last.text in ("Network", "Platform", "Console", "Store") and end - start >= 2:
            out.append(Candidate(start, end, "Product", 2, "product-name"))
    return out


def _units(doc: Doc) -> list[Candidate]:
    """"Alphabet's Mandiant security unit": the capitalised name before a unit noun is an organisation."""
    units = set(lexicon()["unit_nouns"]) - {"group", "team", "service", "business"}
    out = []
    for start, end in _capitalised_runs(doc, max_len=4):
        k = end
        while k < len(doc) and k - end < 3 and doc[k].is_lower and doc[k].lower_ not in units and doc[k].is_alpha:
            k += 1
        if k < len(doc) and doc[k].lower_ in units and start > 0 and doc[start - 1].tag_ == "POS":
            out.append(Candidate(start, end, "Organization", 2, "unit-of-org"))
            owner = start - 2  # "Cisco's Talos unit": the owner is an organisation too
            if owner >= 0 and doc[owner].text[:1].isupper() and doc[owner].is_alpha:
                out.append(Candidate(owner, owner + 1, "Organization", 2, "unit-owner"))
    return out


# ---- choosing --------------------------------------------------------------------------------


def choose(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Best non-overlapping candidates: higher priority first, then longer."""
    taken = [False] * len(doc)
    chosen = []
    for c in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if c.start >= c.end or any(taken[c.start:c.end]) or not _acceptable(doc[c.start:c.end]):
            continue
        for k in range(c.start, c.end):
            taken[k] = True
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def propagate(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """A name found once is found everywhere in the article: the model often tags only some mentions."""
    names: dict[tuple[str, ...], Candidate] = {}
    for c in chosen:
        words = tuple(t.text for t in doc[c.start:c.end])
        if words[0][:1].isupper() or words[0] == "#":
            names.setdefault(words, c)
    taken = {k for c in chosen for k in range(c.start, c.end)}
    extra = []
    for words, c in names.items():
        n = len(words)
        for i in range(len(doc) - n + 1):
            if doc[i].text == words[0] and tuple(t.text for t in doc[i:i + n]) == words \
                    and not taken & set(range(i, i + n)) and _whole(doc, i, i + n):
                extra.append(Candidate(i, i + n, c.type, 0, "propagated"))
    return choose(doc, chosen + extra)


def _whole(doc: Doc, start: int, end: int) -> bool:
    """Not part of a longer capitalised name ("Sony" inside "Sony Corporation" is not a mention of Sony)."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return not (before is not None and before.text[:1].isupper() and before.is_alpha and not doc[start].is_sent_start) \
        and not (after is not None and after.text[:1].isupper() and after.is_alpha)


def vote_types(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """Every mention of one name takes the type its mentions vote for (weighted by priority)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for c in chosen:
        votes[alias_key(doc[c.start:c.end].text)][c.type] += c.priority
    for c in chosen:
        tally = votes[alias_key(doc[c.start:c.end].text)]
        best, weight = tally.most_common(1)[0]
        if best != c.type and weight > tally[c.type]:
            c.type = best
    return chosen


def to_spans(doc: Doc, chosen: list[Candidate]) -> list[Span]:
    return [Span(doc, c.start, c.end, label=c.type) for c in chosen]


# ---- helpers ---------------------------------------------------------------------------------


def _trim(doc: Doc, start: int, end: int, keep_the: bool = False) -> tuple[int, int]:
    """Drop determiners, quotes and punctuation at the edges (a title's own "The" stays with keep_the),
    and a sentence's first word when only its position capitalised it ("Faulty CrowdStrike update")."""
    if end - start > 1 and doc[start].is_sent_start and doc[start].tag_ in ("JJ", "RB", "VBG", "VBN", "VBD") \
            and doc[start + 1].text[:1].isupper():
        start += 1
    while start < end and (doc[start].text in ("the", "a", "an") or doc[start].text in QUOTES_OPEN or doc[start].is_punct
                           or (doc[start].text in ("The", "A", "An") and not (keep_the or (
                               not doc[start].is_sent_start and end - start > 1)))):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].text in QUOTES_CLOSE):
        end -= 1
    return start, end


def _acceptable(span: Span) -> bool:
    text = span.text
    if _dateline(span.doc, span.start, span.end):
        return False
    if len(span) == 1 and span[0].is_sent_start and span[0].tag_ in ("NN", "NNS") and not span.text.isupper():
        return False  # "Slot machines went dark": a common noun capitalised by its position
    if not text or len(span) > 10 or "\n" in text or not any(ch.isalpha() for ch in text):
        return False
    if text.lower() in lexicon()["generic_names"] or alias_key(text) in lexicon()["generic_names"]:
        return False
    return any(ch.isupper() for ch in text)


def _name_token(token) -> bool:
    text = token.text
    return (text[:1].isupper() or _ACTOR_CODE.match(text) is not None) and token.is_alpha | (
        "-" in text or "/" in text or text.isalnum()) and token.lower_ not in ("the", "a", "an")


def _capitalised_runs(doc: Doc, max_len: int) -> list[tuple[int, int]]:
    runs = []
    i = 0
    while i < len(doc):
        if doc[i].text[:1].isupper() and not doc[i].is_punct:
            j = i + 1
            while j < len(doc) and j - i < max_len and (
                doc[j].text[:1].isupper() or (doc[j].lower_ in _LOWER_INSIDE and j + 1 < len(doc) and doc[j + 1].text[:1].isupper())
                or (doc[j].text in ("-", ".") and not doc[j - 1].whitespace_ and j + 1 < len(doc) and doc[j + 1].text[:1].isupper())
            ) and "\n" not in doc[j - 1].whitespace_:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _name_after(doc: Doc, i: int, allow_quotes: bool = True) -> tuple[int, int] | None:
    """The name that starts at token i: a quoted string, a #hashtag, or a run of capitalised words."""
    if i >= len(doc):
        return None
    if allow_quotes and doc[i].text in QUOTES_OPEN:
        for j in range(i + 1, min(i + 12, len(doc))):
            if doc[j].text in QUOTES_CLOSE or doc[j].text == '"':
                start, end = _trim(doc, i + 1, j, keep_the=True)
                return (start, end) if start < end and doc[start].text[:1].isupper() else None
        return None
    if doc[i].text == "#" and i + 1 < len(doc) and not doc[i].whitespace_:
        return i, i + 2
    j = i
    while j < len(doc) and (_name_token(doc[j]) or (j > i and doc[j].like_num and _name_token(doc[j - 1])) or (
        doc[j].lower_ in _LOWER_INSIDE and j > i and j + 1 < len(doc) and doc[j + 1].text[:1].isupper()
    ) or (doc[j].text == "/" and j > i and not doc[j].whitespace_ and not doc[j - 1].whitespace_)
            or (j > i and doc[j - 1].text == "/" and not doc[j - 1].whitespace_ and doc[j].is_alpha)):
        if doc[j].text != "/" and j > i and "\n" in doc[j - 1].whitespace_:
            break
        j += 1
        if j - i >= 6:
            break
    start, end = _trim(doc, i, j)
    return (start, end) if start < end else None


def _name_before(doc: Doc, i: int) -> tuple[int, int] | None:
    j = i - 1
    while j >= 0 and (doc[j].is_punct or doc[j].text in QUOTES_CLOSE):
        j -= 1
    end = j + 1
    while j >= 0 and (_name_token(doc[j]) or (doc[j].lower_ in _LOWER_INSIDE and j > 0 and doc[j - 1].text[:1].isupper())):
        j -= 1
    start, end = _trim(doc, j + 1, end)
    return (start, end) if start < end else None


def _quoted_spans(doc: Doc) -> list[tuple[int, int]]:
    spans = []
    i = 0
    while i < len(doc):
        if doc[i].text in QUOTES_OPEN:
            for j in range(i + 1, min(i + 12, len(doc))):
                if doc[j].text in QUOTES_CLOSE:
                    start, end = _trim(doc, i + 1, j, keep_the=True)
                    if start < end and all(_title_word(t) for t in doc[start:end]):
                        spans.append((start, end))
                    i = j
                    break
                if "\n" in doc[j].whitespace_:
                    break
        i += 1
    return spans


def _title_word(token) -> bool:
    return token.text[:1].isupper() or token.lower_ in _LOWER_INSIDE | {"to", "a", "an", "with", "her", "his", "my", "at"} \
        or token.is_punct or token.like_num


def _film_context(doc: Doc, start: int, end: int) -> bool:
    cues = set(lexicon()["film_cues"])
    window = doc[max(start - 4, doc[start].sent.start):start]
    if any(t.lower_ in cues for t in window):
        return True
    sent = doc[start].sent
    return any(t.lower_ in cues for t in sent) and (doc[start - 1].text in QUOTES_OPEN if start > 0 else False)


def _software_context(doc: Doc, i: int) -> bool:
    """'the malware, known as BlackEnergy': the thing named is software, not a group."""
    window = doc[max(doc[i].sent.start, i - 4):i]
    return any(t.lower_ in _PRODUCT_HEADS for t in window) and not any(
        t.lower_ in set(lexicon()["actor_nouns"]) for t in window)


def _actor_context(doc: Doc, i: int) -> bool:
    nouns = set(lexicon()["actor_nouns"])
    window = doc[max(doc[i].sent.start, i - 8):i]
    return any(t.lower_ in nouns for t in window) or _cyber_sentence(doc[i].sent) or doc[i].lower_.startswith("a.k.a")


def _cyber_sentence(sent: Span) -> bool:
    cues = set(lexicon()["cyber_context"]) | set(lexicon()["attack_nouns"])
    return any(t.lower_ in cues or t.lemma_ in cues for t in sent)


def _as_country(doc: Doc, start: int, end: int) -> bool:
    """A capital stands for its government ("Moscow denied"), not where something is ("an embassy in
    Moscow"), not part of a longer name ("The Washington Post") and not a dateline ("LONDON - ...")."""
    if alias_key(doc[start:end].text) not in gazetteer().capital_keys:
        return not _dateline(doc, start, end)
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if after is not None and (after.text[:1].isupper() and after.is_alpha and not after.is_sent_start):
        return False
    if before is not None and (before.lower_ in ("in", "at", "from", "near", "outside", "to", "of", "the")
                               or before.text[:1].isupper() and before.is_alpha and not doc[start].is_sent_start):
        return False
    return not _dateline(doc, start, end)


def _dateline(doc: Doc, start: int, end: int) -> bool:
    """'WASHINGTON - ...' at the start of a line."""
    at_line_start = start == 0 or "\n" in doc[start - 1].whitespace_ or doc[start - 1].is_space
    after = doc[end] if end < len(doc) else None
    return at_line_start and doc[start:end].text.isupper() and after is not None and after.text in ("-", "—", "–", ",")


def _looks_like_org(span: Span) -> bool:
    last = span[-1].lower_
    return last in set(lexicon()["org_suffixes"]) or (len(span) == 1 and span.text.isupper() and len(span.text) <= 5)
