"""The cue lexicon: every cue word and phrase the finders and rules read, as data (kg/nlp/lexicon.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path


class Lexicon(dict):
    """The cue lexicon: every cue word and phrase the finders and rules read, as data (kg/nlp/lexicon.json
    by default). A pipeline gets its lexicon through the `kg_entities` factory's config and carries it on
    each Doc (`doc._.kg_lexicon`), so a new cue is a data change and a test can build a pipeline with
    another lexicon. Sets and other forms made from it are made once per lexicon (`words`, `memo`)."""

    def __init__(self, data: dict, source: str):
        super().__init__(data)
        self.source = source
        self._memo: dict = {}
        self._words: dict[str, frozenset[str]] = {}

    def words(self, key: str) -> frozenset[str]:
        """The entry `key` as a set."""
        found = self._words.get(key)  # asked for hundreds of times per article: no closure made per call
        if found is None:
            found = self._words[key] = frozenset(self[key])
        return found

    def memo(self, key, make):
        """What `make()` returns, made once for this lexicon (e.g. a compiled pattern of its cues)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def __hash__(self) -> int:  # one lexicon per source; usable as a cache key
        return hash(self.source)

    def __eq__(self, other) -> bool:
        return self is other


PACKAGED_LEXICON = "kg/nlp/lexicon.json"


@lru_cache(maxsize=8)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The lexicon at `path`, or kg's own (kg/nlp/lexicon.json) when None."""
    if path is None:
        return Lexicon(json.loads(resources.files("kg.nlp").joinpath("lexicon.json").read_text()), PACKAGED_LEXICON)
    try:
        return Lexicon(json.loads(Path(path).read_text(encoding="utf-8")), path)
    except (OSError, ValueError) as error:
        from kg.errors import ConfigError

        raise ConfigError(f"{path}: cannot read the cue lexicon ({error}); it must be JSON shaped like "
                          "kg/nlp/lexicon.json") from None


# Where spaCy keeps the value of the Doc extension `doc._.kg_lexicon`: read directly, since the finders and rules
# ask for the lexicon about a hundred thousand times per thousand articles and `doc._` builds an object a read.
_LEXICON_KEY = ("._.", "kg_lexicon", None, None)


def lexicon(doc=None) -> Lexicon:
    """The lexicon of the pipeline that made `doc` (its `kg_entities` config), else kg's own."""
    if doc is not None:
        found = doc.user_data.get(_LEXICON_KEY)
        if found is not None:
            return found
    return load_lexicon(None)
