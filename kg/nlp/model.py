"""Loading the spaCy model by name (KG_SPACY_MODEL), with kg's components added."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

import kg.nlp.components  # noqa: F401 - registers the factories
from kg.config import FALLBACK_MODELS, MODEL_INSTALL_HINT
from kg.errors import ModelError

UNUSED_PIPES = ()


def load_base(name: str) -> Language:
    """The named model, or the PyPI re-upload of en_core_web_sm when the default is asked for."""
    names = [name, *(f for f in FALLBACK_MODELS if name == "en_core_web_sm")]
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelError(
        f"spaCy model {name!r} is not installed. Install it with `{MODEL_INSTALL_HINT}` "
        "(or set KG_SPACY_MODEL to an installed English pipeline)."
    )


@lru_cache(maxsize=2)
def load(name: str) -> Language:
    """The full kg pipeline: the model's parser and NER, then kg's line sentences and domain entities."""
    nlp = load_base(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_line_sentences", before="parser")
    nlp.add_pipe("kg_entities", last=True)
    return nlp


def describe(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"
