"""kg's Neo4j Browser style and guide: complete, loadable in one line, and in step with cypher/."""

from __future__ import annotations

import json
from pathlib import Path

from kg.browser import GUIDE
from kg.browser.guide import example_params, render
from kg.config import ServerSettings
from kg.models import ENTITY_TYPES, PREDICATES, STATUSES
from kg.store.cypher import STATUS_LABELS, canned
from kg.store.server import LocalServer
from kg.style import STYLE, parse_grass, style_command, style_json


def test_browser_style_gives_every_label_a_colour_and_caption():
    rules = parse_grass(STYLE.read_text())
    for label in (*ENTITY_TYPES, "Incident", "Claim", "Article", "Name"):
        rule = rules[f"node.{label}"]
        assert rule["color"].startswith("#") and rule["caption"], label


def test_browser_style_captions_relations_with_their_status_alone():
    """Browser cuts a caption longer than its edge: the status alone fits; the type shows by colour and width."""
    rules = parse_grass(STYLE.read_text())
    for predicate in PREDICATES:
        assert rules[f"relationship.{predicate}"]["caption"] == "{status}"
    assert "{source}" in rules["relationship.ALIAS_OF"]["caption"]


def test_browser_style_colours_claims_by_their_status_label():
    """GraSS cannot branch on a property, so each status is a Claim label with its own colour, after node.Claim
    (the later rule wins in Browser)."""
    rules = parse_grass(STYLE.read_text())
    colours = [rules[f"node.{label}"]["color"] for label in STATUS_LABELS.values()]
    assert len(set(colours)) == len(STATUSES) and rules["node.Claim"]["color"] not in colours
    order = list(rules)
    assert all(order.index(f"node.{label}") > order.index("node.Claim") for label in STATUS_LABELS.values())


def test_browser_style_fits_in_one_command_without_semicolons():
    assert json.loads(style_json()) == parse_grass(STYLE.read_text())
    command = style_command()
    assert command.startswith(":style {") and "\n" not in command and ";" not in command


def test_browser_grass_parser_reads_quotes_like_browser():
    rules = parse_grass("node.A {\n  caption: '{name}';\n  color: #fff;\n}\nrelationship {caption: \"<type>\"}")
    assert rules == {"node.A": {"caption": "{name}", "color": "#fff"}, "relationship": {"caption": "<type>"}}


def test_browser_managed_server_applies_the_style_after_login(tmp_path: Path):
    settings = ServerSettings(home=tmp_path, version="5.26.30", browser_version="5.24.0", bolt_port=1,
                              http_port=2, heap="1g", pagecache="1g", start_timeout=1)
    config = LocalServer(settings).config_text()
    assert f"browser.post_connect_cmd=style {style_json()}\n" in config
    assert "browser.remote_content_hostname_whitelist=127.0.0.1,localhost" in config


def test_browser_guide_is_generated_from_the_canned_queries():
    assert GUIDE.read_text(encoding="utf-8") == render(), "regenerate it: python -m kg.browser.guide"
    html = GUIDE.read_text(encoding="utf-8")
    for statement in canned():
        assert f"<h3>{statement.name}</h3>" in html
        if statement.params:
            assert f":params {json.dumps(example_params(statement), ensure_ascii=False)}" in html


def test_browser_guide_examples_fill_every_parameter():
    for statement in canned():
        params = example_params(statement)
        assert set(params) == {p.name for p in statement.params}
        assert all(params[p.name] for p in statement.params if not p.optional), statement.name
