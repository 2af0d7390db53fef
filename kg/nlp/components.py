"""kg's spaCy components, registered here and nowhere else (`Language.factory`)."""

from __future__ import annotations

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.entities import choose, find_candidates, propagate, to_spans, vote_types
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.nlp.tokens import ents_of, model_entities

if not Doc.has_extension("kg_lexicon"):
    Doc.set_extension("kg_lexicon", default=None)


class LineSentences:
    """A line break ends a sentence: headlines, captions and list items never run into the next line."""

    def __call__(self, doc: Doc) -> Doc:
        # Only a space token can hold a line break (a token's own trailing whitespace is one space at most),
        # so only the tokens after space tokens are looked at.
        for k in doc.to_array(IS_SPACE).nonzero()[0].tolist():
            previous = doc[k]
            if k + 1 < len(doc) and ("\n" in previous.whitespace_ or "\n" in previous.text):
                doc[k + 1].is_sent_start = True
        return doc


class DomainEntities:
    """Replace doc.ents with kg's entity types: Organization, ThreatActor, Country, Person, Film, Product,
    Malware. The cue lexicon comes from the factory's config and travels on the Doc (`doc._.kg_lexicon`):
    the finders here and the incident and relation rules after read it from there."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_lexicon = self.lexicon
        with model_entities(doc):  # the model's entities, read by the finders until they are replaced
            doc.spans["kg_dates"] = [ent for ent in ents_of(doc) if ent.label_ == "DATE"]
            chosen = vote_types(doc, propagate(doc, choose(doc, find_candidates(doc))))
        doc.ents = to_spans(doc, chosen)
        # Which finder found each entity (by first token): how strong the evidence for its type is.
        doc.user_data["kg_rules"] = {c.start: c.rule for c in chosen}
        return doc


@Language.factory("kg_line_sentences")
def make_line_sentences(nlp: Language, name: str) -> LineSentences:
    return LineSentences()


@Language.factory("kg_entities", default_config={"lexicon": None})
def make_domain_entities(nlp: Language, name: str, lexicon: str | None) -> DomainEntities:
    """`lexicon`: the path of a cue lexicon shaped like kg/nlp/lexicon.json (None: kg's own)."""
    return DomainEntities(load_lexicon(lexicon))
