"""Finders: each proposes Candidate spans with a type and a priority, from spaCy's NER, data
(countries, MITRE ATT&CK groups, seats of government) and cue words (lexicon.json). No names."""

from __future__ import annotations

import re
from functools import wraps
from itertools import compress
from operator import and_
from typing import Callable

from spacy.tokens import Doc, Span

from kg.knowledge import gazetteer
from kg.nlp.lexicon import Lexicon, lexicon
from kg.nlp.spans import (
    ACTOR_CODE,
    CHARGE_VERBS,
    Candidate,
    LOWER_INSIDE,
    PRODUCT_HEADS,
    actor_context,
    actor_nearby,
    as_country,
    capitalised_runs,
    cyber_at,
    film_context,
    malware_context,
    looks_like_org,
    name_after,
    name_before,
    name_token,
    proper_noun,
    quoted_spans,
    run_end,
    sentence_bounds,
    software_context,
    trim,
)
from kg.nlp.tokens import Tokens, ent_types_of, ents_of, lower_lemmas, positions, tokens_of

NER_TYPES = {"ORG": "Organization", "PERSON": "Person", "PRODUCT": "Product"}
BODY_HEADS = {"department", "ministry", "embassy", "police", "agency", "service", "services", "bureau", "office",
               "command", "commission", "council", "committee", "authority", "administration", "court", "army",
               "navy", "forces", "parliament", "congress", "senate", "government", "directorate", "institute"}
ORG_APPOSITIVES = {"company", "firm", "provider", "maker", "vendor", "business", "retailer", "operator", "agency",
                    "bank", "insurer", "utility", "distributor", "developer", "manufacturer", "publisher", "outlet",
                    "newspaper", "broadcaster", "site", "giant", "conglomerate", "startup", "start-up", "group",
                    "organisation", "organization", "charity", "university", "hospital", "carrier", "airline",
                    "subsidiary", "unit", "division", "contractor", "supplier", "platform", "network", "chain"}


# A part of a finder's trigger: a lexicon entry by name, a set of words, or a set made from the lexicon.
FinderWords = str | frozenset[str] | Callable[[Lexicon], frozenset[str]]


def triggered_by(lowers: tuple[FinderWords, ...] = (), lemmas: tuple[FinderWords, ...] = ()):
    """A finder that can propose a name only in a Doc with one of these words (lower-case forms, or
    lower-cased lemmas), as a relation rule can only in a sentence with its trigger (kg.nlp.rules.base).
    On a Doc without one it is not run: it would find nothing. The finder's body stays `finder.__wrapped__`,
    its words `finder.trigger(lexicon)`."""
    def decorate(finder: Callable[[Doc], list[Candidate]]) -> Callable[[Doc], list[Candidate]]:
        key = ("finder_trigger", finder)  # the function itself: two finders may share a name

        def trigger(lex: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
            return lex.memo(key, lambda: (_finder_words(lex, lowers), _finder_words(lex, lemmas)))

        @wraps(finder)
        def gated(doc: Doc) -> list[Candidate]:
            trigger_lowers, trigger_lemmas = trigger(lexicon(doc))
            doc_lowers, doc_lemmas = doc_words(doc)
            if doc_lowers.isdisjoint(trigger_lowers) and doc_lemmas.isdisjoint(trigger_lemmas):
                return []
            return finder(doc)

        gated.trigger = trigger
        return gated
    return decorate


def _finder_words(lex: Lexicon, parts: tuple[FinderWords, ...]) -> frozenset[str]:
    return frozenset().union(*(lex.words(p) if isinstance(p, str) else p(lex) if callable(p) else p for p in parts))


def doc_words(doc: Doc) -> tuple[frozenset[str], frozenset[str]]:
    """The Doc's lower-case forms and lower-cased lemmas as sets, made once per Doc."""
    table = tokens_of(doc)
    words = table.memo.get("doc_words")
    if words is None:
        words = table.memo["doc_words"] = (frozenset(table.lower), frozenset(lower_lemmas(doc)))
    return words


_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|O'|O’|De|Di|La|Le|Van|Von)(?=[A-Z])")


def _mixed_case(word: str) -> bool:
    """A capital after a small letter inside one word ("LockBit", "REvil"), as no personal name has
    (the Gaelic prefixes of "McAllister" and "MacLeod" aside)."""
    body = _NAME_PREFIX.sub("", word)
    return any(a.islower() and b.isupper() for a, b in zip(body, body[1:]))


def _government_seats(doc: Doc) -> list[Candidate]:
    """'The Kremlin denied any role': the seat of a government stands for its country."""
    seats = {k: v for k, v in lexicon(doc)["government_seats"].items() if k != "about"}
    out = []
    table = tokens_of(doc)
    for start, end in capitalised_runs(doc, max_len=3):
        text = table.span_text(start, end)
        if text in seats and gazetteer().country(seats[text]):
            out.append(Candidate(start, end, "Country", 4, "government-seat"))
    return out


def _from_ner(doc: Doc) -> list[Candidate]:
    out = []
    gaz = gazetteer()
    table = tokens_of(doc)
    words, lower = table.text, table.lower
    for ent in ents_of(doc):
        label = ent.label_
        start, end = trim(doc, ent.start, ent.end)
        if label in ("PERSON", "ORG") and end - start >= 2 + (label == "ORG") \
                and lower[start].rstrip(".") in _NAME_TITLES:
            start += 1  # "Spokeswoman Jane Roe", "Senator Jane Roe": the name, not the title before it
        if start >= end:
            continue
        text = table.span_text(start, end)
        if label in ("GPE", "NORP", "LOC", "FAC") and end - start > 1 and looks_like_org(doc, start, end):
            out.append(Candidate(start, end, "Organization", 1, "ner-place-org"))  # "Las Vegas Sands Corp."
            continue
        if label in ("GPE", "NORP", "LOC"):
            if gaz.country(text) and as_country(doc, start, end):
                out.append(Candidate(start, end, "Country", 3, "ner-country"))
            elif label == "GPE" and not gaz.country(text) and _local_government(doc, start, end):
                out.append(Candidate(start, end, "Organization", 1, "ner-local-government"))
            continue
        kind = NER_TYPES.get(label)
        if label == "WORK_OF_ART":
            kind = "Film" if film_context(doc, start, end) else None
        if kind == "Person" and _a_place(doc, start, end):
            continue  # "reading rooms in Riverton and Kell Spa", "offices in Kell Spa": a place, no person
        if kind == "Person" and looks_like_org(doc, start, end):
            kind = "Organization"
        if kind == "Person" and all(_mixed_case(word) for word in words[start:end]):
            # "LockBit", "REvil", "DarkSide": such names are brands or gangs, not people; a gang only where
            # attackers are spoken of around it
            kind = "ThreatActor" if actor_nearby(doc, start, end) else "Organization"
        if kind:
            # A lone word tagged PERSON is the model's weakest guess ("Dragos", "Annie"): it loses every vote.
            weak = kind == "Person" and end - start == 1
            # "U.S. Treasury Department", "Russian Foreign Ministry": a body named after its country is a body.
            # "the Danish Library", "Ruritanian Airlines": an organisation named after a country is not the country.
            # "the Industrial and Commercial Bank of Ruritania": an institution "of" a country is the institution
            of_country = end - start >= 3 and lower[end - 2] == "of" and table.upper[end - 3] \
                and lower[end - 3] not in ("government", "republic", "kingdom", "state", "states") \
                and gaz.country(words[end - 1]) is not None
            body = kind == "Organization" and end - start > 1 and (
                lower[end - 1] in BODY_HEADS or gaz.country(words[start]) is not None or of_country)
            out.append(Candidate(start, end, kind, 4 if body else 0 if weak else 1, f"ner-{label.lower()}"))
    return out


def _a_place(doc: Doc, start: int, end: int) -> bool:
    table, types = tokens_of(doc), ent_types_of(doc)
    root = doc[start:end].root.i
    head = table.head[root]
    if table.dep[root] == "conj" and types[head] in ("GPE", "LOC") or start >= 2 and table.lower[
            start - 1] == "and" and types[start - 2] in ("GPE", "LOC"):
        return True
    return table.dep[root] == "pobj" and table.lower[head] in ("in", "near") and not (
        end < len(table.text) and table.tag[end] == "POS")


_LOCAL_BODIES = {"city", "town", "county", "village", "borough", "township", "municipality", "parish", "state",
                 "district", "province", "region"}


def _country_named_bodies(doc: Doc) -> list[Candidate]:
    """'the Danish Library', 'Ruritanian Railways': capitalised words after a country's name or demonym that
    end in an institution's head word name an organisation, not the country (the model often tags the
    demonym alone and takes the rest for a person)."""
    lex = lexicon(doc)
    heads = lex.memo("institution_ends", lambda: lex.words("org_suffixes") | lex.words("institution_heads")
                     | frozenset(BODY_HEADS))
    table = tokens_of(doc)
    gaz = gazetteer()
    out = []
    for start, end in capitalised_runs(doc, max_len=6):
        of = table.lower.index("of", start + 1, end - 1) if "of" in table.lower[start + 1:end - 1] else None
        if of is not None and table.lower[of - 1] in heads and gaz.country(table.span_text(of + 1, end)) \
                and not (end < len(doc) and table.tag[end] == "POS"):  # not "the X Department of Ruritania's police"
            # "the National Bank of Ruritania", "the Ministry of Ruritania": an institution of a country
            out.append(Candidate(start + (table.lower[start] == "the"), end, "Organization", 4, "country-named-body"))
            continue
        if table.lower[end - 1] not in heads:
            continue
        if table.lower[start] in ("the", "a", "an"):
            start += 1
        if end - start < 2 or not all(table.is_alpha[start + 1:end]):
            continue
        if gaz.country(table.text[start]) is None and gaz.country(table.span_text(start, start + 2)) is None:
            continue
        if any(e.label_ in ("ORG", "PERSON") and e.end - e.start > 1 and e.start > start
               and table.lower[e.end - 1] not in BODY_HEADS for e in ents_of(doc) if start <= e.start < end):
            # a name of its own after the demonym ("Ruritanian Acme Bank"), not "the Ruritanian Foreign Ministry"
            continue
        out.append(Candidate(start, end, "Organization", 4, "country-named-body"))
    return out


_HIS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
_ITS = {"it", "its", "itself"}
_PRONOUNS = _HIS | _ITS


def _pronoun_types(doc: Doc) -> list[Candidate]:
    """'Acme said the hackers had reached its servers' (an organisation), 'the sanctions freeze Ivanov's
    accounts and bar him from travel' (a person): the first singular pronoun after a name, with no other
    singular name or subject between them, says what the model's PERSON or ORG name is."""
    out = []
    table, types = tokens_of(doc), ent_types_of(doc)
    lower = table.lower
    for ent in ents_of(doc):
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        sent_start, sent_end = sentence_bounds(doc, ent.start)  # (ent.sent)
        if _PRONOUNS.isdisjoint(lower[ent.end:sent_end]):
            continue  # most names have no pronoun after them in their sentence
        if any(t in ("PERSON", "ORG") for t in types[sent_start:ent.start]) or ent.root.dep_ not in (
                "nsubj", "nsubjpass") and any(table.dep[k] in ("nsubj", "nsubjpass") and table.tag[k] in ("NN", "NNP")
                                              for k in range(sent_start, ent.start)):
            continue  # "X was arrested by the police at her home": the pronoun may be another's
        clause = next((a for a in ent.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is None:
            continue
        last = clause.right_edge.i  # a clause's words are contiguous: it ends at its right edge
        for token in doc[ent.end:min(sent_end, last + 1)]:
            if token.i < clause.left_edge.i:
                break
            if token.lower_ in _HIS and token.dep_ == "nsubj" and token.head.lemma_ in ("say", "add", "tell", "note"):
                break  # '"...," he said': the speaker named before
            lower_ = token.lower_
            if lower_ in _HIS or lower_ in _ITS:
                if lower_ in ("it", "itself") and token.dep_ not in ("nsubj", "nsubjpass") or lower_ == "it" and (
                        token.head.lemma_ == "be" or any(c.dep_ in ("ccomp", "xcomp") and c.i > token.head.i
                                                         and c.lower_ == "that" for c in token.head.children)):
                    break  # "it was", "it seems that": no one's pronoun
                if lower_ == "her" and token.dep_ != "poss" and token.dep_ not in ("dobj", "pobj"):
                    break
                if token.dep_ in ("dobj", "dative") and token.head.i == ent.root.head.i and not lower_.endswith("self"):
                    break  # "Acme has informed him": a verb's object is never its subject (but "himself" is)
                out.append(Candidate(ent.start, ent.end, "Person" if lower_ in _HIS else "Organization", 3,
                                     "pronoun-type"))
                break
            if types[token.i] in ("PERSON", "ORG", "GPE", "NORP") or (
                    token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos") and token.tag_ in ("NN", "NNP")
                    and not any(c.lower_ == "of" for c in token.children)):
                break  # another name or a singular noun the pronoun could stand for ("a number of its" could not)
    return out


# The local bodies a place is named with ("the town of X"), and ports; not "the state of X" or "the region of X".
_PLACE_BODIES = _LOCAL_BODIES - {"state", "province", "region"} | {"port"}


@triggered_by(lowers=(_PLACE_BODIES,))  # a place body's word starts or precedes the name
def _bodies_of_places(doc: Doc) -> list[Candidate]:
    """'the town of Kell', 'the City of Riverton', 'the Port of Dunmore': a place named with the body that
    governs it is that body, an organisation, whatever the model tagged the name (a date, a person, a place)."""
    out = []
    table = tokens_of(doc)
    lower = table.lower
    for start, end in capitalised_runs(doc, max_len=6):
        if lower[start] not in _PLACE_BODIES and (start < 2 or lower[start - 2] not in _PLACE_BODIES):
            continue  # (no place body starts the name or comes before its "of")
        end = next((k for k in range(start, end) if table.text[k] == "."), end)  # "Port of Dunmore. While ..."
        words = table.lower[start:end]
        if len(words) >= 3 and words[0] in _PLACE_BODIES and words[1] == "of":  # "Port of Dunmore"
            out.append(Candidate(start, end, "Organization", 2, "place-body"))
        elif start >= 2 and table.lower[start - 1] == "of" and table.lower[start - 2] in _PLACE_BODIES \
                and table.text[start - 2].islower() and all(table.is_alpha[start:end]) \
                and not _says_where(doc[start - 2]):
            # "the town of Kell": the name alone, as the text calls it later ("Kell paid the ransom")
            out.append(Candidate(start, end, "Organization", 2, "place-body"))
    return out


_WHERE = {"in", "near", "from", "outside", "around", "across", "throughout", "within"}


def _says_where(token) -> bool:
    """'detained in the city of Riverton', 'prosecutors in Dunmore County': the place where, not a body."""
    return token.dep_ == "pobj" and token.head.lower_ in _WHERE


def _local_government(doc: Doc, start: int, end: int) -> bool:
    """A town or county that acts or is acted on in a cyber story ("the city of Riverton", "Riverton paid the
    ransom", "Dunmore County's servers") stands for its local government, an organisation that can be hit;
    one that only says where ("hackers in Ohio") does not."""
    before = doc[start - 2:start] if start >= 2 else doc[0:0]
    if len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in _LOCAL_BODIES:
        return not _says_where(before[0])
    if end - start > 1 and doc[end - 1].lower_ in _LOCAL_BODIES:
        return True  # "Dunmore County", "Kell Valley Borough": the name of a local government ("officials in ...")
    root = doc[start:end].root
    return root.dep_ in ("nsubj", "nsubjpass", "poss", "dobj") and cyber_at(doc, root.i)


def _list_members(doc: Doc) -> list[Candidate]:
    """'include Aldmoor Mobile, Borealis, Cinder and Dunmore': the other names in a list with an organisation the model found
    are organisations too. The list is read from the parse (conjuncts) and, for three names or more, from
    the surface (names separated by commas and "and"), which the small model often parses wrongly. A name
    the model took for a person in such a list is an organisation ("Acme Bank, Borealis Insurance and
    Cinder Freight"); a place keeps its type."""
    out = []
    table, types = tokens_of(doc), ent_types_of(doc)
    words, n = table.text, len(doc)
    for ent in ents_of(doc):
        if ent.label_ != "ORG":
            continue
        for other in ent.root.conjuncts:
            i = other.i
            if types[i] == "PERSON":  # "A and B" where the model took B for a person
                person = next(e for e in ents_of(doc) if e.start <= i < e.end)
                out.append(Candidate(person.start, person.end, "Organization", 2, "list-member"))
                continue
            if types[i] in ("GPE", "NORP") and not gazetteer().country(words[i]) and i + 1 < n \
                    and types[i + 1] != types[i] and not types[i - 1]:
                out.append(Candidate(i, i + 1, "Organization", 2, "list-member"))  # "Acme Hotels and Borealis"
                continue
            if table.pos[i] != "PROPN" or types[i] or not table.upper[i]:
                continue
            start = i
            while start > 0 and table.dep[start - 1] == "compound" and table.pos[start - 1] == "PROPN" \
                    and table.head[start - 1] == i and not types[start - 1]:
                start -= 1
            out.append(Candidate(start, i + 1, "Organization", 0, "list-member"))
        names, k = [], ent.end
        while k < n and words[k] in (",", "and", "or"):
            while k < n and words[k] in (",", "and", "or"):
                k += 1
            name = name_after(doc, k, allow_quotes=False)
            if name is not None:  # "Cinder Freight on Tuesday": the name stops where a date or place starts
                stop = next((i for i in range(*name) if types[i] in ("GPE", "NORP", "LOC", "DATE", "FAC", "TIME")),
                            name[1])
                if stop == name[0] and types[stop] in ("GPE", "NORP") and all(
                        types[i] == types[stop] for i in range(*name)) and not gazetteer().country(
                        table.span_text(*name)):
                    stop = name[1]  # "..., Acme Hotels, Borealis, Dunmore Oriental": a brand the model took for a place
                while stop > name[0] and table.is_lower[stop - 1]:
                    stop -= 1
                name = (name[0], stop) if stop > name[0] else None
            if name is None or name[0] >= name[1]:
                break
            names.append(name)
            k = name[1]
        if len(names) >= 2:
            out.extend(Candidate(*name, "Organization", 2, "list-member") for name in names
                       if not any(types[i] == "ORG" for i in range(*name)))
    return out


@triggered_by(lowers=("actor_nouns",), lemmas=("actor_nouns",))  # the noun the examples follow
def _actor_examples(doc: Doc) -> list[Candidate]:
    """'hacking groups such as Night Kestrel, Iron Lantern and Grey Heron', 'gangs including X and Y': the
    examples of an attackers' noun are threat actors."""
    nouns = lexicon(doc).words("actor_nouns") - {"operation", "team", "unit"}
    table = tokens_of(doc)
    out = []
    for i in [i for i in range(1, len(doc) - 1) if table.lower[i] in ("such", "including", "like")]:
        two = table.lower[i] == "such" and table.lower[i + 1] == "as"
        if not (two or table.lower[i] in ("including", "like")):
            continue
        before = i - 2 if table.lower[i - 1] == "," and i >= 2 else i - 1
        if table.lemma[before].lower() not in nouns and table.lower[before] not in nouns:
            continue
        k = i + (2 if two else 1)
        sentence = sentence_bounds(doc, i)
        while k < len(doc) and sentence_bounds(doc, k) == sentence:
            name = name_after(doc, k, allow_quotes=False)
            if name is None or gazetteer().country(table.span_text(*name)):
                break
            out.append(Candidate(*name, "ThreatActor", 4, "actor-example"))
            k = name[1]
            if k < len(doc) and table.text[k] == ",":
                k += 1
            if k < len(doc) and table.lower[k] in ("and", "or"):
                k += 1
            elif k < len(doc) and not table.text[k - 1] == ",":
                break
    return out


def _countries(doc: Doc) -> list[Candidate]:
    gaz = gazetteer()
    table = tokens_of(doc)
    out = []
    for start, end in capitalised_runs(doc, max_len=6):
        for s in range(start, end):
            if s > start and table.is_alpha[s - 1] and table.upper[s - 1] and table.pos[s - 1] == "PROPN" \
                    and not table.sent_start[s - 1]:
                continue  # "New Jersey", "Marin County": a country's name inside a longer name is not the country
            for e in range(end, s, -1):
                text = table.span_text(s, e)
                country = gaz.country(text)
                if country and text.lower() not in gaz.ambiguous_aliases and text[0].isupper() and as_country(doc, s, e):
                    out.append(Candidate(s, e, "Country", 3, "gazetteer-country"))
                    break
    return out


def _attack_groups(doc: Doc) -> list[Candidate]:
    gaz = gazetteer()
    table = tokens_of(doc)
    out = []
    for start, end in capitalised_runs(doc, max_len=5):
        for s in range(start, end):
            for e in range(end, s, -1):
                text = table.span_text(s, e)
                # An alias that is also an English word ("Hafnium", "Equation") counts only as a proper noun, and
                # only as a whole name ("Play", not "Acme Play Store").
                if len(text) > 2 and gaz.group(text) and (text.lower() not in gaz.ambiguous_aliases or (
                        proper_noun(doc, s, e) and s == start and e == end)):
                    if cyber_at(doc, s) and not gaz.country(text):
                        out.append(Candidate(s, e, "ThreatActor", 4, "attack-alias"))
                    break
    return out


_AGENT_VERBS = {"claim", "say", "post", "demand", "threaten", "leak", "publish", "announce", "tell", "boast", "deny",
                "list", "add", "take", "ask", "write", "acknowledge", "admit", "rent", "sell", "recruit", "apologize",
                "apologise", "promise", "insist", "negotiate", "offer"}


def _gang_after(lower: list[str], end: int) -> bool:
    """'X ransomware gang / operators / group': the words after a malware name make it its gang."""
    after = lower[end:end + 3]
    return any(w in ("gang", "group", "operators", "operator", "crew", "affiliates", "actors", "hackers", "authors",
                     "developers", "cartel", "syndicate") for w in after[:2]) and not any(w in (",", ".") for w in after[:1])


_SPEAKING_VERBS = {"claim", "say", "tell", "announce", "acknowledge", "admit", "deny", "boast", "write", "rent", "sell",
                   "recruit", "apologize", "apologise", "promise", "insist", "negotiate"}


def _agent(table: Tokens, k: int, verbs=_AGENT_VERBS) -> bool:
    """A name (its last word: token k) that is the subject of a speaking or claiming verb acts: it is an actor,
    not malware."""
    while table.dep[k] == "compound" and table.head[k] != k:
        k = table.head[k]
    return table.dep[k] == "nsubj" and table.lemma[table.head[k]].lower() in verbs


def _malware(doc: Doc) -> list[Candidate]:
    """'the WannaCry ransomware', 'Petya malware', and MITRE ATT&CK malware names in a cyber sentence.

    A name right before a malware noun is malware unless it is a country, a platform ("Windows malware")
    or a known group ("Lazarus malware" is the group's). An ATT&CK malware name alone counts when it is
    not also an ordinary word (else it needs the noun) and not also a group's name (the group wins).
    """
    gaz = gazetteer()
    lex = lexicon(doc)
    heads, platforms, generic = lex.words("malware_heads"), lex.words("platform_names"), lex.words("generic_names")
    platforms_or_heads = platforms | heads
    table, types = tokens_of(doc), ent_types_of(doc)
    words, lower = table.text, table.lower
    out = []
    # names the text also puts before a malware noun ("the DarkSide ransomware"): where such a name acts
    # ("DarkSide acknowledged the attack"), it is the gang
    headed_names = {table.span_text(s, e) for s, e in capitalised_runs(doc, max_len=3)
                    if e < len(doc) and table.lower[e] in heads}
    for start, end in capitalised_runs(doc, max_len=3):
        start, end = trim(doc, start, end)
        if start >= end or doc[start].is_stop or any(
                not (table.is_alpha[k] or words[k].isalnum() or words[k] in "-./") for k in range(start, end)) \
                or sentence_bounds(doc, start)[1] < end:
            continue
        text = table.span_text(start, end)
        if gaz.country(text) or lower[start] in platforms_or_heads or lower[end - 1] in platforms:
            continue
        if text.lower() in generic or "PERSON" in types[start:end] and end - start > 1:
            continue
        headed = end < len(words) and lower[end] in heads and table.pos[end] in ("NOUN", "PROPN", "ADJ")
        if _gang_after(lower, end) or _agent(table, end - 1):
            if _agent(table, end - 1, _SPEAKING_VERBS) and (text in headed_names or gaz.malware(text)):
                out.append(Candidate(start, end, "ThreatActor", 4, "gang-name"))
            continue  # "the REvil ransomware gang", "LockBit claimed ...": the gang, named after its malware
        if headed and not gaz.group(text) and (end - start > 1 or not table.sent_start[start] or
                                                gaz.malware(text)):
            out.append(Candidate(start, end, "Malware", 5, "malware-name"))
        elif gaz.malware(text) and not gaz.group(text) and text.lower() not in gaz.ambiguous_software \
                and len(text) > 2 and types[start] != "PERSON" and cyber_at(doc, start):
            out.append(Candidate(start, end, "Malware", 4, "attack-software"))
    return out


def _platforms(doc: Doc) -> list[Candidate]:
    """'posted on Facebook', 'its Twitter accounts', 'a Reddit thread': a platform is an organisation."""
    heads = {"handle", "handles", "account", "accounts", "thread", "threads", "page", "pages", "feed", "channel",
             "channels", "post", "posts", "profile", "forum", "group"}
    out = []
    table = tokens_of(doc)
    lower, n = table.lower, len(doc)
    for i in compress(range(n), map(and_, table.upper, table.is_alpha)):
        if table.sent_start[i]:
            continue
        posted_on = i > 0 and lower[i - 1] == "on" and i > 1 and table.lemma[i - 2] in (
            "post", "publish", "write", "tweet", "share", "announce", "say", "appear", "circulate", "leak")
        if (i + 1 < n and lower[i + 1] in heads and table.pos[i + 1] == "NOUN") or posted_on:
            out.append(Candidate(i, i + 1, "Organization", 2, "platform"))
    return out


@triggered_by(lemmas=(frozenset({"buy", "acquire", "own", "purchase"}),))
def _owners(doc: Doc) -> list[Candidate]:
    """'bought in 2022 by Optum', 'owned by Singtel': who buys or owns a company is an organisation."""
    out = []
    table = tokens_of(doc)
    for i in positions(table.lower, "by"):
        if i > 0 and any(
                lemma.lower() in ("buy", "acquire", "own", "purchase") for lemma in table.lemma[max(0, i - 4):i]):
            name = name_after(doc, i + 1, allow_quotes=False)
            if name:
                out.append(Candidate(*name, "Organization", 1, "owner"))
    return out


_DESCRIPTORS = {"producer", "maker", "company", "firm", "retailer", "operator", "giant", "bank", "insurer", "carrier",
                "airline", "chain", "brand", "manufacturer", "provider", "group", "conglomerate", "lender", "utility",
                "distributor", "developer", "platform", "broadcaster", "newspaper", "agency", "regulator", "watchdog",
                "website", "site", "exchange"}
# What a name set after a comma can be called: "its parent company, Acme Media," / "a sister site, Quillmark,".
_ORG_NOUNS_BEFORE = _DESCRIPTORS | ORG_APPOSITIVES
_PERSON_TITLES = {"ceo", "officer", "executive", "director", "spokesman", "spokeswoman", "spokesperson", "minister",
                  "secretary", "chairman", "chairwoman", "president", "founder", "researcher", "analyst", "chief",
                  "commissioner", "senator", "ambassador", "official", "head", "manager", "professor", "judge"}
_LEADERS = _PERSON_TITLES | {"leader", "boss"}  # what a person named after a comma can be: "its alleged leader, X"


# Titles written before a person's name, as words or abbreviations (without their full stop).
_NAME_TITLES = _PERSON_TITLES - {"head", "official", "analyst", "researcher", "executive", "chief", "officer"} | {
    "mayor", "governor", "senator", "sen", "rep", "representative", "congressman", "congresswoman", "dr", "supt",
    "gen", "general", "prosecutor", "detective", "inspector", "sergeant", "sgt", "lt", "col", "adm", "admiral"}


# The people of an organisation, named after it: "a former Acme employee", "Acme spokeswoman Jane Roe".
_STAFF = {"employee", "employees", "staff", "staffer", "staffers", "worker", "workers", "spokesman", "spokeswoman",
          "spokesperson", "shareholders", "executives"}


def _name_end(table, start: int, end: int) -> int:
    """A run of capitals ends before a lower-case "in", "on" or "at": "the website Ashford Vale on Monday",
    "the hospital Kell General in Riverton" name no time or place."""
    if end - start < 2:
        return end  # (most runs are one word)
    return next((k for k in range(start + 1, end) if table.text[k] in ("in", "on", "at")), end)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else -1


def _descriptors(doc: Doc) -> list[Candidate]:
    """'aluminium producer Norsk Hydro' is an organisation; 'chief financial officer Eivind Kallevik' a person."""
    out = []
    table = tokens_of(doc)
    words, lower, n = table.text, table.lower, len(doc)
    for start, end in capitalised_runs(doc, max_len=4):
        if start == 0 or not table.is_lower[start - 1]:
            continue
        before = lower[start - 1]
        end = _name_end(table, start, end)
        plural = before.endswith("s") and before[:-1] in _DESCRIPTORS
        if plural:
            # "the router makers Acme and Borealis-Tech": each name of the list (a run may hold the "and")
            end = next((k for k in range(start + 1, end) if table.lower[k] == "and"), end)
            out.append(Candidate(start, end, "Organization", 2, "descriptor-org"))
            if end + 1 < len(doc) and table.lower[end] == "and" and table.upper[end + 1]:
                second = run_end(table, end + 1, 4, inside=LOWER_INSIDE - {"and"})
                out.append(Candidate(end + 1, second, "Organization", 2, "descriptor-org"))
        elif before in _DESCRIPTORS:
            out.append(Candidate(start, end, "Organization", 2, "descriptor-org"))
        elif before in _PERSON_TITLES and end - start >= 2:
            out.append(Candidate(start, end, "Person", 2, "title-person"))
    for start, end in capitalised_runs(doc, max_len=4):  # ages: "45-year-old Rask O.", "Tarn V., 34,"
        if True in table.is_lower[start:end]:  # a person's name has no "and"
            end = table.is_lower.index(True, start, end)
        aged_before = start > 0 and table.span_text(max(0, start - 3), start).lower().replace(" ", "").endswith(
            "year-old")
        aged_after = end + 2 < n and words[end] == "," and doc[end + 1].like_num and \
            words[end + 2] in (",", ")") and 12 <= _number(words[end + 1]) <= 100
        if (aged_before or aged_after) and end - start >= 2:
            out.append(Candidate(start, end, "Person", 3, "aged-person"))
    for start, end in capitalised_runs(doc, max_len=4):  # "a former Acme Analytics employee", "Acme spokeswoman X"
        if end < len(doc) and table.lower[end] in _STAFF and table.pos[end] == "NOUN":
            name = trim(doc, start, end)  # "A Quillmark spokesperson": not the article
            if name[1] - name[0] >= 1 and not (name[1] - name[0] == 1 and len(table.text[name[0]]) <= 2):
                out.append(Candidate(*name, "Organization", 2, "employer"))  # (not "IT staff")
    for start, end in capitalised_runs(doc, max_len=4):  # "its alleged leader, Rask O.", "the chairman, X"
        end = _name_end(table, start, end)
        if start < 2 or table.text[start - 1] != "," or not (end >= len(doc) or table.text[end] in (",", ".", ";")
                                                             or table.text[end] in ("in", "on", "at")):
            continue
        before = table.lower[start - 2]
        if before in _LEADERS and end - start >= 2:
            out.append(Candidate(start, end, "Person", 3, "title-person"))
        elif before in _ORG_NOUNS_BEFORE and table.text[start - 2].islower() and table.pos[start - 2] == "NOUN" \
                and table.lower[start] not in ("the", "a", "an") and table.is_alpha[end - 1]:
            out.append(Candidate(start, end, "Organization", 3, "apposition-org"))  # "a sister site, Quillmark,"
    # "Quillmark, which first reported ...": the model's person is a body or a thing; "Ivan Rask, who is known
    # online as ...": the model's organisation is a person
    for ent in ents_of(doc):
        if ent.end + 1 < n and table.text[ent.end] == "," and not looks_like_org(doc, ent.start, ent.end):
            if ent.label_ == "PERSON" and table.lower[ent.end + 1] == "which":
                out.append(Candidate(ent.start, ent.end, "Organization", 2, "which-clause"))
            elif ent.label_ == "ORG" and table.lower[ent.end + 1] == "who" and ent.end - ent.start >= 2 and not (
                    ent.start >= 2 and table.lower[ent.start - 1] in ("with", "from", "at", "of")
                    and table.lower[ent.start - 2] in _MEMBERS):
                # ("researchers with Acme Risk, who found the flaw": "who" are the researchers)
                out.append(Candidate(ent.start, ent.end, "Person", 2, "who-clause"))
    # "an indictment charging Ivan Rask and Olga Tarn", "police arrested Rask O.": whom the law charges by a
    # two- or three-word name is a person (a company has a legal form: "charged Acme Corp.")
    charges = () if doc_words(doc)[1].isdisjoint(CHARGE_VERBS) else (  # (most articles charge no one)
        k for k, lemma in enumerate(lower_lemmas(doc)) if lemma in CHARGE_VERBS)
    for k in charges:
        token = doc[k]  # (a Token only for the few words that can be a charge)
        if token.pos_ != "VERB":
            continue
        for obj in (c for c in token.children if c.dep_ in ("dobj", "nsubjpass")):
            for person in (obj, *(c for c in obj.conjuncts)):
                if person.pos_ != "PROPN" or person.ent_type_ not in ("PERSON", "ORG"):
                    continue
                start, end = person.left_edge.i, person.i + 1
                if 2 <= end - start <= 3 and all(pos == "PROPN" for pos in table.pos[start:end]) \
                        and not looks_like_org(doc, start, end):
                    out.append(Candidate(start, end, "Person", 3, "charged-person"))
    return out



_ATTACKER_WORDS = {"hacker", "hackers", "hacking", "cybercriminal", "cybercriminals", "criminal", "cybercrime",
                   "ransomware", "extortion", "hacktivist", "threat", "espionage", "apt", "notorious"}


_PEOPLE_NOUNS = {"hacker", "attacker", "actor", "operator", "criminal", "cybercriminal"}
_BENIGN = {"ethical", "white-hat", "whitehat", "researcher", "researchers", "founder", "expert", "analyst"}


@triggered_by(lemmas=("actor_nouns",))  # the attackers' noun it reads from
def _actor_appositions(doc: Doc) -> list[Candidate]:
    """'another notorious group, Grey Heron,' / 'X, a hacking group that ...': a name in apposition to an
    attackers' noun qualified as such is a threat actor."""
    nouns = lexicon(doc).words("actor_nouns") - {"operation", "team", "unit"}
    out = []
    gaz = gazetteer()
    table, types = tokens_of(doc), ent_types_of(doc)
    words, lower, n = table.text, table.lower, len(doc)
    for k in [k for k, lemma in enumerate(lower_lemmas(doc)) if lemma in nouns]:
        # ("collective" is often tagged an adjective: "the hacking collective Grey Heron")
        if table.pos[k] != "NOUN" and not (table.pos[k] == "ADJ" and lower[k] == "collective"):
            continue
        first, last = sentence_bounds(doc, k)
        if table.dep[k] == "attr" and table.lemma[table.head[k]] == "be" and cyber_at(doc, k) and not any(
                word in _BENIGN for word in lower[first:last]):  # "TSB is a mysterious group that dumped stolen files"
            token = doc[k]
            person = token.lemma_.lower() in _PEOPLE_NOUNS  # "X is a hacker": a person; "X is a group": not
            subject = next((c for c in token.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"
                            and c.ent_type_ not in ("GPE", "NORP") + (("PERSON",) if person else ())), None)
            if subject is not None:
                name = trim(doc, subject.left_edge.i, subject.i + 1)
                if name[0] < name[1] and not gaz.country(table.span_text(*name)):
                    out.append(Candidate(*name, "ThreatActor", 4, "actor-apposition"))
        window = lower[max(first, k - 3):k + 3]
        if not any(word in _ATTACKER_WORDS for word in window) or any(word in _BENIGN for word in window):
            continue  # "X, an ethical hacker and researcher": not an attacker
        if k + 2 < n and words[k + 1] == ",":  # "group, Grey Heron,"
            name = name_after(doc, k + 2, allow_quotes=False)
            if name and name[1] < n and words[name[1]] in (",", ".", ";") and \
                    not gaz.country(table.span_text(*name)):
                out.append(Candidate(*name, "ThreatActor", 4, "actor-apposition"))
        after = k + 1
        if after < n and table.upper[after] and not table.sent_start[after]:
            name = name_after(doc, after, allow_quotes=False)  # "the hacktivist group Anonymous India claimed"
            # "hackers Richard Roe and Jane Doe" are people; "the hacktivist group X" is a group whatever the model says
            people = table.lemma[k].lower() in _PEOPLE_NOUNS
            banned = ("DATE", "TIME", "CARDINAL") + (("PERSON",) if people else ())
            if name and not gaz.country(table.span_text(*name)) and not any(
                    t in banned for t in types[name[0]:name[1]]):
                out.append(Candidate(*name, "ThreatActor", 4, "actor-apposition"))
        if table.dep[k] == "appos" and table.pos[table.head[k]] == "PROPN":  # "X, a hacking group that ..."
            head = doc[k].head
            start = head.left_edge.i if head.left_edge.i >= head.sent.start else head.i
            name = trim(doc, start, head.i + 1)
            if name[0] < name[1] and not gaz.country(table.span_text(*name)):
                out.append(Candidate(*name, "ThreatActor", 4, "actor-apposition"))
    return out


# People a body has ("researchers at X", "X engineers"), what it makes or sells ("manufactured by X"), what it owns
# ("X's customers", "X's servers") and what only a vendor does ("X has patched the flaw").
_MEMBERS = {"researchers", "engineers", "analysts", "experts", "scientists", "employees", "staff", "staffers",
            "workers", "executives", "officials", "customers", "subscribers", "clients", "shareholders"}
_MADE_BY = {"manufactured", "produced", "distributed", "sold", "marketed", "supplied", "shipped"}  # (people develop too)
_OWNED = _MEMBERS - {"officials", "experts", "analysts", "scientists"} | {
    "shares", "stock", "headquarters", "subsidiary", "website", "servers", "network", "networks", "systems",
    "software", "products", "product", "app", "apps", "platform", "firmware", "routers", "devices", "chipset",
    "chipsets", "stores", "branches", "ceo", "founder", "board", "spokesperson", "spokesman", "spokeswoman"}
_PATCH_VERBS = {"patch", "fix"}
_FIXES = {"patch", "patches", "fix", "fixes", "update", "updates", "advisory", "advisories", "firmware", "hotfix"}


def _kind_of_body(attr) -> bool:
    """'(X is) a security firm', '(X was) one of several local agencies'."""
    if attr.lower_ == "one":
        attr = next((g for c in attr.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), attr)
    return attr.lemma_.lower() in ORG_APPOSITIVES and attr.pos_ == "NOUN"


def _org_context(doc: Doc) -> list[Candidate]:
    """A name the model calls a person that the text treats as a body: 'researchers with Acme Rask', 'Acme Rask
    engineers', 'a chipset manufactured by Acme Rask', 'Acme Rask's customers', 'Acme Rask has patched the
    bug', 'Acme Rask issued a fix', 'Acme Rask, maker of ...'."""
    out = []
    table = tokens_of(doc)
    lower, n = table.lower, len(doc)
    for ent in ents_of(doc):
        if ent.label_ not in ("PERSON", "NORP") or ent.label_ == "NORP" and gazetteer().country(ent.text):
            continue  # (the model takes some companies for nationalities: "researchers at Quillmark")
        start, end = ent.start, ent.end
        if end < n and lower[end] in ("'s", "’s"):
            end += 1
            body = end < n and lower[end] in _OWNED or end + 1 < n and lower[end + 1] in _OWNED and \
                table.pos[end] in ("ADJ", "NOUN", "PROPN") and lower[end + 1] != "ceo"
        elif end < n and lower[end] in _MEMBERS and table.pos[end] == "NOUN":
            body = True  # "Acme Rask researchers"
        elif end + 2 < n and lower[end] == "," and lower[end + 1] in ORG_APPOSITIVES and lower[end + 2] == "of":
            body = True  # "Acme Rask, maker of the Quill line,"
        elif start >= 2 and lower[start - 1] in ("with", "from", "at") and lower[start - 2] in _MEMBERS:
            body = True  # "researchers with Acme Rask"
        elif start >= 2 and lower[start - 1] == "by" and lower[start - 2] in _MADE_BY:
            body = True  # "a chipset manufactured by Acme Rask"
        else:
            verb = ent.root.head
            body = ent.root.dep_ == "nsubj" and (verb.lemma_.lower() in _PATCH_VERBS or verb.lemma_.lower() in (
                "issue", "release", "roll", "ship", "push") and any(
                c.dep_ == "dobj" and c.lower_ in _FIXES for c in verb.children) or verb.lemma_ == "be" and any(
                _kind_of_body(c) for c in verb.children if c.dep_ == "attr"))
        if body:
            out.append(Candidate(ent.start, ent.end, "Organization", 2, "org-context"))
    return out


# What a name before its kind is: "the Quillmark security firm", "the Kell intelligence agency"
_KIND_HEADS = {"company", "firm", "agency", "bank", "maker", "vendor", "provider", "retailer", "insurer", "lender",
               "manufacturer", "publisher", "newspaper", "broadcaster", "charity", "university", "hospital",
               "carrier", "airline", "contractor", "supplier", "chain", "giant", "conglomerate", "ministry",
               "department"}


@triggered_by(lowers=(frozenset(_KIND_HEADS),))  # the kind after the name
def _names_before_kind(doc: Doc) -> list[Candidate]:
    """'the Quillmark security firm', 'a Kell intelligence agency': a name, up to two words and its kind."""
    out = []
    table = tokens_of(doc)
    lower, n = table.lower, len(doc)
    for start, end in capitalised_runs(doc, max_len=3):
        if start == 0 or lower[start - 1] not in ("the", "a", "an") or table.sent_start[start]:
            continue
        k = end
        while k < min(end + 3, n) and table.text[k].islower() and table.pos[k] in ("NOUN", "ADJ") \
                and lower[k] not in _KIND_HEADS:
            k += 1
        if k < n and lower[k] in _KIND_HEADS and table.pos[k] == "NOUN" and not (k + 1 < n and table.upper[k + 1]) \
                and gazetteer().country(table.span_text(start, end)) is None \
                and ent_types_of(doc)[start] not in ("GPE", "NORP"):
            out.append(Candidate(start, end, "Organization", 2, "name-before-kind"))
    return out


def _appositions(doc: Doc) -> list[Candidate]:
    """'Kaseya, a U.S. IT management company': what the text says a name is beats the model's guess."""
    out = []
    table = tokens_of(doc)
    words, pos, n = table.text, table.pos, len(doc)
    for start, end in capitalised_runs(doc, max_len=4):
        if end + 2 >= n or words[end] != ",":
            continue
        if table.lower[end + 1] in ("a", "an", "the"):
            first = end + 2
        elif end + 3 < n and pos[end + 1] == "PROPN" and table.tag[end + 2] == "POS" \
                and gazetteer().country(words[end + 1]):
            first = end + 3  # "Kell, Ruritania's national police service,"
        else:
            continue
        for k in range(first, min(first + 6, n)):
            word = table.lower[k]
            if words[k] == "-" or words[k - 1] == "-":
                continue  # "a Riverton-based data firm"
            if words[k] in (",", ".", ";") or pos[k] in ("VERB", "ADP"):  # "a member of the X Committee"
                break
            if k + 1 < n and table.tag[k + 1] == "POS":
                continue  # "the company's chairman": the possessor is not what the name is
            if k + 1 < n and (pos[k + 1] == "AUX" or pos[k + 1] == "VERB" and table.lemma[k + 1]
                              not in lexicon(doc).words("source_verbs")):
                break  # "According to Acme, the portal was accessed": a clause's subject ("X, the company said" is)
            if word in _PERSON_TITLES and end - start >= 2 and (k + 1 >= n or pos[k + 1] != "NOUN"):
                out.append(Candidate(start, end, "Person", 3, "apposition-person"))  # "X, the company's CFO"
                break
            body = word in BODY_HEADS and table.dep[k] == "appos" and (first == end + 3 or table.is_lower[k])
            if (word in ORG_APPOSITIVES or body) and (k + 1 >= n or pos[k + 1] != "NOUN"):
                out.append(Candidate(start, end, "Organization", 3, "apposition-org"))
                break
            if word in PRODUCT_HEADS and (k + 1 >= n or pos[k + 1] != "NOUN"):
                out.append(Candidate(start, end, "Product", 3, "apposition-product"))
                break
    return out


_USED_HEADS = {"users", "devices", "device", "installations", "deployments", "smartphones", "phones", "handsets",
               "version", "versions", "vulnerability", "flaw", "bug", "exploit", "patch", "update",
               # a technology, not its maker: "the FTP protocol", "DNS queries", "the PDF format"
               "protocol", "protocols", "format", "formats", "traffic", "port", "ports", "packets", "queries", "query",
               "resolver", "resolvers"}


_FLAWS = {"vulnerability", "flaw", "bug", "weakness", "zero-day", "hole", "loophole"}
# The last word of a product's own name: "Exchange Server", "the Orion Platform"
_NAMED_HEADS = {"server", "platform", "cloud", "os", "gateway", "tool", "portal", "suite"}


def _software(doc: Doc) -> list[Candidate]:
    """'its Orion platform', 'the NotPetya malware', 'Exchange Server': software and malware are products."""
    out = []
    table = tokens_of(doc)
    lower, pos, n = table.lower, table.pos, len(doc)
    for start, end in capitalised_runs(doc, max_len=4):
        after = end < n  # (the word after the name: token end)
        named_head = lower[end - 1] in _NAMED_HEADS and end - start >= 2
        # "X devices", "X users", "older versions of X" aside: what people run is a product
        used = after and lower[end] in _USED_HEADS and pos[end] == "NOUN"
        maker = start > 0 and lower[start - 1] in ("a", "an") and not named_head  # "an Acme exploit": its maker
        # "a vulnerability in Quillmark Transfer": what has the flaw, named in full (not "in Acme's", "in Acme devices")
        flawed = start >= 2 and lower[start - 1] == "in" and table.lemma[start - 2].lower() in _FLAWS and (
            end - start >= 2 or _mixed_case(table.text[start])) and (not after or pos[end] not in ("NOUN", "PART"))
        if ((after and lower[end] in PRODUCT_HEADS and pos[end] in ("NOUN", "PROPN")) or named_head
                or used or flawed) and not maker:
            if not table.sent_start[start] or end - start > 1:
                out.append(Candidate(start, end, "Product", 2, "software-name"))
    return out


def _named_cues(lex) -> dict[str, list[tuple[list[str], bool]]]:
    """The named cues (lexicon.json), longest first, as lower-cased words grouped by their first word.

    Each entry is (words, is "a.k.a."); spaCy splits "a.k.a." into "a.k.a" + ".", so that cue is also
    listed under "a.k.a", in its place in the order.
    """
    return lex.memo("named_cues_by_first_word", lambda: _group_cues(lex["named_cues"]))


def _group_cues(named_cues: list[str]) -> dict[str, list[tuple[list[str], bool]]]:
    cues = sorted((c.split() for c in named_cues), key=len, reverse=True)
    by_first: dict[str, list[tuple[list[str], bool]]] = {}
    for cue in cues:
        words = [c.lower() for c in cue]
        aka = cue == ["a.k.a."]
        for first in [words[0] if words else ""] + (["a.k.a"] if aka else []):
            by_first.setdefault(first, []).append((words, aka))
    return by_first


@triggered_by(lowers=(lambda lex: frozenset(_named_cues(lex)),))  # a naming cue's first word
def _named_actors(doc: Doc) -> list[Candidate]:
    """'a group that calls itself X', 'hackers known as X', 'X, a.k.a. Y'."""
    out = []
    cues = _named_cues(lexicon(doc))
    lower = tokens_of(doc).lower
    for i in [i for i, word in enumerate(lower) if word in cues]:
        for words, aka in cues[lower[i]]:  # only cues whose first word is this one can match
            j = i + len(words)
            if j > len(doc) or lower[i:j] != words:
                # spaCy splits "a.k.a." into "a.k.a" + "."
                if not (aka and lower[i] == "a.k.a"):
                    continue
                j = i + 1 + (i + 1 < len(doc) and tokens_of(doc).text[i + 1] == ".")
            name = name_after(doc, j)
            kind = "Malware" if malware_context(doc, i) else "ThreatActor" if actor_context(doc, i) else \
                "Product" if software_context(doc, i) else None
            if name and kind:
                out.append(Candidate(*name, kind, 5, {"ThreatActor": "named-actor", "Product": "named-software",
                                                      "Malware": "named-malware"}[kind]))
                if lower[i].startswith("a.k.a") or lower[i] == "aka":
                    before = name_before(doc, i)
                    if before:
                        out.append(Candidate(*before, "ThreatActor", 5, "named-actor"))
            break
    return out


@triggered_by(lowers=(frozenset({"itself", "themselves", "himself", "herself"}),))
def _self_named(doc: Doc) -> list[Candidate]:
    """'GreyHeron, as the group calls itself, ...': the name before a reflexive naming clause."""
    out = []
    lower = tokens_of(doc).lower
    for i in range(2, len(doc) - 3):
        if lower[i] != "as" or lower[i - 1] != ",":
            continue
        verb = next((k for k in range(i + 1, min(i + 5, len(doc) - 1)) if lower[k] in ("calls", "call", "called")), None)
        if verb is not None and lower[verb + 1] in ("itself", "themselves", "himself", "herself"):
            name = name_before(doc, i - 1)
            if name:
                out.append(Candidate(*name, "ThreatActor", 5, "named-actor"))
    return out


@triggered_by(lowers=(frozenset({"hacked", "pwned", "defaced"}),))
def _hacked_by(doc: Doc) -> list[Candidate]:
    out = []
    lower = tokens_of(doc).lower
    for i in range(len(doc) - 2):
        if lower[i] in ("hacked", "pwned", "defaced") and lower[i + 1] == "by":
            name = name_after(doc, i + 2)
            if name:
                out.append(Candidate(*name, "ThreatActor", 5, "hacked-by"))
    return out


@triggered_by(lowers=(frozenset({"#"}),))
def _hashtags(doc: Doc) -> list[Candidate]:
    out = []
    table = tokens_of(doc)
    for i in range(len(doc) - 1):
        if table.text[i] == "#" and not table.whitespace[i] and table.is_alpha[i + 1] and cyber_at(doc, i):
            out.append(Candidate(i, i + 2, "ThreatActor", 4, "hashtag"))
    return out


def _actor_codes(doc: Doc) -> list[Candidate]:
    words = tokens_of(doc).text
    # each distinct word matched once (a code ends in a digit: most words need no match)
    codes = {word for word in set(words) if word[-1:].isdigit() and ACTOR_CODE.match(word)}
    return [Candidate(i, i + 1, "ThreatActor", 4, "actor-code") for i, word in enumerate(words) if word in codes] \
        if codes else []


@triggered_by(lowers=(frozenset({"gang", "crew", "cartel", "collective", "syndicate", "group"}),))
def _gang_names(doc: Doc) -> list[Candidate]:
    """'the DarkSide ransomware gang', 'a hacking group called X' is in _named_actors."""
    heads = {"gang", "crew", "cartel", "collective", "syndicate"}
    out = []
    table = tokens_of(doc)
    lower = table.lower
    for i in [i for i, word in enumerate(lower) if word in heads or word == "group"]:
        word = lower[i]
        qualified = word == "group" and i > 0 and lower[i - 1] in (
            "ransomware", "hacking", "hacker", "cybercrime", "extortion", "threat", "apt", "espionage", "hacktivist")
        if word not in heads and not qualified:
            continue
        k = i - 1
        while k >= 0 and lower[k] in ("ransomware", "hacking", "hacker", "cybercrime", "extortion", "threat",
                                           "apt", "espionage", "hacktivist", "criminal", "cyber"):
            k -= 1
        end = k + 1
        while k >= 0 and name_token(table, k):
            k -= 1
        start = k + 1
        if start < end and not gazetteer().country(table.span_text(start, end)) and cyber_at(doc, i):
            out.append(Candidate(start, end, "ThreatActor", 4, "gang-name"))
    return out


@triggered_by(lowers=("film_cues",))  # film_context needs one
def _films(doc: Doc) -> list[Candidate]:
    out = []
    for start, end in quoted_spans(doc):
        if film_context(doc, start, end):
            out.append(Candidate(start, end, "Film", 4, "film-title"))
    return out


@triggered_by(lowers=(frozenset({"according"}),), lemmas=(frozenset({"tell"}),))
def _outlets(doc: Doc) -> list[Candidate]:
    """The name after 'according to' or 'told' is a source; unless NER says Person, an Organization."""
    out = []
    table, types = tokens_of(doc), ent_types_of(doc)
    n = len(doc)
    # the word after each "according", and each form of "tell": the only words that can be a cue
    cues = {k + 1 for k in positions(table.lower, "according") if k + 1 < n} | set(positions(table.lemma, "tell"))
    for i in sorted(cues):
        nxt = i + 1
        if table.lower[i] == "to" and i > 0 and table.lower[i - 1] == "according":
            pass
        elif table.lemma[i] == "tell" and table.pos[i] == "VERB":
            pass
        else:
            continue
        name = name_after(doc, nxt, allow_quotes=False)
        if name and not any(types[k] == "PERSON" for k in range(*name)):
            out.append(Candidate(*name, "Organization", 2, "source-outlet"))
    return out


def _products(doc: Doc) -> list[Candidate]:
    heads = {"console", "network", "platform", "app", "software", "service", "browser", "system", "store"}
    out = []
    table = tokens_of(doc)
    lower, n = table.lower, len(doc)
    for start, end in capitalised_runs(doc, max_len=4):
        if end < n and (lower[end] in heads or (lower[end] == "game" and end + 1 < n and lower[end + 1] == "console")):
            if start > 0 and lower[start - 1] in ("’s", "'s") and table.tag[start - 1] == "POS":
                out.append(Candidate(start, end, "Product", 3, "product-of-org"))
        elif table.text[end - 1] in ("Network", "Platform", "Console", "Store") and end - start >= 2:
            out.append(Candidate(start, end, "Product", 2, "product-name"))
        if start > 0 and table.lower[start - 1] in ("its", "their") and any(
                word in heads for k, word in enumerate(table.lower[end:end + 4], end)
                if not table.is_punct[k] or word == "-"):
            out.append(Candidate(start, end, "Product", 3, "product-of-org"))  # "its Quill file-storage service"
    return out


@triggered_by(lowers=("unit_nouns",))  # the unit noun after the name
def _units(doc: Doc) -> list[Candidate]:
    """"Alphabet's Wiz security unit": the capitalised name before a unit noun is an organisation."""
    units = lexicon(doc).words("unit_nouns") - {"group", "team", "service", "business"}
    out = []
    table = tokens_of(doc)
    lower, n = table.lower, len(doc)
    for start, end in capitalised_runs(doc, max_len=4):
        k = end
        while k < n and k - end < 3 and table.is_lower[k] and lower[k] not in units and table.is_alpha[k]:
            k += 1
        if k < n and lower[k] in units and start > 0 and table.tag[start - 1] == "POS":
            out.append(Candidate(start, end, "Organization", 2, "unit-of-org"))
            owner = start - 2  # "Cisco's Talos unit": the owner is an organisation too
            if owner >= 0 and table.upper[owner] and table.is_alpha[owner]:
                out.append(Candidate(owner, owner + 1, "Organization", 2, "unit-owner"))
    return out


FINDERS = (_from_ner, _country_named_bodies, _pronoun_types, _bodies_of_places, _list_members, _actor_examples,
           _actor_appositions, _government_seats, _countries, _attack_groups, _malware, _named_actors, _self_named,
           _hacked_by, _hashtags, _actor_codes, _gang_names, _films, _outlets, _products, _units, _platforms,
           _software, _org_context, _names_before_kind, _appositions, _owners, _descriptors)
