"""What the incident and relation rules need to know about one analysed article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from kg.dates import normalise
from kg.models import Mention, Ref
from kg.nlp.clusters import resolve_mentions
from kg.nlp.lexicon import lexicon
from kg.nlp.tokens import lower_lemmas, tokens_of

_YEAR = re.compile(r"\b(19[7-9]\d|20\d\d)\b")


@dataclass
class Sentence:
    index: int
    span: Span


@dataclass(frozen=True)
class Words:
    """One sentence's words as sets: lower-case forms, lower-cased lemmas and dependency labels."""

    lowers: frozenset[str]
    lemmas: frozenset[str]
    deps: frozenset[str]


class DocContext:
    """Mentions, clusters and lookups over one spaCy Doc; built once per article, no I/O."""

    def __init__(self, doc: Doc, published: date | None = None):
        self.doc = doc
        self.published = published
        self.lexicon = lexicon(doc)
        self.sents = list(doc.sents)
        # Each token's lower-case form, lower-cased lemma and dependency label, read once: a spaCy Token
        # property costs about 0.2 µs a read, and the rules look at every token many times.
        self.tokens = tokens_of(doc)
        self.lower: list[str] = self.tokens.lower
        self.lemma: list[str] = lower_lemmas(doc)
        self.dep: list[str] = self.tokens.dep
        self._words: list[Words | None] = [None] * len(self.sents)
        self._date_near: dict[int, str | None] = {}
        self._dates: list[tuple[int, int, str]] | None = None
        self._dated: dict[int, tuple[int, bool]] | None = None
        self.sent_of_token = [0] * len(doc)
        for n, sent in enumerate(self.sents):
            self.sent_of_token[sent.start:sent.end] = [n] * (sent.end - sent.start)
        rules = doc.user_data.get("kg_rules", {})
        self.mentions = [
            Mention(e.text, e.label_, e.start_char, e.end_char, self.sent_of_token[e.start], e.start, e.end,
                    rules.get(e.start))
            for e in doc.ents
        ]
        self.body_start = self._body_start()
        self.clusters, self.cluster_of_mention = resolve_mentions(self.mentions, self.lexicon, self.body_start,
                                                                  self._equated(), self._units())
        from kg.nlp.kinds import org_kind

        for cluster in self.clusters:
            if cluster.type == "Organization":
                cluster.kind = org_kind(doc, self.mentions, cluster.mentions)
        self.mention_at: dict[int, int] = {}
        for n, m in enumerate(self.mentions):
            for k in range(m.token, m.token_end):
                self.mention_at[k] = n
        self.salience = [len(c.mentions) for c in self.clusters]
        self._fiction = self._fiction_tokens()

    def _equated(self) -> list[tuple[int, int]]:
        """Mention pairs the text says are one: 'X, also known as Y', 'X (Y)', 'X, a.k.a. Y'."""
        cues = {"aka", "a.k.a", "a.k.a.", "known", "formerly", "dubbed", "alias", "called"}
        pairs = []
        for n in range(len(self.mentions) - 1):
            a, b = self.mentions[n], self.mentions[n + 1]
            if a.sent != b.sent or self.mentions[n].type == "Country" or b.type == "Country":
                continue
            between = self.tokens.text[a.token_end:b.token]
            # (an adverb says how it is known: "the group known publicly as Y")
            words = {w for w, pos in zip(self.lower[a.token_end:b.token], self.tokens.pos[a.token_end:b.token])
                     if pos != "ADV"}
            if len(between) <= 6 and words & cues and words <= cues | {",", "(", "also", "as", "or", "a", "group",
                                                                        "gang", "the", ".", "“", "”", '"', "which", "is"}:
                pairs.append((n, n + 1))
            elif between == ["("] and b.text.isupper() and b.token_end < len(self.doc) \
                    and self.tokens.text[b.token_end] == ")":
                pairs.append((n, n + 1))
        return pairs

    def _units(self) -> set[int]:
        """Mentions the text calls a unit ("Boeing Global Services, the unit that ..."): a shorter name
        that starts them is the parent, not the same organisation."""
        units = {"unit", "division", "subsidiary", "arm", "branch", "affiliate", "owned"}
        out = set()
        for n, m in enumerate(self.mentions):
            after = self.lower[m.token_end:m.token_end + 8]
            # "X, the retail banking arm of ...", "X, which has been wholly owned by ...", up to the next comma
            clause = after[1:next((k for k in range(1, len(after)) if after[k] in (",", ".", ";")), len(after))]
            if after[:1] == [","] and any(w in units for w in clause):
                out.add(n)
        return out

    def _body_start(self) -> int:
        """Where the body begins: after a first line that is a headline (no final full stop)."""
        text = self.tokens.doc_text
        newline = text.find("\n")
        if newline <= 0 or text[:newline].rstrip().endswith((".", "!", "?")):
            return 0
        return newline + 1

    def in_headline(self, token: Token) -> bool:
        return token.idx < self.body_start

    # ---- entities ----------------------------------------------------------------------------

    def cluster_at(self, token: Token) -> int | None:
        n = self.mention_at.get(token.i)
        return None if n is None else self.cluster_of_mention[n]

    def type_of(self, cluster: int) -> str:
        return self.clusters[cluster].type

    def refer(self, token: Token) -> int | None:
        """The cluster a token names: a mention, or a definite description ("the studio", "the movie")."""
        direct = self.cluster_at(token)
        if direct is not None:
            return direct
        if token.lower_ in ("its", "it", "their", "they") and token.pos_ == "PRON":
            return self._pronoun(token)
        kind = self.lexicon["definite_heads"].get(token.lower_)
        if kind is None or token.pos_ != "NOUN":
            return None
        determiners = {child.lower_ for child in token.children if child.dep_ in ("det", "poss")}
        if not determiners & {"the", "this", "that", "its", "their"} and token.dep_ != "compound" and not any(
            c.dep_ == "compound" and self.cluster_at(c) is not None for c in token.children
        ):
            return None
        if token.dep_ == "appos" and (named := self.cluster_at(token.head)) is not None \
                and self.clusters[named].type == kind:
            return named  # "Mandiant, the incident-response firm": the name it stands beside
        for child in token.rights:  # "the shipping firm Acme": the name in apposition after it
            if child.dep_ in ("appos", "compound", "flat") and (named := self.cluster_at(child)) is not None \
                    and self.clusters[named].type == kind:
                return named
        for child in token.rights:  # "the city of Riverton", "the county of X": the name after "of" is it
            if child.dep_ == "prep" and child.lower_ == "of":
                named = next((self.cluster_at(g) for g in child.children if g.dep_ == "pobj"
                              and self.cluster_at(g) is not None), None)
                if named is not None and self.clusters[named].type == kind:
                    return named
        for child in token.lefts:  # "the Acme division", "the ALPHV ransomware group": a name in front names it
            for part in child.subtree:
                if self.cluster_at(part) is not None and child.dep_ in ("compound", "amod", "nmod"):
                    if self.clusters[self.cluster_at(part)].type == "Country":
                        continue  # "every major Ruritanian bank": where the bank is, not which
                    return self.cluster_at(part)
        return self._antecedent(token, kind)

    def _pronoun(self, token: Token) -> int | None:
        """'its', 'it': the subject of this sentence or the last one if it is an organisation or actor."""
        sent = self.sent_of_token[token.i]
        for n in (sent, sent - 1):
            if n == sent - 1 and (ahead := self._subject_ahead(token)) is not None:
                return ahead  # (none before it in its sentence)
            if n < 0:
                continue
            for candidate in self.sents[n]:
                if candidate.i >= token.i:
                    break
                c = self.cluster_at(candidate)
                if c is not None and (candidate.dep_ in ("nsubj", "nsubjpass", "poss", "compound") or (
                        candidate.dep_ == "appos" and candidate.head.dep_ in ("nsubj", "nsubjpass")) or (
                        _known_as(candidate))) and \
                        self.clusters[c].type in ("Organization", "ThreatActor", "Country") and \
                        (candidate.dep_ != "compound" or candidate.head.dep_ in ("nsubj", "nsubjpass")):
                    return c
        return None

    def _subject_ahead(self, token: Token) -> int | None:
        """'After many of its systems were knocked out, Riverton County restored ...': a pronoun in a clause
        put before its sentence's subject stands for that subject."""
        for clause in token.ancestors:
            if clause.dep_ == "advcl" and clause.i < clause.head.i:
                for subject in (c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > token.i):
                    found = self.cluster_at(subject)
                    if found is not None and self.clusters[found].type in ("Organization", "ThreatActor", "Country"):
                        return found
                return None
        return None

    def _antecedent(self, token: Token, kind: str) -> int | None:
        heads = [*self.lexicon["org_kind_heads"].get(token.lower_, []), token.lower_]  # "the committee": "... Committee"
        best, best_score = None, 0.0
        for n, m in enumerate(self.mentions):
            if m.token >= token.i:
                break
            c = self.cluster_of_mention[n]
            cluster = self.clusters[c]
            if cluster.type != kind and not (kind == "Organization" and cluster.type == "Product"):
                continue
            if cluster.kind == "security firm":
                continue  # a security firm reports on other people's incidents: never "the company" hit
            # the name's words ("the studio": "... Pictures"), or the kind the text gives it ("the company": a
            # name the text calls a company, not the outlet that reported on it)
            called = cluster.kind is not None and token.lower_ in self.lexicon["org_kind_cues"].get(cluster.kind, ())
            fit = 2.0 if called or any(w.lower() in heads for w in cluster.name.split()) else 0.0
            here = self.sent_of_token[token.i]  # the nearer, the likelier: this sentence well ahead of the last
            score = fit + self.salience[c] + (2.0 if self.mentions[n].sent == here else
                                              1.0 if self.mentions[n].sent == here - 1 else 0.0)
            if score > best_score:
                best, best_score = c, score
        return best

    def clusters_in(self, tokens) -> list[int]:
        found = []
        for token in tokens:
            c = self.refer(token)
            if c is not None and c not in found:
                found.append(c)
        return found

    # ---- sentences ---------------------------------------------------------------------------

    def sentence_of(self, token: Token) -> int:
        return self.sent_of_token[token.i]

    def sentence_text(self, sent: int) -> str:
        """`self.sents[sent].text`, without reading its tokens again."""
        return self.tokens.span_text(self.sents[sent].start, self.sents[sent].end)

    def sentence_words(self, sent: int) -> Words:
        """The words of sentence `sent` as sets (made on first use)."""
        words = self._words[sent]
        if words is None:
            start, end = self.sents[sent].start, self.sents[sent].end
            words = self._words[sent] = Words(frozenset(self.lower[start:end]), frozenset(self.lemma[start:end]),
                                              frozenset(self.dep[start:end]))
        return words

    def date_near(self, trigger: Token) -> str | None:
        """The most precise date said of an attack word's own clause ("hit on Dec. 23", "stolen in late
        2014"), relative to the article's publication date; dates of other clauses do not count."""
        if trigger.i not in self._date_near:  # asked once when a mention is found, again for its incident
            self._date_near[trigger.i] = self._find_date_near(trigger)
        return self._date_near[trigger.i]

    def _date_spans(self) -> list[tuple[int, int, str]]:
        """(start, root, text) of each date spaCy's NER found (doc.spans["kg_dates"]), read once."""
        if self._dates is None:
            self._dates = [(span.start, span.root.i, span.text) for span in self.doc.spans.get("kg_dates", [])]
        return self._dates

    def _find_date_near(self, trigger: Token) -> str | None:
        clause = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        while clause.dep_ in ("prep", "pobj", "dobj", "nsubj", "nsubjpass", "compound") and clause.head is not clause:
            clause = clause.head
        first, last = clause.left_edge.i, clause.right_edge.i  # the clause's words lie between its edges
        if not any(first <= root <= last for _, root, _ in self._date_spans()):
            return None  # most clauses have no date: their words need not be gathered
        inside = {t.i for t in clause.subtree} - {
            t.i for c in clause.subtree if c.dep_ in ("relcl", "advcl", "ccomp", "appos") and trigger not in c.subtree
            for t in c.subtree}
        found = [normalise(text, self.published) for _, root, text in self._date_spans() if root in inside]
        found = [d for d in found if d]
        return max(found, key=len) if found else None

    def year_in(self, sent: int) -> int | None:
        return self.dated(sent)[0]

    def dated(self, sent: int) -> tuple[int | None, bool]:
        """The year a sentence names, and whether it leads the sentence ("In 2011, ..."): a fronted year
        sets a scene apart from the story; a year inside the clause ("stolen in late 2014") dates it."""
        if self._dated is None:  # every sentence's, in one pass over the dates
            self._dated = {}
            for start, _, text in self._date_spans():
                match = _YEAR.search(text)
                if match and self.sent_of_token[start] not in self._dated:
                    n = self.sent_of_token[start]
                    self._dated[n] = (int(match.group()), start - self.sents[n].start <= 2)
        return self._dated.get(sent, (None, False))

    def in_fiction(self, token: Token) -> bool:
        """True inside a work's plot: "a comedy about a CIA attempt to ..." is no real-world event."""
        return token.i in self._fiction

    def _fiction_tokens(self) -> set[int]:
        heads = self.lexicon.words("fiction_heads")
        inside: set[int] = set()
        for token in (self.doc[i] for i, lower in enumerate(self.lower) if lower == "about"):
            if token.head.lemma_ in heads:
                inside.update(t.i for t in token.subtree)
                # The parse may hang the plot's verbs elsewhere: the plot runs to the clause's end.
                for follower in self.doc[token.i:token.sent.end]:
                    if follower.text in ("-", "—", "–", ";", ")") or "\n" in follower.whitespace_:
                        break
                    inside.add(follower.i)
        return inside


def _known_as(token: Token) -> bool:
    """'The party, known as Acme Now, said it ...': the name a subject is known as."""
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "as" else None
    return verb is not None and verb.dep_ == "acl" and verb.lemma_.lower() in ("know", "call", "name", "dub") \
        and verb.head.dep_ in ("nsubj", "nsubjpass")
