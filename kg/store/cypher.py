"""Every Cypher statement kg runs lives in cypher/*.cypher; this module loads them.

Values always travel as $parameters. Labels and relationship types cannot, so the few templates that
need one have `{name}` slots, filled only by `render` from kg's whitelist and quoted by `quote`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import QueryError
from kg.keys import alias_key
from kg.models import ENTITY_TYPES, PREDICATES, STATUSES

# A claim's status is also a second label of its Claim node (:Claim:Suspected), so Neo4j Browser's style,
# which can tell nodes apart only by label, can colour claims by status.
STATUS_LABELS = {status: status.capitalize() for status in STATUSES}
IDENTIFIERS = frozenset({*ENTITY_TYPES, *PREDICATES, *STATUS_LABELS.values(), "Entity", "Incident", "ALIAS_OF"})
_SLOT = re.compile(r"\{(label|subject|object|rel|status)\}")
_KEY_OF = re.compile(r"key of (\w+)")


def cypher_dir() -> Path:
    """cypher/ beside the kg package (KG_CYPHER_DIR overrides)."""
    if os.environ.get("KG_CYPHER_DIR"):
        return Path(os.environ["KG_CYPHER_DIR"])
    return Path(__file__).resolve().parents[2] / "cypher"


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    help: str

    @property
    def optional(self) -> bool:
        """`(integer, optional)` in the header: the query gets null when the user leaves it out."""
        return "optional" in self.type

    @property
    def key_of(self) -> str | None:
        """`(key of target)` in the header: the alias key of the parameter `target`, which kg computes
        (kg.keys.alias_key) and passes in; no query turns a name into a key itself."""
        match = _KEY_OF.fullmatch(self.type.strip())
        return match.group(1) if match else None


@dataclass(frozen=True)
class Statement:
    """One .cypher file: its header (name, description, params, example) and its text."""

    name: str
    description: str
    text: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    example: str | None = None

    @property
    def body(self) -> str:
        return "\n".join(line for line in self.text.splitlines() if not line.lstrip().startswith("//")).strip()

    @property
    def inputs(self) -> tuple[Param, ...]:
        """The parameters a caller gives (the others are alias keys kg computes from them)."""
        return tuple(p for p in self.params if p.key_of is None)

    def values(self, params: dict) -> dict:
        """Every parameter the statement reads: the caller's `params`, null for optional ones left out, and
        for each `(key of X)` parameter the alias key of X's value."""
        values: dict = {}
        for p in self.params:  # in the header's order
            if p.key_of is not None:
                if params.get(p.key_of) is not None:
                    values[p.name] = alias_key(str(params[p.key_of]))
            elif p.name in params or p.optional:
                values[p.name] = params.get(p.name)
        return values | {k: v for k, v in params.items() if k not in values}


def quote(identifier: str) -> str:
    """A label or relationship type from the whitelist, back-quoted; anything else is refused."""
    if identifier not in IDENTIFIERS:
        raise QueryError(f"{identifier!r} is not a label or relationship type kg writes")
    return f"`{identifier}`"


def render(statement: Statement, **identifiers: str) -> str:
    """The statement's body with its `{slot}`s filled by whitelisted, quoted identifiers."""
    return _SLOT.sub(lambda m: quote(identifiers[m.group(1)]), statement.body)


@lru_cache(maxsize=None)
def load(name: str) -> Statement:
    path = cypher_dir() / f"{name}.cypher"
    if not path.is_file():
        raise QueryError(f"No query named {name!r} in {cypher_dir()}: `kg query --list` shows the names")
    return parse(name, path.read_text(encoding="utf-8"))


def parse(name: str, text: str) -> Statement:
    description, example, params = "", None, []
    last = None
    for line in text.splitlines():
        if not line.lstrip().startswith("//"):
            continue
        body = line.lstrip()[2:].strip()
        if body.startswith("description:"):
            description, last = body.split(":", 1)[1].strip(), "description"
        elif body.startswith("example:"):
            example, last = body.split(":", 1)[1].strip(), None
        elif body.startswith("param:"):
            match = re.match(r"param:\s*(\w+)\s*\(([^)]*)\)\s*[—-]?\s*(.*)", body)
            if match:
                params.append(Param(*match.groups()))
            last = None
        elif last == "description" and body and ":" not in body.split()[0]:
            description += " " + body
    return Statement(name, description, text, tuple(params), example)


def canned() -> list[Statement]:
    """The read-only queries users run (every cypher/*.cypher but schema)."""
    return [load(p.stem) for p in sorted(cypher_dir().glob("*.cypher")) if p.stem != "schema"]
