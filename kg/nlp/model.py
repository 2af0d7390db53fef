"""Loading the spaCy model by name (KG_SPACY_MODEL), with kg's components added."""

from __future__ import annotations

import gc
import os
from functools import lru_cache

import spacy
from spacy.language import Language

import kg.nlp.components  # noqa: F401 - registers the factories
from kg.config import FALLBACK_MODELS, MODEL_INSTALL_HINT
from kg.errors import ModelError

def load_base(name: str) -> Language:
    """The named model, or the PyPI re-upload of en_core_web_sm when the default is asked for."""
    names = [name, *(f for f in FALLBACK_MODELS if name == "en_core_web_sm")]
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        return _checked(nlp, candidate)
    raise ModelError(
        f"spaCy model {name!r} is not installed. Install it with `{MODEL_INSTALL_HINT}` "
        "(or set KG_SPACY_MODEL to an installed English pipeline)."
    )


def _checked(nlp: Language, name: str) -> Language:
    """The model, if it is an English pipeline built for the installed spaCy; else one clear ModelError."""
    from spacy.util import get_minor_version, is_compatible_version

    wanted = nlp.meta.get("spacy_version") or ""
    if nlp.lang != "en":
        raise ModelError(f"spaCy model {name!r} is for language {nlp.lang!r}; kg reads English. "
                         f"Set KG_SPACY_MODEL to an English pipeline, e.g. `{MODEL_INSTALL_HINT}`.")
    if wanted and is_compatible_version(spacy.__version__, wanted) is False:
        raise ModelError(f"spaCy model {name!r} {nlp.meta.get('version', '?')} was built for spaCy {wanted}, but "
                         f"spaCy {spacy.__version__} is installed (v{get_minor_version(spacy.__version__)}): "
                         f"install the matching model with `{MODEL_INSTALL_HINT}`.")
    return nlp


@lru_cache(maxsize=2)
def load(name: str) -> Language:
    """The full kg pipeline: the model's parser and NER, then kg's line sentences and domain entities."""
    nlp = load_base(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_line_sentences", before="parser")
    # The cue lexicon is data passed in through the component's config: KG_LEXICON names another one.
    nlp.add_pipe("kg_entities", last=True, config={"lexicon": os.environ.get("KG_LEXICON") or None})
    # The model is some hundred thousand objects that live as long as the process. Python's cyclic garbage
    # collector would walk all of them in every full collection while articles are analysed; frozen, it
    # leaves them out. (A frozen object freed later is still freed by reference counting; only a cycle of
    # them would stay, and the model's objects are never freed.)
    gc.collect()
    gc.freeze()
    return nlp


def describe(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"
