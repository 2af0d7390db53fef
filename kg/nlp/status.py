"""How sure the text is of a relation: asserted, suspected, claimed, denied or negated, with the cue.

The cue must govern the relation: it is the relation's anchor word, one of its ancestors in the
parse, or a child of one of those (an auxiliary "might", a marker "whether", an adverb "reportedly").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.lexicon import lexicon
from kg.nlp.tokens import tokens_of


def _governors(token: Token) -> list[Token]:
    """A word and its ancestors, stopping at a coordination: in "X is believed to live in Russia and was
    blamed for the attack", "believed" does not govern "blamed"."""
    chain = [token]
    while chain[-1].dep_ not in ("conj", "ROOT") and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)
    return chain


def scope(anchors: list[Token]) -> list[Token]:
    """The anchor words, their ancestors (up to a coordination), and the children of those."""
    seen: dict[int, Token] = {}
    for anchor in anchors:
        for token in _governors(anchor):
            seen[token.i] = token
            for child in token.children:
                if child.dep_ in ("aux", "advmod", "mark", "neg", "nsubj", "attr", "acomp", "prep", "det", "amod"):
                    seen[child.i] = child
    return [seen[i] for i in sorted(seen)]


def status_of(sent: Span, anchors: list[Token], claimed: bool = False, narrow: bool = False,
              attribution: bool = False) -> tuple[str, str | None]:
    """(status, cue) of a relation anchored at `anchors` in `sent`; `narrow`: only the anchors' own words count.
    An `attribution` is also hedged by anonymous sourcing ("people familiar with the matter said")."""
    lex = lexicon(sent.doc)
    words = sorted({t.i: t for a in anchors for t in [a, *a.children]}.values(), key=lambda t: t.i) if narrow else scope(anchors)
    # The words' forms are read off kg's token table, and the cue lists are tested as sets: this runs for
    # every relation found.
    table = tokens_of(sent.doc)
    lower, lemma = table.lower, table.lemma
    sent_text = table.span_text(sent.start, sent.end)
    text = " ".join(lower[t.i] for t in words) if narrow else sent_text.lower()
    for phrase in lex["negation_phrases"]:
        if phrase in text and _phrase_governs(sent, phrase, anchors):
            return "negated", phrase
    denial_verbs, denial_nouns = lex.words("denial_verbs"), lex.words("denial_nouns")
    for token in words:
        if lemma[token.i] in denial_verbs or lower[token.i] in denial_nouns and not _compound_word(token):
            return "denied", table.text[token.i]
    for token in words:
        dep = table.dep[token.i]
        if dep == "neg" or (lower[token.i] in ("no", "never") and dep in ("det", "neg", "advmod")) or (
                lower[token.i] == "none" and dep in ("nsubj", "nsubjpass")):  # "none of its systems were hit"
            return "negated", table.text[token.i]
    if claimed:
        return "claimed", None
    if sent_text.rstrip().endswith("?"):
        return "suspected", "?"  # a question ("Did North Korea hack Sony?") asserts nothing
    for phrase in lex["hedge_phrases"] + (lex["attribution_hedge_phrases"] if attribution else []):
        if phrase in text:
            return "suspected", phrase
    hedges = lex.words("hedges")
    for token in words:
        if (lower[token.i] in hedges or lemma[token.i] in hedges) and table.pos[token.i] != "PROPN":
            return "suspected", table.text[token.i]  # (not the month: "the May 7 attack")
    return "asserted", None


def _compound_word(token: Token) -> bool:
    """A word inside a hyphenated compound: the "denial" of "denial-of-service" denies nothing."""
    doc = token.doc
    return (token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_) or (
        token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_)


def _phrase_governs(sent: Span, phrase: str, anchors: list[Token]) -> bool:
    """A negation phrase counts when it stands before the anchor in the same sentence."""
    start = tokens_of(sent.doc).span_text(sent.start, sent.end).lower().find(phrase) + sent.start_char
    return any(a.idx > start for a in anchors)


def source_of(sent: Span, refer) -> tuple[int | None, Token | None]:
    """Who the sentence quotes: "according to X", "told X", "X said" -> (cluster, cue token)."""
    doc = sent.doc
    table = tokens_of(doc)  # a Token is made only for the words that can be a cue
    for k in range(sent.start, sent.end):
        if table.lower[k] == "according" and k + 2 <= sent.end - 1 and table.lower[k + 1] == "to":
            token = doc[k]
            cluster = _first_ref(token.nbor(2), sent, refer)
            if cluster is not None:
                return cluster, token
        if table.lemma[k] == "tell" and table.pos[k] == "VERB":
            token = doc[k]
            for child in token.children:
                if child.dep_ in ("dobj", "dative", "iobj"):
                    cluster = refer(child)
                    if cluster is not None:
                        return cluster, token
    verbs = lexicon(doc).words("source_verbs")
    for k in range(sent.start, sent.end):
        if table.lemma[k] in verbs and table.pos[k] == "VERB":
            token = doc[k]
            for child in token.children:
                if child.dep_ == "nsubj":
                    cluster = refer(child)
                    if cluster is not None:
                        return cluster, token
    return None, None


def _first_ref(token: Token, sent: Span, refer) -> int | None:
    for t in sent[token.i - sent.start:min(token.i - sent.start + 6, len(sent))]:
        cluster = refer(t)
        if cluster is not None:
            return cluster
    return None
