"""Plain-list copies of the token attributes the finders read, made once per Doc.

A spaCy Token property costs about 0.2 µs a read (a Token object is made, then a string looked up), and the
finders read the same few attributes of every token many times over. `tokens_of(doc)` reads each once.
The copies are made on first use, which is inside kg's entity component, after every annotating pipe has
run; they are kept while the Doc lives (a weak reference) and hold no reference to it.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc

_TABLES: WeakKeyDictionary[Doc, Tokens] = WeakKeyDictionary()


class Tokens:
    """Per token: text, lower-case form, lemma, trailing whitespace, punctuation and letter flags,
    character offset, and whether the text starts with a capital. Also the Doc's text, for span texts."""

    __slots__ = ("doc_text", "idx", "is_alpha", "is_punct", "lemma", "lower", "memo", "text", "upper", "whitespace")

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
