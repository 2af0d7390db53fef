"""Domain entities on top of spaCy's NER: threat actors, countries, films, outlets, products.

Each finder (kg/nlp/finders.py) proposes `Candidate` spans with a type and a priority; `choose` keeps
the best non-overlapping set, `propagate` finds a name's other mentions, and `vote_types` makes every
mention of one name agree on its type.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc, Span

from kg.keys import alias_key
from kg.nlp.finders import FINDERS
from kg.nlp.lexicon import lexicon
from kg.nlp.spans import Candidate, dateline, operation_names, whole
from kg.nlp.tokens import Tokens, ent_types_of, ents_of, model_memo, tokens_of

__all__ = ["Candidate", "choose", "find_candidates", "propagate", "to_spans", "vote_types"]


def find_candidates(doc: Doc) -> list[Candidate]:
    """Every finder's proposals, overlapping and unranked. In a headline set in Title Case, where every word is
    capitalised and the model reads names everywhere ("Acme Airways Data Breach Incident"), only what data
    knows (a country, an ATT&CK group or malware) is a name; the body's names reach it by `propagate`."""
    found: list[Candidate] = []
    for finder in FINDERS:
        found.extend(finder(doc))
    end = title_case_headline(doc)
    if end:
        found = [c for c in found if c.start >= end or c.rule in _DATA_RULES]
    terms = defined_terms(doc) | operation_names(doc)
    table = tokens_of(doc)
    if terms:
        found = [c for c in found if table.span_text(c.start, c.end) not in terms]
    _drop_opening_words(table, found)
    return found


def _drop_opening_words(table: Tokens, found: list[Candidate]) -> None:
    """"Faulty Acme update crashes ...", "Hacked Quillmark update ...": a sentence's first word is no part of a
    name the text gives without it elsewhere, when it is a common word (the article writes it in lower case, or
    the model reads it as an adjective or a participle)."""
    starts = [c for c in found if c.end - c.start >= 2 and table.sent_start[c.start]]
    if not starts:
        return
    texts = {table.span_text(c.start, c.end) for c in found}
    lower_words = None
    for c in starts:
        if table.span_text(c.start + 1, c.end) not in texts:
            continue
        if lower_words is None:
            lower_words = {w for w in set(table.text) if w.islower()}
        if table.lower[c.start] in lower_words or table.tag[c.start] in ("JJ", "VBN", "VBD", "VBG"):
            c.start += 1


_TERM_HEADS = {"protocol", "protocols", "system", "information", "format", "formats", "language", "interface",
               "standard", "number", "code", "file", "device", "devices", "software", "technology", "systems"}


def defined_terms(doc: Doc) -> set[str]:
    """Acronyms the text defines as terms, not names: "protected health information (PHI)" (a lower-case
    expansion), "the File Transfer Protocol (FTP)" (an expansion ending in a technical head). Both the acronym
    and its expansion are then no entity; "the Ruritanian Health Service (RHS)" stays a name."""
    terms: set[str] = set()
    text = tokens_of(doc).text
    for k in range(2, len(doc) - 2):
        if text[k] != "(" or text[k + 2] != ")":
            continue
        acronym = text[k + 1]
        letters = acronym.lower()
        if not (2 <= len(acronym) <= 6 and acronym.isalpha() and sum(ch.isupper() for ch in acronym) >= 2):
            continue
        words = [t for t in doc[max(doc[k].sent.start, k - 10):k] if t.is_alpha
                 and t.lower_ not in ("the", "a", "an", "of", "and", "for")]
        tail = words[-len(letters):]
        if len(tail) != len(letters) or "".join(t.lower_[0] for t in tail) != letters:
            continue
        # "Quillmark Health Systems (QHS)" is a company (a capitalised company ending), "critical Industrial
        # Control Systems (ICS)" a kind of thing (an adjective before it)
        company = tail[-1].text[:1].isupper() and tail[-1].lower_ in lexicon(doc).words("org_suffixes") and not (
            tail[0].i > 0 and doc[tail[0].i - 1].tag_ == "JJ" and doc[tail[0].i - 1].is_lower)
        if all(t.is_lower for t in tail) or tail[-1].lower_ in _TERM_HEADS and not company:
            terms.update((acronym, " ".join(t.text for t in tail)))
    return terms


_DATA_RULES = {"gazetteer-country", "attack-alias", "attack-software", "government-seat"}
_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs",
                "is", "are", "was", "be"}


def title_case_headline(doc: Doc) -> int:
    """The end of the first line when it is a headline in Title Case (every word but small ones capitalised, one
    slip allowed in a long one, no full stop), else 0."""
    newline = tokens_of(doc).doc_text.find("\n")
    if newline < 0:
        return 0
    # the token that holds the line break, in its text or its trailing space (only the first line is read)
    table = tokens_of(doc)
    end = next((k for k, (idx, text, space) in enumerate(zip(table.idx, table.text, table.whitespace))
                if idx + len(text) + len(space) > newline), 0)
    words = [k for k in range(end) if table.is_alpha[k] and table.lower[k] not in _SMALL_WORDS]
    if len(words) < 4 or table.text[end - 1] == ".":
        return 0
    lower = sum(not table.upper[k] for k in words)
    return end if lower == 0 or (lower == 1 and len(words) >= 6) else 0


def choose(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Best non-overlapping candidates: higher priority first, then longer."""
    taken = [False] * len(doc)
    chosen = []
    table = tokens_of(doc)
    texts: dict[str, set[int]] = defaultdict(set)  # each candidate's text, and where it starts
    for c in candidates:
        texts[table.span_text(c.start, c.end)].add(c.start)
    timed = _timed(doc)
    # whether a span can be a name, kept while the model's entities are held: `propagate` asks again of every name
    # chosen here, and several finders often propose one span
    acceptable = model_memo(doc).setdefault("acceptable", {})
    for c in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if c.start >= c.end or any(taken[c.start:c.end]):
            continue
        span = (c.start, c.end)
        if span not in acceptable:
            acceptable[span] = _acceptable(doc, table, timed, c.start, c.end)
        if not acceptable[span]:
            continue
        # "between the Grey Heron gang and Acme": two names the text also gives apart (elsewhere: "the Office of
        # Audit and Review" is one name where a finder stopped at its "and")
        if any(table.lower[k] in ("and", "&") and (texts.get(table.span_text(c.start, k), set()) - {c.start}
                                                   or texts.get(table.span_text(k + 1, c.end), set()) - {k + 1})
               for k in range(c.start + 1, c.end - 1)):
            continue
        for k in range(c.start, c.end):
            taken[k] = True
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def propagate(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """A name found once is found everywhere in the article: the model often tags only some mentions."""
    text = tokens_of(doc).text
    names: dict[tuple[str, ...], Candidate] = {}
    suffixes = lexicon(doc).words("org_suffixes")
    for c in chosen:
        words = tuple(text[c.start:c.end])
        if words[0][:1].isupper() or words[0] == "#":
            names.setdefault(words, c)
            # "Acme Technologies" ... "Acme said": a company is also called without its legal or generic suffix
            if c.type == "Organization" and len(words) >= 2 and words[-1].lower() in suffixes \
                    and words[0][:1].isupper() and len(words[0]) > 2:
                short = words[:-1]
                if short[-1].lower() not in suffixes:
                    names.setdefault(short, c)
    taken = {k for c in chosen for k in range(c.start, c.end)}
    starts: dict[str, list[int]] = {words[0]: [] for words in names}  # where each first word occurs
    for i in [i for i, word in enumerate(text) if word in starts]:
        starts[text[i]].append(i)
    extra = []
    for words, c in names.items():
        n = len(words)
        for i in starts[words[0]]:
            if i <= len(doc) - n and tuple(text[i:i + n]) == words \
                    and not taken & set(range(i, i + n)) and whole(doc, i, i + n):
                extra.append(Candidate(i, i + n, c.type, 0, "propagated"))
    return choose(doc, chosen + extra)


def vote_types(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """Every mention of one name takes the type its mentions vote for, each vote weighing its priority squared:
    what the text says a name is ("a group calling itself X", priority 5) outweighs several of the model's
    guesses (priority 1). Ties go to the type first in alphabetical order, never to the order of the text."""
    votes: dict[str, Counter] = defaultdict(Counter)
    table = tokens_of(doc)
    keys = [alias_key(table.span_text(c.start, c.end)) for c in chosen]
    for c, key in zip(chosen, keys):
        # the model's guess weighs 1 however high its span ranks ("the Moldovan Crime Family" wins its span from
        # the country as a body, but a gang the text calls one outvotes it)
        # (a lone word the model calls a person, priority 0, weighs half: "Riverton's network" is no one's)
        votes[key][c.type] += (0.5 if c.priority == 0 else 1) if c.rule.startswith("ner-") else c.priority ** 2
    _share_surname_votes(votes, places=_places(doc))
    _share_short_name_votes(votes)
    for c, key in zip(chosen, keys):
        tally = votes[key]
        if tally["Malware"] and tally["ThreatActor"] >= 16:
            # A gang named after its ransomware ("LockBit claimed the attack", "the LockBit ransomware"):
            # once the text makes it act, it is the actor the attack is attributed to.
            tally = Counter({"ThreatActor": tally["ThreatActor"] + tally["Malware"]})
        best, weight = min(tally.items(), key=lambda item: (-item[1], item[0]))
        c.type = best
    return chosen


def _places(doc: Doc) -> set[str]:
    """Names the model calls a place more often than a person ("Riverton"; not "Petrov", tagged a place once)."""
    seen: dict[str, Counter] = defaultdict(Counter)
    table = tokens_of(doc)
    for e in ents_of(doc):
        label = e.label_
        if label in ("GPE", "LOC", "FAC", "PERSON"):
            start, end = e.start, e.end
            seen[alias_key(table.span_text(start, end))][label == "PERSON"] += 1
            if label == "PERSON" and end - start > 1:  # a surname: "Andra Rask ... Rask" (tagged a place once)
                seen[alias_key(table.text[end - 1])][True] += 1
    return {key for key, tally in seen.items() if tally[False] > tally[True]}


def _share_surname_votes(votes: dict[str, Counter], places: set[str]) -> None:
    """'Ivan Petrov' ... 'Petrov': a lone word that ends one two- or three-word name is that name's surname when
    the full name is voted a person (the model often tags the surname alone ORG), and the full name is a person
    when its surname is voted one ("bar Petrov ... his assets")."""
    by_last: dict[str, list[str]] = defaultdict(list)
    for key in votes:
        words = key.split()
        if 2 <= len(words) <= 3:
            by_last[words[-1]].append(key)
    for key, tally in list(votes.items()):
        full = by_last.get(key, []) if " " not in key else []
        if len(full) != 1 or key in places:  # "Open Riverton" is no surname of the city
            continue
        whole = votes[full[0]]
        if _leader(whole) == "Person":
            votes[key] = whole + Counter({"Person": sum(tally.values())})
        elif tally["Person"] and _leader(tally) == "Person":
            votes[key] = votes[full[0]] = tally + whole


def _share_short_name_votes(votes: dict[str, Counter]) -> None:
    """'Quillmark zLabs' ... 'Quillmark': a lone word that starts one longer name voted an organisation, and that
    only the model calls a person (each such guess weighs half), is that organisation's short name."""
    by_first: dict[str, list[str]] = defaultdict(list)
    for key in votes:
        words = key.split()
        if len(words) >= 2:
            by_first[words[0]].append(key)
    for key, tally in votes.items():
        longer = by_first.get(key, []) if " " not in key else []
        if len(longer) == 1 and set(tally) == {"Person"} and tally["Person"] <= 1.5 \
                and _leader(votes[longer[0]]) == "Organization":
            votes[key] = Counter({"Organization": votes[longer[0]]["Organization"] + tally["Person"]})


def _leader(tally: Counter) -> str | None:
    return min(tally.items(), key=lambda item: (-item[1], item[0]))[0] if tally else None


def to_spans(doc: Doc, chosen: list[Candidate]) -> list[Span]:
    return [Span(doc, c.start, c.end, label=c.type) for c in chosen]


_NOT_A_NAME = re.compile(r"://|^www\.|\.(?:com|org|net|io|co|gov|edu|ru|cn|uk)\b|^@|^CVE-|^https?\b", re.I)


_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}\.\s+[A-Z]")


def _timed(doc: Doc) -> set[int]:
    """The tokens the model tags a date or a time (worked out once while its entities are held)."""
    memo = model_memo(doc)
    if "timed" not in memo:
        memo["timed"] = {k for k, label in enumerate(ent_types_of(doc)) if label in ("DATE", "TIME")}
    return memo["timed"]


def _acceptable(doc: Doc, table: Tokens, timed: set[int], start: int, end: int) -> bool:
    """Whether doc[start:end] can be a name. Read off the token table (`timed`: see `_timed`), not off a Span:
    `choose` asks this of every candidate."""
    text = table.span_text(start, end)
    if text.isupper() and dateline(doc, start, end):  # (a dateline's name is in capitals)
        return False
    if end - start == 1 and table.sent_start[start] and table.tag[start] in ("NN", "NNS") and not text.isupper():
        return False  # "Slot machines went dark": a common noun capitalised by its position
    if not text or end - start > 10 or "\n" in text or not any(ch.isalpha() for ch in text):
        return False
    if end - start == 1 and _PLURAL_ACRONYM.match(text):
        return False  # "MPs", "CEOs", "ISPs": a plural common noun, no name
    if end - start == 1 and text.isupper() and start - 1 in timed and ent_types_of(doc)[start - 1] == "TIME":
        return False  # "at 10:47 BST": a time zone (not "a quarterly SEC filing", a date)
    lex = lexicon(doc)
    generic = lex.words("generic_names")
    if text.lower() in generic or alias_key(text) in generic:
        return False
    if any(table.sent_start[start + 1:end]) or _SENTENCE_INSIDE.search(text):
        return False  # "Northfield. One": two sentences are never one name
    if text.count("(") != text.count(")") or ")" in text[:-1] or not timed.isdisjoint(range(start, end)):
        return False  # "(AP)Riverton", "Acme Coin (ACN", "Northfield on Tuesday": not one name
    if end < len(table.text) and table.text[end] in ("Minister", "Ministers", "Secretary", "Secretaries"):
        return False  # "Defence Minister Jane Roe": a portfolio in a title, not a body
    if end < len(table.text) and table.lemma[end].lower() == "number" and table.tag[end] in ("NNS", "NN"):
        return False  # "Social Security numbers", "Medicare number": a kind of identifier, not a body
    if table.lower[end - 1] in lex.words("attack_nouns") or table.lemma[end - 1].lower() == "attack":
        return False  # "Acme Hotels Group Data Breach": an event, not a name
    if end - start > 1 and table.pos[end - 1] == "VERB" and table.tag[end - 1] in ("VBN", "VBD"):
        return False  # "Critical Patch Released", "Service Restored": a menu label or a headline, not a name
    if _NOT_A_NAME.search(text):
        return False  # a URL, a domain, a handle's link, a CVE id: never an entity
    return any(ch.isupper() for ch in text)


