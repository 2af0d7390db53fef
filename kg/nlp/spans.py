"""Token-level helpers for finding names: capitalised runs, quoted titles, the name after a cue,
and the tests that tell a country from a place or a dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress
from operator import gt

from spacy.tokens import Doc, Span

from kg.keys import alias_key
from kg.knowledge import gazetteer
from kg.nlp.lexicon import lexicon
from kg.nlp.tokens import Tokens, tokens_of

QUOTES_OPEN = {'"', "“", "‘", "'", "``"}
QUOTES_CLOSE = {'"', "”", "’", "'", "''"}
ACTOR_CODE = re.compile(r"^(?:APT|UNC|TA|FIN|DEV-|Storm-|TEMP\.|G)\d{1,4}$")
LOWER_INSIDE = {"of", "the", "for", "and", "on", "in", "de", "&"}
PRODUCT_HEADS = {"software", "platform", "server", "servers", "app", "application", "update", "updates", "malware",
                  "worm", "virus", "wiper", "trojan", "backdoor", "toolkit", "browser", "console", "firmware",
                  "router", "routers", "plugin", "plug-in", "ransomware", "spyware", "botnet", "exploit", "utility",
                  "appliance", "appliances", "portal", "suite"}

# What the law does to a named suspect: the charge finder types its object a person, the charge rule reads
# it as an attribution (with more verbs: kg.nlp.rules.attribution).
CHARGE_VERBS = frozenset({"charge", "indict", "arrest", "extradite", "sentence", "convict", "detain", "jail",
                          "prosecute"})


@dataclass
class Candidate:
    start: int  # token offsets in the doc
    end: int
    type: str
    priority: int
    rule: str


def trim(doc: Doc, start: int, end: int, keep_the: bool = False) -> tuple[int, int]:
    """Drop determiners, quotes and punctuation at the edges (a title's own "The" stays with keep_the),
    and a sentence's first word when only its position capitalised it ("Faulty CrowdStrike update")."""
    t = tokens_of(doc)
    text = t.text
    if end - start > 1 and t.sent_start[start] and t.tag[start] in ("JJ", "RB", "VBG", "VBN", "VBD") \
            and text[start + 1][:1].isupper():
        start += 1
    while start < end and (text[start] in ("the", "a", "an") or text[start] in QUOTES_OPEN or t.is_punct[start]
                           or (text[start] in ("The", "A", "An") and not (keep_the or (
                               not t.sent_start[start] and end - start > 1)))):
        start += 1
    while end > start and (t.tag[end - 1] == "POS" or t.is_punct[end - 1] or text[end - 1] in QUOTES_CLOSE
                           or text[end - 1] in ("and", "or", "of", "the", "&", "that", "which", "who")):
        end -= 1  # no name ends in "and" or "of" ("the Grey Heron gang and", as the model sometimes cuts it)
    while end - start > 1 and text[end - 1].isalpha() and text[end - 1].islower() and text[end - 2][:1].isupper():
        end -= 1  # nor in a lower-case word after its capitals ("Acme first learned ...")
    return start, end


def name_token(t: Tokens, k: int) -> bool:
    """Whether token k can be a word of a name (read off the token table `t`)."""
    text = t.text[k]
    return (text[:1].isupper() or ACTOR_CODE.match(text) is not None) and t.is_alpha[k] | (
        "-" in text or "/" in text or text.isalnum()) and t.lower[k] not in ("the", "a", "an")


def capitalised_runs(doc: Doc, max_len: int) -> tuple[tuple[int, int], ...]:
    """(start, end) of each run of up to `max_len` capitalised words ("Bank of England", "U.S.-based").
    Computed once per Doc and length; the finders share the result."""
    table = tokens_of(doc)
    key = ("capitalised_runs", max_len)
    if key not in table.memo:
        table.memo[key] = tuple(_capitalised_runs(table, max_len))
    return table.memo[key]


def _capitalised_runs(t: Tokens, max_len: int) -> list[tuple[int, int]]:
    runs = []
    j = 0  # where the last run ended: the next starts at the first word that can start one from here
    for i, longest in _longest_runs(t):
        if i >= j:
            j = min(i + max_len, longest)  # = run_end(t, i, max_len)
            runs.append((i, j))
    return runs


def _longest_runs(t: Tokens) -> list[tuple[int, int]]:
    """Each word that can start a run (capitalised, not punctuation), with the end of the longest run from it
    (`run_end` without a length limit), made once per Doc. Whether a run goes on at a word does not depend on
    where it started, so a run of up to n words from i ends at the lesser of i + n and that end; and every word
    inside the longest run from an earlier word has the same end."""
    longest = t.memo.get("longest_runs")
    if longest is None:
        n = len(t.text)
        longest = t.memo["longest_runs"] = []
        end = 0
        for i in compress(range(n), map(gt, t.upper, t.is_punct)):  # (capitalised and not punctuation: True > False)
            if i >= end:
                end = run_end(t, i, n)
            longest.append((i, end))
    return longest


def run_end(t: Tokens, i: int, max_len: int, inside: set[str] = LOWER_INSIDE) -> int:
    """The end of the run of capitalised words that starts at token i (a capitalised word)."""
    n, upper = len(t.text), t.upper
    j = i + 1
    while j < n and j - i < max_len and (
        upper[j] or (t.lower[j] in inside and j + 1 < n and upper[j + 1])
        or (t.text[j] in ("-", ".") and not t.whitespace[j - 1] and j + 1 < n and upper[j + 1]
            and not (t.text[j] == "." and t.whitespace[j]))  # "X. A" ends a sentence
    ) and "\n" not in t.whitespace[j - 1]:
        j += 1
    return j


def name_after(doc: Doc, i: int, allow_quotes: bool = True) -> tuple[int, int] | None:
    """The name that starts at token i: a quoted string, a #hashtag, or a run of capitalised words."""
    t = tokens_of(doc)
    text, n = t.text, len(t.text)
    if i >= n:
        return None
    if allow_quotes and t.lower[i] == "the" and i + 1 < n and text[i + 1] in QUOTES_OPEN:
        i += 1  # 'a gang called the "Grey Heron"'
    if allow_quotes and text[i] in QUOTES_OPEN:
        for j in range(i + 1, min(i + 12, n)):
            if text[j] in QUOTES_CLOSE or text[j] == '"':
                start, end = trim(doc, i + 1, j, keep_the=True)
                return (start, end) if start < end and text[start][:1].isupper() else None
        return None
    if text[i] == "#" and i + 1 < n and not t.whitespace[i]:
        return i, i + 2
    if t.lower[i] == "the" and i + 1 < n and text[i + 1][:1].isupper():
        i += 1  # "known as The Pale Rider": the name without its article
    j = i
    while j < n and (name_token(t, j) or (j > i and doc[j].like_num and name_token(t, j - 1)) or (
        t.lower[j] in _INSIDE_NOT_AND and j > i and j + 1 < n and text[j + 1][:1].isupper()
    ) or (text[j] == "/" and j > i and not t.whitespace[j] and not t.whitespace[j - 1])
            or (j > i and text[j - 1] == "/" and not t.whitespace[j - 1] and t.is_alpha[j])):
        if text[j] != "/" and j > i and "\n" in t.whitespace[j - 1]:
            break
        j += 1
        if j - i >= 6:
            break
    start, end = trim(doc, i, j)
    return (start, end) if start < end else None


_INSIDE_NOT_AND = LOWER_INSIDE - {"and"}


def name_before(doc: Doc, i: int) -> tuple[int, int] | None:
    t = tokens_of(doc)
    j = i - 1
    while j >= 0 and (t.is_punct[j] or t.text[j] in QUOTES_CLOSE):
        j -= 1
    end = j + 1
    while j >= 0 and (name_token(t, j) or (t.lower[j] in LOWER_INSIDE and j > 0 and t.text[j - 1][:1].isupper())):
        j -= 1
    start, end = trim(doc, j + 1, end)
    return (start, end) if start < end else None


def quoted_spans(doc: Doc) -> list[tuple[int, int]]:
    table = tokens_of(doc)
    text = table.text
    spans = []
    i = 0
    while i < len(doc):
        if text[i] in QUOTES_OPEN:
            for j in range(i + 1, min(i + 12, len(doc))):
                if text[j] in QUOTES_CLOSE:
                    start, end = trim(doc, i + 1, j, keep_the=True)
                    if start < end and all(title_word(doc, k) for k in range(start, end)):
                        spans.append((start, end))
                    i = j
                    break
                if "\n" in table.whitespace[j]:
                    break
        i += 1
    return spans


_TITLE_SMALL_WORDS = LOWER_INSIDE | {"to", "a", "an", "with", "her", "his", "my", "at"}


def title_word(doc: Doc, k: int) -> bool:
    t = tokens_of(doc)
    return t.upper[k] or t.lower[k] in _TITLE_SMALL_WORDS or t.is_punct[k] or doc[k].like_num


def film_context(doc: Doc, start: int, end: int) -> bool:
    cues = lexicon(doc).words("film_cues")
    lower = tokens_of(doc).lower
    first, last = sentence_bounds(doc, start)
    if any(lower[k] in cues for k in range(max(start - 4, first), start)):
        return True
    return (tokens_of(doc).text[start - 1] in QUOTES_OPEN if start > 0 else False) and any(
        lower[k] in cues for k in range(first, last))


def software_context(doc: Doc, i: int) -> bool:
    """'the malware, known as BlackEnergy': the thing named is software, not a group."""
    window = tokens_of(doc).lower[max(sentence_bounds(doc, i)[0], i - 4):i]
    return any(w in PRODUCT_HEADS for w in window) and not any(w in lexicon(doc).words("actor_nouns") for w in window)


def malware_context(doc: Doc, i: int) -> bool:
    """'a ransomware strain called X', 'the malware, dubbed X': what is named is malware."""
    heads = lexicon(doc).words("malware_heads") - {"bot"}
    window = tokens_of(doc).lower[max(sentence_bounds(doc, i)[0], i - 6):i]
    return any(w in heads for w in window) and not any(w in lexicon(doc).words("actor_nouns") for w in window)


def actor_context(doc: Doc, i: int) -> bool:
    """An attackers' noun ("a group", "hackers") in the eight words before a naming cue at i, or "a.k.a."."""
    nouns = lexicon(doc).words("actor_nouns") | {"attackers", "scammers", "fraudsters", "persona", "handle", "moniker"}
    table = tokens_of(doc)
    first = sentence_bounds(doc, i)[0]
    if i > first and table.pos[i - 1] in ("NOUN", "PROPN") and table.lower[i - 1] not in nouns \
            and table.lemma[i - 1].lower() not in nouns:
        return False  # "set up a news outlet called X": what is named is the outlet, whoever set it up
    if i - 1 > first and table.text[i - 1] == "," and table.pos[i - 2] == "NOUN" and table.lower[i - 2] not in nouns \
            and table.lemma[i - 2].lower() not in nouns:
        return False  # "the fourth category of vulnerability, known as X": a flaw is named, not an actor
    window = range(max(first, i - 8), i)
    found = [k for k in window if table.lower[k] in nouns]
    if found and table.lower[found[-1]] == "operation" and table.lower[found[-1] - 1] not in _GANG_KINDS:
        return False  # "the operation, code-named X", a police or state operation; not "a ransomware operation"
    return bool(found) or table.lower[i].startswith("a.k.a")


def operation_names(doc: Doc) -> set[str]:
    """Names the text gives an operation or a campaign ("the operation, code-named Kestrel Dawn", "tracked the
    campaign under the name X"): a police or state operation, no entity. Not "a ransomware operation called X"."""
    table = tokens_of(doc)
    lower = table.lower
    if "operation" not in lower and "campaign" not in lower:
        return set()
    out = set()
    for k, word in enumerate(lower):
        if word not in ("operation", "campaign") or (k > 0 and lower[k - 1] in _GANG_KINDS):
            continue
        last = sentence_bounds(doc, k)[1]
        cue = next((j for j in range(k + 1, min(k + 7, last)) if lower[j] in _NAMING_WORDS), None)
        if cue is not None and (name := name_after(doc, cue + 1)) is not None:
            out.add(table.span_text(*name))
    return out


_NAMING_WORDS = {"named", "codenamed", "dubbed", "called", "nicknamed", "name", "codename"}
# what makes an "operation" a gang ("a ransomware operation known as X")
_GANG_KINDS = {"ransomware", "criminal", "cybercriminal", "cybercrime", "extortion", "hacking", "malware", "phishing",
               "spam", "botnet", "fraud", "scam", "espionage", "cyberespionage", "theft"}


def actor_nearby(doc: Doc, start: int, end: int) -> bool:
    """An attackers' noun ("hackers", "gang", "group") within three words of a name."""
    nouns = lexicon(doc).words("actor_nouns") | {"ransomware", "attackers", "hackers"}
    first, last = sentence_bounds(doc, start)
    return any(w in nouns for w in tokens_of(doc).lower[max(first, start - 3):min(last, end + 3)])


def cyber_sentence(sent: Span) -> bool:
    """Whether a sentence speaks of cyber matters (a `cyber_context` word or an attack noun)."""
    return cyber_at(sent.doc, sent.start)


def cyber_at(doc: Doc, i: int) -> bool:
    """`cyber_sentence` of token i's sentence, computed once per sentence."""
    table = tokens_of(doc)
    start, end = sentence_bounds(doc, i)
    memo = table.memo.setdefault("cyber_sentence", {})
    if start not in memo:
        lex = lexicon(doc)
        cues = lex.memo("cyber_sentence_cues", lambda: lex.words("cyber_context") | lex.words("attack_nouns"))
        memo[start] = any(table.lower[k] in cues or table.lemma[k] in cues for k in range(start, end))
    return memo[start]


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) of token i's sentence, like `doc[i].sent` without making the Span (which walks the
    sentence each time)."""
    table = tokens_of(doc)
    bounds = table.memo.get("sentence_bounds")
    if bounds is None:  # each token's (start, end), made once per Doc
        n = len(table.text)
        starts = list(compress(range(n), table.sent_start))
        if n and not table.sent_start[0]:
            starts.insert(0, 0)  # the first token starts a sentence, flagged or not
        bounds = table.memo["sentence_bounds"] = []
        for start, end in zip(starts, starts[1:] + [n]):
            bounds += [(start, end)] * (end - start)
    return bounds[i]


def as_country(doc: Doc, start: int, end: int) -> bool:
    """A capital stands for its government ("Moscow denied"), not where something is ("an embassy in
    Moscow"), not part of a longer name ("The Washington Post") and not a dateline ("LONDON - ...")."""
    t = tokens_of(doc)
    if alias_key(t.span_text(start, end)) not in gazetteer().capital_keys:
        return not dateline(doc, start, end)
    if end < len(t.text) and (t.upper[end] and t.is_alpha[end] and not t.sent_start[end]):
        return False
    if start > 0 and (t.lower[start - 1] in ("in", "at", "from", "near", "outside", "to", "of", "the")
                      or t.upper[start - 1] and t.is_alpha[start - 1] and not t.sent_start[start]):
        return False
    return not dateline(doc, start, end)


def dateline(doc: Doc, start: int, end: int) -> bool:
    """'WASHINGTON - ...' at the start of a line."""
    t = tokens_of(doc)
    at_line_start = start == 0 or "\n" in t.whitespace[start - 1] or doc[start - 1].is_space
    return at_line_start and t.span_text(start, end).isupper() and end < len(t.text) \
        and t.text[end] in ("-", "—", "–", ",")


def looks_like_org(doc: Doc, start: int, end: int) -> bool:
    """Whether doc[start:end] ends in a company's or an institution's word, or is a short acronym."""
    t = tokens_of(doc)
    last = t.lower[end - 1]
    lex = lexicon(doc)
    return last in lex.words("org_suffixes") or (end - start > 1 and last in lex.words("institution_heads")) or (
        end - start == 1 and t.text[start].isupper() and len(t.text[start]) <= 5)


def proper_noun(doc: Doc, start: int, end: int) -> bool:
    t = tokens_of(doc)
    return all(pos == "PROPN" for pos in t.pos[start:end]) and not t.sent_start[start] and t.upper[start]


def whole(doc: Doc, start: int, end: int) -> bool:
    """Not part of a longer capitalised name ("Acme" inside "Acme Corporation" is not a mention of Acme)."""
    t = tokens_of(doc)
    return not (start > 0 and t.upper[start - 1] and t.is_alpha[start - 1] and not t.sent_start[start]) \
        and not (end < len(t.text) and t.upper[end] and t.is_alpha[end])
