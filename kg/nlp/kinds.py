"""What kind of organisation a name is: company, security firm, government agency, news outlet, platform.

Votes come from the words around each mention (lexicon.json `org_kind_cues`: "security firm X",
"X, a cybersecurity company", "according to X", "X handles") and from the name itself ("... Ministry").
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from kg.keys import LEGAL_SUFFIXES
from kg.models import Mention
from kg.nlp.lexicon import lexicon
from kg.nlp.tokens import tokens_of

_BODY_WORDS = {"department", "ministry", "embassy", "police", "agency", "bureau", "command", "commission",
               "directorate", "government", "parliament", "army", "navy", "council", "administration"}
# A name ending in a legal form (kg/data/legal_suffixes.json) or one of these words is a company's.
_COMPANY_WORDS = LEGAL_SUFFIXES | {"corporation", "company", "group", "holdings"}


def kind_votes(doc: Doc, mention: Mention) -> Counter:
    votes: Counter = Counter()
    table = tokens_of(doc)
    before = table.span_text(max(0, mention.token - 4), mention.token).lower()
    after = table.span_text(mention.token_end, min(len(doc), mention.token_end + 8)).lower()
    start = after[:40]
    lex = lexicon(doc)
    forms, every_ending = lex.memo("org_kind_cue_forms", lambda: _cue_forms(lex["org_kind_cues"]))
    # Most names have no cue around them: one test each side says whether any phrase can match.
    cue_before = before.endswith(every_ending)
    cue_after = ", a " in start or ", an " in start or ", the " in start
    if cue_before or cue_after:
        # "X, a local news site that ...": the apposition's noun phrase, whatever words come before its head
        apposition = _APPOSITION.match(after)
        head = apposition.group(1) if apposition else ""
        # the longest cue that matches speaks: "security firm X" is a security firm, not just any "firm"
        found = [(max([len(e) for e in endings if cue_before and before.endswith(e)]
                      + [len(i) - 4 for i in insides if cue_after and i in start]
                      + ([len(endings[0])] if head.endswith(" " + endings[0]) else []), default=0), kind)
                 for kind, endings, insides in forms]
        longest = max((n for n, _ in found), default=0)
        for n, kind in found:
            if n and n == longest:
                votes[kind] += 2
    words = mention.text.lower().replace(".", "").split()
    if words and words[-1] in _BODY_WORDS:
        votes["government agency"] += 3
    if words and words[-1] in _COMPANY_WORDS:
        votes["company"] += 1
    first = after.split()[0] if after.split() else ""
    if first in ("handle", "handles", "account", "accounts", "thread", "page", "post", "feed", "channel"):
        votes["platform"] += 2
    return votes


# ", a local news site that ...", ", an Ohio-based security company with ...": up to five words after the article,
# ending before a clause, a preposition or punctuation
_APPOSITION = re.compile(r", (?:a|an|the)((?: [\w'-]+){1,5}?)(?=[,.;:)]| (?:that|which|who|whose|based|with|in|of|for|from|and|to)\b|$)")


def _cue_forms(cues: dict[str, list[str]]) -> tuple[list[tuple[str, tuple[str, str], tuple[str, str, str]]], tuple[str, ...]]:
    """Each `org_kind_cues` phrase as (kind, how the words before a name may end: "security firm" or
    "security firm the", what may follow the name: ", a security firm", ", an ...", ", the ..."); and
    every ending of every phrase."""
    forms = [(kind, (phrase, phrase + " the"), (f", a {phrase}", f", an {phrase}", f", the {phrase}"))
             for kind, phrases in cues.items() for phrase in phrases]
    return forms, tuple(ending for _, endings, _ in forms for ending in endings)


def org_kind(doc: Doc, mentions: list[Mention], members: list[int]) -> str | None:
    votes: Counter = Counter()
    for i in members:
        votes.update(kind_votes(doc, mentions[i]))
    return votes.most_common(1)[0][0] if votes else None
