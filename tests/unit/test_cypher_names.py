"""Every canned query spells the name look-up the same way (its key must stay equal to alias_key)."""

from __future__ import annotations

from kg.store.cypher import canned, load

EXTRA = ("lookup/names", "browser/attribution")


def key_block(body: str) -> str:
    """The lines that turn `raw` into an alias key: from the line after `… AS raw` to the one ending `AS key`."""
    lines = body.splitlines()
    first = next(i for i, line in enumerate(lines) if line.endswith(" AS raw"))
    last = next(i for i, line in enumerate(lines) if line.endswith(" AS key"))
    return "\n".join(lines[first + 1:last + 1])


def test_cypher_name_lookup_is_spelt_the_same_everywhere():
    statements = [s for s in canned() + [load(name) for name in EXTRA] if " AS raw\n" in s.body]
    assert len(statements) >= 9
    reference = key_block(load("attribution").body)
    for statement in statements:
        assert key_block(statement.body) == reference, statement.name
