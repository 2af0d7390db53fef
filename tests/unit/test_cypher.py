from __future__ import annotations

import re

import pytest

from kg.errors import QueryError
from kg.keys import alias_key
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


def test_cypher_claims_get_their_status_as_a_whitelisted_label():
    from kg.models import Claim
    from kg.store.writer import claim_steps

    for name in ("write/claims", "write/claims_new"):
        text = render(load(name), subject="Incident", object="Entity", status="Suspected")
        assert ":`Suspected`" in text and "{status}" not in text
        with pytest.raises(QueryError):
            render(load(name), subject="Incident", object="Entity", status="suspected` DETACH DELETE c //")
    claims = [Claim("i:1", "ATTRIBUTED_TO", "e:1", status, "a:1", "s", n, n + 1, "r", 1.0)
              for n, status in enumerate(("suspected", "asserted", "suspected", "denied"))]
    steps = [s for s in claim_steps(claims, {"i:1": "Incident", "e:1": "Entity"}) if s.part == "claims"]
    assert [(s.statement.count("`Suspected`"), len(s.rows)) for s in steps][0] == (1, 2)
    assert {r["status"] for s in steps for r in s.rows if "`Denied`" in s.statement} == {"denied"}
    bad = Claim("i:1", "ATTRIBUTED_TO", "e:1", "rumoured", "a:1", "s", 0, 1, "r", 1.0)
    with pytest.raises(QueryError):
        list(claim_steps([bad], {"i:1": "Incident", "e:1": "Entity"}))


NAMES = ["Sony Pictures", "Sony's", "Kim Jong-Un", "#GOP", "the", "Re/code", "U.S.", "Sony Pictures Entertainment Inc.",
         "Acme Co Ltd", "  The  Wrap ", "Sony’s PlayStation", "AT&T", "O'Brien", "Lazarus (Hidden Cobra)", "Café Zürich",
         "Who? What! [x] {y} @z | a+b*c", "«Guardians» <of> Peace", "50% = $4.4m ~ ^`x`", "‘GOP’ …"]
BY_NAME = [s for s in [*canned(), load("browser/attribution")] if any(p.key_of for p in s.params)]


def test_cypher_every_name_parameter_comes_with_the_key_python_computes():
    """A query matches names by alias key, and the key comes from kg.keys.alias_key as a parameter
    (`(key of X)` in the header), never from Cypher; the caller gives only the names."""
    assert {"attribution", "evidence", "incidents", "profile", "browser/attribution"} <= {s.name for s in BY_NAME}
    for statement in BY_NAME:
        inputs = {p.name for p in statement.inputs}
        keys = {p.name: p.key_of for p in statement.params if p.key_of}
        assert set(keys.values()) <= inputs and inputs.isdisjoint(keys), statement.name
        for name in NAMES:
            values = statement.values({source: name for source in keys.values()} | {"limit": "5"})
            assert {key: values[key] for key in keys} == {key: alias_key(name) for key in keys}, statement.name
            assert all(values[source] == name for source in keys.values())
