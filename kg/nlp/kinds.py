"""What kind of organisation a name is: company, security firm, government agency, news outlet, platform.

Votes come from the words around each mention (lexicon.json `org_kind_cues`: "security firm X",
"X, a cybersecurity company", "according to X", "X handles") and from the name itself ("... Ministry").
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from kg.nlp.gazetteer import lexicon
from kg.resolve.local import Mention

_BODY_WORDS = {"department", "ministry", "embassy", "police", "agency", "bureau", "command", "commission",
               "directorate", "government", "parliament", "army", "navy", "council", "administration"}
_COMPANY_WORDS = {"inc", "corp", "corporation", "ltd", "llc", "plc", "company", "group", "holdings"}


def kind_votes(doc: Doc, mention: Mention) -> Counter:
    votes: Counter = Counter()
    cues = lexicon()["org_kind_cues"]
    before = doc[max(0, mention.token - 4):mention.token].text.lower()
    after = doc[mention.token_end:min(len(doc), mention.token_end + 8)].text.lower()
    for kind, phrases in cues.items():
        for phrase in phrases:
            if before.endswith(phrase) or before.endswith(phrase + " the") or f", a {phrase}" in after[:40] \
                    or f", an {phrase}" in after[:40] or f", the {phrase}" in after[:40]:
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


def org_kind(doc: Doc, mentions: list[Mention], members: list[int]) -> str | None:
    votes: Counter = Counter()
    for i in members:
        votes.update(kind_votes(doc, mentions[i]))
    return votes.most_common(1)[0][0] if votes else None
