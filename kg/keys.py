"""Alias keys: the normal form two names must share to be taken as one name."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

_PUNCT = re.compile(r"[^\w]+", re.UNICODE)
# Company legal forms ("inc", "gmbh", ...): kg/data/legal_suffixes.json is the one list.
LEGAL_SUFFIXES = frozenset(json.loads(resources.files("kg.data").joinpath("legal_suffixes.json")
                                      .read_text(encoding="utf-8"))["legal_suffixes"])


@lru_cache(maxsize=1 << 16)  # pure, and called on the same names over and over
def alias_key(name: str) -> str:
    """Lower-case, accents and punctuation folded, a leading "the"/"#" and legal suffixes dropped.

    Possessives go too, so "Acme's", "Jean-Luc" and "#ABC" meet "Acme", "Jean Luc" and "ABC".
    This is the only place a name becomes a key: the writer stores the keys on (:Name {key}) nodes, and the
    canned queries get the keys of the names they are asked about as parameters (Statement.values).
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’]s\b", "", text).replace(".", "")
    words = [w for w in _PUNCT.sub(" ", text).split() if w]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def slug(name: str) -> str:
    return alias_key(name).replace(" ", "-") or "x"


def initials(name: str) -> set[str]:
    """Possible acronyms of a multi-word name: of every word, and of its capitalised words only."""
    words = re.findall(r"[A-Za-z][\w]*", name)
    if len(words) < 2:
        return set()
    every = "".join(w[0] for w in words).lower()
    capitals = "".join(w[0] for w in words if w[0].isupper()).lower()
    return {every, capitals} - {""}
