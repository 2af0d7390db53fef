"""Plain-list copies of the token attributes the finders read, made once per Doc.

A spaCy Token property costs about 0.2 µs a read (a Token object is made, then a string looked up), and the
finders read the same few attributes of every token many times over. `tokens_of(doc)` reads each once.
The copies are made on first use, which is inside kg's entity component, after every annotating pipe has
run; they are kept while the Doc lives (a weak reference) and hold no reference to it.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.attrs import DEP, IDX, IS_ALPHA, IS_PUNCT, LEMMA, LOWER, ORTH, POS, SENT_START, SPACY, TAG
from spacy.parts_of_speech import NAMES as UNIVERSAL_POS
from spacy.tokens import Doc

_TABLES: WeakKeyDictionary[Doc, Tokens] = WeakKeyDictionary()


class Tokens:
    """Per token: text, lower-case form, lemma, trailing whitespace, punctuation and letter flags,
    character offset, whether the text starts with a capital, fine and coarse tag, dependency label, and
    whether it starts a sentence. Also the Doc's text, for span texts. (Not the entity type: kg's own
    entity component changes it after the table is made.)"""

    __slots__ = ("dep", "doc_text", "idx", "is_alpha", "is_punct", "lemma", "lower", "memo", "pos", "sent_start",
                 "tag", "text", "upper", "whitespace")

    def __init__(self, doc: Doc):
        # One array of numbers for every attribute, each distinct string looked up once (an article has a few
        # hundred distinct words): a Token object per token and attribute would cost more than all of that.
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, LOWER, LEMMA, SPACY, IS_PUNCT, IS_ALPHA, IDX, TAG, POS, DEP, SENT_START]).T.tolist() \
            if len(doc) else [[] for _ in range(11)]
        orth, lower, lemma, space, punct, alpha, idx, tag, pos, dep, sent_start = rows
        names = {h: strings[h] for h in {*orth, *lower, *lemma, *tag, *dep}}
        self.text: list[str] = [names[h] for h in orth]
        self.lower: list[str] = [names[h] for h in lower]
        self.lemma: list[str] = [names[h] for h in lemma]
        self.whitespace: list[str] = [" " if s else "" for s in space]
        self.is_punct: list[bool] = [p == 1 for p in punct]
        self.is_alpha: list[bool] = [a == 1 for a in alpha]
        self.idx: list[int] = idx
        self.tag: list[str] = [names[h] for h in tag]
        self.dep: list[str] = [names[h] for h in dep]
        self.pos: list[str] = [UNIVERSAL_POS[p] for p in pos]
        self.sent_start: list[bool] = [start == 1 for start in sent_start]
        self.upper = [text[:1].isupper() for text in self.text]
        self.doc_text = doc.text
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
