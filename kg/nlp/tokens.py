"""Plain-list copies of the token attributes the finders read, made once per Doc.

A spaCy Token property costs about 0.2 µs a read (a Token object is made, then a string looked up), and the
finders read the same few attributes of every token many times over. `tokens_of(doc)` reads each once.
The copies are made on first use, which is inside kg's entity component, after every annotating pipe has
run; they are kept while the Doc lives (a weak reference) and hold no reference to it.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.attrs import DEP, POS, SENT_START, TAG
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
        self.text: list[str] = []
        self.lower: list[str] = []
        self.lemma: list[str] = []
        self.whitespace: list[str] = []
        self.is_punct: list[bool] = []
        self.is_alpha: list[bool] = []
        self.idx: list[int] = []
        for token in doc:
            self.text.append(token.text)
            self.lower.append(token.lower_)
            self.lemma.append(token.lemma_)
            self.whitespace.append(token.whitespace_)
            self.is_punct.append(token.is_punct)
            self.is_alpha.append(token.is_alpha)
            self.idx.append(token.idx)
        # The tags and labels are few: read as numbers in one array, each name looked up once.
        strings = doc.vocab.strings
        tag, pos, dep, sent_start = doc.to_array([TAG, POS, DEP, SENT_START]).T.tolist() if len(doc) else ([], [], [], [])
        names = {h: strings[h] for h in {*tag, *dep}}
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
