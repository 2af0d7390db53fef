"""Plain-list copies of the token attributes the finders read, made once per Doc.

A spaCy Token property costs about 0.2 µs a read (a Token object is made, then a string looked up), and the
finders read the same few attributes of every token many times over. `tokens_of(doc)` reads each once.
The copies are made on first use, which is inside kg's entity component, after every annotating pipe has
run; they are kept while the Doc lives (a weak reference) and hold no reference to it. The model's entities,
which that component replaces, are read once while it runs (`model_entities`).
"""

from __future__ import annotations

from contextlib import contextmanager
from operator import add
from typing import Callable
from weakref import WeakKeyDictionary, ref

from spacy.attrs import (DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_LOWER, IS_PUNCT, LEMMA, LOWER, ORTH, POS, SENT_START,
                         SPACY, TAG)
from spacy.parts_of_speech import NAMES as UNIVERSAL_POS
from spacy.tokens import Doc, Span

_TABLES: WeakKeyDictionary[Doc, Tokens] = WeakKeyDictionary()


class _Strings(dict):
    """Every string a table has read, by its hash: an article's words are mostly the words of the articles before
    it, and a dict read costs a fraction of a StringStore read. A hash is of the string's text, so it names the
    same string in every vocab; a hash not seen yet is read from the StringStore of the Doc being read
    (`store`). It holds no string that the StringStores do not hold too."""

    store = None

    def __missing__(self, key: int) -> str:
        value = self[key] = self.store[key]
        return value


_STRINGS = _Strings()


class Tokens:
    """Per token: text, lower-case form, lemma, trailing whitespace, punctuation, letter and lower-case flags,
    character offset, whether the text starts with a capital, fine and coarse tag, dependency label, the index
    of its head, and whether it starts a sentence. Also the Doc's text, for span texts. (Not the entity type:
    kg's own entity component changes it after the table is made; see `model_entities`.)"""

    __slots__ = ("dep", "doc_text", "head", "idx", "is_alpha", "is_lower", "is_punct", "lemma", "lower", "memo", "pos",
                 "sent_start", "tag", "text", "upper", "whitespace")

    def __init__(self, doc: Doc):
        # One array of numbers for every attribute, its strings looked up through _STRINGS, and each list made
        # by a map over a column: a Token object per token and attribute would cost more than all of that.
        rows = doc.to_array([ORTH, LOWER, LEMMA, TAG, DEP, SPACY, IS_PUNCT, IS_ALPHA, IS_LOWER, IDX, POS, SENT_START,
                             HEAD])
        _STRINGS.store = doc.vocab.strings
        name = _STRINGS.__getitem__
        orth, lower, lemma, tag, dep = rows[:, :5].T.tolist()
        space, punct, alpha, is_lower = rows[:, 5:9].astype(bool).T.tolist()
        self.text: list[str] = list(map(name, orth))
        self.lower: list[str] = list(map(name, lower))
        self.lemma: list[str] = list(map(name, lemma))
        self.whitespace: list[str] = list(map(("", " ").__getitem__, space))
        self.is_punct: list[bool] = punct
        self.is_alpha: list[bool] = alpha
        self.is_lower: list[bool] = is_lower
        self.idx: list[int] = rows[:, 9].tolist()
        self.tag: list[str] = list(map(name, tag))
        self.dep: list[str] = list(map(name, dep))
        self.pos: list[str] = list(map(UNIVERSAL_POS.__getitem__, rows[:, 10].tolist()))
        self.sent_start: list[bool] = (rows[:, 11] == 1).tolist()
        # (the array holds a head as its offset from the token, a negative one wrapped around as unsigned)
        self.head: list[int] = list(map(add, rows[:, 12].astype("int64").tolist(), range(len(doc))))
        self.upper = [text[:1].isupper() for text in self.text]
        self.doc_text = "".join(map(add, self.text, self.whitespace))  # = doc.text, which makes a Token per token
        self.memo: dict = {}  # results that helpers compute once per Doc (kg.nlp.spans.capitalised_runs)

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text`, without making the Span."""
        if end <= start:
            return ""
        return self.doc_text[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]


def tokens_of(doc: Doc) -> Tokens:
    # The finders ask for the table of the Doc they read tens of thousands of times per thousand articles; the last
    # one is at hand without a look-up in _TABLES (which makes a weak reference at every look-up).
    global _last
    last_doc, table = _last
    if last_doc() is not doc:
        table = _TABLES.get(doc)
        if table is None:
            table = _TABLES[doc] = Tokens(doc)
        _last = (ref(doc), table)
    return table


# (a weak reference to the last Doc asked about, or a stand-in for none, and its table)
_last: tuple[Callable[[], Doc | None], Tokens | None] = (lambda: None, None)


def lower_lemmas(doc: Doc) -> list[str]:
    """Each token's lemma in lower case, made once per Doc (the finders, the rules' context and their triggers
    read it)."""
    table = tokens_of(doc)
    lemmas = table.memo.get("lower_lemmas")
    if lemmas is None:
        lemmas = table.memo["lower_lemmas"] = list(map(str.lower, table.lemma))
    return lemmas


def positions(column: list[str], value: str) -> list[int]:
    """Where `value` occurs in a column of the table (e.g. `table.lower`), in order: list.index scans in C, where a
    loop over the tokens would test each in Python."""
    found, k = [], -1
    try:
        while True:
            k = column.index(value, k + 1)
            found.append(k)
    except ValueError:
        return found


@contextmanager
def model_entities(doc: Doc):
    """Hold the model's entities of `doc` while kg's entity component reads them, before it replaces them:
    `ents_of` and `ent_types_of` then make them once (doc.ents makes its Spans anew at every read, and a token's
    `ent_type_` makes a Token)."""
    memo = tokens_of(doc).memo
    memo["model_ents"] = doc.ents
    _STRINGS.store = doc.vocab.strings
    memo["model_ent_types"] = list(map(_STRINGS.__getitem__, doc.to_array(ENT_TYPE).tolist()))
    memo["model_memo"] = {}
    try:
        yield
    finally:
        del memo["model_ents"], memo["model_ent_types"], memo["model_memo"]


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """doc.ents, read once while they are held (`model_entities`)."""
    ents = tokens_of(doc).memo.get("model_ents")
    return doc.ents if ents is None else ents


def model_memo(doc: Doc) -> dict:
    """A dict for what is worked out from the model's entities, kept while they are held (`model_entities`);
    outside a hold, a new one at each call (nothing is kept)."""
    found = tokens_of(doc).memo.get("model_memo")
    return {} if found is None else found


def ent_types_of(doc: Doc) -> list[str]:
    """Each token's `ent_type_` ("" outside an entity), read once while they are held (`model_entities`)."""
    types = tokens_of(doc).memo.get("model_ent_types")
    return [t.ent_type_ for t in doc] if types is None else types
