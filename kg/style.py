"""kg's Neo4j Browser style: the data file kg/data/style.grass, read the way Browser reads it.

Both the managed server's neo4j.conf (kg.store.server: `browser.post_connect_cmd`) and the Browser commands,
guide and screenshots (kg.browser) apply it, so it sits below both. Browser accepts a style as GraSS text or as
JSON; the JSON form has no bare semicolon, so it fits on one line and inside `browser.post_connect_cmd`,
which Browser splits on semicolons.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

STYLE = Path(__file__).resolve().parent / "data" / "style.grass"

_RULE = re.compile(r"([\w.\-]+)\s*\{((?:[^{}'\"]|'[^']*'|\"[^\"]*\")*)\}")
_PROP = re.compile(r"(?:[^;'\"]|'[^']*'|\"[^\"]*\")+")


def parse_grass(text: str) -> dict[str, dict[str, str]]:
    """GraSS text -> {selector: {property: value}}, read the way Neo4j Browser reads it (quotes dropped)."""
    rules: dict[str, dict[str, str]] = {}
    for selector, body in _RULE.findall(text):
        props = rules.setdefault(selector, {})
        for part in _PROP.findall(body):
            key, sep, value = part.partition(":")
            if sep and key.strip():
                props[key.strip()] = value.strip().strip("'\"")
    return rules


def style_json() -> str:
    """kg's style as one line of JSON, which Browser's `:style` command accepts as it accepts GraSS."""
    return json.dumps(parse_grass(STYLE.read_text(encoding="utf-8")), separators=(",", ":"))


def style_command() -> str:
    """The Browser command that applies kg's style (paste it into the editor, or put it in post_connect_cmd)."""
    return f":style {style_json()}"
