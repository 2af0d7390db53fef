from __future__ import annotations

import re

import pytest

from kg.errors import QueryError
from kg.store.cypher import canned, load, quote, render


def test_cypher_every_canned_query_has_a_header():
    statements = canned()
    assert {"attribution", "involvement"} <= {s.name for s in statements}
    for statement in statements:
        assert statement.description and statement.example, statement.name
        used = set(re.findall(r"\$(\w+)", statement.body))
        assert used == {p.name for p in statement.params}, (statement.name, used)


def test_cypher_quote_accepts_only_the_whitelist():
    assert quote("ThreatActor") == "`ThreatActor`"
    for bad in ("Foo", "ThreatActor` DETACH DELETE n //", "", "attributed_to"):
        with pytest.raises(QueryError):
            quote(bad)


def test_cypher_render_fills_slots_from_the_whitelist():
    text = render(load("write/edges"), rel="ATTRIBUTED_TO", subject="Incident", object="Entity")
    assert "`ATTRIBUTED_TO`" in text and "{rel}" not in text
    with pytest.raises(QueryError):
        render(load("write/edges"), rel="DROP", subject="Incident", object="Entity")
