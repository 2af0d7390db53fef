"""Plain-list copies of the token attributes the finders read, made once per Doc.

A spaCy Token property costs about 0.2 µs a read (a Token object is made, then a string looked up), and the
finders read the same few attributes of every token many times over. `tokens_of(doc)` reads each once.
The copies are made on first use, which is inside kg's entity component, after every annotating pipe has
run; they are kept while the Doc lives (a weak reference) and hold no reference to it.
"""

from __future__ import annotations

from operator import add
from weakref import WeakKeyDictionary

from spacy.attrs import DEP, IDX, IS_ALPHA, IS_PUNCT, LEMMA, LOWER, ORTH, POS, SENT_START, SPACY, TAG
from spacy.parts_of_speech import NAMES as UNIVERSAL_POS
from spacy.tokens import Doc

_TABLES: WeakKeyDictionary[Doc, Tokens] = WeakKeyDictionary()


class _Strings(dict):
    """Every string a table has read, by its hash: an article's words are mostly the words of the articles before
    it, and a dict read costs a fraction of a StringStore read. A hash is of the string's text, so it names the
    same string in every vocab; a hash not seen yet is read from the StringStore of the Doc being read
    (`store`). It holds no string that StringStore does not."""

    store = None

    def __missing__(self, key: int) -> str:
        value = self[key] = self.store[key]
        return value


_STRINGS = _Strings()


class Tokens:
    """Per token: text, lower-case form, lemma, trailing whitespace, punctuation and letter flags,
    character offset, whether the text starts with a capital, fine and coarse tag, dependency label, and
    whether it starts a sentence. Also the Doc's text, for span texts. (Not the entity type: kg's own
    entity component changes it after the table is made.)"""

    __slots__ = ("dep", "doc_text", "idx", "is_alpha", "is_punct", "lemma", "lower", "memo", "pos", "sent_start",
                 "tag", "text", "upper", "whitespace")

    def __init__(self, doc: Doc):
        # One array of numbers for every attribute, its strings looked up through _STRINGS, and each list made
        # by a map over a column: a Token object per token and attribute would cost more than all of that.
        rows = doc.to_array([ORTH, LOWER, LEMMA, TAG, DEP, SPACY, IS_PUNCT, IS_ALPHA, IDX, POS, SENT_START])
        _STRINGS.store = doc.vocab.strings
        name = _STRINGS.__getitem__
        orth, lower, lemma, tag, dep = rows[:, :5].T.tolist()
        space, punct, alpha = rows[:, 5:8].astype(bool).T.tolist()
        self.text: list[str] = list(map(name, orth))
        self.lower: list[str] = list(map(name, lower))
        self.lemma: list[str] = list(map(name, lemma))
        self.whitespace: list[str] = list(map(("", " ").__getitem__, space))
        self.is_punct: list[bool] = punct
        self.is_alpha: list[bool] = alpha
        self.idx: list[int] = rows[:, 8].tolist()
        self.tag: list[str] = list(map(name, tag))
        self.dep: list[str] = list(map(name, dep))
        self.pos: list[str] = list(map(UNIVERSAL_POS.__getitem__, rows[:, 9].tolist()))
        self.sent_start: list[bool] = (rows[:, 10] == 1).tolist()
        self.upper = [text[:1].isupper() for text in self.text]
        self.doc_text = "".join(map(add, self.text, self.whitespace))  # = doc.text, which makes a Token per token
        self.memo: dict = {}  # results that helpers compute once per Doc (kg.nlp.spans.capitalised_runs)

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text`, without making the Span."""
        if end <= start:
            return ""
        return self.doc_text[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]


def tokens_of(doc: Doc) -> Tokens:
    table = _TABLES.get(doc)
    if table is None:
        table = _TABLES[doc] = Tokens(doc)
    return table
